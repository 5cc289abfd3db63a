// AUTH LOGIN that ignores the server's prompt texts. Poco's own AUTH LOGIN expects the prompts
// "Username:" and "Password:" and silently sends nothing to servers that word them otherwise
// (aiosmtpd says "User Name"); RFC 4954 leaves the wording to the server.
#pragma once

#include <Poco/Net/SMTPClientSession.h>

#include <string>

namespace creditlens::smtp {

// Throws Poco::Net::SMTPException carrying the server's reply code when it refuses.
void LoginWithAuthLogin(Poco::Net::SMTPClientSession& session, const std::string& user,
                        const std::string& password);

}  // namespace creditlens::smtp
