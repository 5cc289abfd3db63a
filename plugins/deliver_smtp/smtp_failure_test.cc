#include "smtp_failure.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace creditlens::smtp {
namespace {

TEST(SmtpFailureTest, ReplyCodes) {
  EXPECT_EQ(ClassifyReplyCode(421), DeliveryFailure::kTransient);
  EXPECT_EQ(ClassifyReplyCode(451), DeliveryFailure::kTransient);
  EXPECT_EQ(ClassifyReplyCode(0), DeliveryFailure::kTransient);
  EXPECT_EQ(ClassifyReplyCode(550), DeliveryFailure::kPermanent);
  EXPECT_EQ(ClassifyReplyCode(535), DeliveryFailure::kPermanent);
}

TEST(SmtpFailureTest, SmtpExceptionsByTheirReplyCode) {
  const DeliveryResult later =
      ResultFromException(Poco::Net::SMTPException("Recipient rejected", "451 busy", 451));
  EXPECT_EQ(later.failure(), DeliveryFailure::kTransient);
  EXPECT_NE(later.message().find("451 busy"), std::string::npos);
  EXPECT_EQ(ResultFromException(Poco::Net::SMTPException("Recipient rejected", "550 no", 550)).failure(),
            DeliveryFailure::kPermanent);
}

TEST(SmtpFailureTest, NetworkErrorsAreTransient) {
  EXPECT_EQ(ResultFromException(Poco::Net::ConnectionRefusedException("127.0.0.1:1")).failure(),
            DeliveryFailure::kTransient);
  EXPECT_EQ(ResultFromException(Poco::Net::ConnectionResetException()).failure(),
            DeliveryFailure::kTransient);
  EXPECT_EQ(ResultFromException(Poco::TimeoutException()).failure(), DeliveryFailure::kTransient);
}

TEST(SmtpFailureTest, TlsBadNamesAndOtherErrorsArePermanent) {
  EXPECT_EQ(ResultFromException(Poco::Net::CertificateValidationException("self-signed")).failure(),
            DeliveryFailure::kPermanent);
  EXPECT_EQ(ResultFromException(Poco::Net::HostNotFoundException("nowhere.test")).failure(),
            DeliveryFailure::kPermanent);
  EXPECT_EQ(ResultFromException(std::invalid_argument("bad address")).failure(), DeliveryFailure::kPermanent);
}

}  // namespace
}  // namespace creditlens::smtp
