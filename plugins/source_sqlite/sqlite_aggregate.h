// Answers an aggregate request (and lists raw events): with SQL on the hourly rollups when they can answer it exactly, or
// by decoding the event chunks overlapping the range. User values are bound, never spliced.
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "creditlens/source_connector.h"

namespace creditlens::sqlite {

// True when rollup_hour holds the answer: only workspace, category and feature are grouped or
// filtered, the bucket is none or hours, and the range is whole hours.
bool RollupAnswers(const AggregateRequest& request);

struct RollupSql {
  std::string sql;
  std::vector<std::string> text_parameters;  // bound after the two time bounds, in order
};
RollupSql BuildRollupSql(const AggregateRequest& request);

void AggregateRollups(sqlite3* db, const AggregateRequest& request, std::vector<AggregateRow>& rows);
void AggregateChunks(sqlite3* db, const AggregateRequest& request, std::vector<AggregateRow>& rows);

// Answers any request: from the rollups when they can; when only the range's ends are off the hour
// (a zone like Asia/Kolkata cuts its days at :30), the whole hours from the rollups and the partial
// hours at the ends from the chunks; otherwise from the chunks.
void Aggregate(sqlite3* db, const AggregateRequest& request, std::vector<AggregateRow>& rows);

// Decodes the chunks overlapping the query's range and hands each matching event to the sink.
void ListEvents(sqlite3* db, const EventQuery& query, const EventSink& sink);

}  // namespace creditlens::sqlite
