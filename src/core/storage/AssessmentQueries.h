#pragma once

#include "core/storage/AssessmentRecord.h"
#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <functional>
#include <string>
#include <vector>

namespace spinepath::storage {

// How many assessments today's queue holds in all, and how many of them are
// urgent (emergency or urgent), whatever part of it is loaded.
struct TodayCounts
{
    qint64 total = 0;
    qint64 urgent = 0;
};

// What staff, exports and reports read: one assessment, the staff list and
// its pages, today's queue, counts and totals. Reads only; each list order is
// served by an index (migrations 3 to 5), so page 2,000 of 100,000 costs
// what page 1 does.
class AssessmentQueries final
{
public:
    explicit AssessmentQueries(const Database& database);
    Q_DISABLE_COPY_MOVE(AssessmentQueries)

    // NotFound when there is no such assessment.
    [[nodiscard]] Result<Assessment> get(const std::string& id) const;
    // Newest first, or in `order`: orders other than the default page by
    // offset, each served by an index (a cursor only continues the default).
    [[nodiscard]] Result<AssessmentPage> list(const AssessmentFilter& filter = {},
                                              const PageRequest& page = {},
                                              const AssessmentOrder& order = {}) const;
    // Today's queue for staff: assessments started on the local calendar day
    // of `now` (invalid: now) that staff act on: completed, reviewed, and
    // in-progress ones that raised an alert, also once abandoned (a patient
    // with a red flag who walked away must not drop out of sight). Emergency
    // first, then urgent, then review, then the rest; newest first within each.
    // The first `limit` rows in that order: a longer page is a larger limit,
    // so rows added meanwhile can never push one out between two pages. Each
    // rank is one range of the severity index, so the cost follows `limit`,
    // not the number of assessments today.
    [[nodiscard]] Result<std::vector<AssessmentSummary>> todayQueue(const QDateTime& now = {},
                                                                    int limit = 1000) const;
    // The whole queue's size (one pass over today's part of the start index).
    [[nodiscard]] Result<TodayCounts> todayCounts(const QDateTime& now = {}) const;
    [[nodiscard]] Result<qint64> count(const AssessmentFilter& filter = {}) const;
    // Every assessment, oldest first, for exports: `visit` is called once per
    // assessment and may stop the walk by returning false.
    Result<void> forEach(const std::function<bool(const Assessment&)>& visit) const;

    [[nodiscard]] Result<StorageStats> stats() const;

private:
    const Database& m_database;
};

} // namespace spinepath::storage
