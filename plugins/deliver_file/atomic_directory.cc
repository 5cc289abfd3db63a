// Atomic writes with POSIX calls: open a fresh temporary file (O_EXCL) beside the target, write,
// fsync, rename over the target, fsync the directory. A failed write removes its temporary file.
#include "atomic_directory.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <set>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace creditlens::file {
namespace {

DeliveryResult WriteFailure(int error, const std::string& name, const std::filesystem::path& directory) {
  std::string message =
      "cannot write '" + name + "' into " + directory.string() + ": " + std::strerror(error);
  return ClassifyWriteError(error) == DeliveryFailure::kTransient
             ? DeliveryResult::Transient(std::move(message))
             : DeliveryResult::Permanent(std::move(message));
}

// Closes the descriptor it owns, once.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;

  int get() const { return fd_; }
  // Closes now, returning 0 or the errno close reported (a late write error on some file systems).
  int Close() {
    const int result = ::close(std::exchange(fd_, -1));
    return result == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

// Creates a temporary file in directory under a name no other writer uses; sets path, returns the fd.
int CreateTemporary(const std::filesystem::path& directory, std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  const std::string prefix = ".creditlens-" + std::to_string(::getpid()) + "-";
  while (true) {
    path = directory / (prefix + std::to_string(counter++) + ".tmp");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;  // EEXIST: left by a crashed process with our pid
  }
}

// Writes all of content; returns 0 or errno.
int WriteAll(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return errno;
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

// Writes the temporary file and renames it to target; returns 0 or errno.
int WriteAndRename(FileDescriptor& file, const std::filesystem::path& temporary, std::string_view content,
                   const std::filesystem::path& target) {
  if (const int error = WriteAll(file.get(), content)) return error;
  if (::fsync(file.get()) != 0) return errno;
  if (const int error = file.Close()) return error;
  return ::rename(temporary.c_str(), target.c_str()) == 0 ? 0 : errno;
}

// Makes the rename durable; returns 0 or errno. File systems that cannot sync a directory say EINVAL.
int SyncDirectory(const std::filesystem::path& directory) {
  FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return errno;
  return ::fsync(dir.get()) == 0 || errno == EINVAL ? 0 : errno;
}

}  // namespace

DeliveryFailure ClassifyWriteError(int error) {
  const bool may_pass = error == ENOSPC || error == EDQUOT || error == EIO || error == EMFILE ||
                        error == ENFILE || error == ENOMEM;
  return may_pass ? DeliveryFailure::kTransient : DeliveryFailure::kPermanent;
}

std::string FileNameProblem(std::string_view name) {
  if (name.empty()) return "an attachment has an empty file name";
  const std::string quoted = "file name '" + std::string(name) + "'";
  if (name == ".") return quoted + " names the directory itself";
  if (name.find('/') != std::string_view::npos) return quoted + " contains '/'";
  if (name.find("..") != std::string_view::npos) return quoted + " contains '..'";
  if (name.find('\0') != std::string_view::npos) return quoted + " contains a NUL byte";
  return "";
}

AtomicDirectory::AtomicDirectory(std::filesystem::path directory, bool create)
    : directory_(std::move(directory)) {
  if (directory_.empty()) throw std::invalid_argument("no directory given");
  std::error_code ec;
  if (create && !std::filesystem::create_directories(directory_, ec) && ec) {
    throw std::runtime_error("cannot create directory " + directory_.string() + ": " + ec.message());
  }
  if (!std::filesystem::is_directory(directory_, ec)) {
    throw std::invalid_argument(
        "directory " + directory_.string() +
        (std::filesystem::exists(directory_, ec) ? " is not a directory" : " does not exist"));
  }
}

DeliveryResult AtomicDirectory::Write(const std::string& name, std::string_view content) const {
  if (std::string problem = FileNameProblem(name); !problem.empty()) {
    return DeliveryResult::Permanent(std::move(problem));
  }
  std::filesystem::path temporary;
  FileDescriptor file(CreateTemporary(directory_, temporary));
  if (file.get() < 0) return WriteFailure(errno, name, directory_);
  if (const int error = WriteAndRename(file, temporary, content, directory_ / name)) {
    ::unlink(temporary.c_str());
    return WriteFailure(error, name, directory_);
  }
  if (const int error = SyncDirectory(directory_)) return WriteFailure(error, name, directory_);
  return DeliveryResult::Ok();
}

DeliveryResult AtomicDirectory::WriteAttachments(const std::vector<DeliveryAttachment>& attachments) const {
  std::set<std::string_view> names;
  for (const DeliveryAttachment& attachment : attachments) {
    if (std::string problem = FileNameProblem(attachment.file_name); !problem.empty()) {
      return DeliveryResult::Permanent(std::move(problem));
    }
    if (!names.insert(attachment.file_name).second) {
      return DeliveryResult::Permanent("two attachments are named '" + attachment.file_name + "'");
    }
  }
  for (const DeliveryAttachment& attachment : attachments) {
    DeliveryResult result = Write(attachment.file_name, attachment.content);
    if (!result.ok()) return result;
  }
  return DeliveryResult::Ok();
}

}  // namespace creditlens::file
