#include "webhook_url.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace creditlens::webhook {
namespace {

TEST(WebhookUrlTest, HttpWithPortPathAndQuery) {
  const WebhookUrl url = ParseWebhookUrl("http://hooks.acme.test:8080/reports/in?team=ops&key=s3cret");
  EXPECT_FALSE(url.https);
  EXPECT_EQ(url.host, "hooks.acme.test");
  EXPECT_EQ(url.port, 8080);
  EXPECT_EQ(url.target, "/reports/in?team=ops&key=s3cret");
  EXPECT_EQ(url.display, "http://hooks.acme.test:8080/reports/in");
}

TEST(WebhookUrlTest, HttpsDefaultsToPort443AndAnEmptyPathToSlash) {
  const WebhookUrl url = ParseWebhookUrl("https://hooks.acme.test");
  EXPECT_TRUE(url.https);
  EXPECT_EQ(url.port, 443);
  EXPECT_EQ(url.target, "/");
  EXPECT_EQ(ParseWebhookUrl("http://h.test/x").port, 80);
}

TEST(WebhookUrlTest, RefusesOtherSchemesCredentialsAndNoHost) {
  EXPECT_THROW(ParseWebhookUrl("ftp://h.test/x"), std::invalid_argument);
  EXPECT_THROW(ParseWebhookUrl("hooks.acme.test/x"), std::invalid_argument);
  EXPECT_THROW(ParseWebhookUrl("http:///x"), std::invalid_argument);
  try {
    ParseWebhookUrl("https://bot:s3cret@hooks.acme.test/x");
    FAIL() << "credentials accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace creditlens::webhook
