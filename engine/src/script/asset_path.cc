#include "script/asset_path.h"

#include <algorithm>
#include <stdexcept>
#include <system_error>

namespace creditlens::script {
namespace {

namespace fs = std::filesystem;

constexpr char kWhere[] = "the report's folder or the script search path";

// True when `inner` is `outer` or lies below it (both canonical).
bool Contains(const fs::path& outer, const fs::path& inner) {
  return std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end()).first == outer.end();
}

}  // namespace

fs::path FindAsset(const std::string& name, const std::vector<fs::path>& search_path) {
  const fs::path relative(name);
  if (name.empty()) throw std::invalid_argument("expected the name of a file in " + std::string(kWhere));
  if (relative.is_absolute() || relative.has_root_name() || relative.has_root_directory()) {
    throw std::invalid_argument("'" + name + "' is an absolute path; give a path relative to " + kWhere);
  }
  for (const fs::path& part : relative) {
    if (part == "..") {
      throw std::invalid_argument("'" + name + "' leaves its folder through '..'; give a path inside " +
                                  kWhere);
    }
  }
  std::string tried;
  for (const fs::path& directory : search_path) {
    const fs::path candidate = directory / relative;
    tried += (tried.empty() ? "" : ", ") + candidate.string();
    std::error_code ec;
    if (!fs::is_regular_file(candidate, ec)) continue;
    const fs::path real = fs::canonical(candidate, ec);
    const fs::path root = fs::canonical(directory, ec);
    if (ec || !Contains(root, real)) {
      throw std::invalid_argument("'" + name + "' is a link to a file outside " + directory.string());
    }
    return real;
  }
  throw std::invalid_argument("'" + name + "' not found (looked for " + tried + ")");
}

}  // namespace creditlens::script
