// Error values that cross the plugin boundary in place of exceptions.
#pragma once

#include <exception>
#include <string>
#include <utility>

namespace creditlens {

class Status {
 public:
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  Status() = default;
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}

  bool failed_ = false;
  std::string message_;
};

// Runs body and turns any exception into an error Status, so that a plugin method can be written
// naturally while no exception leaves the shared library.
template <typename Body>
Status Guard(Body&& body) noexcept {
  try {
    body();
    return Status::Ok();
  } catch (const std::exception& e) {
    return Status::Error(e.what());
  } catch (...) {
    return Status::Error("unknown error");
  }
}

}  // namespace creditlens
