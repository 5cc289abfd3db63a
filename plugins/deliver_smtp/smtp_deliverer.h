// The SMTP deliverer: sends a Delivery over plain SMTP, STARTTLS or implicit TLS (smtps), with AUTH
// PLAIN or LOGIN when the URL names a user.
#pragma once

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Timespan.h>

#include <string>

#include "creditlens/deliverer.h"
#include "smtp_url.h"
#include "tls_client_context.h"

namespace creditlens::smtp {

class SmtpDeliverer : public Deliverer {
 public:
  DelivererInfo Describe() const noexcept override;
  Status Open(const Settings& settings) noexcept override;
  DeliveryResult Deliver(const Delivery& delivery) noexcept override;

 private:
  void Send(const Poco::Net::MailMessage& message) const;

  SmtpServer server_;
  bool starttls_ = false;
  Poco::Net::SMTPClientSession::LoginMethod login_method_ = Poco::Net::SMTPClientSession::AUTH_PLAIN;
  std::string password_;
  tls::TlsClient tls_;
  Poco::Timespan connect_timeout_;
  Poco::Timespan timeout_;
};

}  // namespace creditlens::smtp
