#include "tls_client_context.h"

#include <Poco/Net/NetSSL.h>

namespace creditlens::tls {

std::vector<SettingSpec> TlsClientSettings() {
  return {
      {"ca_file", SettingType::kPath, "", "PEM certificates to verify the server with; else the system's"},
      {"verify_tls", SettingType::kBoolean, "true", "verify the server certificate and host name"},
  };
}

Poco::Net::Context::Ptr MakeTlsClientContext(const Settings& settings) {
  const std::string& ca_file = settings.at("ca_file");
  const bool verify = settings.at("verify_tls") == "true";
  constexpr int kVerificationDepth = 9;
  return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, ca_file,
                                verify ? Poco::Net::Context::VERIFY_STRICT : Poco::Net::Context::VERIFY_NONE,
                                kVerificationDepth, /*loadDefaultCAs=*/ca_file.empty());
}

TlsClient::TlsClient() { Poco::Net::initializeSSL(); }

TlsClient::~TlsClient() {
  context_.reset();
  Poco::Net::uninitializeSSL();
}

}  // namespace creditlens::tls
