// The two sides of a field list. A struct's fields are listed once, in a function
// `Fields(io, value)` that calls io.String("name", value.name) and so on for each field; the same list
// writes the struct with a FieldWriter and reads it back with a FieldReader, so saving and loading
// cannot drift apart. Every field is required when read; optional ones may be null.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "billing/money.h"
#include "creditlens/credits.h"
#include "projection/json_reader.h"
#include "projection/json_writer.h"

namespace creditlens::projection {

// T is U or const U: lets one Fields template serve the writer (const) and the reader.
template <typename T, typename U>
concept Either = std::same_as<std::remove_const_t<T>, U>;

class FieldWriter {
 public:
  explicit FieldWriter(JsonWriter& out) : out_(out) {}

  void String(const char* key, const std::string& value);
  void Bool(const char* key, bool value);
  void Number(const char* key, double value);
  void Credits(const char* key, MicroCredits value);
  void Credits(const char* key, const std::optional<MicroCredits>& value);
  void Dollars(const char* key, billing::Cents value);
  void Date(const char* key, std::int32_t day);
  void Date(const char* key, const std::optional<std::int32_t>& day);
  void Instant(const char* key, std::int64_t epoch_ms);

  // A nested struct, on one line.
  template <typename T>
  void Object(const char* key, const T& value) {
    out_.Key(key);
    out_.BeginObject(JsonWriter::Layout::kOneLine);
    Fields(*this, value);
    out_.EndObject();
  }

  // A list of structs, one per line.
  template <typename T>
  void List(const char* key, const std::vector<T>& items) {
    out_.Key(key);
    out_.BeginArray();
    for (const T& item : items) {
      out_.BeginObject(JsonWriter::Layout::kOneLine);
      Fields(*this, item);
      out_.EndObject();
    }
    out_.EndArray();
  }

 private:
  JsonWriter& out_;
};

class FieldReader {
 public:
  explicit FieldReader(const JsonReader& in) : in_(in) {}

  void String(const char* key, std::string& value) const { value = in_.Required(key, in_.String(key)); }
  void Bool(const char* key, bool& value) const { value = in_.Required(key, in_.Bool(key)); }
  void Number(const char* key, double& value) const { value = in_.Required(key, in_.Number(key)); }
  void Credits(const char* key, MicroCredits& value) const { value = in_.Required(key, in_.Credits(key)); }
  void Credits(const char* key, std::optional<MicroCredits>& value) const { value = in_.Credits(key); }
  void Dollars(const char* key, billing::Cents& value) const { value = in_.Required(key, in_.Dollars(key)); }
  void Date(const char* key, std::int32_t& day) const { day = in_.Required(key, in_.Date(key)); }
  void Date(const char* key, std::optional<std::int32_t>& day) const { day = in_.Date(key); }
  void Instant(const char* key, std::int64_t& epoch_ms) const {
    epoch_ms = in_.Required(key, in_.Instant(key));
  }

  template <typename T>
  void Object(const char* key, T& value) const {
    ReadAll(in_.Required(key, in_.Object(key)), value);
  }

  template <typename T>
  void List(const char* key, std::vector<T>& items) const {
    items.clear();
    for (const JsonReader& item : in_.Required(key, in_.Objects(key))) ReadAll(item, items.emplace_back());
  }

  // Reads every field of `value` from `in`, refusing fields the list does not have.
  template <typename T>
  static void ReadAll(const JsonReader& in, T& value) {
    FieldReader reader(in);
    Fields(reader, value);
    in.RefuseUnknownFields();
  }

 private:
  const JsonReader& in_;
};

}  // namespace creditlens::projection
