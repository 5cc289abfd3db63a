// Three SELECTs (workspaces, subscriptions, grants), each row checked as the accounts JSON reader
// checks its objects.
#include "account_tables.h"

#include <map>
#include <set>
#include <stdexcept>

#include "creditlens/credits.h"
#include "model/time_zone.h"
#include "result_reader.h"

namespace creditlens::sql {
namespace {

using mapping::TableMapping;

bool IsMicroCredits(std::string_view field) {
  return field == "flex_threshold" || field == "included_credits" || field == "credits";
}
bool IsCount(std::string_view field) {
  return field == "members_limit" || field == "members_count" || field == "projects_limit" ||
         field == "projects_count" || field == "priority";
}
bool IsTime(std::string_view field) {
  return field == "starts_at" || field == "ends_at" || field == "available_from" || field == "expires_at";
}

// One row of a mapped table, read by field name; unmapped fields read as NULL.
class MappedRow {
 public:
  MappedRow(const TableMapping& table, const ResultChunk& chunk, std::size_t row)
      : table_(table), chunk_(chunk), row_(row) {}

  std::string Text(std::string_view field, std::string fallback = {}) const {
    const auto column = Column(field);
    if (!column || chunk_.Text(*column, row_).empty()) return fallback;
    return chunk_.Text(*column, row_);
  }
  std::optional<std::int64_t> Number(std::string_view field) const {
    const auto column = Column(field);
    return column ? chunk_.OptionalInt64(*column, row_) : std::nullopt;
  }
  std::int64_t Required(std::string_view field, const std::string& row_name) const {
    const auto value = Number(field);
    if (!value) Fail(field, row_name, "is NULL");
    return *value;
  }
  // A decimal amount kept as text: trailing fractional zeros dropped ("0.010000" -> "0.01").
  std::string Decimal(std::string_view field, const std::string& row_name) const {
    std::string text = Text(field, "0");
    if (text.find('.') != std::string::npos) {
      text.erase(text.find_last_not_of('0') + 1);
      if (text.back() == '.') text.pop_back();
    }
    const auto micros = ParseMicroCredits(text);
    if (!micros || *micros < 0)
      Fail(field, row_name, "expected a number >= 0 with at most 6 decimals, got " + text);
    return text;
  }
  [[noreturn]] void Fail(std::string_view field, const std::string& row_name,
                         const std::string& problem) const {
    throw std::runtime_error("mapping " + table_.EntryPath(field) + " (table " + table_.table + ", " +
                             row_name + "): " + problem);
  }

 private:
  std::optional<std::size_t> Column(std::string_view field) const {
    for (std::size_t i = 0; i < table_.columns.size(); ++i) {
      if (table_.columns[i].field == field) return i;
    }
    return std::nullopt;
  }

