// Open checks the server, the credentials and every mapped expression before any report runs.
#include "clickhouse_connector.h"

#include <charconv>
#include <stdexcept>

#include "column_mapping.h"
#include "event_queries.h"
#include "model/accounts_json.h"
#include "result_rows.h"
#include "source_password.h"

namespace creditlens::clickhouse {
namespace {

// A setting of whole seconds > 0.
int Seconds(const Settings& settings, const std::string& name) {
  const std::string& text = settings.at(name);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) {
    throw std::invalid_argument("setting " + name + ": expected a whole number of seconds > 0, got '" + text +
                                "'");
  }
  return value;
}

}  // namespace

ClickHouseConnector::ClickHouseConnector() = default;
ClickHouseConnector::~ClickHouseConnector() = default;

ConnectorInfo ClickHouseConnector::Describe() const noexcept {
  std::vector<SettingSpec> settings = sql::SqlSourceSettings("//reporter@clickhouse.internal:8123/billing");
  settings.push_back({"timeout_s", SettingType::kInteger, "300", "Seconds one query may run on the server"});
  return {
      {"clickhouse", "0.1.0",
       "ClickHouse over its HTTP interface, through a column mapping; filters, grouping and time buckets run "
       "in ClickHouse",
       std::move(settings)},
      {"clickhouse"}};
}

Status ClickHouseConnector::Open(const Settings& settings) noexcept {
  return Guard([&] {
    if (settings.at("mapping").empty()) {
      throw std::invalid_argument("the clickhouse source needs a column mapping (--mapping FILE)");
    }
    const mapping::SourceMapping source = mapping::ParseSourceMapping(settings.at("mapping"));
    auto client =
        std::make_unique<Client>(EndpointFromSettings(settings), Seconds(settings, "connect_timeout_s"),
                                 Seconds(settings, "timeout_s"));
    events_ = ResolveTable(*client, source.events, mapping::EventFields());
    if (source.accounts.from_file()) {
      accounts_file_ = source.accounts.file;
    } else {
      account_tables_ = ResolveAccountTables(*client, source.accounts);
    }
    client_ = std::move(client);
  });
}

const Client& ClickHouseConnector::OpenClient() const {
  if (!client_) throw std::logic_error("the clickhouse source is not open");
  return *client_;
}

Status ClickHouseConnector::LoadAccounts(std::vector<Workspace>& workspaces) noexcept {
  return Guard([&] {
    const Client& client = OpenClient();
    workspaces = account_tables_ ? ReadMappedAccounts(client, *account_tables_)
                                 : model::ReadAccountsFile(accounts_file_);
  });
}

Status ClickHouseConnector::Aggregate(const AggregateRequest& request,
                                      std::vector<AggregateRow>& rows) noexcept {
  return Guard([&] {
    const Client& client = OpenClient();
    rows.clear();
    const BuiltQuery query = BuildAggregateQuery(*events_, request);
    const std::size_t keys = request.group_by.size();
    TsvRow row;
    client.Query(query.sql, query.tables, Delivery::kBuffered, [&](std::string_view line) {
      try {
        if (!row.Parse(line, keys + 3)) throw std::invalid_argument(row.error());
        ReadAggregateRow(row, keys, rows.emplace_back());
      } catch (const std::invalid_argument& e) {
        client.BadLine(line, e.what());
      }
      return true;
    });
  });
}

Status ClickHouseConnector::ListEvents(const EventQuery& query, const EventSink& sink) noexcept {
  return Guard([&] {
    const Client& client = OpenClient();
    const BuiltQuery built = BuildListQuery(*events_, query);
    constexpr std::size_t kColumns = std::size(kListedFields);
    TsvRow row;
    UsageEvent event;
    client.Query(built.sql, built.tables, Delivery::kStreaming, [&](std::string_view line) {
      try {
        if (!row.Parse(line, kColumns)) throw std::invalid_argument(row.error());
        ReadEventRow(row, event);
      } catch (const std::invalid_argument& e) {
        client.BadLine(line, e.what());
      }
      return sink(event);
    });
  });
}

}  // namespace creditlens::clickhouse
