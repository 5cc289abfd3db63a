#include "source_settings.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <sstream>

#include "script/declaration_file.h"

namespace creditlens::cli {
namespace {

std::string ReadText(const std::filesystem::path& file, const char* option) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError(std::string("--") + option + ": cannot read '" + file.string() + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

boost::json::value ParseJson(const std::string& text, const std::filesystem::path& file, const char* option) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(text, error);
  if (error)
    throw UsageError(std::string("--") + option + ": " + file.string() + ": not JSON: " + error.message());
  return value;
}

// A JSON value as a setting's text: strings as they are, numbers and booleans as written.
std::string SettingText(const boost::json::value& value, const std::string& name,
                        const std::filesystem::path& file) {
  if (value.is_string()) return std::string(value.as_string());
  if (value.is_int64() || value.is_uint64() || value.is_bool()) return boost::json::serialize(value);
  throw UsageError("--source-settings: " + file.string() + ": setting '" + name +
                   "' must be a string, a whole number or true/false");
}

// The mapping as JSON text, its accounts file (if any) made absolute against the mapping's folder.
std::string MappingText(const std::filesystem::path& file, const std::filesystem::path& scripts_dir) {
  std::string text;
  if (file.extension() == ".lua") {
    try {
      text = script::EncodeDeclarationFile(file, scripts_dir, "mapping");
    } catch (const script::DeclarationError& e) {
      throw UsageError(std::string("--mapping: ") + e.what());
    }
  } else {
    text = ReadText(file, "mapping");
  }
  boost::json::value mapping = ParseJson(text, file, "mapping");
  if (!mapping.is_object()) throw UsageError("--mapping: " + file.string() + ": expected a JSON object");
  if (auto* accounts = mapping.as_object().if_contains("accounts"); accounts && accounts->is_object()) {
    if (auto* path = accounts->as_object().if_contains("file"); path && path->is_string()) {
      const std::filesystem::path accounts_file(std::string(path->as_string()));
      if (accounts_file.is_relative()) {
        *path = (std::filesystem::absolute(file).parent_path() / accounts_file).lexically_normal().string();
      }
    }
  }
  return boost::json::serialize(mapping);
}

}  // namespace

GivenSettings ReadSourceSettings(const ParsedArgs& args, const std::filesystem::path& scripts_dir) {
  GivenSettings given;
  if (const auto file = args.Get("source-settings")) {
    const boost::json::value settings =
        ParseJson(ReadText(*file, "source-settings"), *file, "source-settings");
    if (!settings.is_object()) throw UsageError("--source-settings: " + *file + ": expected a JSON object");
    for (const auto& [name, value] : settings.as_object()) {
      given.values[std::string(name)] = SettingText(value, std::string(name), *file);
    }
    given.base_dir = std::filesystem::absolute(*file).parent_path();
  }
  if (const auto file = args.Get("mapping")) given.values["mapping"] = MappingText(*file, scripts_dir);
  return given;
}

void ResolvePaths(const PluginInfo& info, GivenSettings& given) {
  if (given.base_dir.empty()) return;
  for (const SettingSpec& spec : info.settings) {
    const auto it = given.values.find(spec.name);
    if (spec.type != SettingType::kPath || it == given.values.end() || it->second.empty()) continue;
    if (std::filesystem::path(it->second).is_relative()) it->second = (given.base_dir / it->second).string();
  }
}

}  // namespace creditlens::cli
