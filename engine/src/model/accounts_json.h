// Reads the accounts JSON file (workspaces with subscriptions and credit grants; docs/formats.md).
#pragma once

#include <filesystem>
#include <vector>

#include "creditlens/accounts.h"

namespace creditlens::model {

// Throws std::runtime_error naming the file and the JSON path of the problem, e.g.
// "accounts.json: workspaces[2].timezone: unknown time zone 'Mars/Base' ...".
std::vector<Workspace> ReadAccountsFile(const std::filesystem::path& path);

}  // namespace creditlens::model
