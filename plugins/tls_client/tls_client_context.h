// The TLS client side the delivery plugins share: their two TLS settings (ca_file, verify_tls), and
// the Poco context built from them, held with the SSL library it needs. Not a plugin: a library the
// SMTP and webhook plugins link.
#pragma once

#include <Poco/Net/Context.h>

#include <vector>

#include "creditlens/plugin_settings.h"

namespace creditlens::tls {

// ca_file (PEM certificates, else the system's) and verify_tls (certificate and host name).
std::vector<SettingSpec> TlsClientSettings();

// A client context from those settings. Verification is VERIFY_STRICT, which for a client is
// VERIFY_RELAXED that also checks the host name of loopback servers (Poco skips it under RELAXED).
Poco::Net::Context::Ptr MakeTlsClientContext(const Settings& settings);

// A deliverer's TLS client: keeps Poco's SSL library initialised for as long as it lives, and the
// context Open builds from the settings, which it releases before the library.
class TlsClient {
 public:
  TlsClient();
  ~TlsClient();
  TlsClient(const TlsClient&) = delete;
  TlsClient& operator=(const TlsClient&) = delete;

  void Open(const Settings& settings) { context_ = MakeTlsClientContext(settings); }
  void Close() { context_.reset(); }
  // Null until opened.
  const Poco::Net::Context::Ptr& context() const { return context_; }

 private:
  Poco::Net::Context::Ptr context_;
};

}  // namespace creditlens::tls
