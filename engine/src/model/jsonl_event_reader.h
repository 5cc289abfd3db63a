// EventReader over a JSON Lines file: one flat JSON object per line.
#pragma once

#include <array>
#include <memory>
#include <string>

#include "model/event_reader.h"
#include "model/line_reader.h"

namespace creditlens::model {

class JsonlEventReader final : public EventReader {
 public:
  explicit JsonlEventReader(const std::filesystem::path& path);
  ~JsonlEventReader() override;
  bool Next(EventRow& row) override;
  std::string_view current_text() const override { return line_; }
  std::uint64_t bytes_read() const override { return lines_.bytes_read(); }
  std::uint64_t file_size() const override { return lines_.file_size(); }

 private:
  class Parser;  // a boost::json SAX parser that keeps numbers as written
  LineReader lines_;
  std::unique_ptr<Parser> parser_;
  std::string line_;
};

}  // namespace creditlens::model
