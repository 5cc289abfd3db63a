// Links and digests: Poco::URI::encode for the names, Poco::SHA2Engine for the digests.
#include "file_links.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <Poco/URI.h>

namespace creditlens::webhook {

std::string PercentEncode(std::string_view name) {
  std::string encoded;
  // Poco leaves the unreserved characters and a few others as they are; this list names those others.
  Poco::URI::encode(std::string(name), "!#$&'()*+,/:;=?@[]", encoded);
  return encoded;
}

std::string FileLink(std::string_view base_url, std::string_view name) {
  if (base_url.ends_with('/')) base_url.remove_suffix(1);
  return std::string(base_url) + "/" + PercentEncode(name);
}

std::string Sha256Hex(std::string_view content) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(content.data(), content.size());
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::vector<LinkedFile> LinkFiles(const std::vector<DeliveryAttachment>& attachments,
                                  std::string_view base_url) {
  std::vector<LinkedFile> files;
  for (const DeliveryAttachment& attachment : attachments) {
    files.push_back({attachment.file_name, attachment.mime_type, attachment.content.size(),
                     Sha256Hex(attachment.content), FileLink(base_url, attachment.file_name)});
  }
  return files;
}

}  // namespace creditlens::webhook
