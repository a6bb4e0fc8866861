#pragma once

#include "core/assessment/AssessmentMode.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/scoring/ScreeningContent.h"
#include "core/scoring/ScreeningResult.h"
#include "core/storage/AssessmentRecord.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <set>
#include <string>

namespace spinepath {

namespace storage {
class AssessmentLifecycle;
class Outbox;
struct Error;
} // namespace storage

// One patient's questionnaire in progress: the answers given so far, what is
// shown for them, and the safety check after every answer. Widgets read and
// write answers only through this class, so the rules of the questionnaire
// (enableWhen, required items, red flags) live in one place.
class AssessmentSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssessmentSession)

public:
    // With a lifecycle, the assessment is stored as it goes: created now,
    // saved after every answer, completed in one transaction. Without one (or
    // when a save fails) the answers stay here, and saveFailed says why.
    AssessmentSession(const scoring::ScreeningContent& content, AssessmentMode mode,
                      storage::AssessmentLifecycle* lifecycle = nullptr, QObject* parent = nullptr);
    ~AssessmentSession() override;

    [[nodiscard]] AssessmentMode mode() const noexcept { return m_mode; }
    [[nodiscard]] const nlohmann::json& answers() const noexcept { return m_answers; }
    [[nodiscard]] const scoring::ScreeningContent& content() const noexcept { return m_content; }

    // A null value removes the answer. Emits answersChanged, and
    // emergencyRaised when the answer raises an emergency flag not seen before.
    // An answer that does not fit its question (a code that is no option, a
    // date out of range, a text where a quantity belongs), or that the rules
    // cannot score, is not taken: the question is left unanswered and the
    // returned issue says why, for the page to show beside the question.
    // Nothing a patient types may end the program.
    std::optional<questionnaire::ValidationIssue> setAnswer(const std::string& linkId,
                                                            const nlohmann::json& value);

    // Repeating groups (core/questionnaire/RepeatingGroups.h): the answers
    // hold a list of instances under the group's linkId. Each instance is kept
    // apart; enableWhen and required are read per instance.
    [[nodiscard]] std::size_t instanceCount(const std::string& groupLinkId) const;
    // The answers of one instance ({} past the end).
    [[nodiscard]] nlohmann::json instanceAnswers(const std::string& groupLinkId, std::size_t index) const;
    // Appends an instance (with the group's initial values). With none given
    // yet, the one the page shows empty is kept before it.
    void addInstance(const std::string& groupLinkId);
    // Removes one instance; the later ones move up.
    void removeInstance(const std::string& groupLinkId, std::size_t index);
    // As setAnswer, for the question `linkId` of one instance (created, with
    // any before it, when the patient answers it first).
    std::optional<questionnaire::ValidationIssue> setInstanceAnswer(const std::string& groupLinkId,
                                                                    std::size_t index,
                                                                    const std::string& linkId,
                                                                    const nlohmann::json& value);
    // The items of the group that one instance shows.
    [[nodiscard]] std::set<std::string> enabledInInstance(const std::string& groupLinkId,
                                                          std::size_t index) const;
    // Required, shown questions of one instance without an answer.
    [[nodiscard]] std::vector<std::string> missingInInstance(const std::string& groupLinkId,
                                                             std::size_t index) const;

    // Continues a stored, unfinished assessment; false if it cannot be read.
    bool resume(const std::string& assessmentId);
    // Stores the assessment as completed; false when it could not be saved yet.
    bool complete();
    // When the patient finished (the first complete()); invalid before. The
    // patient copy's answer code and the answers file carry it, so every
    // copy of one answer set is the same one to the clinic.
    [[nodiscard]] const QDateTime& completedAt() const noexcept { return m_completedAt; }
    // Marks a stored, unfinished assessment as abandoned.
    void abandon();
    // The patient switched language (Translator::language()): the stored
    // assessment records it, so the patient copy is printed in it.
    void languageChanged();
    // The database became usable after this session began (the program
    // checks it in a worker while the patient starts): the answers given so
    // far are stored now, emergency alerts raised meanwhile are recorded,
    // and a completion that waited is made. Ignored when the session has a
    // lifecycle already. Returns the flags of the alerts recorded now, for
    // the front desk (empty when none or when storing failed; saveFailed says why).
    QStringList useStorage(storage::AssessmentLifecycle* lifecycle);
    // A clinic network's kiosk: when the server cannot be reached, the
    // answers are kept in this outbox instead (OutboxSender delivers them)
    // and the patient goes on. From then on the whole assessment goes
    // through the outbox, so its states reach the server in order, each
    // once. `kioskSession` is the server session it belongs to
    // (Database::kioskSession()).
    void keepUnsentIn(storage::Outbox* outbox, std::string kioskSession);
    // The server could not be reached at start-up: with an outbox, what was
    // answered so far, and everything after, is kept in it.
    void serverUnreachable();
    // The answers are in the outbox, not (yet) on the server.
    [[nodiscard]] bool isKeptLocally() const noexcept { return m_keptLocally; }
    // complete() was asked for before there was a database; useStorage makes it.
    [[nodiscard]] bool isCompletionWaiting() const noexcept { return m_completionWaiting; }
    // Stored as completed.
    [[nodiscard]] bool isCompleted() const noexcept { return m_completed; }
    [[nodiscard]] const std::string& assessmentId() const noexcept { return m_id; }

    [[nodiscard]] const std::set<std::string>& enabledLinkIds() const noexcept { return m_enabled; }
    // Required, shown questions under this item (a section) that have no answer yet.
    [[nodiscard]] std::vector<std::string> missingRequired(const std::string& sectionLinkId) const;
    // The answers FHIR keeps: those to questions that are shown.
    [[nodiscard]] nlohmann::json acceptedAnswers() const;
    [[nodiscard]] scoring::ScreeningResult result() const;

    // A finished answer set as it is stored: the FHIR response of the
    // questions shown ("completed", or "stopped" when a required answer is
    // missing) and its result. complete() stores this; spinepath-cli store
    // builds it for whole answer sets, without a session for each.
    [[nodiscard]] static storage::CompletedAssessment finished(const scoring::ScreeningContent& content,
                                                               const nlohmann::json& answers,
                                                               AssessmentMode mode, const QDateTime& at);
    // Accepted answers (those to questions shown) as they are stored: their
    // FHIR response and the patient's identity read from them. Throws
    // QuestionnaireError as toQuestionnaireResponse does.
    [[nodiscard]] static storage::StoredAnswers toStore(const scoring::ScreeningContent& content,
                                                        const nlohmann::json& accepted,
                                                        const questionnaire::ResponseOptions& options);

