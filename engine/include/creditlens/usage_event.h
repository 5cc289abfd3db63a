// The canonical usage event of the data contract (docs/formats.md): one credit-consuming action.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "creditlens/credits.h"

namespace creditlens {

struct UsageEvent {
  std::string id;
  std::int64_t ts_ms = 0;  // UTC, milliseconds since the epoch
  std::string workspace_id;
  std::string category;
  std::string feature;
  MicroCredits credits = 0;
  std::optional<MicroCredits> quantity;  // metered amount, same 6-digit precision as credits
  std::string unit;
  std::string folder;  // "/"-separated, "" when not attributed
  std::string api_key;
  std::string user_id;
  std::string source;
  std::string run_id;
  std::string module;
  std::optional<std::int64_t> data_bytes;
};

}  // namespace creditlens
