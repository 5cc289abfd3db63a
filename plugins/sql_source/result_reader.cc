// Two ways to read a long result in chunks: Poco's limit() on a streaming statement (MySQL, ODBC), or
// DECLARE CURSOR and FETCH (PostgreSQL, whose client library otherwise buffers the whole result).
#include "result_reader.h"

#include <Poco/Data/Binding.h>
#include <Poco/Data/Limit.h>
#include <Poco/Data/Statement.h>

namespace creditlens::sql {
namespace {

using Poco::Data::Statement;

void BindValues(Statement& statement, const std::vector<BoundValue>& values) {
  for (const BoundValue& value : values) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      statement.addBind(Poco::Data::Keywords::bind(static_cast<Poco::Int64>(*number)));
    } else {
      statement.addBind(Poco::Data::Keywords::bind(std::get<std::string>(value)));
    }
  }
}

void AddExtractions(Statement& statement, ResultChunk& chunk) {
  for (const auto& extraction : chunk.Extractions()) statement.addExtract(extraction);
}

void ReadWithLimit(Poco::Data::Session& session, const SqlQuery& query, ResultChunk& chunk,
                   const ChunkVisitor& visit, std::size_t chunk_rows) {
  Statement statement(session);
  statement << query.text;
  BindValues(statement, query.values);
  AddExtractions(statement, chunk);
  statement, Poco::Data::Keywords::limit(static_cast<Poco::UInt32>(chunk_rows));
  while (!statement.done()) {
    chunk.Clear();
    statement.execute();
    if (chunk.rows() == 0 || !visit(chunk)) return;
  }
}

void ReadThroughCursor(Poco::Data::Session& session, const SqlQuery& query, ResultChunk& chunk,
                       const ChunkVisitor& visit, std::size_t chunk_rows) {
  // A visitor may read again (nested listings): each cursor has its own name, and only the outermost
  // opens and ends the transaction.
  static thread_local int depth = 0;
  const std::string cursor = "creditlens_rows_" + std::to_string(depth);
  const bool owns_transaction = !session.isTransaction();
  if (owns_transaction) session.begin();
  ++depth;
  try {
    Statement declare(session);
    declare << "DECLARE " + cursor + " NO SCROLL CURSOR FOR " + query.text;
    BindValues(declare, query.values);
    declare.execute();
    const std::string fetch_sql = "FETCH FORWARD " + std::to_string(chunk_rows) + " FROM " + cursor;
    for (;;) {
      chunk.Clear();
      Statement fetch(session);
      fetch << fetch_sql;
      AddExtractions(fetch, chunk);
      fetch.execute();
      const std::size_t rows = chunk.rows();
      if (rows == 0 || !visit(chunk) || rows < chunk_rows) break;
    }
    ExecuteSql(session, "CLOSE " + cursor);
    --depth;
    if (owns_transaction) session.commit();
  } catch (...) {
    --depth;
    if (owns_transaction) {
      try {
        session.rollback();
      } catch (...) {  // the first error is the one to report
      }
    }
    throw;
  }
}

}  // namespace

void ForEachChunk(Poco::Data::Session& session, const SqlQuery& query, std::span<const ColumnKind> kinds,
                  const ChunkVisitor& visit, std::size_t chunk_rows) {
  ResultChunk chunk(kinds);
  if (query.dialect().ListsThroughCursor()) {
    ReadThroughCursor(session, query, chunk, visit, chunk_rows);
  } else {
    ReadWithLimit(session, query, chunk, visit, chunk_rows);
  }
}

void ExecuteSql(Poco::Data::Session& session, const std::string& sql) {
  Statement statement(session);
  statement << sql;
  statement.execute();
}

}  // namespace creditlens::sql