  const TableMapping& table_;
  const ResultChunk& chunk_;
  std::size_t row_;
};

// Reads every row of a mapped table, in the order of the given result positions.
template <typename Visit>
void ForEachRow(Poco::Data::Session& session, const SqlDialect& dialect, const TableMapping& table,
                const std::string& order_by, Visit&& visit) {
  SqlQuery query(dialect);
  std::vector<ColumnKind> kinds;
  std::string list;
  for (const mapping::MappedColumn& column : table.columns) {
    ColumnKind kind = ColumnKind::kText;
    list += (list.empty() ? "" : ", ") +
            AccountFieldExpression(dialect, table.ts_type, column.field, column.expression, &kind);
    kinds.push_back(kind);
  }
  query.text = "SELECT " + list + " FROM " + table.table + " ORDER BY " + order_by;
  ForEachChunk(session, query, kinds, [&](const ResultChunk& chunk) {
    for (std::size_t row = 0; row < chunk.rows(); ++row) visit(MappedRow(table, chunk, row));
    return true;
  });
}

Workspace ReadWorkspace(const MappedRow& row) {
  Workspace w;
  w.id = row.Text("id");
  const std::string name = "workspace '" + w.id + "'";
  if (w.id.empty()) row.Fail("id", "a row", "is empty or NULL");
  w.name = row.Text("name", w.id);
  const std::string kind = row.Text("kind", "team");
  if (kind != "team" && kind != "personal")
    row.Fail("kind", name, "expected team or personal, got '" + kind + "'");
  w.kind = kind == "personal" ? WorkspaceKind::kPersonal : WorkspaceKind::kTeam;
  w.timezone = row.Text("timezone", "UTC");
  try {
    model::TimeZone::Locate(w.timezone);
  } catch (const std::invalid_argument& e) {
    row.Fail("timezone", name, e.what());
  }
  w.billing_email = row.Text("billing_email");
  w.price_per_credit = row.Decimal("price_per_credit", name);
  const std::string flex = row.Text("flex_enabled", "false");
  const bool yes = flex == "true" || flex == "t" || flex == "1" || flex == "yes" || flex == "y";
  const bool no = flex == "false" || flex == "f" || flex == "0" || flex == "no" || flex == "n";
  if (!yes && !no) row.Fail("flex_enabled", name, "expected a boolean, got '" + flex + "'");
  w.flex_enabled = yes;
  w.flex_threshold = row.Number("flex_threshold");
  const auto count = [&](std::string_view field) -> std::optional<int> {
    const auto value = row.Number(field);
    if (value && (*value < 0 || *value > 1'000'000'000))
      row.Fail(field, name, "expected a whole number >= 0");
    return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
  };
  w.members_limit = count("members_limit");
  w.members_count = count("members_count");
  w.projects_limit = count("projects_limit");
  w.projects_count = count("projects_count");
  return w;
}

Subscription ReadSubscription(const MappedRow& row, const std::string& name) {
  Subscription s;
  s.plan = row.Text("plan");
  s.starts_at_ms = row.Required("starts_at", name);
  s.ends_at_ms = row.Number("ends_at");
  if (s.ends_at_ms && *s.ends_at_ms <= s.starts_at_ms) row.Fail("ends_at", name, "must be after starts_at");
  const std::string cycle = row.Text("cycle", "monthly");
  if (cycle != "monthly" && cycle != "annual")
    row.Fail("cycle", name, "expected monthly or annual, got '" + cycle + "'");
  s.cycle = cycle == "annual" ? BillingCycle::kAnnual : BillingCycle::kMonthly;
  s.included_credits = row.Required("included_credits", name);
  s.flex_price_per_credit = row.Decimal("flex_price_per_credit", name);
  return s;
}

CreditGrant ReadGrant(const MappedRow& row, const std::string& name) {
  CreditGrant g;
  g.id = row.Text("id");
  g.kind = row.Text("kind", "prepaid");
  g.credits = row.Required("credits", name);
  g.price = row.Decimal("price", name);
  g.available_from_ms = row.Required("available_from", name);
  g.expires_at_ms = row.Number("expires_at");
  const std::int64_t priority = row.Number("priority").value_or(100);
  if (priority < 0 || priority > 1'000'000'000) row.Fail("priority", name, "expected a whole number >= 0");
  g.priority = static_cast<int>(priority);
  return g;
}

}  // namespace

std::string AccountFieldExpression(const SqlDialect& dialect, mapping::TsType ts_type, std::string_view field,
                                   const std::string& expr, ColumnKind* kind) {
  ColumnKind read = ColumnKind::kOptionalInt64;
  std::string sql;
  if (IsTime(field)) {
    sql = dialect.EpochMs(ts_type, expr);
  } else if (IsMicroCredits(field)) {
    sql = dialect.MicroCredits(expr);
  } else if (IsCount(field)) {
    sql = dialect.Int64(expr);
  } else {
    sql = dialect.Text(expr);
    read = ColumnKind::kText;
  }
  if (kind) *kind = read;
  return sql;
}

std::vector<Workspace> LoadAccountTables(Poco::Data::Session& session, const SqlDialect& dialect,
                                         const mapping::AccountsMapping& accounts) {
  // ORDER BY positions: a table's required fields lead its select list, in FieldSpec order
  // (workspaces: 1 id; subscriptions: 1 workspace_id, 2 plan, 3 starts_at; grants: 1 workspace_id, 2 id).
  std::vector<Workspace> workspaces;
  std::map<std::string, std::size_t> index;
  ForEachRow(session, dialect, accounts.workspaces, "1", [&](const MappedRow& row) {
    Workspace w = ReadWorkspace(row);
    if (!index.emplace(w.id, workspaces.size()).second)
      row.Fail("id", "workspace '" + w.id + "'", "appears twice");
    workspaces.push_back(std::move(w));
  });
  const auto owner = [&](const MappedRow& row) -> Workspace* {
    const auto it = index.find(row.Text("workspace_id"));
    return it == index.end() ? nullptr : &workspaces[it->second];
  };
  if (!accounts.subscriptions.table.empty()) {
    // By workspace, then start: a workspace's plans in the order they began.
    ForEachRow(session, dialect, accounts.subscriptions, "1, 3", [&](const MappedRow& row) {
      if (Workspace* w = owner(row)) {
        w->subscriptions.push_back(
            ReadSubscription(row, "workspace '" + w->id + "' plan '" + row.Text("plan") + "'"));
      }
    });
  }
  if (!accounts.credit_grants.table.empty()) {
    ForEachRow(session, dialect, accounts.credit_grants, "1, 2", [&](const MappedRow& row) {
      if (Workspace* w = owner(row)) {
        const std::string name = "workspace '" + w->id + "' grant '" + row.Text("id") + "'";
        CreditGrant g = ReadGrant(row, name);
        for (const CreditGrant& other : w->credit_grants) {
          if (other.id == g.id) row.Fail("id", name, "appears twice in this workspace");
        }
        w->credit_grants.push_back(std::move(g));
      }
    });
  }
  return workspaces;
}

}  // namespace creditlens::sql
