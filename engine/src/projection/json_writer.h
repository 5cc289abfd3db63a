// Writing a projection's JSON: numbers go out as the exact text given (FormatMicroCredits,
// FormatCents), keys in the order written, and containers one item per line unless begun on one line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace creditlens::projection {

class JsonWriter {
 public:
  enum class Layout { kLines, kOneLine };  // a container begun inside a one-line one is one line too

  void BeginObject(Layout layout = Layout::kLines);
  void EndObject();
  void BeginArray(Layout layout = Layout::kLines);
  void EndArray();
  void Key(std::string_view key);  // the next value is this member's
  void String(std::string_view value);
  void Number(std::string_view text);  // a JSON number as written, e.g. "12.000001"
  void Bool(bool value);
  void Null();

  // The document, ending in a newline.
  std::string Finish();

 private:
  struct Container {
    bool one_line = false;
    bool empty = true;
  };

  void BeforeValue();  // the separator and indentation the next value needs
  void Begin(char open, Layout layout);
  void End(char close);

  std::vector<Container> open_;
  bool after_key_ = false;
  std::string out_;
};

}  // namespace creditlens::projection
