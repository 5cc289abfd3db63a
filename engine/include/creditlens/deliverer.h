// The interface every delivery plugin implements (SMTP, file, webhook): hands one rendered report to
// its recipients. Methods are noexcept; a failed delivery says whether retrying can help, so that the
// outbox retries transient failures with backoff and gives up on permanent ones.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "creditlens/plugin_api.h"
#include "creditlens/plugin_settings.h"
#include "creditlens/status.h"

namespace creditlens {

struct DeliveryAttachment {
  std::string file_name;   // "invoice-2026-03.pdf"; UTF-8 allowed
  std::string mime_type;   // "application/pdf"
  std::string content;     // the bytes
  std::string content_id;  // non-empty: an inline part the HTML body shows as <img src="cid:...">
};

struct Delivery {
  std::vector<std::string> to;  // "a@x.test" or "Name <a@x.test>"; UTF-8 names allowed
  std::string from;             // same forms as to
  std::string subject;          // UTF-8
  std::string text_body;
  std::optional<std::string> html_body;
  std::vector<DeliveryAttachment> attachments;
  // The same for every attempt of one delivery, different for every other: the SMTP Message-ID,
  // the webhook's Idempotency-Key, so that a receiver can drop the copy a retry after a crash sends.
  std::string idempotency_key;
};

enum class DeliveryFailure {
  kNone,
  kTransient,  // may succeed later: connection refused, timeout, dropped connection, SMTP 4xx, HTTP 408/429/5xx
  kPermanent,  // will fail again: SMTP 5xx, other HTTP 4xx, bad address, bad settings, TLS or auth refused
};

// The outcome of Deliver: ok, or an error message with its failure class.
class DeliveryResult {
 public:
  static DeliveryResult Ok() { return DeliveryResult(DeliveryFailure::kNone, Status::Ok()); }
  static DeliveryResult Transient(std::string message) {
    return DeliveryResult(DeliveryFailure::kTransient, Status::Error(std::move(message)));
  }
  static DeliveryResult Permanent(std::string message) {
    return DeliveryResult(DeliveryFailure::kPermanent, Status::Error(std::move(message)));
  }

  bool ok() const { return status_.ok(); }
  DeliveryFailure failure() const { return failure_; }
  const Status& status() const { return status_; }
  const std::string& message() const { return status_.message(); }

 private:
  DeliveryResult(DeliveryFailure failure, Status status) : failure_(failure), status_(std::move(status)) {}

  DeliveryFailure failure_;
  Status status_;
};

inline const char* ToString(DeliveryFailure failure) {
  switch (failure) {
    case DeliveryFailure::kTransient:
      return "transient";
    case DeliveryFailure::kPermanent:
      return "permanent";
    case DeliveryFailure::kNone:
      break;
  }
  return "none";
}

using DelivererInfo = PluginInfo;

class Deliverer {
 public:
  virtual ~Deliverer() = default;
  virtual DelivererInfo Describe() const noexcept = 0;
  // settings holds every declared setting, validated and with defaults filled in.
  virtual Status Open(const Settings& settings) noexcept = 0;
  virtual DeliveryResult Deliver(const Delivery& delivery) noexcept = 0;
};

}  // namespace creditlens

// Delivery plugins export their classes in a Poco manifest of this name, so that the registry tells
// them from source plugins: POCO_BEGIN_NAMED_MANIFEST(Deliverer, creditlens::Deliverer).
#define CREDITLENS_DELIVERER_MANIFEST "Deliverer"
