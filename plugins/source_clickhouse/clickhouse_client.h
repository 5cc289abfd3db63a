// Runs queries on ClickHouse's HTTP interface (Poco::Net). User values travel as external data (a
// temporary table per list of values in a multipart/form-data request), never inside the SQL text.
// Failures become std::runtime_error with a message that names the server and carries ClickHouse's
// own explanation; the password is sent in a header only and never appears in a message.
#pragma once

#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "clickhouse_endpoint.h"

namespace creditlens::clickhouse {

// A temporary table the query can read, e.g. {"_filter_0", "value String", "acme\nglobex\n"}.
struct ExternalTable {
  std::string name;
  std::string structure;  // ClickHouse column list: "value String"
  std::string rows;       // TabSeparated, one row per line (see tab_separated.h)
};

// ClickHouse answered with an error (bad credentials, unknown table or column, ...).
class ServerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Receives each line of a result (without its '\n'); returning false stops the query.
using LineSink = std::function<bool(std::string_view line)>;

enum class Delivery {
  kBuffered,   // the server finishes the query before answering (errors come as errors): small results
  kStreaming,  // rows arrive as they are produced: listings of any size
};

class Client {
 public:
  // connect_timeout_s bounds connecting; query_timeout_s bounds a query on the server and each wait for it.
  Client(Endpoint endpoint, int connect_timeout_s, int query_timeout_s);

  // Runs sql, whose FORMAT clause says how lines look, with the given temporary tables.
  void Query(const std::string& sql, std::span<const ExternalTable> tables, Delivery delivery,
             const LineSink& sink) const;

  const Endpoint& endpoint() const { return endpoint_; }

  // Throws for a result line the caller could not read: ClickHouse's error when the server failed
  // after it began to answer (it then appends its message to the rows), else what was wrong.
  [[noreturn]] void BadLine(std::string_view line, const std::string& why) const;

 private:
  Endpoint endpoint_;
  int connect_timeout_s_;
  int query_timeout_s_;
};

// ClickHouse's error text without its repetitions: "Code: 60, DB::Exception: Table x doesn't exist."
std::string TidyServerMessage(std::string_view body);

}  // namespace creditlens::clickhouse
