// Built with Boost.JSON, which escapes what JSON needs escaped and keeps UTF-8 as it is.
#include "webhook_body.h"

#include <boost/json.hpp>

namespace creditlens::webhook {

std::string WebhookBody(const Delivery& delivery, const std::vector<LinkedFile>& files) {
  boost::json::array to;
  for (const std::string& recipient : delivery.to) to.emplace_back(recipient);
  boost::json::array listed;
  for (const LinkedFile& file : files) {
    listed.emplace_back(boost::json::object{{"name", file.name},
                                            {"mime_type", file.mime_type},
                                            {"bytes", file.bytes},
                                            {"sha256", file.sha256},
                                            {"url", file.url}});
  }
  return boost::json::serialize(boost::json::object{{"subject", delivery.subject},
                                                    {"text", delivery.text_body},
                                                    {"to", std::move(to)},
                                                    {"idempotency_key", delivery.idempotency_key},
                                                    {"files", std::move(listed)}});
}

}  // namespace creditlens::webhook
