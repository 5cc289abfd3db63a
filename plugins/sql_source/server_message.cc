// Trims what each Poco::Data connector wraps around the server's message.
#include "server_message.h"

namespace creditlens::sql {
namespace {

std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == ';')) line.pop_back();
  return line;
}

}  // namespace

std::string ServerMessage(const Poco::Exception& error) {
  const std::string text = error.displayText();
  // libpq and the PostgreSQL ODBC driver: "... ERROR:  column "x" does not exist\nLINE 1: ..."
  for (const char* marker : {"ERROR:  ", "ERROR: "}) {
    if (const auto at = text.find(marker); at != std::string::npos) {
      return FirstLine(text.substr(at + std::string(marker).size()));
    }
  }
  // MySQL: "... [mysql_stmt_error]: Unknown column 'x' in 'SELECT'\t[mysql_stmt_errno]: 1054\t..."
  if (const auto at = text.find("[mysql_stmt_error]: "); at != std::string::npos) {
    const std::string rest = text.substr(at + 20);
    return FirstLine(rest.substr(0, rest.find('\t')));
  }
  return FirstLine(text);
}

}  // namespace creditlens::sql
