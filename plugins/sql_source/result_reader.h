// Runs a SqlQuery over a Poco::Data session and hands its result to the caller a chunk at a time, so
// that a listing of millions of events never sits in memory whole.
#pragma once

#include <Poco/Data/Session.h>

#include <functional>
#include <span>

#include "result_chunk.h"
#include "sql_query.h"

namespace creditlens::sql {

// Returns false to stop reading.
using ChunkVisitor = std::function<bool(const ResultChunk&)>;

// Binds query's values, runs it, and visits its rows in chunks of at most chunk_rows; columns are
// read as kinds says. Dialects that list through a cursor get one, inside a read-only transaction.
void ForEachChunk(Poco::Data::Session& session, const SqlQuery& query, std::span<const ColumnKind> kinds,
                  const ChunkVisitor& visit, std::size_t chunk_rows = 10000);

// Runs a statement that returns no rows (session set-up), or whose rows are not wanted.
void ExecuteSql(Poco::Data::Session& session, const std::string& sql);

}  // namespace creditlens::sql
