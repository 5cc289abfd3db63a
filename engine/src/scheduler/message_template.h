// Subject and body templates of scheduled messages: text with {placeholders} such as
// {workspace.name} and {period}, checked when the schedule file is read so that a typo fails before
// the first fire, not in the first email. "{{" and "}}" stand for literal braces.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace creditlens::scheduler {

// The values a template may name, filled for each run (docs/schedules.md#messages).
using TemplateValues = std::map<std::string, std::string, std::less<>>;

class MessageTemplate {
 public:
  MessageTemplate() = default;
  // Throws std::invalid_argument for an unknown placeholder or an unmatched brace.
  static MessageTemplate Parse(std::string_view text);
  static const std::vector<std::string>& Placeholders();

  // values must hold every placeholder (missing ones render empty).
  std::string Render(const TemplateValues& values) const;

 private:
  struct Piece {
    std::string text;
    bool placeholder = false;
  };
  std::vector<Piece> pieces_;
};

}  // namespace creditlens::scheduler
