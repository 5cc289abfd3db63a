// The webhook deliverer: writes a delivery's attachments into a directory a web server serves, then
// POSTs a JSON summary with a link to each file to a URL, over http or https.
#pragma once

#include <Poco/Timespan.h>

#include <optional>
#include <string>

#include "atomic_directory.h"
#include "creditlens/deliverer.h"
#include "tls_client_context.h"
#include "webhook_url.h"

namespace creditlens::webhook {

class WebhookDeliverer : public Deliverer {
 public:
  DelivererInfo Describe() const noexcept override;
  Status Open(const Settings& settings) noexcept override;
  DeliveryResult Deliver(const Delivery& delivery) noexcept override;

 private:
  DeliveryResult Post(const std::string& body, const std::string& idempotency_key) const;

  WebhookUrl url_;
  std::optional<file::AtomicDirectory> files_;
  std::string files_base_url_;
  std::string token_;
  tls::TlsClient tls_;
  Poco::Timespan timeout_;
};

}  // namespace creditlens::webhook
