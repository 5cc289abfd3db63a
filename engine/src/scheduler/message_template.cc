#include "scheduler/message_template.h"

#include <algorithm>
#include <stdexcept>

namespace creditlens::scheduler {

const std::vector<std::string>& MessageTemplate::Placeholders() {
  static const std::vector<std::string> names = {
      "schedule",    "report",    "workspace.id", "workspace.name", "period",
      "period.from", "period.to", "fire_date",    "fire_time",
  };
  return names;
}

MessageTemplate MessageTemplate::Parse(std::string_view text) {
  MessageTemplate parsed;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool doubled = i + 1 < text.size() && text[i + 1] == c;
    if ((c == '{' || c == '}') && doubled) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}')
      throw std::invalid_argument("unmatched '}' at character " + std::to_string(i + 1) +
                                  " (write }} for a brace)");
    if (c != '{') {
      literal += c;
      continue;
    }
    const auto close = text.find('}', i);
    if (close == std::string_view::npos) {
      throw std::invalid_argument("unmatched '{' at character " + std::to_string(i + 1) +
                                  " (write {{ for a brace)");
    }
    const std::string name(text.substr(i + 1, close - i - 1));
    const auto& known = Placeholders();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "{" : ", {") + k + "}";
      throw std::invalid_argument("unknown placeholder {" + name + "} (known: " + list + ")");
    }
    if (!literal.empty()) parsed.pieces_.push_back({std::move(literal), false});
    literal.clear();
    parsed.pieces_.push_back({name, true});
    i = close;
  }
  if (!literal.empty()) parsed.pieces_.push_back({std::move(literal), false});
  return parsed;
}

std::string MessageTemplate::Render(const TemplateValues& values) const {
  std::string out;
  for (const Piece& piece : pieces_) {
    if (!piece.placeholder) {
      out += piece.text;
    } else if (const auto value = values.find(piece.text); value != values.end()) {
      out += value->second;
    }
  }
  return out;
}

}  // namespace creditlens::scheduler
