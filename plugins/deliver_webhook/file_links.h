// What the webhook body says of each attachment: name, type, size, SHA-256 and the link under which
// the files directory serves it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "creditlens/deliverer.h"

namespace creditlens::webhook {

struct LinkedFile {
  std::string name;
  std::string mime_type;
  std::size_t bytes = 0;
  std::string sha256;  // lower-case hex
  std::string url;
};

// Every byte but the unreserved A-Z a-z 0-9 - . _ ~ as %XX: "März 1.pdf" -> "M%C3%A4rz%201.pdf".
std::string PercentEncode(std::string_view name);

// base_url + "/" + the percent-encoded name; a '/' that ends base_url is not doubled.
std::string FileLink(std::string_view base_url, std::string_view name);

std::string Sha256Hex(std::string_view content);

std::vector<LinkedFile> LinkFiles(const std::vector<DeliveryAttachment>& attachments,
                                  std::string_view base_url);

}  // namespace creditlens::webhook
