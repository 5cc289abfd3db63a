#include "query/folder_tree.h"

#include <map>

namespace creditlens::query {
namespace {

std::vector<std::string_view> Parts(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start < path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::string_view WithoutTrailingSlash(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

}  // namespace

bool InFolder(std::string_view folder, std::string_view root) {
  root = WithoutTrailingSlash(root);
  if (root == "/") return !folder.empty() && folder.front() == '/';
  return folder.size() >= root.size() && folder.compare(0, root.size(), root) == 0 &&
         (folder.size() == root.size() || folder[root.size()] == '/');
}

bool BelowFolder(std::string_view folder, std::string_view root) {
  return InFolder(folder, root) && WithoutTrailingSlash(folder) != WithoutTrailingSlash(root);
}

std::vector<FolderNode> RollUpFolders(const std::vector<FolderAmount>& direct) {
  // Keyed by path parts so that a parent sorts before its children and "/a-b" never lands inside "/a".
  std::map<std::vector<std::string_view>, FolderNode> tree;
  FolderNode unattributed;
  for (const FolderAmount& amount : direct) {
    if (amount.folder.empty()) {
      unattributed.direct += amount.credits;
      unattributed.direct_events += amount.events;
      continue;
    }
    const auto parts = Parts(amount.folder);
    for (std::size_t depth = 1; depth <= parts.size(); ++depth) {
      const std::vector<std::string_view> key(parts.begin(),
                                              parts.begin() + static_cast<std::ptrdiff_t>(depth));
      FolderNode& node = tree[key];
      if (node.path.empty()) {
        for (const auto part : key) (node.path += '/') += part;
        node.depth = static_cast<int>(depth);
      }
      node.rolled_up += amount.credits;
      node.rolled_up_events += amount.events;
      if (depth == parts.size()) {
        node.direct += amount.credits;
        node.direct_events += amount.events;
      }
    }
  }
  std::vector<FolderNode> out;
  out.reserve(tree.size() + 1);
  for (auto& [key, node] : tree) out.push_back(std::move(node));
  if (unattributed.direct_events > 0 || unattributed.direct > 0) {
    unattributed.rolled_up = unattributed.direct;
    unattributed.rolled_up_events = unattributed.direct_events;
    out.push_back(std::move(unattributed));
  }
  return out;
}

}  // namespace creditlens::query
