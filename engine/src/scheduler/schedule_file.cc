#include "scheduler/schedule_file.h"

#include <boost/json/parse.hpp>

#include "script/sandbox.h"

namespace creditlens::scheduler {
namespace {

// A schedule file only declares tables: a small budget is plenty and stops a runaway loop early.
constexpr script::SandboxLimits kLimits{20'000'000, 64u << 20};

// Encodes the table at the top of the stack with creditlens.json, leaving the JSON text.
std::string EncodeTop(script::Sandbox& sandbox) {
  lua_State* L = sandbox.state();
  const int config = lua_gettop(L);
  lua_getglobal(L, "require");
  lua_pushstring(L, "creditlens.json");
  sandbox.Call(1, 1);
  lua_getfield(L, -1, "encode");
  lua_pushvalue(L, config);
  lua_pushstring(L, "schedules");
  sandbox.Call(2, 1);
  std::string text = lua_tostring(L, -1);
  lua_pop(L, 2);
  return text;
}

}  // namespace

ScheduleConfig LoadScheduleFile(const std::filesystem::path& file, const std::filesystem::path& scripts_dir,
                                const ReportLookup& reports) {
  if (!std::filesystem::is_regular_file(file)) throw ConfigError(file.string() + ": no such schedule file");
  std::string encoded;
  try {
    script::Sandbox sandbox(kLimits, {scripts_dir, std::filesystem::absolute(file).parent_path()});
    sandbox.RunFile(file, 1);
    lua_State* L = sandbox.state();
    const bool is_schedules =
        lua_istable(L, -1) && lua_getfield(L, -1, "__creditlens_schedules") == LUA_TBOOLEAN;
    if (!is_schedules) throw ConfigError(file.string() + ": the file must return cl.schedules { ... }");
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_setfield(L, -2, "__creditlens_schedules");
    encoded = EncodeTop(sandbox);
  } catch (const script::ScriptError& e) {
    // The position says where; the traceback would only show the library's own frames.
    const std::string message = e.what();
    throw ConfigError(message.substr(0, message.find("\nstack traceback:")));
  }
  return ParseScheduleConfig(boost::json::parse(encoded), file, reports);
}

}  // namespace creditlens::scheduler
