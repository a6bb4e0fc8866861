#pragma once

#include "core/storage/Dialect.h"
#include "core/storage/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spinepath::storage {

// The database SpinePath uses when none is given: SPINEPATH_DB if set, else
// this computer's setting, else spinepath.sqlite in
// QStandardPaths::AppDataLocation (DatabaseLocation.h). The GUI and the CLI
// both set the organization and application name to "SpinePath" first, so
// they find the same file.
[[nodiscard]] QString defaultDatabasePath();

struct ServerLogin;

struct OpenOptions
{
    // Empty: defaultDatabasePath(). A SQLite file, or a PostgreSQL server as
    // a libpq URI postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=MODE]
    // (PostgresUri.h): then the file options below do not apply.
    QString path;
    // PostgreSQL only, when ~/.pgpass (or PGPASSFILE) holds none: the
    // password asked for interactively. Never logged, never in a message.
    QString password;
    // Opened with SQLITE_OPEN_READONLY and query_only: nothing is created,
    // migrated, moved or written, and no file on disk changes at all: the
    // file is opened immutable, or, while it has a -wal file (another
    // program has it open, or one was killed), a private copy is read. For
    // `db check`, `db stats`, reports.
    bool readOnly = false;
    // A damaged or non-SQLite file is set aside and a new database started.
    // When false (and always when read-only) it is reported as Corrupt.
    bool recoverDamaged = true;
    // A missing (or empty) file becomes a new database. When false it is
    // NotFound (read-only: a missing one), so commands that only read or
    // change what is stored never make a database.
    bool create = true;
    // How long SQLite itself waits for a lock, then how often the whole open
    // is tried again before the file is reported as Locked.
    int busyTimeoutMs = 5000;
    int lockRetries = 3;
    int retryDelayMs = 250;
    // PRAGMA quick_check reads the whole file: seconds at 100,000
    // assessments, more when the file is not in the page cache. False only
    // when this file has just passed the whole open (check, set-aside,
    // migrations) on another connection, as the GUI does after its start-up
    // check in a worker thread (ui/common/DatabaseStartup).
    bool quickCheck = true;
};

// Something staff should be told about after a successful open.
struct Notice
{
    enum class Kind
    {
        Created,  // a new, empty database was made
        SetAside, // a damaged file was renamed and a new database started
        BackedUp, // a backup copy was made before migrating
        Migrated, // the schema was brought up to date
    };
    Kind kind;
    std::string message; // plain English, ready to show
    QString file;        // the set-aside or backup file, when there is one
};

