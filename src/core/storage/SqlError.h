#pragma once

#include "core/storage/Result.h"

#include <QSqlError>
#include <QString>

#include <string_view>

namespace spinepath::storage {

// The kind of failure behind a QSqlError from the SQLite driver, from SQLite's
// result code (SQLITE_BUSY, SQLITE_FULL, ...).
[[nodiscard]] ErrorKind classify(const QSqlError& error);

// A plain-English error for staff: "SpinePath could not <action> because ...",
// with what to do next. `action` is a phrase such as "save the answers".
[[nodiscard]] Error describe(ErrorKind kind, const QString& databasePath, std::string_view action,
                             const QString& detail = {});
[[nodiscard]] Error describe(const QSqlError& error, const QString& databasePath, std::string_view action);
// The same for a PostgreSQL server (`server` is its URI), by SQLSTATE.
[[nodiscard]] Error describeServer(const QSqlError& error, const QString& server, std::string_view action);

} // namespace spinepath::storage
