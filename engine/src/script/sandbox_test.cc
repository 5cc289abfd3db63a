// Tests of the Lua sandbox: what scripts can reach, `require`, the instruction budget, the memory
// cap, error messages, and the helpers that keep C++ and Lua errors apart.
#include "script/sandbox.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "script/lua_error.h"
#include "support/temp_dir.h"

namespace creditlens::script {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Kind = ScriptError::Kind;

class SandboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root_ / "lib1");
    fs::create_directories(root_ / "lib2");
  }

  std::vector<fs::path> SearchPath() const { return {root_ / "lib1", root_ / "lib2"}; }

  fs::path Write(std::string_view relative, std::string_view text) const {
    return root_.Write(relative, text);
  }

  // Runs `text` as file `name`, expecting it to fail; returns the error.
  ScriptError RunFailing(Sandbox& sandbox, const std::string& name, std::string_view text) {
    const fs::path file = Write(name, text);
    const int top = lua_gettop(sandbox.state());
    try {
      sandbox.RunFile(file);
    } catch (const ScriptError& e) {
      EXPECT_EQ(lua_gettop(sandbox.state()), top) << "the stack is restored after an error";
      return e;
    }
    ADD_FAILURE() << name << " ran without error";
    return ScriptError(Kind::kRuntime, "");
  }

  // Runs `text` as file `name`, expecting one string result.
  std::string RunToString(Sandbox& sandbox, const std::string& name, std::string_view text) {
    lua_State* L = sandbox.state();
    EXPECT_EQ(sandbox.RunFile(Write(name, text), 1), 1);
    std::string result = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(not a string)";
    lua_pop(L, 1);
    return result;
  }

  lua_Integer RunToInteger(Sandbox& sandbox, const std::string& name, std::string_view text) {
    lua_State* L = sandbox.state();
    EXPECT_EQ(sandbox.RunFile(Write(name, text), 1), 1);
    EXPECT_TRUE(lua_isinteger(L, -1));
    const lua_Integer result = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return result;
  }

  // Short (see TempDir), so that Lua's 60-character source names show the whole path.
  creditlens::testing::TempDir root_;
};

// ---------------------------------------------------------------------------------------------
// What a script can reach

