#include "schedule_setup.h"

#include <cstdlib>

#include "install_paths.h"
#include "scheduler/schedule_file.h"
#include "source_session.h"

namespace creditlens::cli {

std::vector<OptionSpec> ScheduleFileOptions() {
  return {
      {"config", "FILE",
       "the schedule file (Lua returning cl.schedules { ... }, see examples/schedules.lua)"},
      {"outbox", "PATH", "SQLite file for the run log and outbox (default: the --store file)"},
      {"smtp", "URL",
       "SMTP server, smtp://[user@]host[:port] or smtps://...; else CREDITLENS_SMTP_URL, "
       "else the file's deliverers.smtp.url (the password only from CREDITLENS_SMTP_PASSWORD "
       "or password_file)"},
  };
}

scheduler::ScheduleConfig LoadScheduleConfig(const ParsedArgs& args) {
  const auto file = args.Get("config");
  if (!file) throw UsageError("give the schedule file with --config FILE");
  try {
    return scheduler::LoadScheduleFile(*file, ScriptsDir(), {ReportsDir()});
  } catch (const scheduler::ConfigError& e) {
    throw UsageError(e.what());
  }
}

std::filesystem::path OutboxPath(const ParsedArgs& args) {
  if (const auto outbox = args.Get("outbox")) return *outbox;
  if (const auto source = args.Get("source")) {
    if (source->starts_with("sqlite:")) return source->substr(7);
    throw UsageError("--source " + *source + " is not an SQLite store: give --outbox PATH for the run log");
  }
  return args.Get("store").value_or("creditlens.db");
}

DelivererPool::DelivererPool(const plugin::PluginRegistry& registry, const scheduler::ScheduleConfig& config,
                             const ParsedArgs& args)
    : registry_(registry), settings_(config.deliverer_settings) {
  if (const auto url = args.Get("smtp")) {
    settings_["smtp"]["url"] = *url;
  } else if (const char* env = std::getenv("CREDITLENS_SMTP_URL"); env && *env) {
    settings_["smtp"]["url"] = env;
  }
}

Deliverer& DelivererPool::For(const std::string& channel) {
  if (const auto open = open_.find(channel); open != open_.end()) return *open->second;
  auto deliverer = registry_.CreateDeliverer(channel);
  const Settings settings = ValidateSettings(deliverer->Describe(), settings_[channel]);
  const Status opened = deliverer->Open(settings);
  if (!opened.ok()) throw std::runtime_error("deliverer '" + channel + "': " + opened.message());
  return *(open_[channel] = std::move(deliverer));
}

}  // namespace creditlens::cli
