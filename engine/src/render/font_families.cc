#include "render/font_families.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "render/cairo_ptr.h"

namespace creditlens::render {

std::vector<std::string> InstalledFontFamilies() {
  PangoFontFamily** families = nullptr;
  int count = 0;
  pango_font_map_list_families(pango_cairo_font_map_get_default(), &families, &count);
  const std::unique_ptr<PangoFontFamily*[], GFreeDeleter> owner(families);  // the list, not the families
  std::vector<std::string> names;
  names.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) names.emplace_back(pango_font_family_get_name(families[i]));
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> FindFontFamily(std::string_view name) {
  const GCharPtr wanted(g_utf8_casefold(name.data(), static_cast<gssize>(name.size())));
  for (const std::string& family : InstalledFontFamilies()) {
    const GCharPtr folded(g_utf8_casefold(family.data(), static_cast<gssize>(family.size())));
    if (g_strcmp0(wanted.get(), folded.get()) == 0) return family;
  }
  return std::nullopt;
}

}  // namespace creditlens::render
