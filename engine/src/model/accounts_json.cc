// Accounts JSON: a DOM parse (the file is small) with a typed reader that names each bad field.
#include "model/accounts_json.h"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "model/time_zone.h"
#include "model/timestamp.h"

namespace creditlens::model {
namespace {

namespace json = boost::json;

// Reads fields of one JSON object, reporting problems with their JSON path.
class ObjectReader {
 public:
  ObjectReader(const json::value& value, std::string path) : path_(std::move(path)) {
    if (!value.is_object()) Fail(path_, "expected an object");
    object_ = &value.as_object();
  }

  [[noreturn]] static void Fail(const std::string& path, const std::string& problem) {
    throw std::invalid_argument(path + ": " + problem);
  }
  std::string At(std::string_view key) const { return path_ + "." + std::string(key); }

  const json::value* Find(std::string_view key) const {
    read_.emplace(key);
    const auto* v = object_->if_contains(key);
    return v && !v->is_null() ? v : nullptr;
  }
  const json::value& Require(std::string_view key) const {
    const auto* v = Find(key);
    if (!v) Fail(At(key), "is required");
    return *v;
  }
  std::string String(std::string_view key, bool required, std::string fallback = {}) const {
    const auto* v = required ? &Require(key) : Find(key);
    if (!v) return fallback;
    if (!v->is_string()) Fail(At(key), "expected a string");
    return std::string(v->as_string());
  }
  bool Bool(std::string_view key, bool fallback) const {
    const auto* v = Find(key);
    if (!v) return fallback;
    if (!v->is_bool()) Fail(At(key), "expected true or false");
    return v->as_bool();
  }
  std::optional<int> Count(std::string_view key) const {
    const auto* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_int64() || v->as_int64() < 0 || v->as_int64() > 1'000'000'000) {
      Fail(At(key), "expected a whole number >= 0");
    }
    return static_cast<int>(v->as_int64());
  }
  // A decimal amount as written: from a JSON number (shortest round-trip text) or a string.
  std::optional<std::string> Decimal(std::string_view key, bool required) const {
    const auto* v = required ? &Require(key) : Find(key);
    if (!v) return std::nullopt;
    std::string text;
    if (v->is_string()) {
      text = std::string(v->as_string());
    } else if (v->is_int64() || v->is_uint64()) {
      text = json::serialize(*v);
    } else if (v->is_double()) {
      char buffer[64];
      const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v->as_double());
      text.assign(buffer, end);
    } else {
      Fail(At(key), "expected a number");
    }
    const auto micros = ParseMicroCredits(text);
    if (!micros || *micros < 0) Fail(At(key), "expected a number >= 0 with at most 6 decimals, got " + text);
    return text;
  }
  std::optional<MicroCredits> Credits(std::string_view key, bool required) const {
    const auto text = Decimal(key, required);
    if (!text) return std::nullopt;
    return ParseMicroCredits(*text);
  }
  std::optional<std::int64_t> Timestamp(std::string_view key, bool required) const {
    const auto text = String(key, required);
    if (text.empty()) return std::nullopt;
    const auto ms = ParseIsoTimestamp(text);
    if (!ms) Fail(At(key), "expected an ISO-8601 timestamp with offset, got '" + text + "'");
    return ms;
  }
  const json::array* Array(std::string_view key) const {
    const auto* v = Find(key);
    if (!v) return nullptr;
    if (!v->is_array()) Fail(At(key), "expected an array");
    return &v->as_array();
  }

  // Refuses keys no reader asked for: a misspelt optional field must not vanish silently.
  void RefuseUnknownKeys() const {
    for (const auto& [key, value] : *object_) {
      if (!read_.contains(std::string(key))) {
        std::string accepted;
        for (const auto& k : read_) accepted += (accepted.empty() ? "" : ", ") + k;
        Fail(At(key), "is not a known field (accepted: " + accepted + ")");
      }
    }
  }

 private:
  const json::object* object_ = nullptr;
  std::string path_;
  mutable std::set<std::string> read_;
};

