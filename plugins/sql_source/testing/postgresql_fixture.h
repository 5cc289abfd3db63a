// The fixture in a PostgreSQL server, as the PostgreSQL and ODBC tests read it: database "usage",
// schema "billing" (usage_log with timestamptz and integer milli-credits, orgs, plans, bundles, and
// the view usage_times with ts as timestamp / epoch ms / epoch seconds), and a login role "analyst"
// with the given password that may only SELECT.
#pragma once

#include <string>

#include "postgresql_server.h"

namespace creditlens::sql::testing {

void CreatePostgresqlFixture(const PostgresqlServer& server, const std::string& analyst_password);

// The fixture's mapping for the schema above (events_table: "billing.usage_log" or a view).
std::string PostgresqlFixtureMapping(const std::string& events_table = "billing.usage_log");

}  // namespace creditlens::sql::testing
