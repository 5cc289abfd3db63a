// The Lua sandbox that report scripts run in: allow-listed libraries, `require` confined to the
// script search path, an instruction budget and a memory cap, and errors with file:line and a
// traceback.
//
// What a script gets: the base library without dofile, loadfile, collectgarbage and warn; `load`
// that accepts text chunks only; `setmetatable` that refuses __gc metamethods (finalizers run
// without hooks, so they would escape the instruction budget); `print` writing to stderr; and the
// string (without string.dump), table, math and utf8 libraries. No io, os, debug, package or
// coroutine.
//
// `require(name)`: `name` is dot-separated parts of [A-Za-z0-9_]; "a.b" is looked up as
// <dir>/a/b.lua, then <dir>/a/b/init.lua, in each search-path directory in order; text chunks only.
// Results are cached in the registry's LUA_LOADED_TABLE (so "string", "math", ... and modules opened
// with luaL_requiref are found there), and C++ modules added with RegisterModule are opened on first
// require. A module that requires itself (directly or not) fails with "loop or previous error".
//
// Limits hold for the whole life of one Sandbox (one report run): the instruction budget is shared
// by RunFile and every later Call; once it is exhausted every further instruction fails, so neither
// pcall in the script nor a later Call can continue. The memory cap bounds all memory of the state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <lua.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace creditlens::script {

struct SandboxLimits {
  std::uint64_t instruction_budget = 200'000'000;  // VM instructions, counted every 10,000
  std::size_t memory_limit_bytes = 256u << 20;     // all memory of the Lua state
};

// A script failed. what() is the whole message: for runtime errors "file.lua:LINE: message" followed
// by "\nstack traceback:\n...", for load errors "file.lua:LINE: message".
class ScriptError : public std::runtime_error {
 public:
  enum class Kind {
    kLoad,               // file unreadable, syntax error, binary chunk
    kRuntime,            // error raised while running
    kInstructionBudget,  // "instruction budget of N exceeded"
    kMemoryLimit,        // "memory limit of N MiB exceeded"
  };

  ScriptError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class Sandbox {
 public:
  // Throws ScriptError (kMemoryLimit) if the libraries do not fit in the memory limit.
  Sandbox(SandboxLimits limits, std::vector<std::filesystem::path> module_search_path);
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  // The sandbox that owns `L` (the pointer lives in the state's extra space).
  static Sandbox* FromState(lua_State* L);

  lua_State* state() { return state_.get(); }

  // Loads `file` as a text chunk named "@<file as given>" and runs it with `results` results
  // (LUA_MULTRET for all). Returns the number of results left on the stack. Throws ScriptError.
  int RunFile(const std::filesystem::path& file, int results = 1);

  // Calls the function at index -(nargs + 1) with the nargs values above it, like lua_pcall, under
  // the same limits and traceback handler. Throws ScriptError; the function and its arguments are
  // removed either way.
  void Call(int nargs, int nresults);

  // Makes `require(name)` call `open(name)` once and cache its result, like package.preload.
  // Throws std::invalid_argument for a name require would refuse, ScriptError if out of memory.
  void RegisterModule(const std::string& name, lua_CFunction open);

  std::size_t memory_in_use() const { return memory_in_use_; }
  std::uint64_t instructions_used() const { return instructions_used_; }
  const SandboxLimits& limits() const { return limits_; }

 private:
  struct StateCloser {
    void operator()(lua_State* L) const { lua_close(L); }
  };
  class RunScope;

  static void* Allocate(void* self, void* block, std::size_t old_size, std::size_t new_size) noexcept;
  static void CountHook(lua_State* L, lua_Debug* ar);
  static int MessageHandler(lua_State* L);
  static int Require(lua_State* L);

  // Turns a failed lua_load / lua_pcall into the ScriptError to throw; `what_ran` names the file or
  // function for a memory error, which Lua reports without a position.
  ScriptError MakeError(int status, const std::string& message, const std::string& what_ran) const;
  ScriptError ErrorFromLua(int status, const std::string& what_ran);

  SandboxLimits limits_;
  std::vector<std::filesystem::path> search_path_;
  int hook_interval_ = 10'000;
  std::uint64_t instructions_used_ = 0;
  bool budget_exhausted_ = false;
  std::size_t memory_in_use_ = 0;
  bool memory_limit_hit_ = false;  // an allocation was refused during the current run
  int run_depth_ = 0;              // RunFile / Call nesting (a C++ binding may call back into Lua)
  std::unique_ptr<lua_State, StateCloser> state_;  // last: closed first, while the counters live
};

}  // namespace creditlens::script
