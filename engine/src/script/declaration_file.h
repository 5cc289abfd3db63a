// Declaration files: Lua files that only declare, run in the report sandbox to return one table made
// by a cl constructor (cl.schedules { ... } in a schedule file, cl.projection { ... } in a scenario
// file), which the engine reads as JSON.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace creditlens::script {

// A declaration file could not be read or run, or returned the wrong thing. what() names the file,
// and the line where there is one: "file.lua:LINE: message" (no traceback).
class DeclarationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs `file` (require finds scripts_dir and the file's own folder) under a small instruction budget
// and returns, encoded with creditlens.json, the table it returns. That table must be made by
// cl.<constructor>, which marks it with the field __creditlens_<constructor>; the mark is left out.
// Throws DeclarationError.
std::string EncodeDeclarationFile(const std::filesystem::path& file, const std::filesystem::path& scripts_dir,
                                  const std::string& constructor);

}  // namespace creditlens::script
