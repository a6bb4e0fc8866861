#include "core/storage/DatabaseCopy.h"

#include "core/storage/Statement.h"

#include <QSqlField>
#include <QSqlRecord>
#include <QStringList>

#include <array>

namespace spinepath::storage {

namespace {

struct TableSpec
{
    const char* name;
    std::vector<const char*> key; // the primary key, in order
    // The key is an integer id the server numbers itself (an identity).
    bool numberedById = false;
};

// Parents before the rows that refer to them.
const std::array kTables{
    TableSpec{"patients", {"id"}, true},
    TableSpec{"assessments", {"id"}},
    TableSpec{"assessment_flags", {"assessment_id", "flag_id"}},
    TableSpec{"assessment_articles", {"assessment_id", "article_id", "article_version"}},
    TableSpec{"audit_log", {"id"}, true},
    TableSpec{"settings", {"key"}},
    TableSpec{"articles", {"id", "language"}},
};

// The columns both sides have: a server's generated search columns and
// kiosk sessions are its own, a file's explicit rowid is its own.
QStringList sharedColumns(const Database& from, const Database& to, const QString& table)
{
    const QSqlRecord source = from.connection().record(table);
    const QSqlRecord target = to.connection().record(table);
    QStringList columns;
    for (int i = 0; i < source.count(); ++i) {
        const QString name = source.fieldName(i);
        if (name != QStringLiteral("rowid") && target.contains(name))
            columns << name;
    }
    return columns;
}

// Keys ordered byte by byte on both engines (SQLite's BINARY, PostgreSQL's
// "C"), so the two sides can be walked side by side.
QString orderBy(const Database& database, const TableSpec& table)
{
    QStringList keys;
    for (const char* column : table.key) {
        QString key = QString::fromLatin1(column);
        if (!table.numberedById && database.engine() == Engine::Postgres)
            key += QStringLiteral(" COLLATE \"C\"");
        keys << key;
    }
    return keys.join(QStringLiteral(", "));
}

int compareKeys(const QVariantList& a, const QVariantList& b)
{
    for (qsizetype i = 0; i < a.size(); ++i) {
        bool aNumber = false;
        bool bNumber = false;
        const qint64 x = a[i].toLongLong(&aNumber);
        const qint64 y = b[i].toLongLong(&bNumber);
        if (aNumber && bNumber && a[i].typeId() != QMetaType::QString &&
            b[i].typeId() != QMetaType::QString) {
            if (x != y)
                return x < y ? -1 : 1;
            continue;
        }
        const int order = a[i].toString().toUtf8().compare(b[i].toString().toUtf8());
        if (order != 0)
            return order;
    }
    return 0;
}

bool sameValue(const QVariant& a, const QVariant& b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    return a.toString() == b.toString();
}

std::string describeKey(const QVariantList& key)
{
    QStringList parts;
    for (const QVariant& value : key)
        parts << value.toString();
    return parts.join(QStringLiteral(", ")).toStdString();
}

class TableWalk final
{
public:
    TableWalk(const Database& database, const TableSpec& table, const QStringList& columns)
        : m_statement(database, QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                                    .arg(columns.join(QStringLiteral(", ")), QLatin1String(table.name),
                                         orderBy(database, table)))
        , m_columns(columns)
        , m_table(table)
    {}
    Q_DISABLE_COPY_MOVE(TableWalk)

