// The Lua sandbox: state set-up with allow-listed libraries, the confined `require`, the counting
// allocator, the instruction-budget hook, the traceback message handler and the translation of Lua
// failures into ScriptError.
#include "script/sandbox.h"

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <system_error>
#include <utility>

#include "script/lua_error.h"

namespace creditlens::script {
namespace {

namespace fs = std::filesystem;

constexpr int kHookInterval = 10'000;
constexpr std::size_t kMaxModuleNameLength = 200;
constexpr std::size_t kMiB = std::size_t{1} << 20;

// Its address marks, in the loaded table, a module whose chunk is running.
const char kLoadingSentinel = 0;

std::string FormatMemoryLimit(std::size_t bytes) {
  if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

std::string FormatBudget(std::uint64_t budget) {
  char text[80];
  std::snprintf(text, sizeof text, "instruction budget of %" PRIu64 " exceeded", budget);
  return text;
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// Reads the whole file. On failure returns false and sets `error` to "cannot open <file>: <reason>".
bool ReadFile(const fs::path& file, std::string* contents, std::string* error) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::fopen(file.c_str(), "rb"));
  if (!stream) {
    *error = "cannot open " + file.string() + ": " + std::strerror(errno);
    return false;
  }
  contents->clear();
  char buffer[1 << 14];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, stream.get())) > 0) contents->append(buffer, count);
  if (std::ferror(stream.get())) {
    *error = "cannot read " + file.string() + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

// As luaL_loadfile does: drops a UTF-8 byte-order mark and comments out a first line starting with
// '#' (a shebang), keeping line numbers.
void PrepareSource(std::string* source) {
  if (source->starts_with("\xEF\xBB\xBF")) source->erase(0, 3);
  if (source->starts_with("#")) source->insert(0, "--");
}

bool IsValidModuleName(std::string_view name) {
  if (name.empty() || name.size() > kMaxModuleNameLength) return false;
  bool part_empty = true;
  for (char c : name) {
    if (c == '.') {
      if (part_empty) return false;
      part_empty = true;
      continue;
    }
    const bool allowed =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!allowed) return false;
    part_empty = false;
  }
  return !part_empty;
}

std::string Printable(std::string_view text) {
  std::string out(text.substr(0, kMaxModuleNameLength));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  if (text.size() > kMaxModuleNameLength) out += "...";
  return out;
}

// Finds module `name` in the search path and pushes its loaded chunk and the file path.
// Runs inside ProtectedCFunction: throws instead of raising.
int LoadModuleChunk(lua_State* L, std::string_view name, const std::vector<fs::path>& search_path) {
  if (!IsValidModuleName(name)) {
    throw std::runtime_error("invalid module name '" + Printable(name) +
                             "': a module name is dot-separated parts of letters, digits and '_', "
                             "e.g. 'creditlens.format'");
  }
  const std::string module(name);
  if (search_path.empty()) {
    throw std::runtime_error("module '" + module + "' not found: the script search path is empty");
  }
  std::string relative = module;
  std::replace(relative.begin(), relative.end(), '.', '/');
  std::string tried;
  for (const fs::path& dir : search_path) {
    for (const fs::path& candidate : {dir / (relative + ".lua"), dir / relative / "init.lua"}) {
      std::error_code ignored;
      if (!fs::is_regular_file(candidate, ignored)) {
        tried += "\n\tno file '" + candidate.string() + "'";
        continue;
      }
      const std::string file = candidate.string();
      std::string source;
      std::string error;
      if (!ReadFile(candidate, &source, &error)) {
        throw std::runtime_error("error loading module '" + module + "': " + error);
      }
      PrepareSource(&source);
      const std::string chunk_name = "@" + file;
      if (!lua_checkstack(L, 2)) throw std::runtime_error("stack overflow in require");
      const int status = luaL_loadbufferx(L, source.data(), source.size(), chunk_name.c_str(), "t");
      if (status != LUA_OK) {
        std::string message = internal::DescribeErrorObject(L, -1);
        lua_pop(L, 1);
        throw LuaError(status,
                       "error loading module '" + module + "' from file '" + file + "':\n\t" + message);
      }
      RunProtected(L, 0, 1, [&](lua_State* L) { lua_pushlstring(L, file.data(), file.size()); });
      return 2;
    }
  }
  throw std::runtime_error(
      "module '" + module +
      "' not found (only Lua files under the script search path can be required):" + tried);
}

