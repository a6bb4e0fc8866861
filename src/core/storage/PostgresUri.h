#pragma once

#include "core/storage/Result.h"

#include <QString>

namespace spinepath::storage {

// A clinic network's PostgreSQL server, as `--db` and SPINEPATH_DB name it:
// a libpq URI `postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=MODE]`.
// A password is never part of it: it would show in the process list, the
// shell history and the log. libpq reads it from ~/.pgpass (or PGPASSFILE)
// when none is given, or the CLI asks for it (SecretInput).
struct PostgresUri
{
    QString user;
    QString host;
    int port = 5432;
    QString database;
    QString sslmode; // empty: libpq's default (prefer)

    // What the log and messages show: the URI as given, which holds no secret.
    [[nodiscard]] QString display() const;
};

// What a connection to the server needs: the URI and the password asked
// for, if any (empty: libpq reads ~/.pgpass or PGPASSFILE).
struct ServerLogin
{
    PostgresUri uri;
    QString password;
    // A random name for this program's session, shared by its connections.
    // The rows it makes carry it, and a kiosk login sees only those
    // (AccessRules.h): another login, or this kiosk after a restart, knows
    // no earlier session's name.
    QString kioskSession = newKioskSession();

    [[nodiscard]] static QString newKioskSession();
};

// Whether `location` names a PostgreSQL server rather than a SQLite file.
[[nodiscard]] bool isPostgresUri(const QString& location);

// Reads a URI; a clear message names what is wrong (a password in it, a
// missing user or database, an unknown parameter, a bad port).
[[nodiscard]] Result<PostgresUri> parsePostgresUri(const QString& location);

} // namespace spinepath::storage
