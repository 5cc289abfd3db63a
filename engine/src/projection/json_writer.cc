#include "projection/json_writer.h"

#include <boost/json/serialize.hpp>

namespace creditlens::projection {

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (open_.empty()) return;
  Container& container = open_.back();
  if (!container.empty) out_ += ',';
  if (container.one_line) {
    if (!container.empty) out_ += ' ';
  } else {
    out_ += '\n';
    out_.append(2 * open_.size(), ' ');
  }
  container.empty = false;
}

void JsonWriter::Begin(char open, Layout layout) {
  BeforeValue();
  const bool inside_one_line = !open_.empty() && open_.back().one_line;
  open_.push_back({layout == Layout::kOneLine || inside_one_line, true});
  out_ += open;
}

void JsonWriter::End(char close) {
  const Container container = open_.back();
  open_.pop_back();
  if (!container.one_line && !container.empty) {
    out_ += '\n';
    out_.append(2 * open_.size(), ' ');
  }
  out_ += close;
}

void JsonWriter::BeginObject(Layout layout) { Begin('{', layout); }
void JsonWriter::EndObject() { End('}'); }
void JsonWriter::BeginArray(Layout layout) { Begin('[', layout); }
void JsonWriter::EndArray() { End(']'); }

void JsonWriter::Key(std::string_view key) {
  String(key);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  out_ += boost::json::serialize(boost::json::string_view(value.data(), value.size()));
}

void JsonWriter::Number(std::string_view text) {
  BeforeValue();
  out_ += text;
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

std::string JsonWriter::Finish() { return std::move(out_) + '\n'; }

}  // namespace creditlens::projection
