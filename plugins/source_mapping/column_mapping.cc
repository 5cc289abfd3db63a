// Parses the mapping JSON with Boost.JSON, checking every entry and naming the one at fault.
#include "column_mapping.h"

#include <algorithm>
#include <boost/json.hpp>
#include <stdexcept>

namespace creditlens::mapping {
namespace {

namespace json = boost::json;

constexpr FieldSpec kEventFields[] = {
    {"id", true, false},        {"ts", true, true},        {"workspace_id", true, false},
    {"category", true, false},  {"feature", true, false},  {"credits", true, false},
    {"folder", false, false},   {"api_key", false, false}, {"user_id", false, false},
    {"source", false, false},   {"run_id", false, false},  {"module", false, false},
    {"quantity", false, false}, {"unit", false, false},    {"data_bytes", false, false},
};
constexpr FieldSpec kWorkspaceFields[] = {
    {"id", true, false},
    {"name", false, false},
    {"kind", false, false},
    {"timezone", false, false},
    {"billing_email", false, false},
    {"price_per_credit", false, false},
    {"flex_enabled", false, false},
    {"flex_threshold", false, false},
    {"members_limit", false, false},
    {"members_count", false, false},
    {"projects_limit", false, false},
    {"projects_count", false, false},
};
constexpr FieldSpec kSubscriptionFields[] = {
    {"workspace_id", true, false},
    {"plan", true, false},
    {"starts_at", true, true},
    {"ends_at", false, true},
    {"cycle", false, false},
    {"included_credits", true, false},
    {"flex_price_per_credit", false, false},
};
constexpr FieldSpec kCreditGrantFields[] = {
    {"workspace_id", true, false}, {"id", true, false},        {"kind", false, false},
    {"credits", true, false},      {"price", false, false},    {"available_from", true, true},
    {"expires_at", false, true},   {"priority", false, false},
};

[[noreturn]] void Fail(const std::string& path, const std::string& problem) {
  throw std::invalid_argument("mapping: " + path + ": " + problem);
}

// The path of key inside the object at path ("" is the top level).
std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// What a wrong value was, for messages: JSON text, shortened.
std::string Shown(const json::value& value) {
  std::string text = json::serialize(value);
  constexpr std::size_t kMaxShown = 60;
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return text;
}

const json::object& AsObject(const json::value& value, const std::string& path) {
  if (!value.is_object()) Fail(path, "expected an object, got " + Shown(value));
  return value.as_object();
}

// Refuses keys outside `known`: a misspelt entry must not vanish silently.
void RefuseUnknownKeys(const json::object& object, const std::string& path,
                       std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : object) {
    bool found = false;
    std::string accepted;
    for (const auto k : known) {
      found = found || k == key;
      accepted += (accepted.empty() ? "" : ", ") + std::string(k);
    }
    if (!found) Fail(Join(path, key), "unknown entry (expected one of " + accepted + ")");
  }
}

std::string NonEmptyString(const json::value& value, const std::string& path, const std::string& what) {
  if (!value.is_string()) Fail(path, "expected " + what + " (a string), got " + Shown(value));
  std::string text(value.as_string());
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) Fail(path, "expected " + what + ", got \"\"");
  return text;
}

TsType ReadTsType(const json::object& object, const std::string& path) {
  const auto* value = object.if_contains("ts_type");
  if (!value) return TsType::kTimestamp;
  const std::string at = path + ".ts_type";
  if (!value->is_string()) Fail(at, "expected timestamp, epoch_ms or epoch_s, got " + Shown(*value));
  const std::string_view text = value->as_string();
  if (text == "timestamp") return TsType::kTimestamp;
  if (text == "epoch_ms") return TsType::kEpochMs;
  if (text == "epoch_s") return TsType::kEpochS;
  Fail(at, "expected timestamp, epoch_ms or epoch_s, got " + Shown(*value));
}