Subscription ReadSubscription(const ObjectReader& r) {
  Subscription s;
  s.plan = r.String("plan", true);
  s.starts_at_ms = *r.Timestamp("starts_at", true);
  s.ends_at_ms = r.Timestamp("ends_at", false);
  const std::string cycle = r.String("cycle", false, "monthly");
  if (cycle != "monthly" && cycle != "annual")
    ObjectReader::Fail(r.At("cycle"), "expected monthly or annual");
  s.cycle = cycle == "annual" ? BillingCycle::kAnnual : BillingCycle::kMonthly;
  s.included_credits = *r.Credits("included_credits", true);
  s.flex_price_per_credit = r.Decimal("flex_price_per_credit", false).value_or("0");
  r.RefuseUnknownKeys();
  if (s.ends_at_ms && *s.ends_at_ms <= s.starts_at_ms)
    ObjectReader::Fail(r.At("ends_at"), "must be after starts_at");
  return s;
}

CreditGrant ReadGrant(const ObjectReader& r) {
  CreditGrant g;
  g.id = r.String("id", true);
  g.kind = r.String("kind", false, "prepaid");
  g.credits = *r.Credits("credits", true);
  g.price = r.Decimal("price", false).value_or("0");
  g.available_from_ms = *r.Timestamp("available_from", true);
  g.expires_at_ms = r.Timestamp("expires_at", false);
  g.priority = r.Count("priority").value_or(100);
  r.RefuseUnknownKeys();
  return g;
}

Workspace ReadWorkspace(const ObjectReader& r) {
  Workspace w;
  w.id = r.String("id", true);
  w.name = r.String("name", false, w.id);
  const std::string kind = r.String("kind", false, "team");
  if (kind != "team" && kind != "personal") ObjectReader::Fail(r.At("kind"), "expected team or personal");
  w.kind = kind == "personal" ? WorkspaceKind::kPersonal : WorkspaceKind::kTeam;
  w.timezone = r.String("timezone", false, "UTC");
  try {
    TimeZone::Locate(w.timezone);
  } catch (const std::invalid_argument& e) {
    ObjectReader::Fail(r.At("timezone"), e.what());
  }
  w.billing_email = r.String("billing_email", false);
  w.price_per_credit = r.Decimal("price_per_credit", false).value_or("0");
  w.flex_enabled = r.Bool("flex_enabled", false);
  w.flex_threshold = r.Credits("flex_threshold", false);
  w.members_limit = r.Count("members_limit");
  w.members_count = r.Count("members_count");
  w.projects_limit = r.Count("projects_limit");
  w.projects_count = r.Count("projects_count");
  if (const auto* subs = r.Array("subscriptions")) {
    for (std::size_t i = 0; i < subs->size(); ++i) {
      w.subscriptions.push_back(
          ReadSubscription(ObjectReader((*subs)[i], r.At("subscriptions") + "[" + std::to_string(i) + "]")));
    }
  }
  if (const auto* grants = r.Array("credit_grants")) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < grants->size(); ++i) {
      const std::string at = r.At("credit_grants") + "[" + std::to_string(i) + "]";
      w.credit_grants.push_back(ReadGrant(ObjectReader((*grants)[i], at)));
      if (!ids.insert(w.credit_grants.back().id).second) {
        ObjectReader::Fail(at + ".id",
                           "grant '" + w.credit_grants.back().id + "' appears twice in this workspace");
      }
    }
  }
  r.RefuseUnknownKeys();
  return w;
}

}  // namespace

std::vector<Workspace> ReadAccountsFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open");
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  const json::value root = json::parse(text.str(), ec);
  if (ec) throw std::runtime_error(path.string() + ": invalid JSON: " + ec.message());
  return ReadAccounts(root, path.string());
}

std::vector<Workspace> ReadAccounts(const json::value& root, const std::string& origin) {
  std::vector<Workspace> workspaces;
  try {
    const ObjectReader top(root, "$");
    const auto* list = top.Array("workspaces");
    if (!list) ObjectReader::Fail("$.workspaces", "is required (an array of workspaces)");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string at = "$.workspaces[" + std::to_string(i) + "]";
      workspaces.push_back(ReadWorkspace(ObjectReader((*list)[i], at)));
      if (!ids.insert(workspaces.back().id).second) {
        ObjectReader::Fail(at + ".id", "workspace '" + workspaces.back().id + "' appears twice");
      }
    }
    top.RefuseUnknownKeys();
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(origin + ": " + e.what());
  }
  return workspaces;
}

}  // namespace creditlens::model
