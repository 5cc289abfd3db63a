// One connection per delivery: connect, EHLO, optional STARTTLS, optional AUTH, send, QUIT.
#include "smtp_deliverer.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <stdexcept>

#include "mime_message.h"
#include "smtp_failure.h"
#include "smtp_login.h"
#include "smtp_password.h"

namespace creditlens::smtp {
namespace {

Poco::Net::SMTPClientSession::LoginMethod ParseLoginMethod(const std::string& auth) {
  if (auth == "plain") return Poco::Net::SMTPClientSession::AUTH_PLAIN;
  if (auth == "login") return Poco::Net::SMTPClientSession::AUTH_LOGIN;
  throw std::invalid_argument("setting 'auth' expects plain or login, got '" + auth + "'");
}

Poco::Timespan Seconds(const std::string& value) { return Poco::Timespan(std::stol(value), 0); }

// An SMTP session whose STARTTLS names the URL's host as the TLS peer. Poco's
// SecureSMTPClientSession::startTLS attaches TLS without a peer name when the session was made from a
// socket, so it sends no SNI and checks the certificate against the server's IP address, not its name.
class SmtpSession : public Poco::Net::SMTPClientSession {
 public:
  using SMTPClientSession::SMTPClientSession;

  // STARTTLS, then the TLS handshake; throws SSLException when the server does not offer STARTTLS.
  void StartTls(const std::string& host, Poco::Net::Context::Ptr context) {
    std::string response;
    if (!isPositiveCompletion(sendCommand("STARTTLS", response))) {
      throw Poco::Net::SSLException("the server does not offer STARTTLS", response);
    }
    socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
  }
};

// Runs a part of the conversation that follows any TLS handshake. An SSLException there is a TLS
// connection that broke, not a certificate or protocol that fails again next time: a server that goes
// away mid-session without a TLS close_notify shows as OpenSSL's "unexpected eof while reading". Like a
// dropped plain connection it may pass, so it is rethrown as a (transient) ConnectionAbortedException.
template <typename Conversation>
void AfterHandshake(const Conversation& conversation) {
  try {
    conversation();
  } catch (const Poco::Net::SSLException& e) {
    throw Poco::Net::ConnectionAbortedException("the TLS connection broke", e.displayText());
  }
}

}  // namespace

DelivererInfo SmtpDeliverer::Describe() const noexcept {
  DelivererInfo info{
      "smtp",
      "0.1.0",
      "Email over SMTP: plain, STARTTLS or implicit TLS, AUTH PLAIN/LOGIN",
      {
          {"url", SettingType::kString, "smtp://localhost:25",
           "server as smtp://[user@]host[:port] or smtps://[user@]host[:port]; never a password"},
          {"starttls", SettingType::kBoolean, "false",
           "upgrade an smtp:// connection with STARTTLS (fails if the server does not offer it)"},
          {"auth", SettingType::kString, "plain", "AUTH method when the URL names a user: plain or login"},
          {"password_file", SettingType::kPath, "",
           "file whose first line is the password; else CREDITLENS_SMTP_PASSWORD"},
          {"connect_timeout_seconds", SettingType::kInteger, "10", "how long to wait for the connection"},
          {"timeout_seconds", SettingType::kInteger, "60", "how long to wait for each server reply"},
      },
  };
  const auto tls_settings = tls::TlsClientSettings();
  info.settings.insert(info.settings.end(), tls_settings.begin(), tls_settings.end());
  return info;
}

Status SmtpDeliverer::Open(const Settings& settings) noexcept {
  return Guard([&] {
    server_ = ParseSmtpUrl(settings.at("url"));
    starttls_ = settings.at("starttls") == "true";
    if (starttls_ && server_.transport == Transport::kImplicitTls) {
      throw std::invalid_argument("starttls applies to smtp:// URLs; smtps:// is TLS from the start");
    }
    login_method_ = ParseLoginMethod(settings.at("auth"));
    password_ = server_.user.empty() ? "" : LoadPassword(settings.at("password_file"));
    if (!server_.user.empty() && password_.empty()) {
      throw std::invalid_argument("the SMTP URL names user '" + server_.user + "' but no password is set (" +
                                  kPasswordEnvironmentVariable + " or password_file)");
    }
    connect_timeout_ = Seconds(settings.at("connect_timeout_seconds"));
    timeout_ = Seconds(settings.at("timeout_seconds"));
    tls_.Open(settings);
  });
}

DeliveryResult SmtpDeliverer::Deliver(const Delivery& delivery) noexcept {
  try {
    Poco::Net::MailMessage message;
    BuildMailMessage(delivery, message);
    Send(message);
    return DeliveryResult::Ok();
  } catch (const std::exception& e) {
    return ResultFromException(e);
  } catch (...) {
    return DeliveryResult::Permanent("unknown error");
  }
}

void SmtpDeliverer::Send(const Poco::Net::MailMessage& message) const {
  if (!tls_.context()) throw std::logic_error("the SMTP deliverer was not opened");
  const Poco::Net::SocketAddress address(server_.host, server_.port);
  Poco::Net::StreamSocket socket;
  if (server_.transport == Transport::kImplicitTls) {
    Poco::Net::SecureStreamSocket secure(tls_.context());
    secure.setPeerHostName(server_.host);
    secure.connect(address, connect_timeout_);
    socket = secure;
  } else {
    socket.connect(address, connect_timeout_);
  }
  SmtpSession session(socket);
  session.setTimeout(timeout_);
  AfterHandshake([&] { session.login(); });  // EHLO
  if (starttls_) session.StartTls(server_.host, tls_.context());
  AfterHandshake([&] {
    if (starttls_) session.login();  // EHLO again, over TLS
    if (!server_.user.empty() && login_method_ == Poco::Net::SMTPClientSession::AUTH_LOGIN) {
      LoginWithAuthLogin(session, server_.user, password_);
    } else if (!server_.user.empty()) {
      session.login(login_method_, server_.user, password_);  // EHLO, then AUTH PLAIN
    }
    session.sendMessage(message);
    session.close();
  });
}

}  // namespace creditlens::smtp