TableMapping ReadTable(const json::value& value, const std::string& path, std::span<const FieldSpec> fields) {
  const json::object& object = AsObject(value, path);
  RefuseUnknownKeys(object, path, {"table", "ts_type", "columns"});
  TableMapping mapping;
  mapping.path = path;
  const auto* table = object.if_contains("table");
  if (!table) Fail(path + ".table", "is required (the table or view to read)");
  mapping.table = NonEmptyString(*table, path + ".table", "a table name");
  mapping.ts_type = ReadTsType(object, path);
  const auto* columns_value = object.if_contains("columns");
  if (!columns_value) Fail(path + ".columns", "is required (field: column or SQL expression)");
  const json::object& columns = AsObject(*columns_value, path + ".columns");
  std::string accepted;
  for (const FieldSpec& field : fields) accepted += (accepted.empty() ? "" : ", ") + std::string(field.name);
  for (const auto& entry : columns) {
    const std::string_view key = entry.key();  // named: clang 14 cannot capture structured bindings
    const bool known =
        std::any_of(fields.begin(), fields.end(), [&](const FieldSpec& f) { return f.name == key; });
    if (!known)
      Fail(path + ".columns." + std::string(key), "unknown field (expected one of " + accepted + ")");
  }
  for (const FieldSpec& field : fields) {
    const std::string at = mapping.EntryPath(field.name);
    const auto* column = columns.if_contains(field.name);
    if (!column || column->is_null()) {
      if (field.required) Fail(at, "is required (a column or SQL expression)");
      continue;
    }
    mapping.columns.push_back(
        {std::string(field.name), NonEmptyString(*column, at, "a column or SQL expression")});
  }
  return mapping;
}

AccountsMapping ReadAccounts(const json::value& value) {
  const std::string path = "accounts";
  const json::object& object = AsObject(value, path);
  AccountsMapping accounts;
  if (const auto* file = object.if_contains("file")) {
    RefuseUnknownKeys(object, path, {"file"});
    accounts.file = NonEmptyString(*file, path + ".file", "the path of an accounts JSON file");
    return accounts;
  }
  RefuseUnknownKeys(object, path, {"file", "workspaces", "subscriptions", "credit_grants"});
  const auto* workspaces = object.if_contains("workspaces");
  if (!workspaces)
    Fail(path, "expected \"file\" (an accounts JSON file) or \"workspaces\" (a table mapping)");
  accounts.workspaces = ReadTable(*workspaces, path + ".workspaces", WorkspaceFields());
  if (const auto* subscriptions = object.if_contains("subscriptions")) {
    accounts.subscriptions = ReadTable(*subscriptions, path + ".subscriptions", SubscriptionFields());
  }
  if (const auto* grants = object.if_contains("credit_grants")) {
    accounts.credit_grants = ReadTable(*grants, path + ".credit_grants", CreditGrantFields());
  }
  return accounts;
}

}  // namespace

const char* ToString(TsType type) {
  switch (type) {
    case TsType::kEpochMs:
      return "epoch_ms";
    case TsType::kEpochS:
      return "epoch_s";
    case TsType::kTimestamp:
      break;
  }
  return "timestamp";
}

const char* DimensionField(Dimension dimension) {
  switch (dimension) {
    case Dimension::kWorkspace:
      return "workspace_id";
    case Dimension::kCategory:
      return "category";
    case Dimension::kFeature:
      return "feature";
    case Dimension::kFolder:
      return "folder";
    case Dimension::kApiKey:
      return "api_key";
    case Dimension::kUser:
      return "user_id";
    case Dimension::kSource:
      return "source";
    case Dimension::kRun:
      return "run_id";
    case Dimension::kModule:
      break;
  }
  return "module";
}

std::span<const FieldSpec> EventFields() { return kEventFields; }
std::span<const FieldSpec> WorkspaceFields() { return kWorkspaceFields; }
std::span<const FieldSpec> SubscriptionFields() { return kSubscriptionFields; }
std::span<const FieldSpec> CreditGrantFields() { return kCreditGrantFields; }

const std::string* TableMapping::Find(std::string_view field) const {
  for (const MappedColumn& column : columns) {
    if (column.field == field) return &column.expression;
  }
  return nullptr;
}

const std::string& TableMapping::At(std::string_view field) const {
  const std::string* expression = Find(field);
  if (!expression) Fail(EntryPath(field), "is required (a column or SQL expression)");
  return *expression;
}

std::string TableMapping::EntryPath(std::string_view field) const {
  return path + ".columns." + std::string(field);
}

SourceMapping ParseSourceMapping(std::string_view json_text) {
  json::parse_options options;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  boost::system::error_code ec;
  const json::value root = json::parse(json_text, ec, {}, options);
  if (ec) throw std::invalid_argument("mapping: invalid JSON: " + ec.message());
  if (!root.is_object()) Fail("(top level)", "expected an object, got " + Shown(root));
  const json::object& object = root.as_object();
  RefuseUnknownKeys(object, "", {"events", "accounts"});
  const auto* events = object.if_contains("events");
  if (!events) Fail("events", "is required (the table of usage events and its columns)");
  const auto* accounts = object.if_contains("accounts");
  if (!accounts) Fail("accounts", "is required ({\"file\": ...} or the workspaces table mapping)");
  SourceMapping mapping;
  mapping.events = ReadTable(*events, "events", EventFields());
  mapping.accounts = ReadAccounts(*accounts);
  return mapping;
}

}  // namespace creditlens::mapping
