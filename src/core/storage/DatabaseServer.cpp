// The PostgreSQL side of Database: connecting to a clinic's server, its
// schema version (the schema_version table) and checks. The SQLite file's
// side is Database.cpp.
#include "core/storage/Database.h"
#include "core/storage/Migrations.h"
#include "core/storage/PostgresUri.h"
#include "core/storage/SqlError.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace spinepath::storage {

Result<void> Database::connectServer(const QString& connectionName, bool readOnly) const
{
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    if (!connection.isValid())
        return Error{ErrorKind::Io, "SpinePath cannot reach the database server " + m_path.toStdString() +
                                        " because the Qt PostgreSQL driver is missing (Debian package "
                                        "libqt6sql6-psql)."};
    const PostgresUri& uri = m_server->uri;
    connection.setHostName(uri.host);
    connection.setPort(uri.port);
    connection.setUserName(uri.user);
    connection.setDatabaseName(uri.database);
    // Empty: libpq looks in ~/.pgpass (or PGPASSFILE) itself.
    if (!m_server->password.isEmpty())
        connection.setPassword(m_server->password);
    QStringList options{QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=spinepath")};
    if (!uri.sslmode.isEmpty())
        options << QStringLiteral("sslmode=") + uri.sslmode;
    connection.setConnectOptions(options.join(u';'));
    if (!connection.open())
        return describeServer(connection.lastError(), m_path, "connect to its database server");
    QSqlQuery query(connection);
    // Times are stored as UTC text; the session's zone only matters for
    // anything the server computes, which must be UTC as well.
    QStringList settings{QStringLiteral("SET TIME ZONE 'UTC'"),
                         QStringLiteral("SET client_min_messages = warning"),
                         QStringLiteral("SELECT set_config('spinepath.kiosk_session', '%1', false)")
                             .arg(m_server->kioskSession)};
    if (readOnly)
        settings << QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    for (const QString& sql : settings)
        if (!query.exec(sql))
            return describeServer(query.lastError(), m_path, "connect to its database server");
    return {};
}

QString Database::kioskSession() const
{
    return m_server ? m_server->kioskSession : QString();
}

Result<void> Database::reconnect()
{
    if (engine() != Engine::Postgres)
        return {};
    closeConnection();
    return connectServer(m_connectionName, m_options.readOnly);
}

Result<void> Database::openServer()
{
    const bool readOnly = m_options.readOnly;
    if (auto connected = connectServer(m_connectionName, readOnly); !connected)
        return connected;
    // Another computer may be migrating this very moment: its half-made
    // schema must not look like another program's tables. The version is
    // read under the migration lock (the server drops it with the
    // connection, should this one fail on the way).
    QSqlQuery lock(connection());
    if (!readOnly && !lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kServerMigrationLock)))
        return failure(lock.lastError(), "open its database");
    auto opened = openServerLocked();
    if (!readOnly && !lock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kServerMigrationLock)))
        return failure(lock.lastError(), "open its database");
    return opened;
}

Result<void> Database::openServerLocked()
{
    const bool readOnly = m_options.readOnly;
    if (auto version = readServerVersion(); !version)
        return version;
    if (m_schemaVersion > kSchemaVersion)
        return Error{ErrorKind::NewerVersion,
                     "The database " + m_path.toStdString() +
                         " was written by a newer version of SpinePath (database version " +
                         std::to_string(m_schemaVersion) + "; this version understands up to " +
                         std::to_string(kSchemaVersion) +
                         "). Install the newer SpinePath to use it. The database has not been changed."};
    const bool isNew = m_schemaVersion == 0;
    if (isNew) {
        // Tables without SpinePath's schema_version: another program's.
        QSqlQuery query(connection());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                                       "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN "
                                       "('r', 'v', 'm', 'p', 'f')")) ||
            !query.next())
            return failure(query.lastError(), "open its database");
        if (query.value(0).toInt() > 0)
            return Error{
                ErrorKind::NotOurs,
                "The database " + m_path.toStdString() +
                    " holds tables of another program, not SpinePath's. SpinePath has not changed it; "
                    "give SpinePath a database of its own."};
        if (readOnly || !m_options.create)
            return Error{ErrorKind::NotFound, "There is no SpinePath database at " + m_path.toStdString() +
                                                  " (the database holds no SpinePath tables); nothing was "
                                                  "created."};
    }
    if (readOnly)
        return {};
    auto migrated = migrate(*this, m_schemaVersion);
    if (!migrated)
        return std::move(migrated).error();
    for (Notice& notice : *migrated)
        m_notices.push_back(std::move(notice));
    if (isNew && m_notices.empty())
        m_notices.push_back({Notice::Kind::Created,
                             "A new database was created at " + m_path.toStdString() + ".", QString()});
    return readServerVersion();
}

Result<void> Database::readServerVersion()
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) || !query.next())
        return failure(query.lastError(), "read the database version");
    if (!query.value(0).toBool()) {
        m_schemaVersion = 0;
        return {};
    }
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")) || !query.next())
        return failure(query.lastError(), "read the database version");
    m_schemaVersion = query.value(0).toInt();
    return {};
}

Result<void> Database::checkServer(bool full) const
{
    static_cast<void>(full); // the server checks its own pages; nothing more to read here
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM assessments")) || !query.next())
        return failure(query.lastError(), "check the database");
    return {};
}

// The server's WAL insert position: it moves on every commit anywhere on
// the server (the write position lags behind with asynchronous commits), so a watcher re-reads when it
// changed (a few extra re-reads for other databases' writes cost nothing noticeable).
Result<qint64> Database::serverDataVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(
            QStringLiteral("SELECT CAST(pg_current_wal_insert_lsn() - CAST('0/0' AS pg_lsn) AS bigint)")) ||
        !query.next())
        return failure(query.lastError(), "check the database for changes");
    return query.value(0).toLongLong();
}

Result<bool> Database::canReadEverything() const
{
    if (engine() != Engine::Postgres)
        return true;
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT has_table_privilege('audit_log', 'SELECT')")) || !query.next())
        return failure(query.lastError(), "check the rights of its login");
    return query.value(0).toBool();
}

} // namespace spinepath::storage