    Result<void> start(std::string_view action) { return m_statement.exec(action); }
    // The next row, or false at the end.
    bool next()
    {
        if (!m_statement.next())
            return false;
        m_row.clear();
        m_key.clear();
        for (int i = 0; i < m_columns.size(); ++i)
            m_row << m_statement.value(i);
        for (const char* column : m_table.key)
            m_key << m_row.at(m_columns.indexOf(QLatin1String(column)));
        return true;
    }
    Result<void> finish(std::string_view action) { return m_statement.finish(action); }
    [[nodiscard]] const QVariantList& row() const { return m_row; }
    [[nodiscard]] const QVariantList& key() const { return m_key; }

private:
    Statement m_statement;
    QStringList m_columns;
    const TableSpec& m_table;
    QVariantList m_row;
    QVariantList m_key;
};

// Every source row must be in the target, the same in every shared column;
// the target may hold more (assessments stored there since a first run).
Result<void> compareTable(const Database& from, const Database& to, const TableSpec& table,
                          const QStringList& columns)
{
    constexpr std::string_view action = "compare the copy with the original";
    TableWalk source(from, table, columns);
    TableWalk target(to, table, columns);
    if (auto started = source.start(action); !started)
        return started;
    if (auto started = target.start(action); !started)
        return started;
    bool targetRow = target.next();
    while (source.next()) {
        while (targetRow && compareKeys(target.key(), source.key()) < 0)
            targetRow = target.next();
        const auto differs = [&](const std::string& how) {
            return Error{ErrorKind::Io, "The copy was undone: in the table " + std::string(table.name) +
                                            ", the row " + describeKey(source.key()) + " " + how +
                                            " (a different row with that key was already there?)."};
        };
        if (!targetRow || compareKeys(target.key(), source.key()) != 0)
            return differs("is missing from the target");
        for (int i = 0; i < columns.size(); ++i)
            if (!sameValue(source.row().at(i), target.row().at(i)))
                return differs("differs in the column " + columns[i].toStdString());
        targetRow = target.next();
    }
    if (auto done = source.finish(action); !done)
        return done;
    return target.finish(action);
}

} // namespace

DatabaseCopy::DatabaseCopy(const Database& from, const Database& to)
    : m_from(from)
    , m_to(to)
{}

Result<std::vector<TableCopy>> DatabaseCopy::run() const
{
    constexpr std::string_view action = "copy the database";
    if (m_from.schemaVersion() != Database::kSchemaVersion ||
        m_to.schemaVersion() != Database::kSchemaVersion)
        return Error{ErrorKind::InvalidArgument, "Both databases must be at version " +
                                                     std::to_string(Database::kSchemaVersion) +
                                                     "; open each once with this SpinePath first."};
    std::vector<TableCopy> copies;
    std::vector<QStringList> columnsOf; // per table of kTables, for the copy and the comparison
    Transaction transaction(m_to);
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();
    for (const TableSpec& table : kTables) {
        const QString name = QLatin1String(table.name);
        const QStringList& columns = columnsOf.emplace_back(sharedColumns(m_from, m_to, name));
        QStringList placeholders;
        for (int i = 0; i < columns.size(); ++i)
            placeholders << QStringLiteral(":c%1").arg(i);
        Statement insert(m_to, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING")
                                   .arg(name, columns.join(QStringLiteral(", ")),
                                        placeholders.join(QStringLiteral(", "))));
        TableCopy copy{table.name, 0, 0};
        TableWalk source(m_from, table, columns);
        if (auto started = source.start(action); !started)
            return std::move(started).error();
        while (source.next()) {
            for (int i = 0; i < columns.size(); ++i)
                insert.bind(placeholders[i], source.row().at(i));
            if (auto done = insert.exec(action); !done)
                return std::move(done).error();
            ++copy.rows;
            copy.copied += std::max(0, insert.rowsAffected());
        }
        if (auto done = source.finish(action); !done)
            return std::move(done).error();
        copies.push_back(copy);
    }
    // The server hands out new ids after the copied ones.
    if (m_to.engine() == Engine::Postgres)
        for (const TableSpec& table : kTables)
            if (table.numberedById)
                if (auto done = execute(m_to,
                                        QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                                       "coalesce((SELECT max(id) FROM %1), 0) + 1, false)")
                                            .arg(QLatin1String(table.name)),
                                        action);
                    !done)
                    return std::move(done).error();
    for (std::size_t i = 0; i < kTables.size(); ++i)
        if (auto same = compareTable(m_from, m_to, kTables[i], columnsOf[i]); !same)
            return std::move(same).error();
    if (auto done = transaction.commit(action); !done)
        return std::move(done).error();
    return copies;
}

} // namespace spinepath::storage
