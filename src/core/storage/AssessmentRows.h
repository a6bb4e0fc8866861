#pragma once

#include "core/storage/AssessmentRecord.h"
#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <optional>
#include <string>
#include <string_view>

// The steps on assessment rows that the lifecycle, the staff queries and
// retention share. Each runs inside the caller's transaction.
namespace spinepath::storage::rows {

[[nodiscard]] Error notFound(const std::string& id);

struct State
{
    Status status = Status::InProgress;
    std::optional<qint64> patientId;
};

// The assessment's status and patient row; NotFound when there is none.
[[nodiscard]] Result<State> readState(const Database& database, const std::string& id,
                                      std::string_view action);

// Why an assessment with `status` cannot be `wanted` ("completed", ...).
[[nodiscard]] Error wrongStatus(const std::string& id, Status status, std::string_view wanted);

// Deletes a patient row that no assessment refers to any more; the trigger
// takes the name out of the search index.
Result<void> deleteOrphanPatient(const Database& database, qint64 patientId, std::string_view action);

// FTS5 marks deleted names in new index segments but keeps the old
// segments until they are merged; 'optimize' merges everything, so a
// deleted name no longer exists anywhere in the index (secure_delete then
// zeroes the freed pages).
Result<void> purgeSearchIndex(const Database& database, std::string_view action);

} // namespace spinepath::storage::rows
