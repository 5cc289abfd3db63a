// Helpers for tests that render real files and read them back with poppler's command-line tools
// (pdfinfo, pdftotext, pdffonts, pdfimages): run a command, a PDF's page count, size and text.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace creditlens::render::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

inline CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), read);
  result.exit_code = ::pclose(pipe);
  return result;
}

inline bool HaveTool(const std::string& tool) { return RunCommand("command -v " + tool).exit_code == 0; }

inline int PdfPageCount(const std::filesystem::path& pdf) {
  const CommandResult info = RunCommand("pdfinfo '" + pdf.string() + "'");
  std::istringstream lines(info.output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
  }
  return -1;
}

inline std::string PdfText(const std::filesystem::path& pdf) {
  return RunCommand("pdftotext -layout '" + pdf.string() + "' -").output;
}

// The text of each page of a PDF (pdftotext ends every page with a form feed).
inline std::vector<std::string> PdfPages(const std::filesystem::path& pdf) {
  std::vector<std::string> pages;
  std::istringstream text(PdfText(pdf));
  std::string page;
  while (std::getline(text, page, '\f')) pages.push_back(page);
  if (!pages.empty() && pages.back().find_first_not_of(" \n") == std::string::npos) pages.pop_back();
  return pages;
}

inline std::size_t CountOf(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

// A PDF's first page size in points, as pdfinfo prints it ("612 x 792"); empty when pdfinfo fails.
inline std::string PdfPageSize(const std::filesystem::path& pdf) {
  std::istringstream lines(RunCommand("pdfinfo '" + pdf.string() + "'").output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("Page size:", 0) != 0) continue;
    const std::size_t first = line.find_first_not_of(' ', 10);
    const std::size_t pts = line.find(" pts");
    return line.substr(first, pts - first);
  }
  return {};
}

}  // namespace creditlens::render::testing
