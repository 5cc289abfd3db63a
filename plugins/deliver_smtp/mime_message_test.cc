#include "mime_message.h"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

namespace creditlens::smtp {
namespace {

std::string Render(const Delivery& delivery) {
  Poco::Net::MailMessage message;
  BuildMailMessage(delivery, message);
  std::ostringstream out;
  message.write(out);
  return out.str();
}

Delivery TextDelivery() {
  Delivery delivery;
  delivery.from = "Crédit Lens <reports@acme.test>";
  delivery.to = {"ops@acme.test", "Doe, Jane <jane@acme.test>"};
  delivery.subject = "Verbrauch März";
  delivery.text_body = "Hallo\n";
  return delivery;
}

TEST(MailboxTest, ParsesBareAndNamedAddresses) {
  EXPECT_EQ(ParseMailbox(" ops@acme.test ").address, "ops@acme.test");
  const Mailbox named = ParseMailbox("\"Doe, Jane\" <jane@acme.test>");
  EXPECT_EQ(named.name, "Doe, Jane");
  EXPECT_EQ(named.address, "jane@acme.test");
  EXPECT_EQ(FormatMailbox(named), "\"Doe, Jane\" <jane@acme.test>");
}

TEST(MailboxTest, RefusesMalformedAddresses) {
  EXPECT_THROW(ParseMailbox("no-at-sign"), std::invalid_argument);
  EXPECT_THROW(ParseMailbox("a@b@c"), std::invalid_argument);
  EXPECT_THROW(ParseMailbox("Name <a@b"), std::invalid_argument);
  EXPECT_THROW(ParseMailbox("a@b.test\r\nBcc: x@y.test"), std::invalid_argument);
}

TEST(MimeMessageTest, TextOnlyIsOneQuotedPrintablePart) {
  const std::string text = Render(TextDelivery());
  EXPECT_NE(text.find("Subject: =?UTF-8?q?Verbrauch_M=C3=A4rz?="), std::string::npos) << text;
  EXPECT_NE(text.find("From: =?UTF-8?q?Cr=C3=A9dit_Lens?= <reports@acme.test>"), std::string::npos) << text;
  EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos) << text;
  EXPECT_EQ(text.find("multipart"), std::string::npos) << text;
}

TEST(MimeMessageTest, HtmlInlineImageAndAttachmentNest) {
  Delivery delivery = TextDelivery();
  delivery.html_body = "<p><img src=\"cid:chart1\"></p>";
  delivery.attachments = {{"chart.png", "image/png", "\x89PNG", "chart1"},
                          {"report.pdf", "application/pdf", "%PDF-1.7", ""}};
  const std::string text = Render(delivery);
  const auto mixed = text.find("multipart/mixed");
  const auto alternative = text.find("multipart/alternative");
  const auto related = text.find("multipart/related");
  ASSERT_NE(mixed, std::string::npos) << text;
  ASSERT_NE(alternative, std::string::npos) << text;
  ASSERT_NE(related, std::string::npos) << text;
  EXPECT_LT(mixed, alternative);
  EXPECT_LT(alternative, related);
  EXPECT_NE(text.find("Content-ID: <chart1>"), std::string::npos) << text;
  EXPECT_NE(text.find("filename=report.pdf"), std::string::npos) << text;
}

TEST(MimeMessageTest, IdempotencyKeyBecomesTheMessageId) {
  Delivery delivery = TextDelivery();
  delivery.idempotency_key = "k7f3.run 12/d4";
  const std::string text = Render(delivery);
  EXPECT_NE(text.find("Message-ID: <k7f3.run_12_d4@creditlens>"), std::string::npos) << text;
  EXPECT_EQ(Render(TextDelivery()).find("Message-ID"), std::string::npos);
}

TEST(MimeMessageTest, NeedsARecipient) {
  Delivery delivery = TextDelivery();
  delivery.to.clear();
  EXPECT_THROW(Render(delivery), std::invalid_argument);
}

}  // namespace
}  // namespace creditlens::smtp
