// Renders one scheduled run: the schedule's report over one workspace (or the organisation) as of
// the fire time, in the schedule's formats, with its subject and body filled in and one delivery per
// recipient and channel. Rendering touches no outbox: what it returns is stored only when it is
// whole, so a report that failed is never sent as if it were the report.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "creditlens/accounts.h"
#include "creditlens/source_connector.h"
#include "deliver/outbox.h"
#include "scheduler/schedule_config.h"

namespace creditlens::scheduler {

struct RenderedOrSkipped {
  std::optional<deliver::RenderedRun> rendered;  // empty when skip_if_empty found nothing to report
  std::string skip_reason;
};

// workspace is "" for the organisation. Throws std::exception with a message fit for the owner's notice
// (script errors with file:line, a missing billing contact, a render failure).
RenderedOrSkipped RenderRun(const ScheduleConfig& config, const ScheduleSpec& spec,
                            const std::string& workspace, std::int64_t fire_ms, SourceConnector& source,
                            const std::vector<Workspace>& accounts, const std::filesystem::path& scripts_dir);

// The workspaces a fire of spec bursts into: each workspace for a billing-contact schedule (or just
// its workspace), else the one workspace or "" for the organisation.
std::vector<std::string> RunWorkspaces(const ScheduleSpec& spec, const std::vector<Workspace>& accounts);

}  // namespace creditlens::scheduler
