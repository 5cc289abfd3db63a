// The font families installed for pango (through fontconfig), so that a report naming a family that
// is not there fails with a clear error instead of silently falling back to another font.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace creditlens::render {

// Every installed family name, sorted.
std::vector<std::string> InstalledFontFamilies();

// The installed family called `name`, matched without regard to case (as fontconfig matches), in its
// installed spelling; nullopt when there is none.
std::optional<std::string> FindFontFamily(std::string_view name);

}  // namespace creditlens::render