signals:
    void answersChanged();
    void emergencyRaised(const QStringList& flagIds);
    // A save did not happen; the answers are still held here.
    void saveFailed(const QString& message);
    // The answers were kept in the outbox (after every change while the
    // assessment goes through it), for a sender to try at once.
    void keptLocally();

private:
    // Emergency flags raised for the first time by the current answers. Announced
    // only after the answers are saved, so the alert can name a stored assessment.
    [[nodiscard]] QStringList refresh();
    // After the answers changed (`previous` before): rescores, saves and raises
    // emergencies; `unset` removes the new answer again when it cannot be scored.
    std::optional<questionnaire::ValidationIssue> apply(nlohmann::json previous, const std::string& linkId,
                                                        std::optional<questionnaire::ValidationIssue> problem,
                                                        const std::function<void(nlohmann::json&)>& unset);
    [[nodiscard]] bool interrupts(const std::string& flagId) const;
    void restore(const nlohmann::json& answers);
    void save();
    bool recordAlert(const QStringList& flagIds);
    [[nodiscard]] bool ensureStored();
    // Whether a failed write may go to the outbox instead: the server is
    // out of reach and there is an outbox. Switches this session over.
    [[nodiscard]] bool divert(const storage::Error& error);
    void goLocal();
    // Keeps the assessment's current state in the outbox; `done` with Completed.
    bool keepLocally(storage::Status status, const storage::CompletedAssessment* done = nullptr);

    const scoring::ScreeningContent& m_content;
    const AssessmentMode m_mode;
    nlohmann::json m_answers = nlohmann::json::object();
    std::set<std::string> m_enabled;
    std::set<std::string> m_emergenciesSeen;
    storage::AssessmentLifecycle* m_lifecycle;
    std::string m_id;
    bool m_finished = false;
    bool m_completed = false;
    // Without a lifecycle yet: what useStorage still has to do.
    QStringList m_alertsWaiting;
    bool m_completionWaiting = false;
    QDateTime m_completedAt;
    // The outbox route (keepUnsentIn).
    storage::Outbox* m_outbox = nullptr;
    std::string m_kioskSession;
    bool m_keptLocally = false;
    std::vector<std::string> m_alertsKept; // raised while kept locally
    QDateTime m_startedAt;
};

} // namespace spinepath