// `load` restricted to text chunks; upvalue 1 is the base library's load.
int SandboxedLoad(lua_State* L) {
  const int nargs = lua_gettop(L);
  const int chunk_type = lua_type(L, 1);
  if (chunk_type != LUA_TSTRING && chunk_type != LUA_TNUMBER && chunk_type != LUA_TFUNCTION) {
    return luaL_typeerror(L, 1, "string or function");
  }
  lua_settop(L, 4);  // chunk, chunk name, mode, env
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);  // chunk name, nil for the default
  lua_pushliteral(L, "t");
  int call_args = 3;
  if (nargs >= 4) {  // an environment table: harmless, it holds only what the script already has
    lua_pushvalue(L, 4);
    call_args = 4;
  }
  lua_call(L, call_args, LUA_MULTRET);
  return lua_gettop(L) - 4;
}

// `setmetatable` refusing __gc: finalizers run with hooks off, out of reach of the instruction
// budget. (A __gc added to the metatable later has no effect in Lua 5.4.) Upvalue 1 is the original.
int SandboxedSetmetatable(lua_State* L) {
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    const int gc_type = lua_rawget(L, 2);
    lua_pop(L, 1);
    if (gc_type != LUA_TNIL)
      return luaL_error(L, "setmetatable: __gc metamethods are not allowed in scripts");
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

// `print` to stderr: stdout may carry a report's CSV or JSON output.
int PrintToStderr(lua_State* L) {
  const int count = lua_gettop(L);
  for (int i = 1; i <= count; ++i) {
    std::size_t length = 0;
    const char* text = luaL_tolstring(L, i, &length);
    if (i > 1) std::fputc('\t', stderr);
    std::fwrite(text, 1, length, stderr);
    lua_pop(L, 1);
  }
  std::fputc('\n', stderr);
  std::fflush(stderr);
  return 0;
}

int Panic(lua_State* L) {
  const char* message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(not a string)";
  std::fprintf(stderr, "creditlens: unprotected Lua error: %s\n", message);
  return 0;  // Lua aborts
}

// Opens the allow-listed libraries and trims them. Raises on memory errors: run it protected.
void OpenSandboxLibraries(lua_State* L) {
  static const luaL_Reg kLibraries[] = {
      {LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
      {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8},
  };
  for (const luaL_Reg& library : kLibraries) {
    luaL_requiref(L, library.name, library.func, 1);
    lua_pop(L, 1);
  }
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pop(L, 1);

  lua_pushglobaltable(L);
  static const char* const kRemoved[] = {"dofile", "loadfile", "collectgarbage", "warn"};
  for (const char* name : kRemoved) {
    lua_pushnil(L);
    lua_setfield(L, -2, name);
  }
  lua_getfield(L, -1, "load");
  lua_pushcclosure(L, &SandboxedLoad, 1);
  lua_setfield(L, -2, "load");
  lua_getfield(L, -1, "setmetatable");
  lua_pushcclosure(L, &SandboxedSetmetatable, 1);
  lua_setfield(L, -2, "setmetatable");
  lua_pushcfunction(L, &PrintToStderr);
  lua_setfield(L, -2, "print");
  lua_getfield(L, -1, LUA_STRLIBNAME);
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");  // bytecode out means bytecode in elsewhere
  lua_pop(L, 2);
}

}  // namespace

// Marks the outermost RunFile / Call: the memory-limit flag belongs to one run.
class Sandbox::RunScope {
 public:
  explicit RunScope(Sandbox* sandbox) : sandbox_(sandbox) {
    if (sandbox_->run_depth_++ == 0) sandbox_->memory_limit_hit_ = false;
  }
  ~RunScope() { --sandbox_->run_depth_; }
  RunScope(const RunScope&) = delete;
  RunScope& operator=(const RunScope&) = delete;

 private:
  Sandbox* sandbox_;
};

Sandbox::Sandbox(SandboxLimits limits, std::vector<std::filesystem::path> module_search_path)
    : limits_(limits), search_path_(std::move(module_search_path)) {
  if (limits_.instruction_budget < static_cast<std::uint64_t>(kHookInterval)) {
    hook_interval_ = static_cast<int>(std::max<std::uint64_t>(limits_.instruction_budget, 1));
  } else {
    hook_interval_ = kHookInterval;
  }
  state_.reset(lua_newstate(&Sandbox::Allocate, this));
  if (!state_) {
    throw ScriptError(ScriptError::Kind::kMemoryLimit, "memory limit of " +
                                                           FormatMemoryLimit(limits_.memory_limit_bytes) +
                                                           " exceeded while creating the Lua state");
  }
  lua_State* L = state_.get();
  *static_cast<Sandbox**>(lua_getextraspace(L)) = this;
  lua_atpanic(L, &Panic);
  try {
    RunProtected(L, 0, 0, [](lua_State* L) {
      OpenSandboxLibraries(L);
      lua_pushcfunction(L, &Sandbox::Require);
      lua_setglobal(L, "require");
    });
  } catch (const LuaError& e) {
    throw MakeError(e.status(), e.what(), "the sandbox set-up");
  }
  lua_sethook(L, &Sandbox::CountHook, LUA_MASKCOUNT, hook_interval_);
}

Sandbox::~Sandbox() = default;

Sandbox* Sandbox::FromState(lua_State* L) { return *static_cast<Sandbox**>(lua_getextraspace(L)); }

void* Sandbox::Allocate(void* self_pointer, void* block, std::size_t old_size,
                        std::size_t new_size) noexcept {
  auto* self = static_cast<Sandbox*>(self_pointer);
  if (block == nullptr) old_size = 0;  // then old_size is a type tag, not a size
  if (new_size == 0) {
    std::free(block);
    self->memory_in_use_ -= old_size;
    return nullptr;
  }
  if (new_size > old_size) {
    const std::size_t limit = self->limits_.memory_limit_bytes;
    const std::size_t growth = new_size - old_size;
    if (self->memory_in_use_ > limit || growth > limit - self->memory_in_use_) {
      self->memory_limit_hit_ = true;  // Lua collects garbage and retries, or raises "not enough memory"
      return nullptr;
    }
  }
  void* resized = std::realloc(block, new_size);
  if (resized == nullptr) return new_size <= old_size ? block : nullptr;  // shrinking must not fail
  self->memory_in_use_ = self->memory_in_use_ - old_size + new_size;
  return resized;
}

void Sandbox::CountHook(lua_State* L, lua_Debug* /*ar*/) {
  Sandbox* self = FromState(L);
  if (!self->budget_exhausted_) {
    self->instructions_used_ += static_cast<std::uint64_t>(self->hook_interval_);
    if (self->instructions_used_ <= self->limits_.instruction_budget) return;
    self->budget_exhausted_ = true;
    // From now on every instruction raises, so a pcall in the script cannot carry on.
    lua_sethook(L, &Sandbox::CountHook, LUA_MASKCOUNT, 1);
  }
  char message[96];
  std::snprintf(message, sizeof message, "instruction budget of %" PRIu64 " exceeded",
                self->limits_.instruction_budget);
  luaL_where(L, 0);  // in a hook, level 0 is the running Lua function
  lua_pushstring(L, message);
  lua_concat(L, 2);
  lua_error(L);
}

int Sandbox::MessageHandler(lua_State* L) {
  const char* message = nullptr;
  const int type = lua_type(L, 1);
  if (type == LUA_TSTRING || type == LUA_TNUMBER) {
    message = lua_tostring(L, 1);
  } else {
    // __tostring is Lua code: skip it once the budget is gone, it could not run anyway.
    if (!FromState(L)->budget_exhausted_ && luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
      lua_pushvalue(L, 1);
      if (lua_pcall(L, 1, 1, 0) == LUA_OK && lua_type(L, -1) == LUA_TSTRING) message = lua_tostring(L, -1);
    }
    if (message == nullptr) message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, message, 1);
  return 1;
}

int Sandbox::Require(lua_State* L) {
  std::size_t name_length = 0;
  const char* name = luaL_checklstring(L, 1, &name_length);
  lua_settop(L, 1);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);  // 2
  lua_getfield(L, 2, name);                                  // 3
  if (lua_touserdata(L, 3) == &kLoadingSentinel) {
    return luaL_error(L, "loop or previous error loading module '%s'", name);
  }
  if (lua_toboolean(L, 3)) return 1;
  lua_pop(L, 1);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);  // 3
  if (lua_getfield(L, 3, name) == LUA_TFUNCTION) {            // 4: loader
    lua_pushliteral(L, ":preload:");                          // 5: loader data
  } else {
    lua_settop(L, 3);
    Sandbox* self = FromState(L);
    ProtectedCFunction(L, [&](lua_State* L) {  // 4: chunk, 5: file
      return LoadModuleChunk(L, std::string_view(name, name_length), self->search_path_);
    });
  }
  lua_pushlightuserdata(L, const_cast<char*>(&kLoadingSentinel));
  lua_setfield(L, 2, name);
  lua_pushvalue(L, 4);
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 5);
  lua_call(L, 2, 1);  // 6: the module
  if (lua_isnil(L, 6)) {
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
  }
  lua_pushvalue(L, 6);
  lua_setfield(L, 2, name);
  lua_pushvalue(L, 5);
  return 2;  // the module and where it came from, as Lua 5.4's require
}

