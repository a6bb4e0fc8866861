#pragma once

#include "core/report/ReportData.h"
#include "core/storage/AssessmentRecord.h"

#include <QString>

#include <memory>

namespace spinepath::ui {

struct AppContext;

// Builds the report of a stored assessment with the loaded content, as the
// CLI's `report --db` does: the answers as they were given, the result as
// it was scored on completion. An unfinished assessment has no result; its
// report carries the alert flags only (enough for the answers and the
// flags, never a summary). Null when the answers cannot be read at all.
[[nodiscard]] std::shared_ptr<const spinepath::report::ReportData>
staffReportFor(const AppContext& context, const spinepath::storage::Assessment& assessment);

// Short, readable names for what the staff console shows in lists.
[[nodiscard]] QString staffCategoryName(const AppContext& context, const std::string& category);
[[nodiscard]] QString staffStatusName(spinepath::storage::Status status);
[[nodiscard]] QString staffFlagTitle(const AppContext& context, const std::string& flagId);

} // namespace spinepath::ui
