#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <QtGlobal>

#include <string>
#include <vector>

namespace spinepath::scoring {
class Scorer;
}

namespace spinepath::storage {

// A stored assessment whose category the current rules change.
struct RescoreChange
{
    std::string assessmentId;
    std::string oldCategory;
    std::string newCategory;
    std::string oldRulesetVersion;
    std::string newRulesetVersion;
};

// A stored answer set the current questionnaire no longer accepts: which
// item, and why in a word (an IssueCode name), never the answer itself.
struct RescoreRefusal
{
    std::string assessmentId;
    std::string linkId; // empty when the answers as a whole cannot be read
    std::string reason;
};

struct RescoreSummary
{
    qint64 examined = 0;                 // completed and reviewed assessments read
    qint64 updated = 0;                  // results that differ from the stored ones
    std::vector<RescoreChange> changes;  // the updated ones whose category changes, oldest first
    std::vector<RescoreRefusal> refused; // per item; their assessments are left as they were
    qint64 refusedAssessments = 0;       // how many assessments were left as they were
    bool written = false;                // false for a dry run
};

// Re-scores every stored completed (and reviewed) assessment under the
// scorer's questionnaire and rules: a deliberate step after the rules
// change, never done by itself. The answers are never changed, only what
// the rules made of them: the result, category, severity, flags, the
// ruleset and questionnaire versions that produced them and rescored_at.
// An answer set the current questionnaire refuses keeps its old result.
class AssessmentRescore final
{
public:
    // `actor` is recorded in the audit log.
    AssessmentRescore(const Database& database, const scoring::Scorer& scorer, std::string actor);
    Q_DISABLE_COPY_MOVE(AssessmentRescore)
    ~AssessmentRescore() = default;

    // What would change, without writing anything (the database may be
    // open read-only).
    [[nodiscard]] Result<RescoreSummary> preview() const;
    // Writes every changed result in one transaction with one audit entry
    // for the run (counts and the ruleset version, never answers): all or
    // nothing.
    [[nodiscard]] Result<RescoreSummary> apply() const;

private:
    [[nodiscard]] Result<RescoreSummary> run(bool write) const;

    const Database& m_database;
    const scoring::Scorer& m_scorer;
    std::string m_actor;
};

} // namespace spinepath::storage
