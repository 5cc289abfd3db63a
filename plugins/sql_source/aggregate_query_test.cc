#include "aggregate_query.h"

#include <gtest/gtest.h>

#include "event_query.h"
#include "postgresql_dialect.h"

namespace creditlens::sql {
namespace {

mapping::TableMapping Events() {
  return mapping::ParseSourceMapping(R"({
      "events": { "table": "billing.usage_log", "ts_type": "epoch_ms",
                  "columns": { "id": "uuid", "ts": "at_ms", "workspace_id": "org", "category": "kind",
                               "feature": "feat", "credits": "milli / 1000.0", "folder": "path" } },
      "accounts": { "file": "/a.json" } })")
      .events;
}

const PostgresqlDialect kDollar(PostgresqlDialect::Placeholders::kDollar,
                                PostgresqlDialect::Paging::kDeclareCursor);

TEST(AggregateQuery, PushesFiltersAndGroupsDownWithEveryValueBound) {
  AggregateRequest request;
  request.from_ms = 1000;
  request.to_ms = 2000;
  request.filters = {{Dimension::kWorkspace, {"ws'; DROP TABLE x; --", "ws2"}}};
  request.group_by = {Dimension::kFeature, Dimension::kFolder};
  request.bucket = TimeBucket::kHourUtc;
  const SqlQuery q = BuildAggregateQuery(kDollar, Events(), request);
  EXPECT_EQ(q.text,
            "SELECT (CAST((CAST((at_ms) AS BIGINT)) AS BIGINT) / 3600000) * 3600000, "
            "COALESCE(CAST((feat) AS TEXT), ''), COALESCE(CAST((path) AS TEXT), ''), "
            "CAST((SUM(CAST((ROUND((milli / 1000.0) * 1000000)) AS BIGINT))) AS BIGINT), COUNT(*) "
            "FROM billing.usage_log WHERE (at_ms) >= CAST(($1) AS BIGINT) AND (at_ms) < CAST(($2) AS BIGINT) "
            "AND ((org) IN ($3, $4)) GROUP BY 1, 2, 3");
  ASSERT_EQ(q.values.size(), 4u);
  EXPECT_EQ(std::get<std::int64_t>(q.values[0]), 1000);
  EXPECT_EQ(std::get<std::string>(q.values[2]), "ws'; DROP TABLE x; --");
}

TEST(AggregateQuery, WithoutGroupsOrBucketReturnsNoRowForNoEvents) {
  AggregateRequest request;
  request.to_ms = 10;
  const SqlQuery q = BuildAggregateQuery(kDollar, Events(), request);
  EXPECT_TRUE(q.text.starts_with("SELECT 0, CAST((SUM("));
  EXPECT_TRUE(q.text.ends_with(" HAVING COUNT(*) > 0"));
}

TEST(AggregateQuery, GroupsByKeysAloneWithoutBucket) {
  AggregateRequest request;
  request.to_ms = 10;
  request.group_by = {Dimension::kUser};  // unmapped: one group, key ""
  const SqlQuery q = BuildAggregateQuery(kDollar, Events(), request);
  EXPECT_TRUE(q.text.starts_with("SELECT 0, '', CAST("));
  EXPECT_TRUE(q.text.ends_with(" GROUP BY 2"));
}

TEST(AggregateQuery, FiltersOnEmptyValuesAndUnmappedFields) {
  AggregateRequest request;
  request.to_ms = 10;
  request.filters = {{Dimension::kFolder, {"", "/prod"}},
                     {Dimension::kUser, {"u1"}},
                     {Dimension::kApiKey, {""}},
                     {Dimension::kCategory, {}}};
  const SqlQuery q = BuildAggregateQuery(kDollar, Events(), request);
  EXPECT_NE(
      q.text.find("AND ((path) IN ($3) OR (path) IS NULL OR (path) = $4) AND 1 = 0 AND 1 = 1 AND (1 = 0)"),
      std::string::npos)
      << q.text;
  EXPECT_EQ(std::get<std::string>(q.values[3]), "");
}

TEST(EventQuery, SelectsMappedFieldsAsTheirTypes) {
  EventQuery request;
  request.from_ms = 5;
  request.to_ms = 6;
  const PostgresqlDialect question(PostgresqlDialect::Placeholders::kQuestionMark,
                                   PostgresqlDialect::Paging::kDriverCursor);
  const EventSelect select(question, Events(), request);
  EXPECT_EQ(
      select.query().text,
      "SELECT CAST((uuid) AS TEXT), CAST((at_ms) AS BIGINT), CAST((org) AS TEXT), CAST((kind) AS TEXT), "
      "CAST((feat) AS TEXT), CAST((ROUND((milli / 1000.0) * 1000000)) AS BIGINT), CAST((path) AS TEXT) "
      "FROM billing.usage_log WHERE (at_ms) >= CAST((?) AS BIGINT) AND (at_ms) < CAST((?) AS BIGINT)");
  EXPECT_EQ(select.columns().size(), 7u);
  EXPECT_EQ(select.columns()[1], ColumnKind::kInt64);
  EXPECT_EQ(select.columns()[6], ColumnKind::kText);
}

TEST(PostgresqlDialect, Timestamps) {
  EXPECT_EQ(kDollar.EpochMs(mapping::TsType::kTimestamp, "created_at"),
            "CAST((FLOOR(EXTRACT(EPOCH FROM (created_at)) * 1000)) AS BIGINT)");
  EXPECT_EQ(kDollar.TimeFromEpochMs(mapping::TsType::kTimestamp, "$1"),
            "(TIMESTAMPTZ 'epoch' + CAST(($1) AS BIGINT) * INTERVAL '1 millisecond')");
  EXPECT_EQ(kDollar.EpochMs(mapping::TsType::kEpochS, "s"), "CAST((FLOOR((s) * 1000)) AS BIGINT)");
}

}  // namespace
}  // namespace creditlens::sql
