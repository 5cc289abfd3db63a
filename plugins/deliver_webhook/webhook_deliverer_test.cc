#include "webhook_deliverer.h"

#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "deliverer_test_support.h"
#include "support/temp_dir.h"

namespace creditlens::webhook {
namespace {

using testing::DefaultSettings;
using testing::Listing;
using testing::ReadFile;
using testing::TempDir;

// A loopback port nothing listens on: bound, then closed again.
std::string ClosedPortUrl() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  const std::string url = "http://127.0.0.1:" + std::to_string(socket.address().port()) + "/hook";
  socket.close();
  return url;
}

class WebhookDelivererTest : public ::testing::Test {
 protected:
  Status Open(std::initializer_list<std::pair<const std::string, std::string>> given) {
    Settings settings = DefaultSettings(deliverer_);
    for (const auto& [name, value] : given) settings[name] = value;
    return deliverer_.Open(settings);
  }

  TempDir dir_;
  WebhookDeliverer deliverer_;
};

TEST_F(WebhookDelivererTest, DescribesItsSettingsWithDefaults) {
  const DelivererInfo info = deliverer_.Describe();
  EXPECT_EQ(info.name, "webhook");
  const Settings defaults = DefaultSettings(deliverer_);
  EXPECT_EQ(defaults.size(), 7u);
  EXPECT_EQ(defaults.at("timeout_seconds"), "30");
  EXPECT_EQ(defaults.at("token_env"), "CREDITLENS_WEBHOOK_TOKEN");
  EXPECT_EQ(defaults.at("verify_tls"), "true");
}

TEST_F(WebhookDelivererTest, OpenRefusesBadSettingsByName) {
  const Status no_url = Open({});
  EXPECT_NE(no_url.message().find("'url'"), std::string::npos) << no_url.message();
  EXPECT_FALSE(Open({{"url", "ftp://h.test/x"}}).ok());
  const Status half = Open({{"url", "http://h.test/x"}, {"files_directory", dir_.path().string()}});
  EXPECT_NE(half.message().find("'files_base_url'"), std::string::npos) << half.message();
  EXPECT_FALSE(Open({{"url", "http://h.test/x"}, {"timeout_seconds", "0"}}).ok());
  EXPECT_TRUE(Open({{"url", "http://h.test/x"}}).ok());
}

TEST_F(WebhookDelivererTest, AFailedOpenLeavesItUnopened) {
  ASSERT_TRUE(Open({{"url", ClosedPortUrl()}}).ok());
  ASSERT_FALSE(Open({{"url", ClosedPortUrl()}, {"timeout_seconds", "-1"}}).ok());
  const DeliveryResult result = deliverer_.Deliver(Delivery{});
  EXPECT_EQ(result.failure(), DeliveryFailure::kPermanent);  // not the transient of a refused connection
  EXPECT_NE(result.message().find("not opened"), std::string::npos) << result.message();
}

TEST_F(WebhookDelivererTest, ATokenOrKeyThatCouldInjectAHeaderIsRefused) {
  ::setenv("CREDITLENS_TEST_WEBHOOK_TOKEN", "abc\r\nX-Injected: 1", 1);
  const Status bad_token = Open({{"url", "http://h.test/x"}, {"token_env", "CREDITLENS_TEST_WEBHOOK_TOKEN"}});
  ::unsetenv("CREDITLENS_TEST_WEBHOOK_TOKEN");
  EXPECT_NE(bad_token.message().find("CREDITLENS_TEST_WEBHOOK_TOKEN"), std::string::npos)
      << bad_token.message();
  EXPECT_EQ(bad_token.message().find("Injected"), std::string::npos) << bad_token.message();

  ASSERT_TRUE(Open({{"url", ClosedPortUrl()}}).ok());
  Delivery delivery;
  delivery.idempotency_key = "k\nX-Injected: 1";
  EXPECT_EQ(deliverer_.Deliver(delivery).failure(), DeliveryFailure::kPermanent);
}

TEST_F(WebhookDelivererTest, AttachmentsWithoutAFilesDirectoryArePermanent) {
  ASSERT_TRUE(Open({{"url", ClosedPortUrl()}}).ok());
  Delivery delivery;
  delivery.attachments = {{"a.pdf", "application/pdf", "x", ""}};
  const DeliveryResult result = deliverer_.Deliver(delivery);
  EXPECT_EQ(result.failure(), DeliveryFailure::kPermanent);
  EXPECT_NE(result.message().find("'files_directory'"), std::string::npos) << result.message();
}

TEST_F(WebhookDelivererTest, WritesTheFilesThenNothingListeningIsTransient) {
  const std::string url = ClosedPortUrl();
  ASSERT_TRUE(Open({{"url", url},
                    {"files_directory", (dir_ / "files").string()},
                    {"files_base_url", "http://files.test/r"},
                    {"timeout_seconds", "5"}})
                  .ok());
  Delivery delivery;
  delivery.attachments = {{"März.pdf", "application/pdf", "%PDF", ""}};
  const DeliveryResult result = deliverer_.Deliver(delivery);
  EXPECT_EQ(result.failure(), DeliveryFailure::kTransient);
  EXPECT_NE(result.message().find(url), std::string::npos) << result.message();
  EXPECT_EQ(Listing(dir_ / "files"), std::set<std::string>{"März.pdf"});
  EXPECT_EQ(ReadFile(dir_ / "files" / "März.pdf"), "%PDF");
}

TEST_F(WebhookDelivererTest, AnUnsafeFileNameIsPermanentBeforeAnyPost) {
  ASSERT_TRUE(Open({{"url", ClosedPortUrl()},
                    {"files_directory", dir_.path().string()},
                    {"files_base_url", "http://files.test/r"}})
                  .ok());
  Delivery delivery;
  delivery.attachments = {{"a/b.pdf", "application/pdf", "x", ""}};
  const DeliveryResult result = deliverer_.Deliver(delivery);
  EXPECT_EQ(result.failure(), DeliveryFailure::kPermanent);  // a POST to the closed port would be transient
  EXPECT_NE(result.message().find("'a/b.pdf'"), std::string::npos) << result.message();
}

}  // namespace
}  // namespace creditlens::webhook
