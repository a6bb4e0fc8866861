#include "core/storage/Statement.h"

#include <QSqlError>

#include <spdlog/spdlog.h>

namespace spinepath::storage {

Statement::Statement(const Database& database, const QString& sql)
    : m_database(database)
    , m_query(database.connection())
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

Statement& Statement::bind(const QString& placeholder, const QVariant& value)
{
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
    QSqlQuery query(m_database.connection());
    // SQLite itself ends the transaction after some errors (a full disk, an
    // I/O error); then there is nothing left to roll back.
    if (!query.exec(QStringLiteral("ROLLBACK")) &&
        !query.lastError().databaseText().contains(QStringLiteral("no transaction is active")))
        spdlog::warn("Rolling back a storage transaction failed: {}", query.lastError().text().toStdString());
}

Result<void> Transaction::begin(std::string_view action)
{
    auto started = execute(m_database, QStringLiteral("BEGIN IMMEDIATE"), action);
    m_open = started.ok();
    return started;
}

Result<void> Transaction::commit(std::string_view action)
{
    auto committed = execute(m_database, QStringLiteral("COMMIT"), action);
    // A failed COMMIT (disk full, I/O error) leaves the transaction open;
    // the destructor rolls it back so the connection stays usable.
    if (committed)
        m_open = false;
    return committed;
}

} // namespace spinepath::storage
