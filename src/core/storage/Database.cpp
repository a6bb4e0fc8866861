#include "core/storage/Database.h"

#include "core/storage/DatabaseLocation.h"
#include "core/storage/Migrations.h"
#include "core/storage/PostgresUri.h"
#include "core/storage/PrivateFiles.h"
#include "core/storage/SchemaCheck.h"
#include "core/storage/SqlError.h"
#include "core/storage/Statement.h"
#include "core/util/Counted.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <spdlog/spdlog.h>

#include <atomic>

namespace spinepath::storage {

namespace {

QString newConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("spinepath-storage-") + QString::number(++counter);
}

constexpr int kProblemsShown = 5;

} // namespace

QString defaultDatabasePath()
{
    return resolveDatabaseLocation().location;
}

Database::Database(QString path, const OpenOptions& options)
    : m_path(std::move(path))
    , m_options(options)
    , m_connectionName(newConnectionName())
{}

Database::~Database()
{
    close();
}

Result<std::unique_ptr<Database>> Database::open(const OpenOptions& options)
{
    const QString given = options.path.isEmpty() ? defaultDatabasePath() : options.path;
    if (isPostgresUri(given)) {
        auto uri = parsePostgresUri(given);
        if (!uri)
            return std::move(uri).error();
        std::unique_ptr<Database> database(new Database(uri->display(), options));
        database->m_dialect = &Dialect::of(Engine::Postgres);
        database->m_server = std::make_shared<const ServerLogin>(ServerLogin{*uri, options.password});
        if (auto opened = database->openServer(); !opened) {
            database->closeConnection();
            return std::move(opened).error();
        }
        return database;
    }
    const QString path = QFileInfo(given).absoluteFilePath();
    std::unique_ptr<Database> database(new Database(path, options));
    for (int attempt = 0;; ++attempt) {
        auto opened = database->openOnce();
        if (opened)
            return database;
        database->closeConnection();
        if (opened.error().kind != ErrorKind::Locked || attempt >= options.lockRetries)
            return std::move(opened).error();
        spdlog::info("Database busy while opening; retrying ({} of {})", attempt + 1, options.lockRetries);
        QThread::msleep(static_cast<unsigned long>(options.retryDelayMs * (attempt + 1)));
    }
}

Result<void> Database::openOnce()
{
    m_notices.clear();
    const bool readOnly = m_options.readOnly;
    const bool mayRecover = m_options.recoverDamaged && !readOnly;

    FileState state = inspectFile(m_path);
    // An empty file is a database without tables: read-only it can be
    // checked as it is, but writing would make SpinePath's schema in it.
    if ((readOnly && state == FileState::Missing) ||
        (!readOnly && !m_options.create && (state == FileState::Missing || state == FileState::Empty)))
        return Error{ErrorKind::NotFound, "There is no database at " + m_path.toStdString() +
                                              (state == FileState::Empty ? " (the file is empty)" : "") +
                                              ". Check the path given with --db FILE, SPINEPATH_DB or this "
                                              "computer's setting; nothing was created."};
    if (!readOnly)
        if (auto ready = preparePrivateFolder(QFileInfo(m_path).path()); !ready)
            return ready;
    if (auto safe = checkNotExposed(m_path); !safe)
        return safe;
    if (state == FileState::NotSqlite) {
        if (!mayRecover)
            return Error{ErrorKind::Corrupt, "The file " + m_path.toStdString() +
                                                 " is not a SpinePath database: it is not an SQLite database "
                                                 "at all, or its first page has been destroyed."};
        if (auto moved = setAside("is not an SQLite database"); !moved)
            return moved;
        state = FileState::Missing;
    }
    const bool isNew = state == FileState::Missing || state == FileState::Empty;
    // SQLite would quietly open a read-only file read-only and fail at the
    // first save; staff should hear it now, before a patient starts.
    if (!readOnly && !isNew && !isWritableByUs(m_path))
        return Error{ErrorKind::ReadOnly,
                     "The database " + m_path.toStdString() +
                         " is read-only, so SpinePath cannot save assessments in it. Ask "
                         "your IT contact to make the file writable for this user."};

    // Nothing is written before the file has passed its check and proved to
    // be ours: a damaged file or another program's must stay as it was.
    if (auto connected = connect(); !connected)
        return connected;
    auto checked = m_options.quickCheck ? quickCheck() : Result<void>{};
    if (checked)
        checked = readVersion();
    if (!checked) {
        if (checked.error().kind != ErrorKind::Corrupt || !mayRecover)
            return checked;
        closeConnection();
        if (auto moved = setAside("is damaged"); !moved)
            return moved;
        if (auto connected = connect(); !connected)
            return connected;
        if (auto version = readVersion(); !version)
            return version;
    }
    if (m_schemaVersion > kSchemaVersion)
        return Error{ErrorKind::NewerVersion,
                     "The database " + m_path.toStdString() +
                         " was written by a newer version of SpinePath (database version " +
                         std::to_string(m_schemaVersion) + "; this version understands up to " +
                         std::to_string(kSchemaVersion) +
                         "). Install the newer SpinePath to use it. The file has not been changed."};
    if (auto ours = checkOwnership(); !ours)
        return ours;
    if (auto schema = checkSchema(); !schema)
        return schema;
    if (auto configured = configure(); !configured)
        return configured;
    if (readOnly)
        return {};
    makeDatabaseFilesPrivate(m_path);

    auto migrated = migrate(*this, m_schemaVersion);
    if (!migrated)
        return std::move(migrated).error();
    for (Notice& notice : *migrated)
        m_notices.push_back(std::move(notice));
    if (isNew && m_notices.empty())
        m_notices.push_back(
            {Notice::Kind::Created, "A new database was created at " + m_path.toStdString() + ".", m_path});
    makeDatabaseFilesPrivate(m_path);
    return readVersion();
}

