// Helpers for tests that start a real database server: free loopback ports, shell commands, a
// throwaway directory a non-root server user may own.
#pragma once

#include <filesystem>
#include <string>

namespace creditlens::sql::testing {

// A TCP port on 127.0.0.1 nothing listens on right now.
int FreeLoopbackPort();

// Runs a shell command; returns its exit status (0 on success). Output goes to the test's log.
int Shell(const std::string& command);

// Quotes text for a POSIX shell.
std::string ShellQuote(const std::string& text);

// A fresh directory under /tmp, owned by user when the test runs as root (servers refuse root).
std::filesystem::path ServerDirectory(const std::string& prefix, const std::string& user);

// "runuser -u USER -- " when running as root, "" otherwise.
std::string AsUser(const std::string& user);

}  // namespace creditlens::sql::testing
