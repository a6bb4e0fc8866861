#include "core/storage/Statement.h"

#include "core/storage/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QSqlError>

#include <spdlog/spdlog.h>

#include <cerrno>

#include <unistd.h>

namespace spinepath::storage {

namespace {

// Whether the database file or its -wal, as this process has them open, were
// deleted (or replaced) since: SQLite would go on writing into the deleted
// files, and everything "saved" there vanishes when the program closes. The
// kernel names an open file that was deleted "<path> (deleted)" in
// /proc/self/fd. Note: any connection of this process to the path counts.
bool openFilesDeleted(const QString& databasePath)
{
    const QByteArray path = QFile::encodeName(databasePath);
    if (::access(path.constData(), F_OK) != 0 && errno == ENOENT)
        return true;
    const QByteArray deleted = path + " (deleted)";
    const QByteArray walDeleted = QFile::encodeName(walPath(databasePath)) + " (deleted)";
    const QDir descriptors(QStringLiteral("/proc/self/fd"));
    for (const QString& name : descriptors.entryList(QDir::System | QDir::Files | QDir::NoDotAndDotDot)) {
        char target[4096];
        const QByteArray link = QFile::encodeName(descriptors.filePath(name));
        const ssize_t length = ::readlink(link.constData(), target, sizeof target);
        if (length <= 0)
            continue;
        const QByteArray points(target, static_cast<qsizetype>(length));
        if (points == deleted || points == walDeleted)
            return true;
    }
    return false;
}

// Refuses the write, and writes what this connection still holds (everything
// committed so far) back to the path when it is free, so nothing committed is
// lost when SpinePath closes.
Error databaseDeleted(const Database& database, std::string_view action)
{
    const QString& path = database.path();
    std::string rescue;
    if (!QFile::exists(path)) {
        QSqlQuery query(database.connection());
        QString quoted = path;
        quoted.replace(u'\'', QStringLiteral("''"));
        bool saved = false;
        {
            const PrivateUmask privateFiles;
            saved = query.exec(QStringLiteral("VACUUM INTO '") + quoted + u'\'');
        }
        if (saved) {
            makeDatabaseFilesPrivate(path);
            rescue = " Everything saved before has been written back to " + path.toStdString() + ".";
        } else {
            spdlog::error("Writing the deleted database back failed: {}",
                          query.lastError().text().toStdString());
            rescue = " Keep SpinePath open and ask your IT contact: what was saved before is still held by "
                     "this window, and writing it back failed.";
        }
    }
    spdlog::error("The database file was deleted while open; saving stopped");
    return Error{ErrorKind::Io, "SpinePath could not " + std::string(action) + " because the database file " +
                                    path.toStdString() +
                                    " was deleted or replaced while SpinePath was running." + rescue +
                                    " Restart SpinePath to go on saving."};
}

} // namespace

Statement::Statement(const Database& database, const QString& sql)
    : m_database(database)
    , m_query(database.connection())
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
    m_sql = sql;
}

Statement& Statement::bind(const QString& placeholder, const QVariant& value)
{
    // A dialect's SQL may leave out a value the other engine's needs (the
    // snippet's word count); a value for a placeholder not in the SQL would
    // shift the others.
    if (m_sql.contains(placeholder))
        m_query.bindValue(placeholder, value);
    return *this;
}

Result<void> Statement::exec(std::string_view action)
{
    if (!m_prepared || !m_query.exec())
        return m_database.failure(m_query.lastError(), action);
    return {};
}

Result<void> Statement::finish(std::string_view action)
{
    const QSqlError error = m_query.lastError();
    m_query.finish();
    if (error.isValid())
        return m_database.failure(error, action);
    return {};
}

QString qtext(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QVariant nullableText(const std::string& text)
{
    return text.empty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromStdString(text));
}

QVariant nullableText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullableBool(std::optional<bool> value)
{
    return value ? QVariant(*value ? 1 : 0) : QVariant(QMetaType::fromType<int>());
}

Result<void> execute(const Database& database, const QString& sql, std::string_view action)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql))
        return database.failure(query.lastError(), action);
    return {};
}

Transaction::Transaction(const Database& database)
    : m_database(database)
{}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    --m_database.m_openTransactions;
    QSqlQuery query(m_database.connection());
    if (!m_savepoint.isEmpty()) {
        // ROLLBACK TO keeps the savepoint open; RELEASE then ends it.
        if (!query.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint) ||
            !query.exec(QStringLiteral("RELEASE ") + m_savepoint))
            spdlog::warn("Rolling back a storage savepoint failed: {}",
                         query.lastError().text().toStdString());
        return;
    }
    // SQLite itself ends the transaction after some errors (a full disk, an
    // I/O error); then there is nothing left to roll back.
    if (!query.exec(QStringLiteral("ROLLBACK")) &&
        !query.lastError().databaseText().contains(QStringLiteral("no transaction is active")))
        spdlog::warn("Rolling back a storage transaction failed: {}", query.lastError().text().toStdString());
}

Result<void> Transaction::begin(std::string_view action)
{
    if (m_database.engine() == Engine::Sqlite && openFilesDeleted(m_database.path()))
        return databaseDeleted(m_database, action);
    if (m_database.m_openTransactions > 0)
        m_savepoint = QStringLiteral("inner_%1").arg(m_database.m_openTransactions);
    auto started = execute(m_database,
                           m_savepoint.isEmpty() ? m_database.dialect().beginWrite()
                                                 : QStringLiteral("SAVEPOINT ") + m_savepoint,
                           action);
    m_open = started.ok();
    if (m_open)
        ++m_database.m_openTransactions;
    return started;
}

Result<void> Transaction::commit(std::string_view action)
{
    auto committed = execute(
        m_database,
        m_savepoint.isEmpty() ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_savepoint, action);
    // A failed COMMIT (disk full, I/O error) leaves the transaction open;
    // the destructor rolls it back so the connection stays usable.
    if (committed) {
        m_open = false;
        --m_database.m_openTransactions;
    }
    return committed;
}

} // namespace spinepath::storage
