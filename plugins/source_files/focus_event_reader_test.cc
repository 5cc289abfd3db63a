#include "focus_event_reader.h"

#include <gtest/gtest.h>

#include <vector>

#include "support/temp_dir.h"
#include "test_support.h"

namespace creditlens::files {
namespace {

using testing::FocusRow;
using testing::kFocusHeader;
using testing::Priced;

constexpr std::int64_t kSep18At22 = 1'726'696'800'000;  // 2024-09-18T22:00:00Z

class FocusEventReaderTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& rows) {
    return dir_.Write("focus.csv", std::string(kFocusHeader) + rows);
  }
  // Every row the reader yields, errors included.
  std::vector<model::EventRow> ReadAll(FocusEventReader& reader) {
    std::vector<model::EventRow> rows;
    model::EventRow row;
    while (reader.Next(row)) rows.push_back(row);
    return rows;
  }
  creditlens::testing::TempDir dir_;
};

TEST(IsFocusHeader, NeedsBilledCostAndChargePeriodStart) {
  const std::vector<std::string_view> focus = {"AvailabilityZone", "BilledCost", "ChargePeriodStart"};
  const std::vector<std::string_view> canonical = {"id",       "ts",      "workspace_id",
                                                   "category", "feature", "credits"};
  const std::vector<std::string_view> half = {"BilledCost", "ts"};
  EXPECT_TRUE(IsFocusHeader(focus));
  EXPECT_FALSE(IsFocusHeader(canonical));
  EXPECT_FALSE(IsFocusHeader(half));
}

TEST_F(FocusEventReaderTest, DetectsAFocusFileByItsHeader) {
  EXPECT_TRUE(IsFocusFile(Write("")));
  EXPECT_FALSE(IsFocusFile(dir_.Write("events.csv", "id,ts,workspace_id,category,feature,credits\n")));
}

TEST_F(FocusEventReaderTest, MapsAUsageRowOntoAnEvent) {
  FocusEventReader reader(Write(FocusRow("0.00001605990", "Usage", "2024-09-18 22:00:00", "19384",
                                         "43883916739", "Elastic Load Balancing", "0.002007490000000")),
                          Priced("0.01"));
  model::EventRow row;
  ASSERT_TRUE(reader.Next(row));
  ASSERT_FALSE(row.error) << row.error->problem;
  EXPECT_EQ(reader.sub_account_name(), "Atlas, Nimbus");
  const UsageEvent& e = row.event;
  EXPECT_EQ(row.line, 2u);
  EXPECT_EQ(e.id, "19384");
  EXPECT_EQ(e.ts_ms, kSep18At22);  // written without an offset: UTC
  EXPECT_EQ(e.workspace_id, "43883916739");
  EXPECT_EQ(e.category, "Integration");
  EXPECT_EQ(e.feature, "Elastic Load Balancing");
  EXPECT_EQ(e.credits, 1606);  // 0.00160599 credits, half-even to 0.001606
  EXPECT_EQ(e.quantity, 2007);
  EXPECT_EQ(e.unit, "Requests");
  EXPECT_FALSE(reader.Next(row));
}

TEST_F(FocusEventReaderTest, TakesTheConfiguredCostColumn) {
  FocusEventReader reader(
      Write(FocusRow("1.00", "Usage", "2024-09-18 22:00:00", "1", "111", "S", "1", "0.25")),
      Priced("0.5", "EffectiveCost"));
  const auto rows = ReadAll(reader);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].event.credits, 500'000);  // 0.25 / 0.5
}

TEST_F(FocusEventReaderTest, NullsAreLeftOutOrRequired) {
  FocusEventReader reader(Write(FocusRow("0.5", "Usage", "2024-09-18T22:00:00Z", "NULL", "111", "S", "NULL") +
                                FocusRow("0.5", "Usage", "2024-09-18 22:00:00", "", "111", "S", "")),
                          Priced("0.01"));
  const auto rows = ReadAll(reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].event.id, "focus.csv:2");  // no Id: the file and line
  EXPECT_EQ(rows[1].event.id, "focus.csv:3");
  EXPECT_FALSE(rows[0].event.quantity);
  EXPECT_EQ(rows[0].event.ts_ms, kSep18At22);
  EXPECT_EQ(rows[0].event.credits, 50'000'000);

  FocusEventReader missing(
      dir_.Write("m.csv",
                 std::string(kFocusHeader) + FocusRow("0.5", "Usage", "2024-09-18 22:00:00", "1", "NULL")),
      Priced("0.01"));
  const auto bad = ReadAll(missing);
  ASSERT_EQ(bad.size(), 1u);
  ASSERT_TRUE(bad[0].error);
  EXPECT_EQ(bad[0].error->field, "SubAccountId");
  EXPECT_EQ(bad[0].error->problem, "is required");
}

