// INSERTs of the fixture rows; NULLs bound as Poco::Nullable.
#include "fixture_loader.h"

#include <Poco/Data/Binding.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include "usage_fixture.h"

namespace creditlens::sql::testing {
namespace {

using Poco::Data::Keywords::bind;
using Text = Poco::Nullable<std::string>;
using Number = Poco::Nullable<Poco::Int64>;

Text Opt(const std::optional<std::string>& value) { return value ? Text(*value) : Text(); }
Number Opt(const std::optional<std::int64_t>& value) { return value ? Number(*value) : Number(); }

class Inserter {
 public:
  Inserter(Poco::Data::Session& session, const std::function<std::string(std::size_t)>& placeholder,
           std::string suffix)
      : session_(session), placeholder_(placeholder), suffix_(std::move(suffix)) {}

  Text Time(std::int64_t ms) const { return Text(SqlUtcTimestamp(ms) + suffix_); }
  Text Time(const std::optional<std::int64_t>& ms) const { return ms ? Time(*ms) : Text(); }

  template <typename... Values>
  void Insert(const std::string& table, const std::string& columns, const Values&... values) {
    Poco::Data::Statement statement(session_);
    std::string list;
    for (std::size_t i = 1; i <= sizeof...(values); ++i) list += (i == 1 ? "" : ", ") + placeholder_(i);
    statement << "INSERT INTO " + table + " (" + columns + ") VALUES (" + list + ")";
    (statement.addBind(bind(values)), ...);
    statement.execute();
  }

 private:
  Poco::Data::Session& session_;
  const std::function<std::string(std::size_t)>& placeholder_;
  std::string suffix_;
};

}  // namespace

void LoadFixture(Poco::Data::Session& admin, const FixtureTables& tables,
                 const std::function<std::string(std::size_t)>& placeholder,
                 const std::string& timestamp_suffix) {
  Inserter in(admin, placeholder, timestamp_suffix);
  for (const FixtureEvent& e : FixtureEvents()) {
    in.Insert(
        tables.events,
        "event_uuid, created_at, org_id, kind, feature_name, amount_milli, folder_path, key_name, member, "
        "workflow, run, step, qty_milli, unit_name, bytes",
        e.id, in.Time(e.ts_ms), e.workspace, e.category, e.feature, Poco::Int64(e.credits_milli),
        Opt(e.folder), Opt(e.api_key), Opt(e.user), Opt(e.source), Opt(e.run), Opt(e.module),
        Opt(e.quantity_milli), Opt(e.unit), Opt(e.bytes));
  }
  const std::string org_columns =
      "org_id, org_name, org_kind, tz, email, price, flex, flex_cap, seats, seated";
  in.Insert(tables.orgs, org_columns, std::string("ws-a"), Text("Acme Vision"), Text("team"),
            Text("Europe/Berlin"), Text("billing@acme.test"), Text("0.0100"), Number(1), Text("5000"),
            Number(10), Number(7));
  in.Insert(tables.orgs, org_columns, std::string("ws-b"), Text(), Text("personal"), Text(), Text(), Text(),
            Number(0), Text(), Number(), Number());
  in.Insert(tables.orgs, org_columns, std::string(kHostileWorkspace), Text("Robert'); DROP TABLE orgs; --"),
            Text(), Text("America/New_York"), Text("x@y.test"), Text("0.02"), Number(), Text(), Number(),
            Number());
  const std::string plan_columns = "org, plan_name, began, ended, period, included, flex_price";
  in.Insert(tables.plans, plan_columns, std::string("ws-a"), std::string("core"), in.Time(1762819200000),
            in.Time(std::nullopt), Text("monthly"), std::string("1000"), Text("0.012"));
  in.Insert(tables.plans, plan_columns, std::string("ws-b"), std::string("starter"), in.Time(1735689600000),
            in.Time(1767225600000), Text("annual"), std::string("12000"), Text());
  in.Insert(tables.plans, plan_columns, std::string("ws-b"), std::string("core"), in.Time(1767225600000),
            in.Time(std::nullopt), Text(), std::string("1000.000"), Text("0.0125"));
  in.Insert(tables.plans, plan_columns, std::string("ws-gone"), std::string("core"), in.Time(1767225600000),
            in.Time(std::nullopt), Text(), std::string("1"), Text());  // no such workspace: left out
  const std::string bundle_columns = "org, bundle_id, bundle_kind, amount, cost, valid_from, valid_to, prio";
  in.Insert(tables.bundles, bundle_columns, std::string("ws-a"), std::string("g1"), Text("prepaid"),
            std::string("500"), Text("4.60"), in.Time(1768003200000), in.Time(1799539200000), Number(50));
  in.Insert(tables.bundles, bundle_columns, std::string("ws-a"), std::string("g2"), Text("promotional"),
            std::string("12.5"), Text(), in.Time(1768003200000), in.Time(std::nullopt), Number());
}

std::int64_t CountRows(Poco::Data::Session& admin, const std::string& table) {
  Poco::Int64 count = -1;
  admin << "SELECT COUNT(*) FROM " + table, Poco::Data::Keywords::into(count), Poco::Data::Keywords::now;
  return count;
}

}  // namespace creditlens::sql::testing