ScriptError Sandbox::MakeError(int status, const std::string& message, const std::string& what_ran) const {
  using Kind = ScriptError::Kind;
  const std::string while_running = what_ran.empty() ? "" : " while running " + what_ran;
  if (status == LUA_ERRSYNTAX) return ScriptError(Kind::kLoad, message);
  if (budget_exhausted_) {
    if (message.find("instruction budget of") != std::string::npos) {
      return ScriptError(Kind::kInstructionBudget, message);
    }
    return ScriptError(Kind::kInstructionBudget,
                       FormatBudget(limits_.instruction_budget) + while_running + "\n" + message);
  }
  const bool out_of_memory =
      status == LUA_ERRMEM ||
      (memory_limit_hit_ && (status == LUA_ERRERR || message.find("not enough memory") != std::string::npos ||
                             message.find("memory limit of") != std::string::npos));  // a nested Call's
  if (out_of_memory) {
    std::string text =
        "memory limit of " + FormatMemoryLimit(limits_.memory_limit_bytes) + " exceeded" + while_running;
    if (status == LUA_ERRRUN) text += "\n" + message;  // as the script saw it, with the traceback
    return ScriptError(Kind::kMemoryLimit, text);
  }
  return ScriptError(Kind::kRuntime, message);
}

ScriptError Sandbox::ErrorFromLua(int status, const std::string& what_ran) {
  std::string message = internal::DescribeErrorObject(state(), -1);
  lua_pop(state(), 1);
  return MakeError(status, message, what_ran);
}

