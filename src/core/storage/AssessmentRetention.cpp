#include "core/storage/AssessmentRetention.h"

#include "core/storage/AssessmentRows.h"
#include "core/storage/AuditLog.h"
#include "core/storage/Settings.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace spinepath::storage {

using rows::deleteOrphanPatient;
using rows::purgeSearchIndex;
using rows::readState;

namespace {

// Removes one assessment and what hangs off it, inside the caller's transaction.
Result<void> deleteAssessment(const Database& database, const std::string& id,
                              std::optional<qint64> patientId, std::string_view action)
{
    Statement remove(database, QStringLiteral("DELETE FROM assessments WHERE id = :id"));
    remove.bind(QStringLiteral(":id"), qtext(id));
    if (auto done = remove.exec(action); !done)
        return done;
    if (patientId)
        return deleteOrphanPatient(database, *patientId, action);
    return {};
}

} // namespace

AssessmentRetention::AssessmentRetention(const Database& database, std::string actor)
    : m_database(database)
    , m_actor(std::move(actor))
{}

Result<void> AssessmentRetention::remove(const std::string& id)
{
    constexpr std::string_view action = "delete the assessment";
    {
        Transaction transaction(m_database);
        if (auto begun = transaction.begin(action); !begun)
            return begun;
        auto state = readState(m_database, id, action);
        if (!state)
            return std::move(state).error();
        if (auto done = deleteAssessment(m_database, id, state->patientId, action); !done)
            return done;
        if (state->patientId)
            if (auto done = purgeSearchIndex(m_database, action); !done)
                return done;
        if (auto done = AuditLog(m_database).append(m_actor, audit::kDeleted, id); !done)
            return done;
        if (auto done = transaction.commit(action); !done)
            return done;
    }
    return m_database.checkpoint();
}

Result<qint64> AssessmentRetention::purgeOlderThan(int days)
{
    constexpr std::string_view action = "delete old assessments";
    if (days < 0)
        return Error{ErrorKind::InvalidArgument,
                     "The number of days to keep assessments cannot be negative."};
    const QString cutoff = toStorageTime(storageNow().addDays(-days));
    qint64 purged = 0;
    {
        Transaction transaction(m_database);
        if (auto begun = transaction.begin(action); !begun)
            return std::move(begun).error();
        Statement select(
            m_database,
            QStringLiteral("SELECT id, patient_id FROM assessments WHERE status IN ('completed', "
                           "'reviewed') AND completed_at < :cutoff UNION ALL SELECT id, patient_id "
                           "FROM assessments WHERE status = 'abandoned' AND updated_at < :cutoff"));
        select.bind(QStringLiteral(":cutoff"), cutoff);
        if (auto done = select.exec(action); !done)
            return std::move(done).error();
        std::vector<std::pair<std::string, std::optional<qint64>>> doomed;
        while (select.next())
            doomed.emplace_back(select.string(0),
                                select.isNull(1) ? std::nullopt : std::optional<qint64>(select.integer(1)));
        if (auto done = select.finish(action); !done)
            return std::move(done).error();
        bool hadPatients = false;
        for (const auto& [id, patientId] : doomed) {
            if (auto done = deleteAssessment(m_database, id, patientId, action); !done)
                return std::move(done).error();
            hadPatients = hadPatients || patientId.has_value();
        }
        if (hadPatients)
            if (auto done = purgeSearchIndex(m_database, action); !done)
                return std::move(done).error();
        purged = static_cast<qint64>(doomed.size());
        if (auto done = AuditLog(m_database)
                            .append(m_actor, audit::kPurged, {},
                                    std::to_string(purged) + " finished more than " + std::to_string(days) +
                                        " days ago");
            !done)
            return std::move(done).error();
        if (auto done = transaction.commit(action); !done)
            return std::move(done).error();
    }
    if (auto done = m_database.checkpoint(); !done)
        return std::move(done).error();
    return purged;
}

Result<qint64> AssessmentRetention::purgeExpired()
{
    auto days = Settings(m_database, m_actor).integer(Settings::kRetentionDays, 0);
    if (!days)
        return std::move(days).error();
    if (*days <= 0)
        return qint64{0};
    return purgeOlderThan(static_cast<int>(std::min<long long>(*days, 1'000'000)));
}

} // namespace spinepath::storage
