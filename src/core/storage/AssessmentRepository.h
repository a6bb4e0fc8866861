#pragma once

#include "core/storage/AssessmentRecord.h"
#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace spinepath::storage {

// Assessments: the one API the GUI and the CLI store, find and delete them
// through. Every write is one transaction with its audit entry; every failure
// comes back as an Error value and leaves the caller's data untouched, so a
// failed save loses nothing: the caller keeps the answers and tries again.
//
// The life of an assessment: create() when the patient starts, saveAnswers()
// after every answer (an unfinished one survives a crash and is resumed from
// list({.status = InProgress})), then complete(), or abandon(). Staff later
// markReviewed(). Answers are a FHIR QuestionnaireResponse; the patient's
// optional "About you" answers are mirrored into the patients table for search.
class AssessmentRepository final
{
public:
    // `actor` is recorded in the audit log: "kiosk", "cli", a staff login.
    AssessmentRepository(const Database& database, std::string actor);
    Q_DISABLE_COPY_MOVE(AssessmentRepository)

    // A new in-progress assessment; returns its UUID.
    [[nodiscard]] Result<std::string> create(const NewAssessment& assessment);
    // Replaces the answers of an in-progress assessment.
    Result<void> saveAnswers(const std::string& id, const nlohmann::json& response);
    // Stores the final answers, the result and its flags, and marks the
    // assessment completed: one transaction, committed with synchronous=FULL.
    Result<void> complete(const std::string& id, const nlohmann::json& response,
                          const scoring::ScreeningResult& result);
    // Stores finished assessments in one transaction; returns their UUIDs in
    // order. All or none are stored.
    [[nodiscard]] Result<std::vector<std::string>> storeCompleted(std::span<const CompletedAssessment> batch);
    // An in-progress assessment whose answers raised an emergency at the
    // kiosk: records the flags and severity "emergency" (so staff see it at
    // the top of today's queue before the patient finishes) with an audit
    // entry giving the number of flags, in one transaction. complete() later
    // replaces the flags with the final result's.
    Result<void> raiseAlert(const std::string& id, std::span<const std::string> flagIds);
    // A completed or reviewed assessment's result re-scored under newer
    // content (AssessmentRescore, which audits the whole run once): the
    // result, category, severity, flags, the ruleset and the questionnaire
    // that produced them, and rescored_at. The answers and the status stay.
    Result<void> replaceResult(const std::string& id, const scoring::ScreeningResult& result,
                               const ContentVersions& scoredWith);
    Result<void> abandon(const std::string& id);
    Result<void> markReviewed(const std::string& id);
    // Records the article versions shown with an assessment (repeats are ignored).
    Result<void> recordShownArticles(const std::string& id, std::span<const ShownArticle> articles);

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
    [[nodiscard]] Result<std::vector<AssessmentSummary>> todayQueue(const QDateTime& now = {},
                                                                    int limit = 1000) const;
    [[nodiscard]] Result<qint64> count(const AssessmentFilter& filter = {}) const;
    // Every assessment, oldest first, for exports: `visit` is called once per
    // assessment and may stop the walk by returning false.
    Result<void> forEach(const std::function<bool(const Assessment&)>& visit) const;

    // Deletes the assessment everywhere: its row, flags, shown articles, its
    // patient (when no other assessment refers to it) and the name in the
    // search index; then checkpoints the WAL so no copy lingers there.
    Result<void> remove(const std::string& id);
    // Deletes completed, reviewed and abandoned assessments finished more than
    // `days` days ago, as remove() does. Returns how many.
    [[nodiscard]] Result<qint64> purgeOlderThan(int days);
    // purgeOlderThan(the retention setting); nothing when it is unset or 0.
    [[nodiscard]] Result<qint64> purgeExpired();

    [[nodiscard]] Result<StorageStats> stats() const;

private:
    const Database& m_database;
    std::string m_actor;
};

} // namespace spinepath::storage
