// Reads the accounts JSON file (workspaces with subscriptions and credit grants; docs/formats.md).
#pragma once

#include <boost/json/value.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "creditlens/accounts.h"

namespace creditlens::model {

// Throws std::runtime_error naming the file and the JSON path of the problem, e.g.
// "accounts.json: workspaces[2].timezone: unknown time zone 'Mars/Base' ...".
std::vector<Workspace> ReadAccountsFile(const std::filesystem::path& path);

// Reads accounts of the file's shape that arrive already as JSON (a source plugin builds them from
// mapped tables). Throws std::runtime_error: "<origin>: <JSON path>: <problem>".
std::vector<Workspace> ReadAccounts(const boost::json::value& root, const std::string& origin);

}  // namespace creditlens::model
