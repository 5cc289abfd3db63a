#include "smtp_url.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace creditlens::smtp {
namespace {

TEST(SmtpUrlTest, PlainWithDefaultPort) {
  const SmtpServer server = ParseSmtpUrl("smtp://mail.example.test");
  EXPECT_EQ(server.transport, Transport::kPlain);
  EXPECT_EQ(server.host, "mail.example.test");
  EXPECT_EQ(server.port, 25);
  EXPECT_EQ(server.user, "");
}

TEST(SmtpUrlTest, ImplicitTlsWithDefaultPort) {
  const SmtpServer server = ParseSmtpUrl("smtps://mail.example.test/");
  EXPECT_EQ(server.transport, Transport::kImplicitTls);
  EXPECT_EQ(server.port, 465);
}

TEST(SmtpUrlTest, UserAndPort) {
  const SmtpServer server = ParseSmtpUrl("smtp://reports%40acme.test@127.0.0.1:2525");
  EXPECT_EQ(server.host, "127.0.0.1");
  EXPECT_EQ(server.port, 2525);
  EXPECT_EQ(server.user, "reports@acme.test");
}

TEST(SmtpUrlTest, RefusesPasswordInUrl) {
  try {
    ParseSmtpUrl("smtp://user:secret@mail.example.test");
    FAIL() << "accepted a password";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("CREDITLENS_SMTP_PASSWORD"), std::string::npos);
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos);
  }
}

TEST(SmtpUrlTest, RefusesOtherSchemesPathsAndMissingHosts) {
  EXPECT_THROW(ParseSmtpUrl("http://mail.example.test"), std::invalid_argument);
  EXPECT_THROW(ParseSmtpUrl("mail.example.test:25"), std::invalid_argument);
  EXPECT_THROW(ParseSmtpUrl("smtp://mail.example.test/inbox"), std::invalid_argument);
  EXPECT_THROW(ParseSmtpUrl("smtp://"), std::invalid_argument);
}

}  // namespace
}  // namespace creditlens::smtp
