// HTTP requests to ClickHouse: the query in the body, or in the URL beside multipart external data.
#include "clickhouse_client.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <istream>
#include <memory>

namespace creditlens::clickhouse {
namespace {

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

constexpr std::size_t kReadBlock = 1 << 16;
constexpr std::size_t kMaxErrorBody = 1 << 14;
constexpr std::size_t kMaxShownLine = 200;

std::string ReadErrorBody(std::istream& in) {
  std::string body(kMaxErrorBody, '\0');
  in.read(body.data(), static_cast<std::streamsize>(body.size()));
  body.resize(static_cast<std::size_t>(in.gcount()));
  return body;
}

// Hands each complete line of in to sink; a last line without its '\n' means the answer was cut.
void ReadLines(std::istream& in, const LineSink& sink, const Client& client) {
  std::string buffer;
  std::size_t start = 0;
  while (in) {
    if (start > 0) {
      buffer.erase(0, start);
      start = 0;
    }
    const std::size_t kept = buffer.size();
    buffer.resize(kept + kReadBlock);
    in.read(buffer.data() + kept, kReadBlock);
    buffer.resize(kept + static_cast<std::size_t>(in.gcount()));
    for (std::size_t end; (end = buffer.find('\n', start)) != std::string::npos; start = end + 1) {
      if (!sink(std::string_view(buffer).substr(start, end - start))) return;
    }
  }
  if (start < buffer.size())
    client.BadLine(std::string_view(buffer).substr(start), "the answer ends mid-line");
}

}  // namespace

std::string TidyServerMessage(std::string_view body) {
  std::string text(body);
  for (const std::string_view noise :
       {std::string_view("e.displayText() = "), std::string_view(", e.what() = DB::Exception")}) {
    for (std::size_t at; (at = text.find(noise)) != std::string::npos;) text.erase(at, noise.size());
  }
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  return text;
}

Client::Client(Endpoint endpoint, int connect_timeout_s, int query_timeout_s)
    : endpoint_(std::move(endpoint)),
      connect_timeout_s_(connect_timeout_s),
      query_timeout_s_(query_timeout_s) {}

void Client::BadLine(std::string_view line, const std::string& why) const {
  if (line.starts_with("Code: ")) {
    throw ServerError("ClickHouse at " + endpoint_.Address() +
                      " failed while sending the result: " + TidyServerMessage(line));
  }
  std::string shown(line.substr(0, kMaxShownLine));
  if (line.size() > kMaxShownLine) shown += "...";
  throw std::runtime_error("unexpected answer from ClickHouse at " + endpoint_.Address() + ": " + why +
                           ": \"" + shown + "\"");
}

void Client::Query(const std::string& sql, std::span<const ExternalTable> tables, Delivery delivery,
                   const LineSink& sink) const {
  Poco::URI target("/");
  target.addQueryParameter("database", endpoint_.database);
  if (delivery == Delivery::kBuffered) {
    target.addQueryParameter("wait_end_of_query", "1");
    target.addQueryParameter("max_execution_time", std::to_string(query_timeout_s_));
  }
  Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
  if (!tables.empty()) {
    target.addQueryParameter("query", sql);
    for (const ExternalTable& table : tables) {
      target.addQueryParameter(table.name + "_structure", table.structure);
      target.addQueryParameter(table.name + "_format", "TabSeparated");
      form.addPart(table.name,
                   new Poco::Net::StringPartSource(table.rows, "text/tab-separated-values", table.name));
    }
  }
  HTTPRequest request(HTTPRequest::HTTP_POST, target.getPathAndQuery(), HTTPRequest::HTTP_1_1);
  request.set("X-ClickHouse-User", endpoint_.user);
  request.set("X-ClickHouse-Key", endpoint_.password);
  Poco::Net::HTTPClientSession session(endpoint_.host, endpoint_.port);
  // Buffered answers come only when the query is done: allow the server its own limit, and a little more.
  constexpr int kGraceSeconds = 5;
  const Poco::Timespan wait(query_timeout_s_ + kGraceSeconds, 0);
  session.setTimeout(Poco::Timespan(connect_timeout_s_, 0), wait, wait);
  HTTPResponse response;
  bool answered = false;
  try {
    if (tables.empty()) {
      request.setContentType("text/plain; charset=UTF-8");
      request.setContentLength(static_cast<std::streamsize>(sql.size()));
      session.sendRequest(request) << sql;
    } else {
      form.prepareSubmit(request, Poco::Net::HTMLForm::OPT_USE_CONTENT_LENGTH);
      form.write(session.sendRequest(request));
    }
    std::istream& in = session.receiveResponse(response);
    answered = true;
    if (response.getStatus() != HTTPResponse::HTTP_OK) {
      throw ServerError("ClickHouse at " + endpoint_.Address() +
                        " refused the query: " + TidyServerMessage(ReadErrorBody(in)));
    }
    ReadLines(in, sink, *this);
  } catch (const Poco::TimeoutException&) {
    throw std::runtime_error("ClickHouse at " + endpoint_.Address() + " did not answer in time (settings " +
                             (answered ? "timeout_s" : "connect_timeout_s, timeout_s") + ")");
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(
        (answered ? "lost the connection to ClickHouse at " : "cannot reach ClickHouse at ") +
        endpoint_.Address() + ": " + e.displayText());
  }
}

}  // namespace creditlens::clickhouse
