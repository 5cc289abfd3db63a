// Crossing between C++ and Lua without letting longjmp skip a destructor.
//
// Lua (built as C) raises errors with longjmp. A longjmp out of a frame in which an object with a
// non-trivial destructor is alive is undefined behaviour, and a C++ exception that reaches Lua's C
// frames ends the process. Two helpers keep the worlds apart:
//
//   ProtectedCFunction(L, body)  the body of every lua_CFunction that runs C++ code. It runs `body`,
//       catches every C++ exception, leaves that scope (so every C++ object is destroyed) and only
//       then raises the Lua error "file:line: what()" at the calling script line. On success it
//       returns what `body` returned: the number of results `body` left on the stack.
//
//   RunProtected(L, nargs, nresults, fn)  runs Lua API calls that may raise (pushing a string,
//       creating a table, setting a field, calling a Lua function) while C++ objects are alive.
//       `fn` runs under lua_pcall as a new C function: it sees only the `nargs` values moved from
//       the top of the caller's stack (indices 1..nargs), and `nresults` of its results (or all,
//       LUA_MULTRET) are left in their place. A Lua error, including "not enough memory", comes
//       back as a C++ LuaError; C++ exceptions thrown by `fn` come back as a LuaError too.
//
// Rules inside a `body`:
//   * Capture by reference (the closure must be trivially destructible; this is checked).
//   * Lua calls that may raise (luaL_check*, lua_push{string,fstring}, lua_newtable, lua_setfield,
//     lua_call, ...) are fine only while no object with a non-trivial destructor is alive, e.g.
//     argument checks at the very top. After the first std::string, std::vector, ... exists, use
//     only calls that cannot raise (lua_gettop, lua_type, lua_to{integerx,numberx,boolean},
//     lua_tolstring on a value that is already a string, lua_rawlen, lua_rawgeti, lua_checkstack,
//     lua_push{nil,boolean,integer,number,lightuserdata}, lua_pop/settop/insert/remove/copy), or
//     wrap the raising ones in RunProtected.
//
// Example:
//
//   int LuaFormatCredits(lua_State* L) {
//     return ProtectedCFunction(L, [&](lua_State* L) {
//       lua_Integer micro = luaL_checkinteger(L, 1);         // may raise: nothing to destroy yet
//       std::string text = FormatMicroCredits(micro);         // may throw: becomes a Lua error
//       RunProtected(L, 0, 1, [&](lua_State* L) { lua_pushlstring(L, text.data(), text.size()); });
//       return 1;
//     });
//   }
#pragma once

#include <cstdio>
#include <exception>
#include <lua.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace creditlens::script {

// A Lua error seen from C++: what() is the error message, status() the lua_pcall status
// (LUA_ERRRUN, LUA_ERRMEM, ...).
class LuaError : public std::runtime_error {
 public:
  LuaError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

namespace internal {

// Describes the error object at `index` without calling into Lua (so without raising).
inline std::string DescribeErrorObject(lua_State* L, int index) {
  switch (lua_type(L, index)) {
    case LUA_TSTRING: {
      std::size_t length = 0;
      const char* text = lua_tolstring(L, index, &length);
      return std::string(text, length);
    }
    case LUA_TNUMBER: {
      if (lua_isinteger(L, index)) return std::to_string(lua_tointeger(L, index));
      char text[64];
      std::snprintf(text, sizeof text, "%.14g", static_cast<double>(lua_tonumber(L, index)));
      return text;
    }
    default:
      return std::string("(error object is a ") + lua_typename(L, lua_type(L, index)) + " value)";
  }
}

inline int PushStringFromPointer(lua_State* L) {
  lua_pushstring(L, static_cast<const char*>(lua_touserdata(L, 1)));
  return 1;
}

// Leaves `message` (or, if Lua is out of memory, Lua's memory error message) on top of the stack.
// Never raises.
inline void PushMessageNoRaise(lua_State* L, const char* message) noexcept {
  if (!lua_checkstack(L, 4)) lua_settop(L, 0);  // we are about to raise: the values are not needed
  lua_pushcfunction(L, &PushStringFromPointer);
  lua_pushlightuserdata(L, const_cast<char*>(message));
  lua_pcall(L, 1, 1, 0);
}

}  // namespace internal

template <class F>
int ProtectedCFunction(lua_State* L, F&& body) noexcept {
  static_assert(std::is_trivially_destructible_v<std::remove_reference_t<F>>,
                "a ProtectedCFunction body must capture by reference: lua_error jumps over it");
  int results = 0;
  bool failed = false;
  bool add_position = true;
  {
    try {
      results = body(L);
    } catch (const LuaError& e) {  // already a Lua message, usually with its position
      failed = true;
      add_position = false;
      internal::PushMessageNoRaise(L, e.what());
    } catch (const std::exception& e) {
      failed = true;
      internal::PushMessageNoRaise(L, e.what());
    } catch (...) {
      failed = true;
      internal::PushMessageNoRaise(L, "unknown C++ exception");
    }
  }
  // Every C++ object of the body is destroyed here; raising is safe.
  if (failed) {
    if (add_position) {
      luaL_where(L, 1);
      lua_insert(L, -2);
      lua_concat(L, 2);
    }
    return lua_error(L);
  }
  return results;
}

namespace internal {

template <class Fn>
int RunProtectedTrampoline(lua_State* L) {
  Fn* fn = static_cast<Fn*>(lua_touserdata(L, 1));
  lua_remove(L, 1);
  return ProtectedCFunction(L, [fn](lua_State* L) -> int {
    if constexpr (std::is_void_v<std::invoke_result_t<Fn&, lua_State*>>) {
      (*fn)(L);
      return lua_gettop(L);
    } else {
      return (*fn)(L);
    }
  });
}

}  // namespace internal

template <class F>
void RunProtected(lua_State* L, int nargs, int nresults, F&& fn) {
  using Fn = std::remove_reference_t<F>;
  if (!lua_checkstack(L, 2 + (nresults > 0 ? nresults : 0))) {
    throw LuaError(LUA_ERRMEM, "stack overflow (cannot grow the Lua stack)");
  }
  const int first_arg = lua_gettop(L) - nargs + 1;
  lua_pushcfunction(L, &internal::RunProtectedTrampoline<Fn>);
  lua_pushlightuserdata(L, const_cast<void*>(static_cast<const void*>(std::addressof(fn))));
  lua_rotate(L, first_arg, 2);  // function, pointer, args...
  const int status = lua_pcall(L, nargs + 1, nresults, 0);
  if (status != LUA_OK) {
    std::string message = internal::DescribeErrorObject(L, -1);
    lua_pop(L, 1);
    throw LuaError(status, message);
  }
}

}  // namespace creditlens::script
