#include "column_sql.h"

#include <gtest/gtest.h>

namespace creditlens::clickhouse {
namespace {

using mapping::TsType;

const mapping::FieldSpec& Field(std::string_view name) {
  for (const auto& field : mapping::EventFields()) {
    if (field.name == name) return field;
  }
  throw std::logic_error("no field");
}

TEST(ColumnSql, ReadsCreditsExactlyByType) {
  EXPECT_EQ(ReadColumnAs(Field("credits"), "amount_milli / 1000.0", "Float64", TsType::kTimestamp).sql,
            "toInt64(round((amount_milli / 1000.0) * 1000000))");
  EXPECT_EQ(ReadColumnAs(Field("credits"), "c", "Decimal(18, 4)", TsType::kTimestamp).sql,
            "toInt64(toDecimal128(round((c), 6), 6) * 1000000)");
  EXPECT_EQ(ReadColumnAs(Field("credits"), "c", "UInt32", TsType::kTimestamp).sql, "toInt64((c)) * 1000000");
  EXPECT_EQ(ReadColumnAs(Field("quantity"), "q", "Nullable(Float32)", TsType::kTimestamp).sql,
            "toInt64(round((q) * 1000000))");
}

TEST(ColumnSql, RefusesTypesThatDoNotFit) {
  EXPECT_THROW(ReadColumnAs(Field("credits"), "c", "String", TsType::kTimestamp), std::invalid_argument);
  EXPECT_THROW(ReadColumnAs(Field("data_bytes"), "b", "Float64", TsType::kTimestamp), std::invalid_argument);
  EXPECT_THROW(ReadColumnAs(Field("ts"), "t", "UInt64", TsType::kTimestamp), std::invalid_argument);
  EXPECT_THROW(ReadColumnAs(Field("ts"), "t", "DateTime", TsType::kEpochMs), std::invalid_argument);
  try {
    ReadColumnAs(Field("credits"), "c", "Nullable(Float64)", TsType::kTimestamp);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("ifNull(c, ...)"), std::string::npos) << e.what();
  }
}

TEST(ColumnSql, ReadsTextAsStringWithNullAsEmpty) {
  EXPECT_EQ(ReadColumnAs(Field("workspace_id"), "org_id", "String", TsType::kTimestamp).sql, "(org_id)");
  EXPECT_EQ(ReadColumnAs(Field("workspace_id"), "org", "UInt64", TsType::kTimestamp).sql, "toString((org))");
  EXPECT_EQ(ReadColumnAs(Field("folder"), "f", "LowCardinality(Nullable(String))", TsType::kTimestamp).sql,
            "ifNull((f), '')");
  EXPECT_EQ(UnmappedColumn(Field("folder")).sql, "''");
  EXPECT_EQ(UnmappedColumn(Field("data_bytes")).sql, "NULL");
}

TEST(ColumnSql, ComparesTimeColumnsAsStoredSoThatIndexesServe) {
  const ColumnSql datetime = ReadColumnAs(Field("ts"), "created_at", "DateTime('UTC')", TsType::kTimestamp);
  EXPECT_EQ(datetime.sql, "toInt64((created_at)) * 1000");
  // [1000.5 s, 2000 s) holds the whole seconds 1001 .. 1999.
  EXPECT_EQ(TimeRangeCondition(datetime, 1'000'500, 2'000'000),
            "(created_at) >= toDateTime(1001) AND (created_at) < toDateTime(2000)");
  EXPECT_EQ(TimeRangeCondition(datetime, -5'000, 1'000),
            "(created_at) >= toDateTime(0) AND (created_at) < toDateTime(1)");
  EXPECT_EQ(TimeRangeCondition(datetime, -5'000, -1'000), "0");
  EXPECT_EQ(TimeRangeCondition(datetime, 0, 5'000'000'000'000), "(created_at) >= toDateTime(0)");

  const ColumnSql ms = ReadColumnAs(Field("ts"), "t", "Int64", TsType::kEpochMs);
  EXPECT_EQ(TimeRangeCondition(ms, -7, 9), "(t) >= -7 AND (t) < 9");
  const ColumnSql s = ReadColumnAs(Field("ts"), "t", "UInt32", TsType::kEpochS);
  EXPECT_EQ(s.sql, "toInt64((t)) * 1000");
  EXPECT_EQ(TimeRangeCondition(s, -1'500, 1'500), "(t) >= -1 AND (t) < 2");
  const ColumnSql fractional = ReadColumnAs(Field("ts"), "t", "Float64", TsType::kEpochS);
  EXPECT_EQ(TimeRangeCondition(fractional, 0, 10),
            "(toInt64(round((t) * 1000))) >= 0 AND (toInt64(round((t) * 1000))) < 10");
  EXPECT_EQ(TimeRangeCondition(ms, 5, 5), "0");
}

TEST(ColumnSql, FloorsBucketsAlsoBefore1970) {
  EXPECT_EQ(FloorToStepSql("m", 900000), "(intDiv(m, 900000) - ((m) % 900000 < 0)) * 900000");
}

}  // namespace
}  // namespace creditlens::clickhouse
