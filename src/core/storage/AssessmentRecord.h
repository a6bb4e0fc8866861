#pragma once

#include "core/assessment/AssessmentMode.h"
#include "core/assessment/PatientIdentity.h"

#include "core/scoring/ScreeningResult.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spinepath::questionnaire {
class Questionnaire;
}
namespace spinepath::scoring {
class Ruleset;
}

namespace spinepath::storage {

enum class Status
{
    InProgress,
    Completed,
    Abandoned,
    Reviewed // completed, and a clinician has looked at it
};

[[nodiscard]] std::string_view toString(Status status);
[[nodiscard]] std::optional<Status> statusFromString(std::string_view text);

// Answers as they are stored: the FHIR QuestionnaireResponse, and the
// patient's identity read from the same answers (AssessmentSession makes
// both), which the patients table mirrors for the staff's name search.
struct StoredAnswers
{
    nlohmann::json response;
    PatientIdentity patient;
};

// Which questionnaire and rules an assessment was taken and scored with.
struct ContentVersions
{
    std::string questionnaireId;
    std::string questionnaireVersion;
    std::string rulesetId;
    std::string rulesetVersion;

    [[nodiscard]] static ContentVersions of(const questionnaire::Questionnaire& questionnaire,
                                            const scoring::Ruleset& ruleset);
};

// The article version an assessment showed the patient.
struct ShownArticle
{
    std::string articleId;
    std::string version;
    std::string contentHash;
};

// One assessment as stored.
struct Assessment
{
    std::string id; // a UUID
    std::optional<qint64> patientId;
    PatientIdentity patient;
    QDateTime startedAt;
    QDateTime completedAt; // invalid until completed
    QDateTime updatedAt;
    QDateTime reviewedAt;
    std::string reviewedBy;
    AssessmentMode mode = AssessmentMode::Kiosk;
    Status status = Status::InProgress;
    ContentVersions content;
    nlohmann::json answers; // a FHIR QuestionnaireResponse
    std::optional<scoring::ScreeningResult> result;
    // The questionnaire that read the answers for `result` (its ruleset is in
    // `content`): the one they were given under (content.questionnaire*),
    // unless the result was re-scored under newer content (`rescoredAt`).
    std::string scoredQuestionnaireId;
    std::string scoredQuestionnaireVersion;
    QDateTime rescoredAt; // invalid unless re-scored (`spinepath-cli db rescore`)
    std::string category;
    std::string severity;
    std::vector<std::string> flags;
    std::vector<ShownArticle> articles;
    std::string language = "en"; // the language the patient answered in
    // Answered at home and imported at the clinic (core/handoff): startedAt
    // is when they arrived, completedAt when the patient finished at home.
    bool imported = false;
};

// A row of the staff list: enough to show and pick, without the answers.
struct AssessmentSummary
{
    std::string id;
    QDateTime startedAt;
    QDateTime completedAt;
    AssessmentMode mode = AssessmentMode::Kiosk;
    Status status = Status::InProgress;
    std::string category;
    std::string severity;
    std::string patientName;
    bool imported = false; // answered at home, imported at the clinic
};

// What a new assessment starts with.
struct NewAssessment
{
    AssessmentMode mode = AssessmentMode::Kiosk;
    ContentVersions content;
    QDateTime startedAt;         // invalid: now
    std::string language = "en"; // the language the patient answers in
};

// A finished answer set stored in one go (the CLI and imports).
struct CompletedAssessment
{
    AssessmentMode mode = AssessmentMode::Kiosk;
    ContentVersions content;
    StoredAnswers answers;
    scoring::ScreeningResult result;
    QDateTime startedAt;   // invalid: now
    QDateTime completedAt; // invalid: now
};

// Answers given at home, carried to the clinic (core/handoff) and stored by
// AssessmentLifecycle::importFromHome. `assessment.completedAt` is when the
// patient finished at home; it starts now, the day it joins the queue.
struct HomeImport
{
    CompletedAssessment assessment;
    std::string key; // handoff::handoffKey of the answer set
    std::string via; // "paper code" or "file", for the audit entry
};

struct ImportedAssessment
{
    std::string id;
    std::string category;
    bool duplicate = false; // imported before: `id` is that assessment
};

// The staff list's filters; empty members do not filter.
struct AssessmentFilter
{
    std::string name; // words of the patient's name, each matched as a prefix
    QDateTime from;   // started at or after
    QDateTime to;     // started before
    std::string category;
    std::string flag;
    std::optional<Status> status;

    [[nodiscard]] bool empty() const
    {
        return name.empty() && !from.isValid() && !to.isValid() && category.empty() && flag.empty() &&
               !status;
    }
};

// Where the next page starts: after the last row shown (keyset paging stays
// fast on page 2,000, where OFFSET would walk every row before it).
struct PageCursor
{
    QString startedAt;
    std::string id;
};

// What the staff list is sorted by. Every order ends with the start time and
// the id, so equal keys still come in a stable order and pages never overlap.
enum class SortKey
{
    Started,
    Completed, // unfinished ones (no completion time) come last when descending
    Category,
    Severity,   // descending: emergency, urgent, review, then the rest; newest first within each
    PatientName // case-insensitive; assessments without a name come after the named ones
};

struct AssessmentOrder
{
    SortKey key = SortKey::Started;
    bool descending = true;

    [[nodiscard]] bool isDefault() const { return key == SortKey::Started && descending; }
    bool operator==(const AssessmentOrder&) const = default;
};

struct PageRequest
{
    int limit = 50;
    int offset = 0;                  // ignored when `after` is set
    std::optional<PageCursor> after; // from the previous page's `next`; only for the default order
};

struct AssessmentPage
{
    std::vector<AssessmentSummary> rows;
    std::optional<PageCursor> next; // absent on the last page, and for orders other than the default
    bool hasMore = false;           // another page follows (any order)
};

struct StorageStats
{
    qint64 assessments = 0;
    std::vector<std::pair<std::string, qint64>> byStatus;
    std::vector<std::pair<std::string, qint64>> byCategory;
    std::vector<std::pair<std::string, qint64>> byMode;
    qint64 patients = 0;
    qint64 articles = 0;
    qint64 auditEntries = 0;
    QDateTime oldestStart;
    QDateTime newestStart;
    qint64 bytesOnDisk = 0;
    int schemaVersion = 0;

    [[nodiscard]] nlohmann::json toJson() const;
};

} // namespace spinepath::storage
