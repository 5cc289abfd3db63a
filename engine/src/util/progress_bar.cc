// Redraws at most ten times a second with a carriage return; a final line stays on screen.
#include "util/progress_bar.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace creditlens::util {

bool ProgressBar::Enabled() { return isatty(STDERR_FILENO) && !std::getenv("CREDITLENS_NO_PROGRESS"); }

ProgressBar::ProgressBar(std::string label, std::uint64_t total, std::string item_name)
    : label_(std::move(label)),
      item_name_(std::move(item_name)),
      total_(total),
      enabled_(Enabled()),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(std::uint64_t done, std::uint64_t items) {
  last_done_ = done;
  last_items_ = items;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw(done, items);
}

void ProgressBar::Draw(std::uint64_t done, std::uint64_t items) {
  constexpr int kWidth = 30;
  const double fraction =
      total_ ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total_)) : 0.0;
  const int filled = static_cast<int>(fraction * kWidth);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(items) / seconds : 0.0;
  std::fprintf(stderr, "\r%s [%.*s%*s] %3.0f%%  %llu %s  %.0f %s/s ", label_.c_str(), filled,
               "##############################", kWidth - filled, "", fraction * 100,
               static_cast<unsigned long long>(items), item_name_.c_str(), rate, item_name_.c_str());
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (finished_) return;
  finished_ = true;
  if (!enabled_) return;
  Draw(total_ ? total_ : last_done_, last_items_);
  std::fputc('\n', stderr);
}

}  // namespace creditlens::util
