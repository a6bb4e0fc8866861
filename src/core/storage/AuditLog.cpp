#include "core/storage/AuditLog.h"

#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

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
    if (auto done = select.exec("read the audit log"); !done)
        return std::move(done).error();
    std::vector<AuditEntry> entries;
    while (select.next())
        entries.push_back(readEntry(select));
    if (auto done = select.finish("read the audit log"); !done)
        return std::move(done).error();
    return entries;
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

} // namespace spinepath::storage