TEST_F(SandboxTest, GlobalsAreExactlyTheAllowList) {
  Sandbox sandbox({}, SearchPath());
  EXPECT_EQ(RunToString(sandbox, "globals.lua", R"(
    local names = {}
    for name in pairs(_G) do names[#names + 1] = name end
    table.sort(names)
    return table.concat(names, " ")
  )"),
            "_G _VERSION assert error getmetatable ipairs load math next pairs pcall print rawequal rawget "
            "rawlen rawset require select setmetatable string table tonumber tostring type utf8 xpcall");
}

TEST_F(SandboxTest, DangerousLibrariesAndFunctionsAreNil) {
  Sandbox sandbox({}, SearchPath());
  EXPECT_EQ(RunToString(sandbox, "nil.lua", R"(
    local present = {}
    local function check(name, value) if value ~= nil then present[#present + 1] = name end end
    check("os", os) check("io", io) check("debug", debug) check("package", package)
    check("coroutine", coroutine) check("dofile", dofile) check("loadfile", loadfile)
    check("collectgarbage", collectgarbage) check("string.dump", string.dump)
    check("(''):dump", ("").dump)
    return table.concat(present, " ")
  )"),
            "");
}

TEST_F(SandboxTest, OsExecuteFails) {
  Sandbox sandbox({}, SearchPath());
  const fs::path marker = root_ / "marker";
  ScriptError error = RunFailing(sandbox, "os_execute.lua", "os.execute('touch " + marker.string() + "')\n");
  EXPECT_EQ(error.kind(), Kind::kRuntime);
  EXPECT_THAT(error.what(), HasSubstr("os_execute.lua:1: attempt to index a nil value (global 'os')"));
  EXPECT_FALSE(fs::exists(marker));
}

TEST_F(SandboxTest, IoOpenFails) {
  Sandbox sandbox({}, SearchPath());
  ScriptError error =
      RunFailing(sandbox, "io_open.lua", "local f = io.open('/etc/passwd')\nreturn f:read('a')\n");
  EXPECT_EQ(error.kind(), Kind::kRuntime);
  EXPECT_THAT(error.what(), HasSubstr("io_open.lua:1: attempt to index a nil value (global 'io')"));
}

TEST_F(SandboxTest, PrintWritesToStderr) {
  Sandbox sandbox({}, SearchPath());
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  sandbox.RunFile(Write("print.lua", "print('hello', 42, nil)"), 0);
  const std::string err = ::testing::internal::GetCapturedStderr();
  const std::string out = ::testing::internal::GetCapturedStdout();
  EXPECT_EQ(err, "hello\t42\tnil\n");
  EXPECT_EQ(out, "");
}

TEST_F(SandboxTest, GcMetamethodsAreRefused) {
  Sandbox sandbox({}, SearchPath());
  ScriptError error =
      RunFailing(sandbox, "gc.lua", "\nsetmetatable({}, {__gc = function() while true do end end})\n");
  EXPECT_THAT(error.what(), HasSubstr("gc.lua:2: setmetatable: __gc metamethods are not allowed"));
  // Other metatables work.
  EXPECT_EQ(RunToInteger(sandbox, "mt.lua", R"(
    local t = setmetatable({}, {__index = function(_, k) return #k end})
    return t.abcd + #setmetatable({}, {__len = function() return 10 end})
  )"),
            14);
}

// ---------------------------------------------------------------------------------------------
// load

TEST_F(SandboxTest, LoadRefusesBinaryChunks) {
  Sandbox sandbox({}, SearchPath());
  EXPECT_THAT(RunToString(sandbox, "load_binary.lua", R"(
    local f, err = load("\27Lua\84\0\25\147\13\10\26\10")
    local g, err2 = load("\27Lua\84\0", "chunk", "b")
    return tostring(f) .. "|" .. tostring(err) .. "|" .. tostring(g) .. "|" .. tostring(err2)
  )"),
              ::testing::MatchesRegex("nil\\|.*binary chunk.*\\|nil\\|.*binary chunk.*"));
}

// Real bytecode, compiled by an unrestricted state, is refused by load and by RunFile.
TEST_F(SandboxTest, RealBytecodeIsRefused) {
  std::string bytecode;
  {
    lua_State* plain = luaL_newstate();
    luaL_openlibs(plain);
    ASSERT_EQ(luaL_dostring(plain, "return string.dump(function() return 42 end)"), LUA_OK);
    std::size_t length = 0;
    const char* data = lua_tolstring(plain, -1, &length);
    bytecode.assign(data, length);
    lua_close(plain);
  }
  ASSERT_TRUE(bytecode.starts_with("\x1bLua"));

  Sandbox sandbox({}, SearchPath());
  lua_State* L = sandbox.state();
  RunProtected(L, 0, 0, [&](lua_State* L) {
    lua_pushlstring(L, bytecode.data(), bytecode.size());
    lua_setglobal(L, "bytecode");
  });
  EXPECT_THAT(
      RunToString(sandbox, "load_real.lua", "local f, err = load(bytecode) return tostring(f) .. err"),
      HasSubstr("nilattempt to load a binary chunk (mode is 't')"));

  const fs::path compiled = Write("compiled.lua", bytecode);
  try {
    sandbox.RunFile(compiled);
    FAIL() << "bytecode file ran";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.kind(), Kind::kLoad);
    EXPECT_THAT(e.what(), HasSubstr(compiled.string() + ": attempt to load a binary chunk"));
  }
}

TEST_F(SandboxTest, LoadAcceptsTextChunks) {
  Sandbox sandbox({}, SearchPath());
  EXPECT_EQ(RunToInteger(sandbox, "load_text.lua", R"(
    local parts = {"return ", "40"}
    local i = 0
    local from_reader = load(function() i = i + 1 return parts[i] end)()
    return load("return 1 + 1")() + from_reader + load("return x", "=chunk", "t", {x = 100})()
  )"),
            142);
  // A loaded chunk sees the sandbox's globals, not more.
  EXPECT_EQ(RunToString(sandbox, "load_env.lua", "return load('return type(os) .. type(string)')()"),
            "niltable");
}

// ---------------------------------------------------------------------------------------------
// require

TEST_F(SandboxTest, RequireFindsModulesInLaterDirectoriesAndCachesThem) {
  Write("lib2/counter.lua", "loads = (loads or 0) + 1\nreturn { value = 'from lib2' }\n");
  Write("lib2/util/text.lua", "return { upper = string.upper }\n");
  Write("lib1/pkg/init.lua", "return 'pkg init'\n");
  Write("lib1/shadow.lua", "return 'lib1'\n");
  Write("lib2/shadow.lua", "return 'lib2'\n");
  Write("lib1/nothing.lua", "loaded_nothing = (loaded_nothing or 0) + 1\n");
  Sandbox sandbox({}, SearchPath());
  EXPECT_EQ(RunToString(sandbox, "main.lua", R"(
    local a = require "counter"
    local b = require("counter")
    assert(a == b, "cached module is the same table")
    local n1 = require "nothing"
    local n2 = require "nothing"
    local _, where = require "shadow"
    return table.concat({loads, a.value, require("util.text").upper("x"), require "pkg", require "shadow",
                         tostring(n1), tostring(n2), loaded_nothing, where}, ",")
  )"),
            "1,from lib2,X,pkg init,lib1,true,true,1," + (root_ / "lib1" / "shadow.lua").string());
}

TEST_F(SandboxTest, RequireReturnsOpenedLibraries) {
  Sandbox sandbox({}, SearchPath());
  EXPECT_EQ(RunToString(sandbox, "libs.lua",
                        "return tostring(require 'string' == string and require 'math' == math)"),
            "true");
}

TEST_F(SandboxTest, RequireOfACModuleNameFails) {
  Sandbox sandbox({}, SearchPath());
  ScriptError error = RunFailing(sandbox, "cmod.lua", "local lfs = require 'lfs'\n");
  EXPECT_EQ(error.kind(), Kind::kRuntime);
  EXPECT_THAT(error.what(), HasSubstr("cmod.lua:1: module 'lfs' not found"));
  EXPECT_THAT(error.what(), HasSubstr("no file '" + (root_ / "lib1" / "lfs.lua").string() + "'"));
  EXPECT_THAT(error.what(), HasSubstr("no file '" + (root_ / "lib2" / "lfs" / "init.lua").string() + "'"));
  EXPECT_THAT(error.what(), HasSubstr("stack traceback:"));

  error = RunFailing(sandbox, "socket.lua", "return require 'socket.core'\n");
  EXPECT_THAT(error.what(), HasSubstr("module 'socket.core' not found"));
  EXPECT_THAT(error.what(), HasSubstr((root_ / "lib1" / "socket" / "core.lua").string()));
}

TEST_F(SandboxTest, RequireRefusesPathsAsModuleNames) {
  Write("etc/passwd.lua", "return 'secret'\n");  // would be reachable as lib1/../etc/passwd.lua
  Sandbox sandbox({}, SearchPath());
  for (const char* name : {"../etc/passwd", "..", ".etc.passwd", "/etc/passwd", "lib1/x", "a..b", "a.", "",
                           "a-b", "x.lua/", "a b", "a\\\\b"}) {
    SCOPED_TRACE(name);
    ScriptError error = RunFailing(sandbox, "bad_name.lua", std::string("return require '") + name + "'\n");
    EXPECT_EQ(error.kind(), Kind::kRuntime);
    EXPECT_THAT(error.what(), HasSubstr("bad_name.lua:1: invalid module name"));
    EXPECT_THAT(error.what(), HasSubstr("dot-separated parts of letters, digits and '_'"));
  }
  ScriptError error = RunFailing(sandbox, "not_string.lua", "return require({})\n");
  EXPECT_THAT(error.what(), HasSubstr("bad argument #1 to 'require' (string expected, got table)"));
}

TEST_F(SandboxTest, RequireCannotReachOutsideTheSearchPath) {
  Write("outside/secret.lua", "return 'secret'\n");
  Write("secret.lua", "return 'secret'\n");
  Sandbox sandbox({}, SearchPath());
  for (const char* name : {"secret", "outside.secret"}) {
    SCOPED_TRACE(name);
    ScriptError error = RunFailing(sandbox, "outside.lua", std::string("return require '") + name + "'\n");
    EXPECT_THAT(error.what(), HasSubstr(std::string("module '") + name + "' not found"));
  }
  Sandbox empty_path({}, {});
  ScriptError error = RunFailing(empty_path, "empty.lua", "return require 'secret'\n");
  EXPECT_THAT(error.what(), HasSubstr("module 'secret' not found: the script search path is empty"));
}

TEST_F(SandboxTest, RequireLoopIsReported) {
  Write("lib1/a.lua", "return require 'b'\n");
  Write("lib1/b.lua", "return require 'a'\n");
  Sandbox sandbox({}, SearchPath());
  ScriptError error = RunFailing(sandbox, "loop.lua", "return require 'a'\n");
  EXPECT_THAT(error.what(), HasSubstr("b.lua:1: loop or previous error loading module 'a'"));
}

TEST_F(SandboxTest, ErrorsInModulesNameTheModuleFile) {
  Write("lib2/broken.lua", "local x = 1\nerror('broken module')\n");
  Write("lib2/bad_syntax.lua", "local x = = 1\n");
  Sandbox sandbox({}, SearchPath());
  ScriptError error = RunFailing(sandbox, "uses_broken.lua", "\nlocal m = require 'broken'\nreturn m\n");
  EXPECT_THAT(error.what(), HasSubstr((root_ / "lib2" / "broken.lua").string() + ":2: broken module"));
  EXPECT_THAT(error.what(), HasSubstr("uses_broken.lua:2: in main chunk"));

  error = RunFailing(sandbox, "uses_bad_syntax.lua", "return require 'bad_syntax'\n");
  EXPECT_THAT(error.what(), HasSubstr("error loading module 'bad_syntax' from file"));
  EXPECT_THAT(error.what(), HasSubstr((root_ / "lib2" / "bad_syntax.lua").string() + ":1:"));
}

int g_core_opens = 0;

int OpenCoreModule(lua_State* L) {
  ++g_core_opens;
  lua_newtable(L);
  lua_pushstring(L, lua_tostring(L, 1));  // require passes the module name
  lua_setfield(L, -2, "name");
  return 1;
}

TEST_F(SandboxTest, RegisteredModulesAreOpenedOnceOnRequire) {
  g_core_opens = 0;
  Sandbox sandbox({}, SearchPath());
  sandbox.RegisterModule("creditlens.core", &OpenCoreModule);
  EXPECT_THROW(sandbox.RegisterModule("../x", &OpenCoreModule), std::invalid_argument);
  EXPECT_EQ(g_core_opens, 0);
  EXPECT_EQ(RunToString(sandbox, "core.lua", R"(
    local a = require "creditlens.core"
    assert(require "creditlens.core" == a)
    return a.name
  )"),
            "creditlens.core");
  EXPECT_EQ(g_core_opens, 1);
}

// ---------------------------------------------------------------------------------------------
// Instruction budget

TEST_F(SandboxTest, InfiniteLoopStopsAtTheBudget) {
  SandboxLimits limits;
  limits.instruction_budget = 1'000'000;
  Sandbox sandbox(limits, SearchPath());
  ScriptError error = RunFailing(sandbox, "forever.lua", "local n = 0\nwhile true do n = n + 1 end\n");
  EXPECT_EQ(error.kind(), Kind::kInstructionBudget);
  EXPECT_THAT(error.what(), HasSubstr("forever.lua:2: instruction budget of 1000000 exceeded"));
  EXPECT_THAT(error.what(), HasSubstr("stack traceback:"));
  EXPECT_GE(sandbox.instructions_used(), 1'000'000u);
  EXPECT_LE(sandbox.instructions_used(), 1'010'000u);
}

TEST_F(SandboxTest, DefaultBudgetStopsAnInfiniteLoop) {
  Sandbox sandbox({}, SearchPath());
  const auto start = std::chrono::steady_clock::now();
  ScriptError error = RunFailing(sandbox, "forever.lua", "while true do end\n");
  EXPECT_EQ(error.kind(), Kind::kInstructionBudget);
  EXPECT_THAT(error.what(), HasSubstr("forever.lua:1: instruction budget of 200000000 exceeded"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST_F(SandboxTest, PcallCannotSwallowTheBudget) {
  SandboxLimits limits;
  limits.instruction_budget = 1'000'000;
  Sandbox sandbox(limits, SearchPath());
  ScriptError error = RunFailing(sandbox, "swallow.lua", R"(
    while true do
      pcall(function() while true do end end)
      xpcall(function() while true do end end, function(e) while true do end end)
      local ok, tostring_error = pcall(error, setmetatable({}, {__tostring = function() while true do end end}))
    end
  )");
  EXPECT_EQ(error.kind(), Kind::kInstructionBudget);
  EXPECT_THAT(error.what(), HasSubstr("instruction budget of 1000000 exceeded"));
}

TEST_F(SandboxTest, BudgetIsSharedByRunFileAndLaterCalls) {
  SandboxLimits limits;
  limits.instruction_budget = 1'000'000;
  Sandbox sandbox(limits, SearchPath());
  lua_State* L = sandbox.state();
  ASSERT_EQ(sandbox.RunFile(Write("burn.lua", R"(
    return function(n)
      local x = 0
      for i = 1, n do x = x + i end
      return x
    end
  )")),
            1);
  const int function_index = lua_gettop(L);
  int successful_calls = 0;
  try {
    for (int i = 0; i < 100; ++i) {
      lua_pushvalue(L, function_index);
      lua_pushinteger(L, 100'000);
      sandbox.Call(1, 1);
      EXPECT_EQ(lua_tointeger(L, -1), lua_Integer{100'000} * 100'001 / 2);
      lua_pop(L, 1);
      ++successful_calls;
    }
    FAIL() << "the budget never ran out";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.kind(), Kind::kInstructionBudget);
    EXPECT_THAT(e.what(), HasSubstr("burn.lua:4: instruction budget of 1000000 exceeded"));
  }
  EXPECT_GE(successful_calls, 2);
  EXPECT_LT(successful_calls, 20);
  EXPECT_EQ(lua_gettop(L), function_index);

  // Exhausted for good: even a trivial call fails now.
  lua_pushvalue(L, function_index);
  lua_pushinteger(L, 1);
  try {
    sandbox.Call(1, 1);
    FAIL() << "a call ran after the budget was exhausted";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.kind(), Kind::kInstructionBudget);
  }
  EXPECT_EQ(lua_gettop(L), function_index);
}

// ---------------------------------------------------------------------------------------------
// Memory cap

constexpr std::string_view kMemoryBomb =
    "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end\n";

TEST_F(SandboxTest, MemoryBombStopsAtTheDefaultLimitAndTheSandboxSurvives) {
  Sandbox sandbox({}, SearchPath());
  ScriptError error = RunFailing(sandbox, "bomb.lua", kMemoryBomb);
  EXPECT_EQ(error.kind(), Kind::kMemoryLimit);
  EXPECT_THAT(error.what(),
              HasSubstr("memory limit of 256 MiB exceeded while running " + (root_ / "bomb.lua").string()));
  EXPECT_LE(sandbox.memory_in_use(), std::size_t{256} << 20);
  // The garbage goes away and the state still works.
  EXPECT_EQ(RunToString(sandbox, "after.lua", "return string.rep('ab', 3)"), "ababab");
}

TEST_F(SandboxTest, MemoryErrorCaughtAndRethrownByTheScriptIsStillReported) {
  SandboxLimits limits;
  limits.memory_limit_bytes = 16u << 20;
  Sandbox sandbox(limits, SearchPath());
  ScriptError error = RunFailing(sandbox, "rethrow.lua", std::string(R"(
    local ok, err = pcall(function()
      local t = {}
      for i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end
    end)
    error(err)
  )"));
  EXPECT_EQ(error.kind(), Kind::kMemoryLimit);
  EXPECT_THAT(error.what(), HasSubstr("memory limit of 16 MiB exceeded"));
  EXPECT_THAT(error.what(), HasSubstr("not enough memory"));

  error = RunFailing(sandbox, "rep.lua", "return string.rep('x', 1 << 30)\n");
  EXPECT_EQ(error.kind(), Kind::kMemoryLimit);
}

TEST_F(SandboxTest, MemoryErrorInACallNamesTheFunction) {
  SandboxLimits limits;
  limits.memory_limit_bytes = 16u << 20;
  Sandbox sandbox(limits, SearchPath());
  lua_State* L = sandbox.state();
  sandbox.RunFile(
      Write("grow.lua", "\nreturn function()\n  local s = 'x'\n  while true do s = s .. s end\nend\n"));
  try {
    sandbox.Call(0, 0);
    FAIL() << "no memory error";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.kind(), Kind::kMemoryLimit);
    EXPECT_THAT(e.what(), HasSubstr("memory limit of 16 MiB exceeded while running the function defined at " +
                                    (root_ / "grow.lua").string() + ":2"));
  }
  EXPECT_EQ(lua_gettop(L), 0);
}

TEST_F(SandboxTest, LimitTooSmallForTheLibrariesFailsConstruction) {
  SandboxLimits limits;
  limits.memory_limit_bytes = 4096;
  try {
    Sandbox sandbox(limits, SearchPath());
    FAIL() << "a sandbox fit in 4096 bytes";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.kind(), Kind::kMemoryLimit);
    EXPECT_THAT(e.what(), HasSubstr("memory limit of 4096 bytes exceeded"));
  }
}

TEST_F(SandboxTest, MemoryIsCounted) {
  Sandbox sandbox({}, SearchPath());
  const std::size_t before = sandbox.memory_in_use();
  EXPECT_GT(before, 0u);
  sandbox.RunFile(Write("keep.lua", "keep = string.rep('x', 1 << 20)"), 0);
  EXPECT_GE(sandbox.memory_in_use(), before + (1u << 20));
}

// ---------------------------------------------------------------------------------------------
// Error messages

TEST_F(SandboxTest, RuntimeErrorHasFileLineAndTraceback) {
  Sandbox sandbox({}, SearchPath());
  ScriptError error = RunFailing(sandbox, "name.lua", R"(local function fail()
  local t = nil
  return t.field
end
local result = fail()
return result
)");
  EXPECT_EQ(error.kind(), Kind::kRuntime);
  const std::string file = (root_ / "name.lua").string();
  EXPECT_TRUE(
      std::string_view(error.what()).starts_with(file + ":3: attempt to index a nil value (local 't')"))
      << error.what();
  EXPECT_THAT(error.what(), HasSubstr("\nstack traceback:\n"));
  EXPECT_THAT(error.what(), HasSubstr(file + ":3: in "));
  EXPECT_THAT(error.what(), HasSubstr(file + ":5: in main chunk"));
}

TEST_F(SandboxTest, RelativePathIsShownAsGiven) {
  Sandbox sandbox({}, SearchPath());
  Write("rel.lua", "\nerror('relative')\n");
  const fs::path previous = fs::current_path();
  fs::current_path(root_.path());
  try {
    sandbox.RunFile("rel.lua");
    ADD_FAILURE() << "no error";
  } catch (const ScriptError& e) {
    EXPECT_TRUE(std::string_view(e.what()).starts_with("rel.lua:2: relative")) << e.what();
  }
  fs::current_path(previous);
}

TEST_F(SandboxTest, SyntaxErrorNamesFileAndLine) {
  Sandbox sandbox({}, SearchPath());
  ScriptError error = RunFailing(sandbox, "syntax.lua", "local x = 1\nlocal y = = 2\n");
  EXPECT_EQ(error.kind(), Kind::kLoad);
  EXPECT_THAT(error.what(), HasSubstr((root_ / "syntax.lua").string() + ":2: unexpected symbol near '='"));
}

TEST_F(SandboxTest, MissingFileIsALoadError) {
  Sandbox sandbox({}, SearchPath());
  try {
    sandbox.RunFile(root_ / "missing.lua");
    FAIL() << "no error";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.kind(), Kind::kLoad);
    EXPECT_THAT(e.what(), HasSubstr("cannot open " + (root_ / "missing.lua").string() + ": No such file"));
  }
}

TEST_F(SandboxTest, NonStringErrorObjects) {
  Sandbox sandbox({}, SearchPath());
  ScriptError error = RunFailing(sandbox, "table_error.lua", "error({code = 1})\n");
  EXPECT_THAT(error.what(), HasSubstr("(error object is a table value)\nstack traceback:"));
  error = RunFailing(sandbox, "tostring_error.lua",
                     "error(setmetatable({}, {__tostring = function() return 'custom message' end}))\n");
  EXPECT_THAT(error.what(), HasSubstr("custom message\nstack traceback:"));
}

TEST_F(SandboxTest, ShebangAndByteOrderMarkAreSkipped) {
  Sandbox sandbox({}, SearchPath());
  EXPECT_EQ(RunToInteger(sandbox, "shebang.lua", "#!/usr/bin/env lua\nreturn 5\n"), 5);
  EXPECT_EQ(RunToInteger(sandbox, "bom.lua", "\xEF\xBB\xBFreturn 6\n"), 6);
  ScriptError error = RunFailing(sandbox, "shebang_line.lua", "#!/usr/bin/env lua\n\nerror('x')\n");
  EXPECT_THAT(error.what(), HasSubstr("shebang_line.lua:3: x"));
}

TEST_F(SandboxTest, CallPassesArgumentsAndResultsAndReportsErrors) {
  Sandbox sandbox({}, SearchPath());
  lua_State* L = sandbox.state();
  ASSERT_EQ(sandbox.RunFile(Write("fns.lua", R"(
    return function(a, b) return a + b, a * b end,
           function(x)
             error("bad input " .. x)
           end
  )"),
                            2),
            2);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 6);
  lua_pushinteger(L, 7);
  sandbox.Call(2, 2);
  EXPECT_EQ(lua_tointeger(L, -2), 13);
  EXPECT_EQ(lua_tointeger(L, -1), 42);
  lua_pop(L, 2);

  lua_pushvalue(L, 2);
  lua_pushstring(L, "x");
  try {
    sandbox.Call(1, 0);
    FAIL() << "no error";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.kind(), Kind::kRuntime);
    EXPECT_THAT(e.what(), HasSubstr((root_ / "fns.lua").string() + ":4: bad input x\nstack traceback:"));
  }
  EXPECT_EQ(lua_gettop(L), 2);
  lua_settop(L, 0);
}

// ---------------------------------------------------------------------------------------------
// ProtectedCFunction and RunProtected

int g_destroyed = 0;

struct Tracked {
  ~Tracked() { ++g_destroyed; }
};

int ThrowingFunction(lua_State* L) {
  return ProtectedCFunction(L, [&](lua_State* L) -> int {
    const lua_Integer n = luaL_checkinteger(L, 1);  // may raise: nothing alive yet
    Tracked tracked;
    std::string text = "bad things " + std::to_string(n);
    if (n > 0) throw std::runtime_error(text);
    RunProtected(L, 0, 1, [&](lua_State* L) { lua_pushlstring(L, text.data(), text.size()); });
    return 1;
  });
}

void SetGlobalFunction(Sandbox& sandbox, const char* name, lua_CFunction function) {
  RunProtected(sandbox.state(), 0, 0, [&](lua_State* L) {
    lua_pushcfunction(L, function);
    lua_setglobal(L, name);
  });
}

TEST_F(SandboxTest, ProtectedCFunctionTurnsExceptionsIntoLuaErrorsAtTheScriptLine) {
  Sandbox sandbox({}, SearchPath());
  SetGlobalFunction(sandbox, "fail", &ThrowingFunction);
  g_destroyed = 0;
  EXPECT_EQ(RunToString(sandbox, "helper.lua", R"(
    local ok, err = pcall(function()
      local value = fail(3)
      return value
    end)
    return tostring(ok) .. " " .. err .. " / " .. fail(0)
  )"),
            "false " + (root_ / "helper.lua").string() + ":3: bad things 3 / bad things 0");
  EXPECT_EQ(g_destroyed, 2);

  ScriptError error = RunFailing(sandbox, "uncaught.lua", "\nfail(7)\n");
  EXPECT_EQ(error.kind(), Kind::kRuntime);
  EXPECT_THAT(error.what(), HasSubstr("uncaught.lua:2: bad things 7\nstack traceback:"));
  EXPECT_THAT(error.what(), HasSubstr("in function 'fail'"));

  error = RunFailing(sandbox, "bad_arg.lua", "fail('x')\n");
  EXPECT_THAT(error.what(), HasSubstr("bad argument #1 to 'fail' (number expected, got string)"));
}

// A binding that calls back into Lua (as a report's layout function would be called).
int CallBack(lua_State* L) {
  return ProtectedCFunction(L, [&](lua_State* L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    Sandbox::FromState(L)->Call(0, 1);  // throws ScriptError, turned into a Lua error
    return 1;
  });
}

TEST_F(SandboxTest, LimitsHoldThroughBindingsThatCallBackIntoLua) {
  SandboxLimits limits;
  limits.memory_limit_bytes = 16u << 20;
  limits.instruction_budget = 1'000'000;
  {
    Sandbox sandbox(limits, SearchPath());
    SetGlobalFunction(sandbox, "call_back", &CallBack);
    EXPECT_EQ(RunToInteger(sandbox, "ok.lua", "return call_back(function() return 7 end)"), 7);
    ScriptError error = RunFailing(sandbox, "nested_memory.lua",
                                   "call_back(function() local s = 'x' while true do s = s .. s end end)\n");
    EXPECT_EQ(error.kind(), Kind::kMemoryLimit);
    EXPECT_THAT(error.what(), HasSubstr("memory limit of 16 MiB exceeded"));
  }
  {
    Sandbox sandbox(limits, SearchPath());
    SetGlobalFunction(sandbox, "call_back", &CallBack);
    ScriptError error = RunFailing(sandbox, "nested_loop.lua",
                                   "while true do pcall(call_back, function() while true do end end) end\n");
    EXPECT_EQ(error.kind(), Kind::kInstructionBudget);
  }
}

TEST_F(SandboxTest, RunProtectedMovesArgumentsAndResults) {
  Sandbox sandbox({}, SearchPath());
  lua_State* L = sandbox.state();
  lua_pushstring(L, "below");
  lua_pushinteger(L, 2);
  lua_pushinteger(L, 3);
  RunProtected(L, 2, 1, [](lua_State* L) {
    lua_pushinteger(L, lua_tointeger(L, 1) + lua_tointeger(L, 2));
    return 1;
  });
  ASSERT_EQ(lua_gettop(L), 2);
  EXPECT_EQ(lua_tointeger(L, 2), 5);
  EXPECT_STREQ(lua_tostring(L, 1), "below");
  lua_settop(L, 0);
}

TEST_F(SandboxTest, RunProtectedReportsLuaAndCppErrorsAsLuaError) {
  SandboxLimits limits;
  limits.memory_limit_bytes = 8u << 20;
  Sandbox sandbox(limits, SearchPath());
  lua_State* L = sandbox.state();
  const std::string big(16u << 20, 'x');
  try {
    RunProtected(L, 0, 1, [&](lua_State* L) { lua_pushlstring(L, big.data(), big.size()); });
    FAIL() << "no memory error";
  } catch (const LuaError& e) {
    EXPECT_EQ(e.status(), LUA_ERRMEM);
    EXPECT_STREQ(e.what(), "not enough memory");
  }
  EXPECT_EQ(lua_gettop(L), 0);

  try {
    RunProtected(L, 0, 0, [](lua_State* L) { luaL_error(L, "raised %d", 42); });
    FAIL() << "no error";
  } catch (const LuaError& e) {
    EXPECT_EQ(e.status(), LUA_ERRRUN);
    EXPECT_STREQ(e.what(), "raised 42");
  }

  try {
    RunProtected(L, 0, 0, [](lua_State*) { throw std::logic_error("thrown in C++"); });
    FAIL() << "no error";
  } catch (const LuaError& e) {
    EXPECT_EQ(e.status(), LUA_ERRRUN);
    EXPECT_STREQ(e.what(), "thrown in C++");
  }
  EXPECT_EQ(lua_gettop(L), 0);
}

}  // namespace
}  // namespace creditlens::script
