#include "script/lua_literal.h"

#include <gtest/gtest.h>

#include "script/sandbox.h"

namespace creditlens::script {
namespace {

TEST(LuaLiteral, WritesTablesThatLuaReadsBack) {
  LuaLiteral out;
  out.Open().Key("name").String("a\"b\\c\n]]--\x01\xff").Key("n").Number(2).Key("i").Integer(-3);
  out.Key("list").Open().String("x").Bool(true).Nil().Close().Close();
  const std::string chunk = out.Finish();
  EXPECT_EQ(chunk.substr(0, 8), "return {");

  Sandbox sandbox({}, {});
  lua_State* L = sandbox.state();
  ASSERT_EQ(luaL_loadbufferx(L, chunk.data(), chunk.size(), "=test", "t"), LUA_OK) << lua_tostring(L, -1);
  sandbox.Call(0, 1);
  lua_getfield(L, -1, "name");
  EXPECT_EQ(std::string(lua_tostring(L, -1)), "a\"b\\c\n]]--\x01\xff");
  lua_getfield(L, -2, "n");
  EXPECT_TRUE(lua_isnumber(L, -1) && !lua_isinteger(L, -1));  // stays a float
  EXPECT_EQ(lua_tonumber(L, -1), 2.0);
  lua_getfield(L, -3, "i");
  EXPECT_EQ(lua_tointeger(L, -1), -3);
  lua_getfield(L, -4, "list");
  EXPECT_EQ(lua_rawlen(L, -1), 2u);  // nil at the end does not count
  lua_settop(L, 0);
}

TEST(LuaLiteral, NonFiniteNumbersBecomeNil) {
  LuaLiteral out;
  out.Open().Key("x").Number(1.0 / 0.0).Close();
  EXPECT_EQ(out.Finish(), "return {[\"x\"]=nil,}");
}

}  // namespace
}  // namespace creditlens::script
