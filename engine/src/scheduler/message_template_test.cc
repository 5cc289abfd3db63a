#include "scheduler/message_template.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace creditlens::scheduler {
namespace {

TEST(MessageTemplateTest, FillsPlaceholdersAndKeepsDoubledBraces) {
  const auto subject = MessageTemplate::Parse("Usage {workspace.name} ({workspace.id}), {period} {{x}}");
  EXPECT_EQ(subject.Render({{"workspace.name", "Acme"}, {"workspace.id", "ws001"}, {"period", "2026-10"}}),
            "Usage Acme (ws001), 2026-10 {x}");
}

TEST(MessageTemplateTest, UnknownPlaceholdersAndStrayBracesAreErrors) {
  try {
    MessageTemplate::Parse("Usage {workspace.nmae}");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("unknown placeholder {workspace.nmae} (known: {schedule}"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(MessageTemplate::Parse("open {period"), std::invalid_argument);
  EXPECT_THROW(MessageTemplate::Parse("close }"), std::invalid_argument);
}

}  // namespace
}  // namespace creditlens::scheduler
