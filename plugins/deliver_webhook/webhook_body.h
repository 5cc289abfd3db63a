// The JSON the webhook posts: a summary of the delivery with links to its files.
#pragma once

#include <string>
#include <vector>

#include "creditlens/deliverer.h"
#include "file_links.h"

namespace creditlens::webhook {

// {"subject", "text", "to": [...], "idempotency_key",
//  "files": [{"name", "mime_type", "bytes", "sha256", "url"}]}, UTF-8.
std::string WebhookBody(const Delivery& delivery, const std::vector<LinkedFile>& files);

}  // namespace creditlens::webhook