Result<void> Database::connect()
{
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!connection.isValid())
        return Error{ErrorKind::Io, "SpinePath cannot open its database because the Qt SQLite driver is "
                                    "missing (Debian package libqt6sql6-sqlite)."};
    QString connectOptions =
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=") + QString::number(m_options.busyTimeoutMs);
    if (m_options.readOnly && !QFileInfo::exists(walPath(m_path))) {
        // Without a -wal file the database file is complete. Opened as
        // immutable, SQLite reads it without creating -wal and -shm files,
        // so a check leaves the folder exactly as it was.
        connection.setDatabaseName(QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) +
                                   QStringLiteral("?immutable=1"));
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
    } else if (m_options.readOnly) {
        // The -wal file holds commits the file lacks, and any connection to
        // it, even read-only, writes into (or creates) the -shm file. A
        // private copy of both is read instead, so nothing on disk changes.
        m_snapshot = std::make_unique<QTemporaryDir>();
        if (!m_snapshot->isValid())
            return Error{ErrorKind::Io, "SpinePath cannot read the database " + m_path.toStdString() +
                                            " without changing it: no temporary folder can be made."};
        auto copy = copyDatabaseForReading(m_path, m_snapshot->path());
        if (!copy)
            return std::move(copy).error();
        connection.setDatabaseName(*copy);
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    } else {
        connection.setDatabaseName(m_path);
    }
    connection.setConnectOptions(connectOptions);
    m_databaseName = connection.databaseName();
    m_connectOptions = connectOptions;
    // SQLite creates the file, and later its -wal and -shm, with the mode of
    // the process umask: private from the start.
    PrivateUmask privateFiles;
    if (!connection.open())
        return failure(connection.lastError(), "open its database");
    return {};
}

Result<void> Database::configure()
{
    const QSqlDatabase connection = this->connection();
    QSqlQuery query(connection);
    if (m_options.readOnly) {
        // query_only makes a write attempt an error even if the file could be
        // written: `db check` must change nothing.
        if (!query.exec(QStringLiteral("PRAGMA query_only = ON")))
            return failure(query.lastError(), "open its database");
        return {};
    }
    PrivateUmask privateFiles; // the -wal and -shm files appear now
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return failure(query.lastError(), "open its database");
    if (!query.next() || query.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return Error{ErrorKind::Io, "SpinePath could not switch the database " + m_path.toStdString() +
                                        " to write-ahead logging; the file system may not support it."};
    query.finish();
    for (const QString& pragma :
         {QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA foreign_keys = ON"),
          QStringLiteral("PRAGMA secure_delete = ON")}) {
        if (!query.exec(pragma))
            return failure(query.lastError(), "open its database");
    }
    return {};
}

Result<void> Database::quickCheck()
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA quick_check")))
        return failure(query.lastError(), "check its database");
    if (query.next() && query.value(0).toString() == QStringLiteral("ok"))
        return {};
    // Error kind Corrupt: the caller decides whether to set the file aside.
    return Error{ErrorKind::Corrupt, "The database " + m_path.toStdString() + " failed its integrity check."};
}

Result<void> Database::check(bool full) const
{
    if (engine() == Engine::Postgres)
        return checkServer(full);
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.exec(full ? QStringLiteral("PRAGMA integrity_check") : QStringLiteral("PRAGMA quick_check")))
        return failure(query.lastError(), "check the database");
    std::vector<std::string> problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != QStringLiteral("ok"))
            problems.push_back(line.toStdString());
    }
    if (query.lastError().isValid())
        return failure(query.lastError(), "check the database");
    if (problems.empty() && full)
        for (const std::string& difference : schemaDifferences(connection(), m_schemaVersion))
            problems.push_back("schema: " + difference);
    if (problems.empty()) {
        query.finish();
        if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
            return failure(query.lastError(), "check the database");
        while (query.next())
            problems.push_back("a row of " + query.value(0).toString().toStdString() +
                               " refers to a missing row of " + query.value(2).toString().toStdString());
    }
    if (problems.empty())
        return {};
    std::string message = "The database " + m_path.toStdString() + " is damaged (" +
                          util::counted(problems.size(), "problem", "problems") + " found):";
    for (std::size_t i = 0; i < problems.size() && i < kProblemsShown; ++i)
        message += "\n  " + problems[i];
    return Error{ErrorKind::Corrupt, std::move(message)};
}

