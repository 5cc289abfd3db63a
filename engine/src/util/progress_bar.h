// A progress bar on stderr for long work (ingest, report fan-out), shown only when stderr is a
// terminal so that piped and scheduled runs stay quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace creditlens::util {

class ProgressBar {
 public:
  // total is in the caller's unit (bytes of a file, reports to render); 0 means unknown.
  ProgressBar(std::string label, std::uint64_t total, std::string item_name);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // done is in the unit of total; items counts what the user thinks in (rows, reports). Cheap to call often.
  void Update(std::uint64_t done, std::uint64_t items);
  void Finish();

  // Whether bars are drawn at all: stderr is a terminal and CREDITLENS_NO_PROGRESS is unset.
  static bool Enabled();

 private:
  void Draw(std::uint64_t done, std::uint64_t items);

  std::string label_, item_name_;
  std::uint64_t total_;
  bool enabled_, finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::uint64_t last_done_ = 0, last_items_ = 0;
};

}  // namespace creditlens::util
