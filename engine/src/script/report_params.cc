// Parameter checking; range values are checked again when resolved against today.
#include "script/report_params.h"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <stdexcept>

namespace creditlens::script {
namespace {

namespace json = boost::json;

std::string Accepted(const ParamSpec& spec) {
  if (spec.type == "bool") return "true or false";
  if (spec.type == "number") return "a number";
  if (spec.type == "range") return "billing_month, 7d, 30d, 90d, Nd, Nm or YYYY-MM-DD..YYYY-MM-DD";
  if (spec.type == "choice") {
    std::string out;
    for (const auto& c : spec.choices) out += (out.empty() ? "" : ", ") + c;
    return "one of " + out;
  }
  return "any text";
}

json::value Convert(const ParamSpec& spec, const std::string& text) {
  const auto bad = [&] {
    return ParamError("param '" + spec.name + "': '" + text + "' is not " + Accepted(spec));
  };
  if (spec.type == "bool") {
    if (text == "true" || text == "yes" || text == "1") return true;
    if (text == "false" || text == "no" || text == "0") return false;
    throw bad();
  }
  if (spec.type == "number") {
    std::int64_t whole = 0;
    if (const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), whole);
        ec == std::errc{} && end == text.data() + text.size()) {
      return whole;
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) throw bad();
    return value;
  }
  if (spec.type == "choice") {
    for (const auto& c : spec.choices) {
      if (c == text) return json::string(text);
    }
    throw bad();
  }
  if (spec.type == "range" && text.empty()) throw bad();
  return json::string(text);
}

// A report's own default must be a value its users could have given.
bool DefaultFits(const ParamSpec& spec) {
  const json::value& d = spec.default_value;
  if (d.is_null()) return true;
  if (spec.type == "bool") return d.is_bool();
  if (spec.type == "number") return d.is_number();
  if (spec.type == "choice") {
    return d.is_string() &&
           std::find(spec.choices.begin(), spec.choices.end(), d.as_string()) != spec.choices.end();
  }
  return d.is_string();
}

}  // namespace

std::vector<ParamSpec> ReadParamSpecs(const json::object& params) {
  std::vector<ParamSpec> specs;
  for (const auto& [name, value] : params) {
    const json::object& o = value.as_object();
    ParamSpec spec{std::string(name), std::string(o.at("type").as_string()), nullptr, {}, {}};
    if (const auto* d = o.if_contains("default")) spec.default_value = *d;
    if (const auto* c = o.if_contains("choices"); c && c->is_array()) {
      for (const auto& choice : c->as_array()) spec.choices.emplace_back(choice.as_string());
    }
    if (const auto* d = o.if_contains("description"); d && d->is_string()) spec.description = d->as_string();
    static const char* kTypes[] = {"range", "bool", "number", "string", "choice"};
    if (std::find(std::begin(kTypes), std::end(kTypes), spec.type) == std::end(kTypes)) {
      throw std::invalid_argument("params." + spec.name + ": unknown parameter type '" + spec.type + "'");
    }
    if (!DefaultFits(spec)) {
      throw std::invalid_argument("params." + spec.name + ": the default " +
                                  json::serialize(spec.default_value) + " is not " + Accepted(spec));
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

ParamValues ResolveParams(const std::vector<ParamSpec>& specs,
                          const std::map<std::string, std::string>& overrides) {
  ParamValues values;
  for (const ParamSpec& spec : specs) values[spec.name] = spec.default_value;
  for (const auto& [name, text] : overrides) {
    const auto spec =
        std::find_if(specs.begin(), specs.end(), [&](const ParamSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      std::string accepted;
      for (const ParamSpec& s : specs)
        accepted += (accepted.empty() ? "" : ", ") + s.name + " (" + Accepted(s) + ")";
      throw ParamError("unknown param '" + name +
                       "'; this report accepts: " + (accepted.empty() ? "no params" : accepted));
    }
    values[name] = Convert(*spec, text);
  }
  return values;
}

}  // namespace creditlens::script
