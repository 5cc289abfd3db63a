#include "script/report_layout_document.h"

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <initializer_list>
#include <stdexcept>
#include <string_view>

#include "render/font_families.h"
#include "render/page_size.h"
#include "render/report_theme.h"
#include "script/asset_path.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;

constexpr std::size_t kFamiliesListed = 8;  // how many installed font families an error names

// Refuses a field the block does not know (besides its type), naming the ones it does.
void CheckFields(const json::object& block, const std::string& where, const char* what,
                 std::initializer_list<std::string_view> fields) {
  for (const auto& [key, value] : block) {
    if (key == "type" || std::find(fields.begin(), fields.end(), key) != fields.end()) continue;
    std::string accepted;
    for (const std::string_view field : fields)
      accepted += (accepted.empty() ? "" : ", ") + std::string(field);
    throw std::invalid_argument(where + ": " + what + " has no field '" + std::string(key) +
                                "' (accepted: " + accepted + ")");
  }
}

// The text field `key`, or nullptr when absent; anything but text is an error.
const json::string* Text(const json::object& block, const char* key, const std::string& where) {
  const json::value* value = block.if_contains(key);
  if (value == nullptr) return nullptr;
  if (!value->is_string()) throw std::invalid_argument(where + "." + key + ": expected text");
  return &value->as_string();
}

render::theme::Color ReadColor(const json::value& value, const std::string& where) {
  const auto color = value.is_string() ? render::ParseHexColor(value.as_string()) : std::nullopt;
  if (!color) {
    throw std::invalid_argument(where + ": " + json::serialize(value) +
                                " is not a colour (expected \"#RRGGBB\")");
  }
  return *color;
}

std::vector<render::theme::Color> ReadPalette(const json::value& value, const std::string& where) {
  if (!value.is_array() || value.as_array().empty()) {
    throw std::invalid_argument(where + ": expected a list of colours \"#RRGGBB\"");
  }
  std::vector<render::theme::Color> palette;
  const json::array& list = value.as_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    palette.push_back(ReadColor(list[i], where + "[" + std::to_string(i + 1) + "]"));
  }
  return palette;
}

std::string ReadFont(const std::string& name, const std::string& where) {
  if (auto family = render::FindFontFamily(name)) return *family;
  const std::vector<std::string> installed = render::InstalledFontFamilies();
  std::string listed;
  for (std::size_t i = 0; i < installed.size() && i < kFamiliesListed; ++i) {
    listed += (i > 0 ? ", " : "") + installed[i];
  }
  if (installed.size() > kFamiliesListed) listed += ", ...";
  throw std::invalid_argument(where + ": no font family '" + name + "' is installed (installed: " + listed +
                              ")");
}

bool IsPng(const std::filesystem::path& file) {
  static constexpr char kSignature[] = "\x89PNG\r\n\x1a\n";
  char head[8] = {};
  std::ifstream in(file, std::ios::binary);
  return in.read(head, sizeof head) && std::equal(head, head + sizeof head, kSignature);
}

std::string ReadLogo(const std::string& name, const std::string& where,
                     const std::vector<std::filesystem::path>& asset_path) {
  std::filesystem::path file;
  try {
    file = FindAsset(name, asset_path);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(where + ": " + e.what());
  }
  if (!IsPng(file)) throw std::invalid_argument(where + ": " + file.string() + " is not a PNG image");
  return file.string();
}

}  // namespace

void ApplyPage(const json::object& block, const std::string& where, render::Document& doc) {
  CheckFields(block, where, "cl.page", {"size", "orientation"});
  render::PageSize page;
  if (const json::string* size = Text(block, "size", where)) {
    const auto named = render::NamedPageSize(*size);
    if (!named) {
      throw std::invalid_argument(where + ".size: unknown page size '" + std::string(*size) +
                                  "' (accepted: " + render::kPageSizeNames + ")");
    }
    page = *named;
  }
  if (const json::string* orientation = Text(block, "orientation", where)) {
    if (*orientation == "landscape") {
      page = render::Landscape(page);
    } else if (*orientation != "portrait") {
      throw std::invalid_argument(where + ".orientation: unknown orientation '" + std::string(*orientation) +
                                  "' (accepted: portrait, landscape)");
    }
  }
  doc.page = page;
}

void ApplyTheme(const json::object& block, const std::string& where,
                const std::vector<std::filesystem::path>& asset_path, render::Document& doc) {
  CheckFields(block, where, "cl.theme", {"colors", "text", "accent", "font", "logo"});
  render::ReportTheme& look = doc.theme;
  if (const json::value* colors = block.if_contains("colors")) {
    look.series = ReadPalette(*colors, where + ".colors");
    if (!block.contains("accent")) look.accent = look.series.front();
  }
  if (const json::value* text = block.if_contains("text")) look.text = ReadColor(*text, where + ".text");
  if (const json::value* accent = block.if_contains("accent"))
    look.accent = ReadColor(*accent, where + ".accent");
  if (const json::string* font = Text(block, "font", where))
    look.font_family = ReadFont(std::string(*font), where + ".font");
  if (const json::string* logo = Text(block, "logo", where))
    look.logo = ReadLogo(std::string(*logo), where + ".logo", asset_path);
}

}  // namespace creditlens::script
