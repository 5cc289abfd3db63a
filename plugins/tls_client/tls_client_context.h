// The TLS client side the delivery plugins share: their two TLS settings (ca_file, verify_tls), and
// the Poco context built from them. Not a plugin: a library the SMTP and webhook plugins link.
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

}  // namespace creditlens::tls
