// One connection per delivery: write the files, then POST the body and read the status line.
#include "webhook_deliverer.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <utility>

#include "file_links.h"
#include "header_value.h"
#include "webhook_body.h"
#include "webhook_failure.h"

namespace creditlens::webhook {

DelivererInfo WebhookDeliverer::Describe() const noexcept {
  DelivererInfo info{
      "webhook",
      "0.1.0",
      "HTTP POST of a JSON summary with links to the files, written into a served directory",
      {
          {"url", SettingType::kString, "",
           "where to POST: http://host[:port]/path or https://... (required)"},
          {"files_directory", SettingType::kPath, "",
           "where the attachments are written (created if missing); needed when a delivery has any"},
          {"files_base_url", SettingType::kString, "",
           "URL under which files_directory is served; each link is this + '/' + the encoded file name"},
          {"timeout_seconds", SettingType::kInteger, "30",
           "how long to wait to connect, send and for the reply"},
          {"token_env", SettingType::kString, "CREDITLENS_WEBHOOK_TOKEN",
           "environment variable whose value, if set, is sent as Authorization: Bearer"},
      },
  };
  const auto tls_settings = tls::TlsClientSettings();
  info.settings.insert(info.settings.end(), tls_settings.begin(), tls_settings.end());
  return info;
}

Status WebhookDeliverer::Open(const Settings& settings) noexcept {
  url_ = {};  // set last: a failed Open leaves the deliverer unopened
  files_.reset();
  tls_.Close();
  return Guard([&] {
    if (settings.at("url").empty()) throw std::invalid_argument("setting 'url' is required: where to POST");
    WebhookUrl url = ParseWebhookUrl(settings.at("url"));
    const std::string& files_directory = settings.at("files_directory");
    files_base_url_ = settings.at("files_base_url");
    if (files_directory.empty() != files_base_url_.empty()) {
      throw std::invalid_argument(
          "settings 'files_directory' and 'files_base_url' go together: give both or neither");
    }
    if (!files_directory.empty()) files_.emplace(files_directory, true);
    timeout_ = Poco::Timespan(std::stol(settings.at("timeout_seconds")), 0);
    if (timeout_ <= 0) throw std::invalid_argument("setting 'timeout_seconds' must be positive");
    const std::string& token_env = settings.at("token_env");
    const char* token = token_env.empty() ? nullptr : std::getenv(token_env.c_str());
    token_ = token ? token : "";
    if (!IsHeaderSafe(token_)) {
      throw std::invalid_argument("the token in environment variable " + token_env +
                                  " holds characters an HTTP header cannot carry (only visible ASCII)");
    }
    if (url.https) tls_.Open(settings);
    url_ = std::move(url);
  });
}

DeliveryResult WebhookDeliverer::Deliver(const Delivery& delivery) noexcept {
  try {
    if (url_.host.empty()) return DeliveryResult::Permanent("the webhook deliverer was not opened");
    if (!IsHeaderSafe(delivery.idempotency_key)) {
      return DeliveryResult::Permanent("the idempotency key '" + delivery.idempotency_key +
                                       "' holds characters an HTTP header cannot carry (only visible ASCII)");
    }
    if (!delivery.attachments.empty() && !files_) {
      return DeliveryResult::Permanent("the delivery has attachments but setting 'files_directory' is empty");
    }
    if (files_) {
      DeliveryResult written = files_->WriteAttachments(delivery.attachments);
      if (!written.ok()) return written;
    }
    return Post(WebhookBody(delivery, LinkFiles(delivery.attachments, files_base_url_)),
                delivery.idempotency_key);
  } catch (const std::exception& e) {
    return ResultFromException(url_.display, e);
  } catch (...) {
    return DeliveryResult::Permanent("POST " + url_.display + ": unknown error");
  }
}

DeliveryResult WebhookDeliverer::Post(const std::string& body, const std::string& idempotency_key) const {
  std::unique_ptr<Poco::Net::HTTPClientSession> session =
      url_.https ? std::make_unique<Poco::Net::HTTPSClientSession>(url_.host, url_.port, tls_.context())
                 : std::make_unique<Poco::Net::HTTPClientSession>(url_.host, url_.port);
  session->setTimeout(timeout_);
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, url_.target,
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("application/json; charset=utf-8");
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  if (!idempotency_key.empty()) request.set("Idempotency-Key", idempotency_key);
  if (!token_.empty()) request.set("Authorization", "Bearer " + token_);
  if (!(session->sendRequest(request) << body)) {
    throw Poco::Net::NetException("the connection failed while sending the request");
  }
  Poco::Net::HTTPResponse response;
  session->receiveResponse(response);
  return ResultFromReply(url_.display, response);
}

}  // namespace creditlens::webhook
