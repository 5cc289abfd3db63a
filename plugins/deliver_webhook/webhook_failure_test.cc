#include "webhook_failure.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace creditlens::webhook {
namespace {

TEST(WebhookFailureTest, StatusCodes) {
  for (int ok : {200, 201, 202, 204}) EXPECT_EQ(ClassifyHttpStatus(ok), DeliveryFailure::kNone) << ok;
  for (int later : {408, 429, 500, 502, 503, 504}) {
    EXPECT_EQ(ClassifyHttpStatus(later), DeliveryFailure::kTransient) << later;
  }
  for (int never : {301, 302, 400, 401, 403, 404, 410, 413, 422}) {
    EXPECT_EQ(ClassifyHttpStatus(never), DeliveryFailure::kPermanent) << never;
  }
}

TEST(WebhookFailureTest, ReplyMessageNamesTheUrlAndTheStatusLine) {
  const DeliveryResult result = ResultFromReply(
      "http://h.test/in", Poco::Net::HTTPResponse(Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE));
  EXPECT_EQ(result.failure(), DeliveryFailure::kTransient);
  EXPECT_EQ(result.message(), "POST http://h.test/in: HTTP/1.0 503 Service Unavailable");
  EXPECT_EQ(
      ResultFromReply("http://h.test/in", Poco::Net::HTTPResponse(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST))
          .failure(),
      DeliveryFailure::kPermanent);
  EXPECT_TRUE(
      ResultFromReply("http://h.test/in", Poco::Net::HTTPResponse(Poco::Net::HTTPResponse::HTTP_OK)).ok());
}

TEST(WebhookFailureTest, NetworkErrorsAreTransient) {
  const DeliveryResult refused =
      ResultFromException("http://h.test/in", Poco::Net::ConnectionRefusedException("h.test"));
  EXPECT_EQ(refused.failure(), DeliveryFailure::kTransient);
  EXPECT_EQ(refused.message().rfind("POST http://h.test/in: ", 0), 0u) << refused.message();
  EXPECT_EQ(ResultFromException("u", Poco::Net::ConnectionResetException()).failure(),
            DeliveryFailure::kTransient);
  EXPECT_EQ(ResultFromException("u", Poco::Net::NoMessageException()).failure(), DeliveryFailure::kTransient);
  EXPECT_EQ(ResultFromException("u", Poco::TimeoutException()).failure(), DeliveryFailure::kTransient);
}

TEST(WebhookFailureTest, TlsBadNamesAndOtherErrorsArePermanent) {
  EXPECT_EQ(ResultFromException("u", Poco::Net::CertificateValidationException("self-signed")).failure(),
            DeliveryFailure::kPermanent);
  EXPECT_EQ(ResultFromException("u", Poco::Net::HostNotFoundException("nowhere.test")).failure(),
            DeliveryFailure::kPermanent);
  EXPECT_EQ(ResultFromException("u", std::invalid_argument("bad")).failure(), DeliveryFailure::kPermanent);
}

}  // namespace
}  // namespace creditlens::webhook