int Sandbox::RunFile(const std::filesystem::path& file, int results) {
  lua_State* L = state();
  const std::string file_name = file.string();
  std::string source;
  std::string error;
  if (!ReadFile(file, &source, &error)) throw ScriptError(ScriptError::Kind::kLoad, error);
  PrepareSource(&source);
  const std::string chunk_name = "@" + file_name;

  RunScope scope(this);
  if (!lua_checkstack(L, 2 + std::max(results, 0))) {
    throw ScriptError(ScriptError::Kind::kRuntime, "Lua stack overflow before running " + file_name);
  }
  const int base = lua_gettop(L);
  lua_pushcfunction(L, &Sandbox::MessageHandler);
  const int load_status = luaL_loadbufferx(L, source.data(), source.size(), chunk_name.c_str(), "t");
  if (load_status != LUA_OK) {
    ScriptError failure = ErrorFromLua(load_status, file_name);
    lua_settop(L, base);
    if (failure.kind() == ScriptError::Kind::kLoad &&
        !std::string_view(failure.what()).starts_with(file_name) &&
        !std::string_view(failure.what()).starts_with("...")) {
      throw ScriptError(ScriptError::Kind::kLoad, file_name + ": " + failure.what());  // "binary chunk"
    }
    throw failure;
  }
  const int status = lua_pcall(L, 0, results, base + 1);
  if (status != LUA_OK) {
    ScriptError failure = ErrorFromLua(status, file_name);
    lua_settop(L, base);
    throw failure;
  }
  lua_remove(L, base + 1);
  return lua_gettop(L) - base;
}

void Sandbox::Call(int nargs, int nresults) {
  lua_State* L = state();
  const int function_index = lua_gettop(L) - nargs;
  if (nargs < 0 || function_index < 1) {
    throw std::invalid_argument("Sandbox::Call: no function below the arguments");
  }
  RunScope scope(this);
  if (!lua_checkstack(L, 2 + std::max(nresults, 0))) {
    lua_settop(L, function_index - 1);
    throw ScriptError(ScriptError::Kind::kRuntime, "Lua stack overflow before a call");
  }
  lua_Debug function_info{};
  bool have_info = false;
  if (lua_type(L, function_index) == LUA_TFUNCTION) {
    lua_pushvalue(L, function_index);
    have_info = lua_getinfo(L, ">S", &function_info) != 0;  // pops the copy
  }
  lua_pushcfunction(L, &Sandbox::MessageHandler);
  lua_insert(L, function_index);
  const int status = lua_pcall(L, nargs, nresults, function_index);
  if (status != LUA_OK) {
    std::string what_ran;
    if (have_info && std::strcmp(function_info.what, "C") != 0) {
      what_ran = "the function defined at " + std::string(function_info.short_src) + ":" +
                 std::to_string(function_info.linedefined);
    }
    ScriptError failure = ErrorFromLua(status, what_ran);
    lua_settop(L, function_index - 1);
    throw failure;
  }
  lua_remove(L, function_index);
}

void Sandbox::RegisterModule(const std::string& name, lua_CFunction open) {
  if (!IsValidModuleName(name)) throw std::invalid_argument("invalid module name '" + Printable(name) + "'");
  try {
    RunProtected(state(), 0, 0, [&](lua_State* L) {
      luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
      lua_pushcfunction(L, open);
      lua_setfield(L, -2, name.c_str());
    });
  } catch (const LuaError& e) {
    throw MakeError(e.status(), e.what(), "RegisterModule");
  }
}

}  // namespace creditlens::script
