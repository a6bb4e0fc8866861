#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <vector>

namespace spinepath::storage {

// One step of the schema history: the statements that take a database from
// version - 1 to version. Steps are never edited once released; a change is a
// new step, so every older file can be brought up to date in order.
struct Migration
{
    int version;
    const char* summary;
    std::vector<const char*> statements; // SQLite
    // The same step on PostgreSQL: the same tables, columns and indexes in
    // its dialect; full-text search with tsvector columns and GIN indexes
    // instead of FTS5 tables and their triggers.
    std::vector<const char*> postgres;
};

// The key of the PostgreSQL advisory lock held while the schema version is
// read and the migrations run (any number; this one spells "SpinPath").
inline constexpr qint64 kServerMigrationLock = 0x5370696e50617468;

// Every step, oldest first; the last one is Database::kSchemaVersion.
[[nodiscard]] const std::vector<Migration>& migrations();

// Runs the steps newer than the file's version, each in its own transaction
// that also sets PRAGMA user_version. A file that already holds data is first
// copied to "<file>.bak-v<N>-<stamp>" (mode 0600). On PostgreSQL each step
// also adds its row to schema_version, and all run under an advisory lock,
// so two computers starting at once migrate once (backups there are the
// clinic's pg_dump). Returns what staff should
// be told. The caller has checked that the file is a SpinePath database.
[[nodiscard]] Result<std::vector<Notice>> migrate(const Database& database, int fromVersion);

} // namespace spinepath::storage
