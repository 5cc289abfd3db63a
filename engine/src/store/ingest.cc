// The ingest pipeline: a reader thread parses and validates rows into batches while this thread
// writes them, so parsing and SQLite work overlap on two cores.
#include "store/ingest.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
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

struct Batch {
  std::vector<UsageEvent> events;
  std::vector<std::uint64_t> lines;  // of each event
  std::vector<Reject> rejects;
  std::uint64_t bytes_read = 0;
};

// A bounded hand-over of batches from the reader thread to the writer.
class BatchQueue {
 public:
  void Push(Batch batch) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return queue_.size() < kQueuedBatches || cancelled_; });
    if (cancelled_) return;
    queue_.push_back(std::move(batch));
    ready_.notify_one();
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
  bool cancelled() {
    std::lock_guard lock(mutex_);
    return cancelled_;
  }
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
  bool closed_ = false, cancelled_ = false;
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
  Batch batch;
  model::EventRow row;
  auto flush = [&] {
    batch.bytes_read = reader.bytes_read();
    queue.Push(std::move(batch));
    batch = Batch{};
  };
  while (reader.Next(row) && !queue.cancelled()) {
    if (!row.error && !known_workspaces.contains(row.event.workspace_id)) {
      row.error = model::FieldError{"workspace_id", "unknown workspace '" + row.event.workspace_id +
                                                        "' (load it with --accounts first)"};
      row.raw = "id=" + row.event.id;
    }
    if (row.error) {
      batch.rejects.push_back({row.line, row.error->field, row.error->problem, std::move(row.raw)});
      if (!skip_invalid) break;
    } else {
      batch.events.push_back(std::move(row.event));
      batch.lines.push_back(row.line);
    }
    if (batch.events.size() >= kBatchRows) flush();
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
  const std::uint64_t rejected_before = rejects ? rejects->count() : 0;
  Check(store.BeginLoad(), "starting the load");
  try {
    Check(store.UpsertAccounts(accounts), "storing accounts");
    std::vector<WriteOutcome> outcomes;
    while (auto batch = queue.Pop()) {
      if (!rejects && !batch->rejects.empty()) {
        const Reject& r = batch->rejects.front();
        throw IngestError(RowError(file, r.line, r.field, r.reason));
      }
      Check(store.WriteBatch(batch->events, outcomes), "writing events");
      summary.rows += batch->events.size() + batch->rejects.size();
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
      for (const Reject& r : batch->rejects) {
        if (rejects) rejects->Add(file, r.line, r.field, r.reason, r.row);
      }
      progress.Update(batch->bytes_read, summary.rows);
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
  if (rejects) summary.rejected = rejects->count() - rejected_before;
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
