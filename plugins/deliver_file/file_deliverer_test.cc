#include "file_deliverer.h"

#include <gtest/gtest.h>

#include <set>

#include "deliverer_test_support.h"
#include "support/temp_dir.h"

namespace creditlens::file {
namespace {

using testing::DefaultSettings;
using testing::Listing;
using testing::ReadFile;
using testing::TempDir;

class FileDelivererTest : public ::testing::Test {
 protected:
  void OpenIn(const std::filesystem::path& directory) {
    Settings settings = DefaultSettings(deliverer_);
    settings["directory"] = directory.string();
    const Status opened = deliverer_.Open(settings);
    ASSERT_TRUE(opened.ok()) << opened.message();
  }

  TempDir dir_;
  FileDeliverer deliverer_;
};

TEST_F(FileDelivererTest, DescribesItsSettings) {
  const DelivererInfo info = deliverer_.Describe();
  EXPECT_EQ(info.name, "file");
  ASSERT_EQ(info.settings.size(), 2u);
  EXPECT_EQ(info.settings[0].name, "directory");
  EXPECT_EQ(info.settings[0].type, SettingType::kPath);
  EXPECT_EQ(info.settings[1].name, "create");
  EXPECT_EQ(info.settings[1].default_value, "true");
}

TEST_F(FileDelivererTest, OpenWithoutADirectoryFailsNamingTheSetting) {
  const Status opened = deliverer_.Open(DefaultSettings(deliverer_));
  EXPECT_FALSE(opened.ok());
  EXPECT_NE(opened.message().find("'directory'"), std::string::npos) << opened.message();
}

TEST_F(FileDelivererTest, OpenCreatesTheDirectoryUnlessTold) {
  Settings settings = DefaultSettings(deliverer_);
  settings["directory"] = (dir_ / "reports/2026").string();
  settings["create"] = "false";
  const Status refused = deliverer_.Open(settings);
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("does not exist"), std::string::npos) << refused.message();
  OpenIn(dir_ / "reports/2026");
  EXPECT_TRUE(std::filesystem::is_directory(dir_ / "reports/2026"));
}

TEST_F(FileDelivererTest, WritesTheAttachmentsOnlyAndAgainHarmlessly) {
  OpenIn(dir_.path());
  Delivery delivery;
  delivery.subject = "March";
  delivery.text_body = "see attached";
  delivery.attachments = {{"invoice.pdf", "application/pdf", "%PDF-1.7", ""},
                          {"chart.png", "image/png", "\x89PNG", "chart1"}};
  ASSERT_TRUE(deliverer_.Deliver(delivery).ok());
  ASSERT_TRUE(deliverer_.Deliver(delivery).ok());
  EXPECT_EQ(Listing(dir_.path()), (std::set<std::string>{"chart.png", "invoice.pdf"}));
  EXPECT_EQ(ReadFile(dir_ / "invoice.pdf"), "%PDF-1.7");
}

TEST_F(FileDelivererTest, WithoutAttachmentsWritesTheTextBodyUnderTheSubject) {
  OpenIn(dir_.path());
  Delivery delivery;
  delivery.subject = "Alert: 80% of 3/2026 credits used";
  delivery.text_body = "ws001 used 800 of 1000 credits.\n";
  ASSERT_TRUE(deliverer_.Deliver(delivery).ok());
  EXPECT_EQ(Listing(dir_.path()), std::set<std::string>{"Alert: 80% of 3_2026 credits used.txt"});
  EXPECT_EQ(ReadFile(dir_ / "Alert: 80% of 3_2026 credits used.txt"), delivery.text_body);
}

TEST_F(FileDelivererTest, AnUnsafeFileNameIsPermanentAndNamed) {
  OpenIn(dir_.path());
  Delivery delivery;
  delivery.attachments = {{"../escape.pdf", "application/pdf", "x", ""}};
  const DeliveryResult result = deliverer_.Deliver(delivery);
  EXPECT_EQ(result.failure(), DeliveryFailure::kPermanent);
  EXPECT_NE(result.message().find("'../escape.pdf'"), std::string::npos) << result.message();
  EXPECT_FALSE(std::filesystem::exists(dir_.path().parent_path() / "escape.pdf"));
}

TEST_F(FileDelivererTest, DeliverBeforeOpenIsPermanent) {
  EXPECT_EQ(deliverer_.Deliver(Delivery{}).failure(), DeliveryFailure::kPermanent);
}

}  // namespace
}  // namespace creditlens::file
