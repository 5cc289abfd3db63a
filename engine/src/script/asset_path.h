// Finding a file a report names (the cl.theme logo) without letting a report read outside its
// sandbox: the name is relative and is looked up in the same directories `require` searches (the
// scripts library, the report's own folder, each --lib-path).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace creditlens::script {

// The file `name` in the first directory of `search_path` that holds it. Refuses an absolute name, a
// name with a '..' part, and a file that a symbolic link puts outside the directory it was found in.
// Throws std::invalid_argument saying why, or where it looked.
std::filesystem::path FindAsset(const std::string& name,
                                const std::vector<std::filesystem::path>& search_path);

}  // namespace creditlens::script
