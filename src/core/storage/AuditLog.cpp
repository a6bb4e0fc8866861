#include "core/storage/AuditLog.h"

#include "core/storage/PrivateFiles.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

#include <QFile>
#include <QSaveFile>

#include <sys/stat.h>

#include <utility>

namespace spinepath::storage {

namespace {

QString text(std::string_view value)
{
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

AuditEntry readEntry(const Statement& row)
{
    return {row.integer(0), fromStorageTime(row.text(1)), row.string(2), row.string(3), row.string(4),
            row.string(5)};
}

const QString kColumns =
    QStringLiteral("SELECT id, at, actor, action, assessment_id, detail FROM audit_log ");

// The WHERE clause of a filter and the values for its placeholders, so the
// list, the count and the export select exactly the same entries.
struct Where
{
    QString sql;
    std::vector<std::pair<QString, QVariant>> values;

    void add(const QString& condition, const QString& placeholder, const QVariant& value)
    {
        sql += (sql.isEmpty() ? QStringLiteral("WHERE ") : QStringLiteral(" AND ")) + condition;
        values.emplace_back(placeholder, value);
    }
    void bindTo(Statement& statement) const
    {
        for (const auto& [placeholder, value] : values)
            statement.bind(placeholder, value);
    }
};

// LIKE treats % and _ as wildcards; a typed id is matched literally.
QString likePrefix(const QString& prefix)
{
    QString escaped = prefix;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return escaped + u'%';
}

Where whereOf(const AuditFilter& filter, qint64 beforeId = 0)
{
    Where where;
    if (!filter.action.empty())
        where.add(QStringLiteral("action = :action"), QStringLiteral(":action"), text(filter.action));
    // Times are stored as sortable UTC text, so a range is a text range (and
    // uses the index on `at`).
    if (filter.from.isValid())
        where.add(QStringLiteral("at >= :from"), QStringLiteral(":from"), toStorageTime(filter.from));
    if (filter.until.isValid())
        where.add(QStringLiteral("at < :until"), QStringLiteral(":until"), toStorageTime(filter.until));
    // Ids are lower-case UUIDs: a typed one is lowered, as PostgreSQL's LIKE
    // (unlike SQLite's) minds the case.
    if (!filter.assessmentId.empty())
        where.add(QStringLiteral("assessment_id LIKE :assessment ESCAPE '\\'"), QStringLiteral(":assessment"),
                  likePrefix(text(filter.assessmentId).trimmed().toLower()));
    if (!filter.actor.empty())
        where.add(QStringLiteral("actor = :actor"), QStringLiteral(":actor"), text(filter.actor));
    if (beforeId > 0)
        where.add(QStringLiteral("id < :before"), QStringLiteral(":before"), beforeId);
    return where;
}

bool filtered(const AuditFilter& filter)
{
    return !filter.action.empty() || filter.from.isValid() || filter.until.isValid() ||
           !filter.assessmentId.empty() || !filter.actor.empty();
}

// RFC 4180 quoting. A cell that starts like a formula is prefixed with an
// apostrophe so a spreadsheet shows it instead of running it.
std::string csvCell(const std::string& value)
{
    std::string cell = value;
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@'))
        cell.insert(cell.begin(), '\'');
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (const char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string csvLine(const AuditEntry& entry)
{
    return std::to_string(entry.id) + ',' + toStorageTime(entry.at).toStdString() + ',' +
           csvCell(entry.actor) + ',' + csvCell(entry.action) + ',' + csvCell(entry.assessmentId) + ',' +
           csvCell(entry.detail) + "\r\n";
}

// Runs a bound SELECT of the audit columns and reads every row it returns:
// list() and query() differ only in the statement they build.
Result<std::vector<AuditEntry>> readEntries(Statement& select)
{
    if (auto done = select.exec("read the audit log"); !done)
        return std::move(done).error();
    std::vector<AuditEntry> entries;
    while (select.next())
        entries.push_back(readEntry(select));
    if (auto done = select.finish("read the audit log"); !done)
        return std::move(done).error();
    return entries;
}

Error fileError(const QString& path, const QString& reason)
{
    return Error{ErrorKind::Io, "SpinePath could not write the audit log export " + path.toStdString() +
                                    ": " + reason.toStdString() + "."};
}

} // namespace

nlohmann::json AuditEntry::toJson() const
{
    nlohmann::json entry{{"id", id},
                         {"at", toStorageTime(at).toStdString()},
                         {"actor", actor},
                         {"action", action},
                         {"detail", detail}};
    entry["assessment_id"] = assessmentId.empty() ? nlohmann::json() : nlohmann::json(assessmentId);
    return entry;
}

AuditLog::AuditLog(const Database& database)
    : m_database(database)
{}

Result<void> AuditLog::append(std::string_view actor, std::string_view action, std::string_view assessmentId,
                              std::string_view detail)
{
    Statement insert(m_database,
                     QStringLiteral("INSERT INTO audit_log (at, actor, action, assessment_id, detail) "
                                    "VALUES (:at, :actor, :action, :assessment, :detail)"));
    insert.bind(QStringLiteral(":at"), toStorageTime(storageNow()))
        .bind(QStringLiteral(":actor"), text(actor))
        .bind(QStringLiteral(":action"), text(action))
        .bind(QStringLiteral(":assessment"), nullableText(text(assessmentId)))
        .bind(QStringLiteral(":detail"), detail.empty() ? QStringLiteral("") : text(detail));
    return insert.exec("write the audit log");
}

Result<std::vector<AuditEntry>> AuditLog::list(int limit, int offset, std::string_view assessmentId) const
{
    const bool one = !assessmentId.empty();
    Statement select(m_database,
                     QStringLiteral("SELECT id, at, actor, action, assessment_id, detail "
                                    "FROM audit_log ") +
                         (one ? QStringLiteral("WHERE assessment_id = :assessment ") : QString()) +
                         QStringLiteral("ORDER BY id DESC LIMIT :limit OFFSET :offset"));
    if (one)
        select.bind(QStringLiteral(":assessment"), text(assessmentId));
    select.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset);
    return readEntries(select);
}

Result<qint64> AuditLog::exportJsonLines(std::string& out) const
{
    Statement select(m_database, QStringLiteral("SELECT id, at, actor, action, assessment_id, detail "
                                                "FROM audit_log ORDER BY id"));
    if (auto done = select.exec("export the audit log"); !done)
        return std::move(done).error();
    qint64 count = 0;
    while (select.next()) {
        out += readEntry(select).toJson().dump();
        out += '\n';
        ++count;
    }
    if (auto done = select.finish("export the audit log"); !done)
        return std::move(done).error();
    return count;
}

Result<std::vector<AuditEntry>> AuditLog::query(const AuditFilter& filter, int limit, qint64 beforeId) const
{
    const Where where = whereOf(filter, beforeId);
    // By id, not by time: ids only grow, so this walks the table's own order
    // backwards and stops after `limit` matches.
    Statement select(m_database, kColumns + where.sql + QStringLiteral(" ORDER BY id DESC LIMIT :limit"));
    where.bindTo(select);
    select.bind(QStringLiteral(":limit"), limit);
    return readEntries(select);
}

Result<qint64> AuditLog::count(const AuditFilter& filter) const
{
    const Where where = whereOf(filter);
    Statement select(m_database, QStringLiteral("SELECT count(*) FROM audit_log ") + where.sql);
    where.bindTo(select);
    if (auto done = select.exec("count the audit log"); !done)
        return std::move(done).error();
    const qint64 total = select.next() ? select.integer(0) : 0;
    if (auto done = select.finish("count the audit log"); !done)
        return std::move(done).error();
    return total;
}

Result<qint64> AuditLog::exportToFile(const AuditFilter& filter, AuditExportFormat format,
                                      const QString& path, std::string_view actor)
{
    constexpr std::string_view action = "export the audit log";
    // One transaction for reading and recording: the file holds exactly the
    // entries before its own record, and an export that cannot be recorded
    // is not kept.
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();

    const PrivateUmask umask;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fileError(path, file.errorString());
    if (format == AuditExportFormat::Csv)
        file.write("id,at,actor,action,assessment_id,detail\r\n");

    const Where where = whereOf(filter);
    Statement select(m_database, kColumns + where.sql + QStringLiteral(" ORDER BY id"));
    where.bindTo(select);
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    qint64 written = 0;
    std::string line;
    while (select.next()) {
        const AuditEntry entry = readEntry(select);
        line = format == AuditExportFormat::Csv ? csvLine(entry) : entry.toJson().dump() + '\n';
        if (file.write(line.data(), static_cast<qint64>(line.size())) != static_cast<qint64>(line.size()))
            return fileError(path, file.errorString());
        ++written;
    }
    if (auto done = select.finish(action); !done)
        return std::move(done).error();

    // Who took the trail out, in which format and how much: never what.
    std::string detail = std::string(format == AuditExportFormat::Csv ? "csv" : "jsonl") + ", " +
                         std::to_string(written) + (written == 1 ? " entry" : " entries");
    if (filtered(filter))
        detail += ", filtered";
    if (auto done = append(actor, audit::kAuditExported, {}, detail); !done)
        return std::move(done).error();
    if (!file.commit())
        return fileError(path, file.errorString());
    // QSaveFile keeps the permissions of a file it replaces; this one is private.
    if (::chmod(QFile::encodeName(path).constData(), kPrivateFileMode) != 0) {
        QFile::remove(path);
        return fileError(path, QStringLiteral("its permissions could not be made private"));
    }
    if (auto done = transaction.commit(action); !done) {
        QFile::remove(path);
        return std::move(done).error();
    }
    return written;
}

} // namespace spinepath::storage
