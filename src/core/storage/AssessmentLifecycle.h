#pragma once

#include "core/storage/AssessmentRecord.h"
#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace spinepath::storage {

struct OutboxEntry;

// What deliver() did with a kept assessment.
enum class Delivery
{
    Stored,       // the server now holds this state of it
    AlreadyFinal, // the server had it completed or abandoned already: nothing changed
};

// The life of an assessment, the one way the GUI and the CLI write one.
// Every write is one transaction with its audit entry; every failure comes
// back as an Error value and leaves the caller's data untouched, so a failed
// save loses nothing: the caller keeps the answers and tries again.
//
// create() when the patient starts, saveAnswers() after every answer (an
// unfinished one survives a crash and is resumed from the staff queries'
// list({.status = InProgress})), then complete(), or abandon(). Staff later
// markReviewed(). The patient's optional identity in the answers is mirrored
// into the patients table for search (AssessmentQueries), and taken out of
// it, search index and WAL included, when it changes.
class AssessmentLifecycle final
{
public:
    // `actor` is recorded in the audit log: "kiosk", "cli", a staff login.
    AssessmentLifecycle(const Database& database, std::string actor);
    Q_DISABLE_COPY_MOVE(AssessmentLifecycle)

    [[nodiscard]] const Database& database() const noexcept { return m_database; }

    // A new in-progress assessment; returns its UUID.
    [[nodiscard]] Result<std::string> create(const NewAssessment& assessment);
    // The language the patient reads and answers in ("es"), when the patient
    // switches while answering: the patient copy is printed in it.
    Result<void> setLanguage(const std::string& id, const std::string& language);
    // Replaces the answers of an in-progress assessment.
    Result<void> saveAnswers(const std::string& id, const StoredAnswers& answers);
    // Stores the final answers, the result and its flags, and marks the
    // assessment completed: one transaction, committed with synchronous=FULL.
    Result<void> complete(const std::string& id, const StoredAnswers& answers,
                          const scoring::ScreeningResult& result);
    // Stores finished assessments in one transaction; returns their UUIDs in
    // order. All or none are stored.
    [[nodiscard]] Result<std::vector<std::string>> storeCompleted(std::span<const CompletedAssessment> batch);
    // An in-progress assessment whose answers raised an emergency at the
    // kiosk: records the flags and severity "emergency" (so staff see it at
    // the top of today's queue before the patient finishes) with an audit
    // entry giving the number of flags, in one transaction. complete() later
    // replaces the flags with the final result's.
    // Stores answers given at home as a completed assessment marked
    // imported, with an audit entry, in one transaction; answers whose key
    // is already stored come back as that assessment with duplicate set
    // (audited too, and nothing else is written).
    [[nodiscard]] Result<ImportedAssessment> importFromHome(const HomeImport& import);
    Result<void> raiseAlert(const std::string& id, std::span<const std::string> flagIds);
    // A completed or reviewed assessment's result re-scored under newer
    // content (AssessmentRescore, which audits the whole run once): the
    // result, category, severity, flags, the ruleset and the questionnaire
    // that produced them, and rescored_at. The answers and the status stay.
    Result<void> replaceResult(const std::string& id, const scoring::ScreeningResult& result,
                               const ContentVersions& scoredWith);
    Result<void> abandon(const std::string& id);
    // Sends an assessment a kiosk kept in its outbox while the server could
    // not be reached, in one transaction, in the kiosk session it was
    // started in: made with its own id if the server has none, brought to
    // the entry's state if it is in progress there, left alone if it is
    // final. So sending one state twice stores it once.
    [[nodiscard]] Result<Delivery> deliver(const OutboxEntry& entry);
    Result<void> markReviewed(const std::string& id);
    // Records the article versions shown with an assessment (repeats are ignored).
    Result<void> recordShownArticles(const std::string& id, std::span<const ShownArticle> articles);

private:
    // A move from one status to the next: checked, written and audited in one
    // transaction. `set` is the SQL SET clause; it may use :now and :actor.
    struct StatusChange
    {
        Status from;
        std::string_view verb;   // for the error: "cannot be <verb>"
        std::string_view action; // for the error: "Could not <action>"
        QString set;
        std::string_view auditAction;
    };
    Result<void> changeStatus(const std::string& id, const StatusChange& change);
    Result<void> insertNew(const std::string& id, const NewAssessment& assessment);
    Result<void> completeAt(const std::string& id, const StoredAnswers& answers,
                            const scoring::ScreeningResult& result, const QDateTime& completedAt);

    const Database& m_database;
    std::string m_actor;
};

} // namespace spinepath::storage
