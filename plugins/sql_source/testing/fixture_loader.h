// Loads the fixture (usage_fixture.h) into tables a server's test created with its own DDL, through
// an administrator's Poco::Data session, every value bound.
#pragma once

#include <Poco/Data/Session.h>

#include <functional>
#include <string>

namespace creditlens::sql::testing {

struct FixtureTables {
  std::string events, orgs, plans, bundles;
};

// placeholder(i) is the server's i-th placeholder (1-based); timestamp_suffix follows
// "YYYY-MM-DD HH:MM:SS.mmm" in bound timestamps ("+00" for timestamptz, "" for DATETIME).
void LoadFixture(Poco::Data::Session& admin, const FixtureTables& tables,
                 const std::function<std::string(std::size_t)>& placeholder,
                 const std::string& timestamp_suffix);

// SELECT COUNT(*) FROM table, to see that nothing was dropped or deleted.
std::int64_t CountRows(Poco::Data::Session& admin, const std::string& table);

}  // namespace creditlens::sql::testing
