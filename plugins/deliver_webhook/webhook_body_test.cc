#include "webhook_body.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace creditlens::webhook {
namespace {

TEST(WebhookBodyTest, HasEveryFieldWithItsType) {
  Delivery delivery;
  delivery.to = {"ops@acme.test", "Jörg <j@acme.test>"};
  delivery.subject = "Verbrauch im März \"Q1\"";
  delivery.text_body = "line 1\nline 2";
  delivery.idempotency_key = "run-42/ws001";
  const std::vector<LinkedFile> files = {
      {"März.pdf", "application/pdf", 1234, "ab12", "http://f.test/M%C3%A4rz.pdf"}};

  const boost::json::value body = boost::json::parse(WebhookBody(delivery, files));
  const boost::json::object& object = body.as_object();
  EXPECT_EQ(object.size(), 5u);
  EXPECT_EQ(object.at("subject").as_string(), "Verbrauch im März \"Q1\"");
  EXPECT_EQ(object.at("text").as_string(), "line 1\nline 2");
  EXPECT_EQ(object.at("to"), (boost::json::array{"ops@acme.test", "Jörg <j@acme.test>"}));
  EXPECT_EQ(object.at("idempotency_key").as_string(), "run-42/ws001");
  const boost::json::array& listed = object.at("files").as_array();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0], (boost::json::object{{"name", "März.pdf"},
                                            {"mime_type", "application/pdf"},
                                            {"bytes", 1234},
                                            {"sha256", "ab12"},
                                            {"url", "http://f.test/M%C3%A4rz.pdf"}}));
}

TEST(WebhookBodyTest, NoFilesIsAnEmptyArray) {
  const boost::json::value body = boost::json::parse(WebhookBody(Delivery{}, {}));
  EXPECT_TRUE(body.at("files").as_array().empty());
  EXPECT_TRUE(body.at("to").as_array().empty());
}

}  // namespace
}  // namespace creditlens::webhook
