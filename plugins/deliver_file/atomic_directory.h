// Writes files into one directory atomically: each appears whole under its final name or not at all,
// so that a reader (a file share, a web server) never sees a partial file. Shared by deliver_file and
// deliver_webhook, which links deliver_file_impl for it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "creditlens/deliverer.h"

namespace creditlens::file {

// Empty when name is a plain file name; else why it is refused (empty, ".", '/', "..", a NUL byte).
std::string FileNameProblem(std::string_view name);

// The class of a failed write by its errno: disk full, quota, I/O errors and running out of
// descriptors or memory may pass (transient); anything else will fail again (permanent).
DeliveryFailure ClassifyWriteError(int error);

class AtomicDirectory {
 public:
  // With create, makes the directory and its parents first. Throws std::invalid_argument when
  // directory is empty, missing or not a directory, std::runtime_error when it cannot be created.
  AtomicDirectory(std::filesystem::path directory, bool create);

  // Writes content to a temporary file in the directory, fsyncs it, renames it to name and fsyncs
  // the directory; rewriting a name replaces the file. Failures are classed by ClassifyWriteError;
  // a bad name, a missing or read-only directory, no permission are permanent.
  DeliveryResult Write(const std::string& name, std::string_view content) const;

  // Checks every file name first, so that a refused or repeated name writes nothing, then writes each.
  DeliveryResult WriteAttachments(const std::vector<DeliveryAttachment>& attachments) const;

 private:
  std::filesystem::path directory_;
};

}  // namespace creditlens::file
