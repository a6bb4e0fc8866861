#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <string>

namespace spinepath::storage {

// Deleting assessments: one at a staff member's request, or every one past
// the clinic's retention period. Nothing deleted survives anywhere in the
// files: the patient row goes with its last assessment, the name leaves the
// search index, and the WAL is checkpointed (secure_delete zeroes the pages).
class AssessmentRetention final
{
public:
    // `actor` is recorded in the audit log.
    AssessmentRetention(const Database& database, std::string actor);
    Q_DISABLE_COPY_MOVE(AssessmentRetention)

    // Deletes the assessment everywhere: its row, flags, shown articles, its
    // patient (when no other assessment refers to it) and the name in the
    // search index; then checkpoints the WAL so no copy lingers there.
    Result<void> remove(const std::string& id);
    // Deletes completed, reviewed and abandoned assessments finished more than
    // `days` days ago, as remove() does. Returns how many.
    [[nodiscard]] Result<qint64> purgeOlderThan(int days);
    // purgeOlderThan(the retention setting); nothing when it is unset or 0.
    [[nodiscard]] Result<qint64> purgeExpired();

private:
    const Database& m_database;
    std::string m_actor;
};

} // namespace spinepath::storage