void Database::adoptNotices(std::vector<Notice> earlier)
{
    m_notices.insert(m_notices.begin(), std::make_move_iterator(earlier.begin()),
                     std::make_move_iterator(earlier.end()));
}

Result<void> Database::checkpoint() const
{
    // Inside a transaction there is nothing to checkpoint yet; the caller
    // that commits the outermost one checkpoints.
    if (m_openTransactions > 0 || m_options.readOnly || engine() == Engine::Postgres)
        return {};
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        return failure(query.lastError(), "tidy the database journal");
    // Row: busy, frames in the log, frames checkpointed. Busy means a reader
    // kept part of the log; the next checkpoint finishes the job.
    if (query.next() && query.value(0).toInt() != 0)
        spdlog::info("WAL checkpoint could not finish while another connection reads");
    return {};
}

qint64 Database::sizeOnDisk() const
{
    if (engine() == Engine::Postgres) {
        QSqlQuery query(connection());
        return query.exec(QStringLiteral("SELECT pg_database_size(current_database())")) && query.next()
                   ? query.value(0).toLongLong()
                   : 0;
    }
    return QFileInfo(m_path).size() + QFileInfo(walPath(m_path)).size();
}

Result<void> Database::setAside(std::string_view why)
{
    auto moved = moveDatabaseAside(m_path, QStringLiteral("corrupt"));
    if (!moved)
        return std::move(moved).error();
    spdlog::warn("A damaged database file was set aside and a new one started");
    m_notices.push_back(
        {Notice::Kind::SetAside,
         "The database " + m_path.toStdString() + " " + std::string(why) +
             ", so SpinePath could not use it. It has been kept unchanged as " + moved->toStdString() +
             " and a new, empty database was started. Ask your IT contact to look at the kept file: "
             "assessments in it may still be recoverable.",
         *moved});
    return {};
}

Result<void> Database::checkOwnership()
{
    if (m_schemaVersion != 0)
        return {};
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !query.next())
        return failure(query.lastError(), "open its database");
    if (query.value(0).toInt() == 0)
        return {};
    return Error{ErrorKind::NotOurs,
                 "The file " + m_path.toStdString() +
                     " is an SQLite database of another program, not a SpinePath database. SpinePath has not "
                     "changed it; choose another file with --db FILE or SPINEPATH_DB."};
}

Result<void> Database::checkSchema()
{
    if (m_schemaVersion <= 0)
        return {};
    const std::vector<std::string> differences = schemaDifferences(connection(), m_schemaVersion);
    if (differences.empty())
        return {};
    std::string message =
        "The database " + m_path.toStdString() + " has been changed by another program: it holds";
    for (std::size_t i = 0; i < differences.size() && i < kProblemsShown; ++i)
        message += (i == 0 ? " " : "; ") + differences[i];
    if (differences.size() > kProblemsShown)
        message += "; and " + std::to_string(differences.size() - kProblemsShown) + " more";
    message += ". SpinePath will not use it: such a change can run on every save or alter what staff "
               "see. The file has not been changed; ask your IT contact to look at it.";
    return Error{ErrorKind::NotOurs, std::move(message)};
}

Result<void> Database::readVersion()
{
    if (engine() == Engine::Postgres)
        return readServerVersion();
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failure(query.lastError(), "read the database version");
    m_schemaVersion = query.value(0).toInt();
    return {};
}

Result<std::unique_ptr<Database>> Database::openReader() const
{
    OpenOptions options = m_options;
    options.readOnly = true; // checkpoint() and the like leave the file alone
    std::unique_ptr<Database> reader(new Database(m_path, options));
    reader->m_schemaVersion = m_schemaVersion;
    if (engine() == Engine::Postgres) {
        reader->m_dialect = m_dialect;
        reader->m_server = m_server;
        if (auto connected = reader->connectServer(reader->m_connectionName, true); !connected)
            return std::move(connected).error();
        return reader;
    }
    reader->m_databaseName = m_databaseName;
    reader->m_connectOptions = m_connectOptions;
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), reader->m_connectionName);
    if (!connection.isValid())
        return Error{ErrorKind::Io, "SpinePath cannot open its database because the Qt SQLite driver is "
                                    "missing (Debian package libqt6sql6-sqlite)."};
    connection.setDatabaseName(m_databaseName);
    connection.setConnectOptions(m_connectOptions);
    if (!connection.open())
        return reader->failure(connection.lastError(), "open its database");
    QSqlQuery query(connection);
    if (!query.exec(QStringLiteral("PRAGMA query_only = ON")))
        return reader->failure(query.lastError(), "open its database");
    return reader;
}

Result<qint64> Database::dataVersion() const
{
    if (engine() == Engine::Postgres)
        return serverDataVersion();
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return failure(query.lastError(), "check the database for changes");
    return query.value(0).toLongLong();
}

void Database::closeConnection()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
        connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_snapshot.reset();
}

void Database::close()
{
    closeConnection();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Error Database::failure(const QSqlError& error, std::string_view action) const
{
    if (engine() == Engine::Postgres)
        return describeServer(error, m_path, action);
    return describe(error, m_path, action);
}

} // namespace spinepath::storage
