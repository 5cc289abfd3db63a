// Rejects as JSON Lines, serialised with Boost.JSON so that any row text is escaped correctly.
#include "store/reject_log.h"

#include <boost/json.hpp>
#include <stdexcept>

namespace creditlens::store {

RejectLog::RejectLog(const std::filesystem::path& path)
    : file_(path), out_(file_.temp_path(), std::ios::binary) {
  if (!out_) throw std::runtime_error(path.string() + ": cannot write the rejects file");
}

void RejectLog::Add(const std::string& file, std::uint64_t line, const std::string& field,
                    const std::string& reason, const std::string& row) {
  boost::json::object record;
  record["file"] = file;
  record["line"] = line;
  record["field"] = field;
  record["error"] = reason;
  record["row"] = row;
  out_ << boost::json::serialize(record) << '\n';
  ++count_;
}

void RejectLog::Commit() {
  out_.close();
  if (!out_) throw std::runtime_error(file_.target().string() + ": cannot write the rejects file");
  file_.Commit();
}

}  // namespace creditlens::store
