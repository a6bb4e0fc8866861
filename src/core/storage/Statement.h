#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>
#include <string>
#include <string_view>

namespace spinepath::storage {

// One prepared SQL statement on a Database, with failures turned into the
// storage Error values. Forward-only: rows are read once, in order.
class Statement final
{
public:
    Statement(const Database& database, const QString& sql);
    Q_DISABLE_COPY_MOVE(Statement)

    Statement& bind(const QString& placeholder, const QVariant& value);
    // Runs the statement; the error says SpinePath could not `action`.
    Result<void> exec(std::string_view action);
    // The next row, false at the end (or on an error: see finish()).
    bool next() { return m_query.next(); }
    [[nodiscard]] QVariant value(int column) const { return m_query.value(column); }
    [[nodiscard]] QString text(int column) const { return m_query.value(column).toString(); }
    [[nodiscard]] std::string string(int column) const { return text(column).toStdString(); }
    [[nodiscard]] qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    [[nodiscard]] bool isNull(int column) const { return m_query.isNull(column); }
    [[nodiscard]] int rowsAffected() const { return m_query.numRowsAffected(); }
    [[nodiscard]] qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    // Releases the statement's read lock; reports an error met while reading rows.
    Result<void> finish(std::string_view action);

private:
    const Database& m_database;
    QSqlQuery m_query;
    QString m_sql;
    bool m_prepared = false;
};

// Binding helpers: text as Qt binds it (UTF-8 in, UTF-16 out); an empty
// string or an absent value is stored as NULL.
[[nodiscard]] QString qtext(std::string_view text);
[[nodiscard]] QVariant nullableText(const std::string& text);
[[nodiscard]] QVariant nullableText(const QString& text);
[[nodiscard]] QVariant nullableBool(std::optional<bool> value);

// Runs one statement without parameters.
Result<void> execute(const Database& database, const QString& sql, std::string_view action);

// BEGIN IMMEDIATE ... COMMIT, rolled back when destroyed uncommitted (an
// early return on an error). IMMEDIATE takes the write lock up front, so a
// busy database is met at begin() where the busy timeout applies, never as a
// deadlock half way through.
//
// One begun while another is open on the same database is a savepoint inside
// it: a step that saves on its own (one setting) can then also be part of a
// larger all-or-nothing change (all the settings of a form), and rolling the
// outer one back undoes the inner one too.
class Transaction final
{
public:
    explicit Transaction(const Database& database);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    Result<void> begin(std::string_view action);
    Result<void> commit(std::string_view action);

private:
    const Database& m_database;
    bool m_open = false;
    QString m_savepoint; // empty for the outermost transaction
};

} // namespace spinepath::storage
