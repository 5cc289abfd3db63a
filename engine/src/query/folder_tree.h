// Billing folders are "/"-separated paths ("/prod/eu/batch"). Usage rolls up the tree: a folder's
// usage includes its subfolders'. These helpers decide membership and build the rolled-up tree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "creditlens/credits.h"

namespace creditlens::query {

// True when folder is root or lies below it. Root "/" holds every attributed folder; a trailing
// "/" on root is ignored ("/prod/" is "/prod"); "/prod" does not hold "/production".
bool InFolder(std::string_view folder, std::string_view root);
// True when folder lies strictly below root: InFolder, but not root itself.
bool BelowFolder(std::string_view folder, std::string_view root);

struct FolderAmount {
  std::string folder;  // "" for usage without a folder
  MicroCredits credits = 0;
  std::int64_t events = 0;
};

struct FolderNode {
  std::string path;  // "" for usage without a folder
  int depth = 0;     // "/prod" is 1, "/prod/eu" 2; 0 for usage without a folder
  MicroCredits direct = 0;
  MicroCredits rolled_up = 0;  // direct plus every subfolder's
  std::int64_t direct_events = 0;
  std::int64_t rolled_up_events = 0;
};

// Every folder with usage and every ancestor of one (an ancestor may have no direct usage), in tree
// order: a parent before its children, siblings by name; usage without a folder comes last.
std::vector<FolderNode> RollUpFolders(const std::vector<FolderAmount>& direct);

}  // namespace creditlens::query
