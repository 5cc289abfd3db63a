// AUTH LOGIN: the command, then the user name and the password, each base64 on its own line.
#include "smtp_login.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/NetException.h>

#include <sstream>

namespace creditlens::smtp {
namespace {

constexpr int kContinue = 334;
constexpr int kAuthenticated = 235;

std::string Base64(const std::string& text) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << text;
  encoder.close();
  return out.str();
}

void Expect(Poco::Net::SMTPClientSession& session, const std::string& line, int expected) {
  std::string response;
  const int status = session.sendCommand(line, response);
  if (status != expected) throw Poco::Net::SMTPException("Login using LOGIN failed", response, status);
}

}  // namespace

void LoginWithAuthLogin(Poco::Net::SMTPClientSession& session, const std::string& user,
                        const std::string& password) {
  Expect(session, "AUTH LOGIN", kContinue);
  Expect(session, Base64(user), kContinue);
  Expect(session, Base64(password), kAuthenticated);
}

}  // namespace creditlens::smtp
