// The ingest pipeline: a reader thread parses and validates rows into batches while this thread
// writes them, so parsing and SQLite work overlap on two cores.
#include "store/ingest.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>

#include "model/event_reader.h"
#include "util/progress_bar.h"

namespace creditlens::store {
namespace {

constexpr std::size_t kBatchRows = 8192;
constexpr std::size_t kQueuedBatches = 4;

struct Reject {
  std::uint64_t line;
  std::string field, reason, row;
};

// Batches are recycled: their events keep their string buffers, so parsing reuses them.
struct Batch {
  std::vector<UsageEvent> events;    // the first `size` are this batch's
  std::vector<std::uint64_t> lines;  // of each event
  std::size_t size = 0;
  std::vector<Reject> rejects;
  std::uint64_t bytes_read = 0;
};

// A bounded hand-over of batches from the reader thread to the writer, and back for reuse.
class BatchQueue {
 public:
  void Push(Batch batch) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return queue_.size() < kQueuedBatches || cancelled_; });
    if (cancelled_) return;
    queue_.push_back(std::move(batch));
    ready_.notify_one();
  }
  // An emptied batch to fill: a recycled one when there is one.
  Batch TakeEmpty() {
    std::lock_guard lock(mutex_);
    if (spare_.empty()) return Batch{};
    Batch batch = std::move(spare_.back());
    spare_.pop_back();
    batch.size = 0;
    batch.rejects.clear();
    return batch;
  }
  void Recycle(Batch batch) {
    std::lock_guard lock(mutex_);
    spare_.push_back(std::move(batch));
  }
  void Close(std::exception_ptr error = nullptr) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    error_ = std::move(error);
    ready_.notify_one();
  }
  void Cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    space_.notify_one();
  }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }  // checked per row: no lock
  // Next batch, or nothing when the reader is done; rethrows the reader's exception.
  std::optional<Batch> Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return std::nullopt;
    }
    Batch batch = std::move(queue_.front());
    queue_.pop_front();
    space_.notify_one();
    return batch;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<Batch> queue_;
  std::vector<Batch> spare_;
  bool closed_ = false;
  std::atomic<bool> cancelled_ = false;
  std::exception_ptr error_;
};

std::string RowError(const std::string& file, std::uint64_t line, const std::string& field,
                     const std::string& problem) {
  return file + ":" + std::to_string(line) + ": " + (field.empty() ? "" : "field '" + field + "': ") +
         problem;
}

// Reads the whole file into batches; stops early at the first bad row unless rows are skipped.
void ReadBatches(model::EventReader& reader, const std::set<std::string>& known_workspaces, bool skip_invalid,
                 BatchQueue& queue) {
  Batch batch = queue.TakeEmpty();
  model::EventRow row;
  auto flush = [&] {
    batch.bytes_read = reader.bytes_read();
    queue.Push(std::move(batch));
    batch = queue.TakeEmpty();
  };
  while (reader.Next(row) && !queue.cancelled()) {
    if (!row.error && !known_workspaces.contains(row.event.workspace_id)) {
      row.error = model::FieldError{"workspace_id", "unknown workspace '" + row.event.workspace_id +
                                                        "' (load it with --accounts first)"};
      row.raw = reader.current_text();
    }
    if (row.error) {
      batch.rejects.push_back({row.line, row.error->field, row.error->problem, std::move(row.raw)});
      if (!skip_invalid) break;
    } else {
      if (batch.size == batch.events.size()) {
        batch.events.emplace_back();
        batch.lines.emplace_back();
      }
      std::swap(batch.events[batch.size], row.event);  // the row gets an old event's buffers to fill
      batch.lines[batch.size++] = row.line;
    }
    if (batch.size >= kBatchRows) flush();
  }
  flush();
}

void Check(const Status& status, const std::string& what) {
  if (!status.ok()) throw std::runtime_error(what + ": " + status.message());
}

}  // namespace

IngestSummary IngestEventFile(EventStore& store, const std::filesystem::path& events,
                              const std::vector<Workspace>& accounts,
                              const std::set<std::string>& known_workspaces, RejectLog* rejects) {
  const std::string file = events.string();
  auto reader = model::OpenEventFile(events);
  util::ProgressBar progress("ingest " + events.filename().string(), reader->file_size(), "rows");
  BatchQueue queue;
  std::thread reader_thread([&] {
    try {
      ReadBatches(*reader, known_workspaces, rejects != nullptr, queue);
      queue.Close();
    } catch (...) {
      queue.Close(std::current_exception());
    }
  });

  IngestSummary summary;
  std::vector<Reject> rejected;  // reach the log only if this file's load commits
  Check(store.BeginLoad(), "starting the load");
  try {
    Check(store.UpsertAccounts(accounts), "storing accounts");
    std::vector<WriteOutcome> outcomes;
    while (auto batch = queue.Pop()) {
      if (!rejects && !batch->rejects.empty()) {
        const Reject& r = batch->rejects.front();
        throw IngestError(RowError(file, r.line, r.field, r.reason));
      }
      const std::span<const UsageEvent> events(batch->events.data(), batch->size);
      Check(store.WriteBatch(events, outcomes), "writing events");
      summary.rows += events.size() + batch->rejects.size();
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        if (outcomes[i] == WriteOutcome::kDuplicateInLoad) {
          const std::string problem = "id '" + batch->events[i].id + "' appears earlier in this file";
          if (!rejects) throw IngestError(RowError(file, batch->lines[i], "id", problem));
          batch->rejects.push_back({batch->lines[i], "id", problem, "id=" + batch->events[i].id});
        }
        summary.inserted += outcomes[i] == WriteOutcome::kInserted;
        summary.already_stored += outcomes[i] == WriteOutcome::kAlreadyStored;
      }
      // In file order, whichever check found them.
      std::sort(batch->rejects.begin(), batch->rejects.end(),
                [](const Reject& a, const Reject& b) { return a.line < b.line; });
      std::move(batch->rejects.begin(), batch->rejects.end(), std::back_inserter(rejected));
      progress.Update(batch->bytes_read, summary.rows);
      queue.Recycle(std::move(*batch));
    }
    Check(store.CommitLoad(), "committing the load");
  } catch (...) {
    queue.Cancel();
    reader_thread.join();
    store.RollbackLoad();
    throw;
  }
  reader_thread.join();
  progress.Finish();
  if (rejects) {
    for (const Reject& r : rejected) rejects->Add(file, r.line, r.field, r.reason, r.row);
  }
  summary.rejected = rejected.size();
  return summary;
}

void IngestAccounts(EventStore& store, const std::vector<Workspace>& accounts) {
  Check(store.BeginLoad(), "starting the load");
  try {
    Check(store.UpsertAccounts(accounts), "storing accounts");
    Check(store.CommitLoad(), "committing the load");
  } catch (...) {
    store.RollbackLoad();
    throw;
  }
}

}  // namespace creditlens::store