TEST_F(FocusEventReaderTest, CountsOnlyUsageWithACostOfZeroOrMore) {
  FocusEventReader reader(Write(FocusRow("0.1", "Usage", "2024-09-18 22:00:00", "1") +
                                FocusRow("-2.6137", "Credit", "2024-09-18 22:00:00", "2") +
                                FocusRow("0.192", "Adjustment", "2024-09-18 22:00:00", "3") +
                                FocusRow("-0.149", "Usage", "2024-09-18 22:00:00", "4", "111", "S", "-1") +
                                FocusRow("0", "Usage", "2024-09-18 22:00:00", "5") +
                                FocusRow("100", "Purchase", "2024-09-18 22:00:00", "6") +
                                FocusRow("not a number", "Tax", "2024-09-18 22:00:00", "7")),
                          Priced("0.01"));
  const auto rows = ReadAll(reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].event.id, "1");
  EXPECT_EQ(rows[0].event.credits, 10'000'000);
  EXPECT_EQ(rows[1].event.id, "5");
  EXPECT_EQ(rows[1].event.credits, 0);
  const FocusSkips& skipped = reader.skipped();
  EXPECT_EQ(skipped.negative_usage, 1u);
  EXPECT_EQ(skipped.by_charge_category, (std::map<std::string, std::uint64_t>{
                                            {"Adjustment", 1}, {"Credit", 1}, {"Purchase", 1}, {"Tax", 1}}));
}

TEST_F(FocusEventReaderTest, NamesTheColumnOfABadValue) {
  const auto problem = [&](const std::string& row) {
    FocusEventReader reader(Write(row), Priced("0.01"));
    const auto rows = ReadAll(reader);
    EXPECT_EQ(rows.size(), 1u);
    return rows.at(0).error ? rows[0].error->field + ": " + rows[0].error->problem : "no error";
  };
  EXPECT_EQ(problem(FocusRow("abc", "Usage", "2024-09-18 22:00:00", "1")),
            "BilledCost: expected a decimal number, got 'abc'");
  EXPECT_EQ(
      problem(FocusRow("1", "Usage", "2024-09-31 22:00:00", "1")),
      "ChargePeriodStart: expected a UTC date and time like 2024-09-18 22:00:00, got '2024-09-31 22:00:00'");
  EXPECT_EQ(problem(FocusRow("1", "Usage", "2024-09-18 22:00:00", "1", "111", "S", "1,5")),
            ": expected 11 fields as in the header, found 12");
  EXPECT_EQ(problem(FocusRow("1", "Usage", "2024-09-18 22:00:00", "1", "111", "S", "many")),
            "ConsumedQuantity: expected a decimal number, got 'many'");
  EXPECT_EQ(problem(FocusRow("1", "NULL", "2024-09-18 22:00:00", "1")), "ChargeCategory: is required");
  EXPECT_EQ(
      problem(FocusRow("1e30", "Usage", "2024-09-18 22:00:00", "1")),
      "BilledCost: expected a cost worth at most 9223372036854 credits at focus_credit_price, got '1e30'");
  EXPECT_EQ(problem(FocusRow("1", "Usage", "2024-09-18 22:00:00", "1", "111", std::string(513, 'x'))),
            "ServiceName: expected at most 512 characters, got '" + std::string(60, 'x') + "...'");
}

TEST_F(FocusEventReaderTest, RefusesAHeaderWithoutAMappedColumn) {
  const auto path = dir_.Write("f.csv", "BilledCost,ChargePeriodStart,ChargeCategory\n");
  EXPECT_EQ(testing::ErrorOf([&] { FocusEventReader(path, Priced("0.01")); }),
            path.string() + ":1: header: a FOCUS export needs the column 'SubAccountId'");
  EXPECT_THROW(FocusEventReader(Write(""), Priced("0.01", "ListCost")), std::runtime_error);
}

}  // namespace
}  // namespace creditlens::files
