// The embedded store's tables: event chunks and their id index, hourly rollups beside them,
// accounts, and loads.
#pragma once

#include <sqlite3.h>

namespace creditlens::sqlite {

inline constexpr int kSchemaVersion = 3;

// Creates the tables on a new store and checks the version of an existing one.
void EnsureSchema(sqlite3* db);

}  // namespace creditlens::sqlite
