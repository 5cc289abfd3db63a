// GoogleTest checks of an opened SQL source connector against the fixture (usage_fixture.h):
// accounts, aggregates of many shapes, listings, and hostile values that must match exactly or not
// at all. Each server's test opens its connector on the loaded fixture and calls these.
#pragma once

#include <Poco/Data/Session.h>

#include "creditlens/source_connector.h"
#include "sql_dialect.h"

namespace creditlens::sql::testing {

void CheckAccounts(SourceConnector& connector);
void CheckAggregates(SourceConnector& connector);
void CheckListEvents(SourceConnector& connector);
// Filter and group values full of quotes, semicolons and comment markers: exact matches only, and
// afterwards the fixture's tables still hold every row (counted through admin).
void CheckHostileValues(SourceConnector& connector, Poco::Data::Session& admin,
                        const std::string& events_table, const std::string& orgs_table);
// Opens with a wrong password (one with a quote in it): the message starts with expected_start,
// holds the server's reason, and not the password.
void CheckWrongPassword(SourceConnector& connector, Settings settings, const std::string& expected_start,
                        const std::string& reason);

// Reads every row of events_table through ForEachChunk in chunks of 7, as the dialect pages (through
// a cursor inside a transaction, or streaming outside one).
void CheckChunkedReading(Poco::Data::Session& session, const SqlDialect& dialect,
                         const std::string& events_table);

// The settings a test opens a SQL source with (password from the variable password_env names).
Settings SourceSettings(const std::string& uri, const std::string& mapping, const std::string& password_env);
// The message Open fails with, or "" when it opens.
std::string OpenError(SourceConnector& connector, const Settings& settings);
// mapping with its accounts replaced by { "file": path }.
std::string WithAccountsFile(const std::string& mapping, const std::string& path);
// text with the first `from` replaced by `to` (a mapping with one mistake in it).
std::string Replaced(std::string text, const std::string& from, const std::string& to);

}  // namespace creditlens::sql::testing
