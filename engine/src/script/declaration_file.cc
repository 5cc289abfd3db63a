#include "script/declaration_file.h"

#include <algorithm>
#include <string_view>

#include "script/sandbox.h"

namespace creditlens::script {
namespace {

// A declaration file only builds tables: a small budget is plenty and stops a runaway loop early.
constexpr SandboxLimits kLimits{20'000'000, 64u << 20};

// Encodes the table at the top of the stack with creditlens.json, leaving the JSON text; `root` names
// it in encoding errors.
std::string EncodeTop(Sandbox& sandbox, const std::string& root) {
  lua_State* L = sandbox.state();
  const int table = lua_gettop(L);
  lua_getglobal(L, "require");
  lua_pushstring(L, "creditlens.json");
  sandbox.Call(1, 1);
  lua_getfield(L, -1, "encode");
  lua_pushvalue(L, table);
  lua_pushstring(L, root.c_str());
  sandbox.Call(2, 1);
  std::string text = lua_tostring(L, -1);
  lua_pop(L, 2);
  return text;
}

// Whether the message starts with a position "chunk:LINE: ". Lua gives none for an error raised on
// behalf of a function that was tail-called, as cl.schedules is in `return cl.schedules { ... }`.
bool HasPosition(std::string_view message) {
  const std::size_t end = message.find(": ");
  if (end == std::string_view::npos || end == 0) return false;
  const std::size_t colon = message.rfind(':', end - 1);
  if (colon == std::string_view::npos || colon + 1 == end) return false;
  return std::all_of(message.begin() + colon + 1, message.begin() + end,
                     [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string EncodeDeclarationFile(const std::filesystem::path& file, const std::filesystem::path& scripts_dir,
                                  const std::string& constructor) {
  if (!std::filesystem::is_regular_file(file)) throw DeclarationError(file.string() + ": no such file");
  const std::string mark = "__creditlens_" + constructor;
  try {
    Sandbox sandbox(kLimits, {scripts_dir, std::filesystem::absolute(file).parent_path()});
    sandbox.RunFile(file, 1);
    lua_State* L = sandbox.state();
    const bool is_marked = lua_istable(L, -1) && lua_getfield(L, -1, mark.c_str()) == LUA_TBOOLEAN;
    if (!is_marked) {
      throw DeclarationError(file.string() + ": the file must return cl." + constructor + " { ... }");
    }
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_setfield(L, -2, mark.c_str());
    return EncodeTop(sandbox, constructor);
  } catch (const ScriptError& e) {
    // The position says where; the traceback would only show the library's own frames.
    const std::string what = e.what();
    const std::string message = what.substr(0, what.find("\nstack traceback:"));
    throw DeclarationError(HasPosition(message) ? message : file.string() + ": " + message);
  }
}

}  // namespace creditlens::script
