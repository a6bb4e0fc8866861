#pragma once

#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/AssessmentRetention.h"

#include <string>

namespace spinepath::ui {

// The assessment storage one staff console works through, on the clinic's
// database and in the name of the signed-in staff member (the audit log's
// actor): what staff read, review and delete.
struct StaffStorage final
{
    StaffStorage(const spinepath::storage::Database& database, const std::string& actor)
        : queries(database)
        , lifecycle(database, actor)
        , retention(database, actor)
    {}
    Q_DISABLE_COPY_MOVE(StaffStorage)

    spinepath::storage::AssessmentQueries queries;
    spinepath::storage::AssessmentLifecycle lifecycle;
    spinepath::storage::AssessmentRetention retention;
};

} // namespace spinepath::ui
