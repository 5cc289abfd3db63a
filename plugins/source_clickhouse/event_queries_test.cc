#include "event_queries.h"

#include <gtest/gtest.h>

namespace creditlens::clickhouse {
namespace {

// usage_log(org_id String, created_at DateTime, amount_milli Int64, feature String, kind String)
ResolvedTable UsageLog() {
  ResolvedTable t{.table = "usage_log", .fields = mapping::EventFields(), .columns = {}};
  for (const auto& field : t.fields) {
    if (field.name == "ts") {
      t.columns.push_back(ReadColumnAs(field, "created_at", "DateTime", mapping::TsType::kTimestamp));
    } else if (field.name == "credits") {
      t.columns.push_back(
          ReadColumnAs(field, "amount_milli / 1000.0", "Float64", mapping::TsType::kTimestamp));
    } else if (field.name == "workspace_id") {
      t.columns.push_back(ReadColumnAs(field, "org_id", "String", mapping::TsType::kTimestamp));
    } else if (field.name == "category") {
      t.columns.push_back(ReadColumnAs(field, "kind", "String", mapping::TsType::kTimestamp));
    } else {
      t.columns.push_back(UnmappedColumn(field));
    }
  }
  return t;
}

TEST(EventQueries, PushesBucketsGroupingAndFiltersIntoClickHouse) {
  AggregateRequest request;
  request.from_ms = 3'600'000;
  request.to_ms = 7'200'000;
  request.bucket = TimeBucket::kHourUtc;
  request.group_by = {Dimension::kWorkspace, Dimension::kFolder};
  request.filters = {{Dimension::kWorkspace, {"a'b", "c\td"}}, {Dimension::kCategory, {"x"}}};
  const BuiltQuery q = BuildAggregateQuery(UsageLog(), request);
  EXPECT_EQ(q.sql,
            "SELECT (intDiv(toInt64((created_at)) * 1000, 3600000) - ((toInt64((created_at)) * 1000) % "
            "3600000 < 0)) "
            "* 3600000 AS __cl_bucket, (org_id) AS __cl_key0, '' AS __cl_key1, "
            "sum(toInt64(round((amount_milli / 1000.0) * 1000000))), count() FROM usage_log "
            "WHERE (created_at) >= toDateTime(3600) AND (created_at) < toDateTime(7200) "
            "AND (org_id) IN (SELECT value FROM _filter_0) AND (kind) IN (SELECT value FROM _filter_1) "
            "GROUP BY __cl_bucket, __cl_key0, __cl_key1 FORMAT TabSeparated");
  ASSERT_EQ(q.tables.size(), 2u);
  EXPECT_EQ(q.tables[0].name, "_filter_0");
  EXPECT_EQ(q.tables[0].structure, "value String");
  EXPECT_EQ(q.tables[0].rows, "a\\'b\nc\\td\n");
  EXPECT_EQ(q.tables[1].rows, "x\n");
}

TEST(EventQueries, AnswersNothingForNoEventsEvenWithoutKeys) {
  AggregateRequest request;
  request.to_ms = 1000;
  request.filters = {{Dimension::kUser, {}}};
  const BuiltQuery q = BuildAggregateQuery(UsageLog(), request);
  EXPECT_NE(q.sql.find("SELECT toInt64(0), sum("), std::string::npos) << q.sql;
  EXPECT_NE(q.sql.find(" AND 0 HAVING count() > 0 FORMAT TabSeparated"), std::string::npos) << q.sql;
  EXPECT_TRUE(q.tables.empty());
}

TEST(EventQueries, ListsEveryFieldInOrder) {
  EventQuery query;
  query.to_ms = 1000;
  const BuiltQuery q = BuildListQuery(UsageLog(), query);
  EXPECT_EQ(q.sql.substr(0, 60), "SELECT '', toInt64((created_at)) * 1000, (org_id), (kind), '");
  EXPECT_NE(q.sql.find("NULL, '', '', '', '', '', '', '', NULL FROM usage_log WHERE"), std::string::npos)
      << q.sql;
}

}  // namespace
}  // namespace creditlens::clickhouse
