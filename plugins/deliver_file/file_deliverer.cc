// Settings and the choice of what to write; atomic_directory.cc does the writing.
#include "file_deliverer.h"

#include <stdexcept>

#include "text_file_name.h"

namespace creditlens::file {

DelivererInfo FileDeliverer::Describe() const noexcept {
  return {
      "file",
      "0.1.0",
      "Files in a directory: each attachment written atomically under its own name",
      {
          {"directory", SettingType::kPath, "", "where the files are written (required)"},
          {"create", SettingType::kBoolean, "true", "create the directory and its parents if missing"},
      },
  };
}

Status FileDeliverer::Open(const Settings& settings) noexcept {
  directory_.reset();  // a failed Open leaves the deliverer unopened
  return Guard([&] {
    const std::string& directory = settings.at("directory");
    if (directory.empty())
      throw std::invalid_argument("setting 'directory' is required: where to write files");
    directory_.emplace(directory, settings.at("create") == "true");
  });
}

DeliveryResult FileDeliverer::Deliver(const Delivery& delivery) noexcept {
  try {
    if (!directory_) return DeliveryResult::Permanent("the file deliverer was not opened");
    if (delivery.attachments.empty())
      return directory_->Write(TextFileName(delivery.subject), delivery.text_body);
    return directory_->WriteAttachments(delivery.attachments);
  } catch (const std::exception& e) {
    return DeliveryResult::Permanent(e.what());
  } catch (...) {
    return DeliveryResult::Permanent("unknown error");
  }
}

}  // namespace creditlens::file