// One open SQLite database through QtSql: the file, its pragmas, its schema
// version and the recovery of damaged files. Repositories borrow it; it must
// outlive them and is used from one thread (QtSql connections are per thread).
//
// Opening: the folder is created (0700) and checked, a non-SQLite file is set
// aside, the connection is opened with a busy timeout, WAL journal,
// synchronous=FULL, foreign keys and secure_delete are switched on, a
// quick_check runs (a damaged file is set aside and a new one started), the
// files are made 0600 and pending migrations run after a backup copy.
class Database final
{
public:
    // The schema version this build writes and reads (PRAGMA user_version).
    static constexpr int kSchemaVersion = 10;

    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const OpenOptions& options = {});

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // The file, or for PostgreSQL the URI (which never holds a password).
    [[nodiscard]] const QString& path() const noexcept { return m_path; }
    [[nodiscard]] Engine engine() const noexcept { return m_dialect->engine(); }
    // The SQL that differs between the engines.
    [[nodiscard]] const Dialect& dialect() const noexcept { return *m_dialect; }
    [[nodiscard]] bool isReadOnly() const noexcept { return m_options.readOnly; }
    // The schema version found in the file (older than kSchemaVersion only
    // when opened read-only).
    [[nodiscard]] int schemaVersion() const noexcept { return m_schemaVersion; }
    // What happened while opening that staff should know (set aside, migrated).
    [[nodiscard]] const std::vector<Notice>& notices() const noexcept { return m_notices; }
    // Notices of an earlier open of this file on another connection (the
    // start-up check in a worker thread), so staff see what that open did.
    void adoptNotices(std::vector<Notice> earlier);

    // PRAGMA quick_check (full: integrity_check and the schema compared with
    // the one SpinePath makes) and foreign_key_check. The error lists the
    // first problems found; it changes nothing.
    [[nodiscard]] Result<void> check(bool full = false) const;
    // Moves the WAL into the file and truncates it, so deleted data does not
    // linger in the -wal file.
    [[nodiscard]] Result<void> checkpoint() const;
    // The size of the database file plus its -wal, in bytes.
    [[nodiscard]] qint64 sizeOnDisk() const;

    // A second connection to the same file, for another thread: Qt SQL
    // connections belong to the thread that opens them, so call this on the
    // thread that will use the reader, and destroy it there. Nothing is
    // checked or migrated (this database did that) and it can only read
    // (query_only). This database must outlive it.
    [[nodiscard]] Result<std::unique_ptr<Database>> openReader() const;
    // SQLite's PRAGMA data_version: it changes when another connection (of
    // this program or another) commits to the file, never for this
    // connection's own commits. Reading it costs microseconds, so a watcher
    // can ask often and re-read only what changed.
    [[nodiscard]] Result<qint64> dataVersion() const;
    // Whether this login may read every assessment and the audit log: a
    // SQLite file's user, a server's owner or staff login; not a kiosk's
    // (security/AccessRules.h), which sees only its own session's rows.
    [[nodiscard]] Result<bool> canReadEverything() const;

    // PostgreSQL: the random name of this program's session on the server
    // (ServerLogin), which the rows it makes carry. Empty for SQLite.
    [[nodiscard]] QString kioskSession() const;
    // PostgreSQL, after the connection was lost (the server restarted, the
    // network came back): connects again, in the same session, so the rows
    // this program made are still its own. Nothing to do for SQLite.
    [[nodiscard]] Result<void> reconnect();

    // Closes the connection; repositories must not be used afterwards.
    void close();

    // For repositories and tests: the QtSql connection of this database.
    [[nodiscard]] QSqlDatabase connection() const;
    // A plain-English error for a failed statement while doing `action`.
    [[nodiscard]] Error failure(const QSqlError& error, std::string_view action) const;

private:
    Database(QString path, const OpenOptions& options);

    Result<void> openOnce();
    // PostgreSQL: connect, check the schema version, migrate (Postgres.cpp side of the open).
    Result<void> openServer();
    Result<void> openServerLocked();
    Result<void> connectServer(const QString& connectionName, bool readOnly) const;
    Result<void> readServerVersion();
    [[nodiscard]] Result<void> checkServer(bool full) const;
    [[nodiscard]] Result<qint64> serverDataVersion() const;
    Result<void> connect();
    Result<void> configure();
    Result<void> quickCheck();
    Result<void> setAside(std::string_view why);
    Result<void> readVersion();
    Result<void> checkOwnership();
    // Refuses (NotOurs) a file whose tables, indexes, triggers or views are
    // not exactly what the migrations make at its version.
    Result<void> checkSchema();
    void closeConnection();

    QString m_path;
    OpenOptions m_options;
    const Dialect* m_dialect = &Dialect::of(Engine::Sqlite);
    // PostgreSQL: the server as the URI names it, and the password asked
    // for (when ~/.pgpass holds none), kept for openReader().
    std::shared_ptr<const ServerLogin> m_server;
    // Read-only with a -wal file: the private folder holding the copy read.
    std::unique_ptr<QTemporaryDir> m_snapshot;
    QString m_connectionName;
    // What connect() opened, so openReader() opens the same (a snapshot copy included).
    QString m_databaseName;
    QString m_connectOptions;
    int m_schemaVersion = 0;
    std::vector<Notice> m_notices;
    // Transactions open on the connection (Statement.h). Not part of the
    // database's value, so it may change through a const Database.
    friend class Transaction;
    mutable int m_openTransactions = 0;
};

} // namespace spinepath::storage
