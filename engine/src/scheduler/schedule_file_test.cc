// Schedule files through the Lua sandbox: a full file read into typed schedules, and each mistake
// reported with the file, the line of the schedule and the field.
#include "scheduler/schedule_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace creditlens::scheduler {
namespace {

class ScheduleFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("schedule_file_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  ScheduleConfig Load(const std::string& text) {
    const auto path = dir_ / "schedules.lua";
    std::ofstream(path) << text;
    return LoadScheduleFile(path, CREDITLENS_SCRIPTS_DIR, {CREDITLENS_REPORTS_DIR});
  }

  std::string ErrorOf(const std::string& text) {
    try {
      Load(text);
    } catch (const ConfigError& e) {
      return e.what();
    }
    return "no error";
  }

  std::filesystem::path dir_;
};

const char* const kHeader = "local cl = require 'creditlens'\nreturn cl.schedules {\n  from = 'r@x.test',\n";

TEST_F(ScheduleFileTest, ReadsEverySetting) {
  const auto config = Load(std::string(kHeader) + R"(  owner = 'ops@x.test',
  retry = { attempts = 4, first_delay = '2s', max_delay = '1m' },
  deliverers = { file = { directory = 'out', create = true } },
  schedules = {
    cl.schedule { name = 'monthly', report = 'dashboard', params = { range = 'previous_cycle', top = 5 },
                  cron = '0 7 1 * *', timezone = 'Europe/Berlin', billing_contact = true,
                  to = { 'archive@x.test' }, formats = { 'pdf', 'png', 'csv' },
                  subject = 'Usage {workspace.name}', skip_if_empty = true, deliver = { 'smtp', 'file' },
                  catch_up = '2d' },
    cl.schedule { name = 'weekly', report = 'cycle', cron = '@weekly', workspace = 'ws001', paused = true,
                  to = { 'a@x.test' } },
  },
})");
  EXPECT_EQ(config.owner, "ops@x.test");
  EXPECT_EQ(config.retry.attempts, 4);
  EXPECT_EQ(config.retry.first_delay_ms, 2000);
  EXPECT_EQ(config.retry.max_delay_ms, 60'000);
  EXPECT_EQ(config.deliverer_settings.at("file").at("create"), "true");
  ASSERT_EQ(config.schedules.size(), 2u);
  const ScheduleSpec& monthly = config.schedules[0];
  // Lua places a call whose table spans lines at the table's last line.
  EXPECT_EQ(monthly.where, (dir_ / "schedules.lua").string() + ":8");
  EXPECT_EQ(monthly.report_file, std::filesystem::path(CREDITLENS_REPORTS_DIR) / "dashboard.lua");
  EXPECT_EQ(monthly.params.at("top"), "5");
  EXPECT_EQ(monthly.zone.name(), "Europe/Berlin");
  EXPECT_TRUE(monthly.billing_contact);
  EXPECT_EQ(monthly.formats.size(), 3u);
  EXPECT_EQ(monthly.channels, (std::vector<std::string>{"smtp", "file"}));
  EXPECT_EQ(monthly.catch_up_ms, 2 * 86'400'000LL);
  EXPECT_EQ(monthly.subject.Render({{"workspace.name", "Acme"}}), "Usage Acme");
  EXPECT_TRUE(config.schedules[1].paused);
  EXPECT_EQ(config.schedules[1].workspace, "ws001");
}

TEST_F(ScheduleFileTest, MistakesNameTheLineTheScheduleAndTheField) {
  const std::string file = (dir_ / "schedules.lua").string();
  const auto schedule = [](const std::string& fields) {
    return std::string(kHeader) + "  schedules = {\n    cl.schedule { name = 'm', report = 'dashboard', " +
           fields + " },\n  },\n}";
  };
  EXPECT_EQ(ErrorOf(schedule("cron = '0 25 * * *', to = { 'a@x.test' }")),
            file + ":5: schedule 'm': cron: hour: '25' is out of range 0-23");
  EXPECT_EQ(ErrorOf(schedule("cron = '@daily', timezone = 'Mars/Olympus', to = { 'a@x.test' }"))
                .find(file + ":5: schedule 'm': timezone: unknown "),
            0u);
  EXPECT_EQ(ErrorOf(schedule("cron = '@daily', to = { 'a@x.test' }, subject = '{workspace}'"))
                .find(file + ":5: schedule 'm': subject: unknown placeholder {workspace}"),
            0u);
  EXPECT_EQ(ErrorOf(schedule("cron = '@daily'")),
            file +
                ":5: schedule 'm': to: an emailed schedule needs recipients: give to = { ... } or "
                "billing_contact = true");
  EXPECT_EQ(ErrorOf(schedule("cron = '@daily', to = { 'a@x.test' }, formats = { 'docx' }")),
            file + ":5: schedule 'm': formats: 'docx' is not a format (accepted: pdf, png, csv, json)");
  EXPECT_EQ(ErrorOf(schedule("cron = '@daily', to = { 'a@x.test' }, catch_up = 'soon'")),
            file + ":5: schedule 'm': catch_up: expected a duration such as 30s, 15m, 2h or 1d, got 'soon'");
  EXPECT_EQ(ErrorOf(schedule("cron = '@daily', to = { 'a@x.test' }, crn = 'x'")),
            file + ":5: cl.schedule 'm': unknown field 'crn'");
  EXPECT_EQ(ErrorOf(schedule("cron = 5")), file + ":5: cl.schedule 'm'.cron must be a string, got 5");
  EXPECT_NE(ErrorOf(std::string(kHeader) +
                    "  schedules = {\n    cl.schedule { name = 'm', report = 'nosuch', cron = "
                    "'@daily', to = { 'a@x.test' } },\n  },\n}")
                .find(file + ":5: schedule 'm': report: report 'nosuch' not found"),
            std::string::npos);
  EXPECT_EQ(ErrorOf("return { }"), file + ": the file must return cl.schedules { ... }");
  // Lua gives no line for what `return cl.schedules { ... }` (a tail call) raises: the file is named.
  EXPECT_EQ(ErrorOf("local cl = require 'creditlens'\nreturn cl.schedules { from = 5, schedules = {} }"),
            file + ": cl.schedules.from must be a string, got 5");
  EXPECT_EQ(ErrorOf("while true do end"), file + ":1: instruction budget of 20000000 exceeded");
}

}  // namespace
}  // namespace creditlens::scheduler
