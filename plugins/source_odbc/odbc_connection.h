// ODBC connection strings: "DSN=name" or a full "Driver={...};Server=...;..." string, as given after
// "odbc:" in --source. The password is appended from password_env / password_file, never taken from
// the command line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace creditlens::odbc {

// The key=value pairs of a connection string, keys as written; {braced} values may hold ';'.
// Throws std::invalid_argument for an unclosed brace or a pair without '='.
std::vector<std::pair<std::string, std::string>> ParseOdbcAttributes(std::string_view text);

// text with ";PWD={password}" appended (braces escaped), and, unless text sets UseDeclareFetch,
// psqlODBC's paging ("UseDeclareFetch=1;Fetch=10000": the driver reads long results through a
// cursor, 10000 rows at a time, instead of buffering them whole). Throws std::invalid_argument when
// text already holds PWD or PASSWORD: a password does not belong on the command line.
std::string OdbcConnectionString(const std::string& text, const std::optional<std::string>& password);

// "ODBC data source DSN=usage" / "ODBC data source Driver={...};Server=db;Database=x", for messages.
std::string DescribeOdbcSource(const std::string& text);

}  // namespace creditlens::odbc
