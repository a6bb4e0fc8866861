#include "core/storage/AssessmentLifecycle.h"

#include "core/storage/AssessmentRows.h"
#include "core/storage/AuditLog.h"
#include "core/storage/Outbox.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

#include <QUuid>

#include <spdlog/spdlog.h>

namespace spinepath::storage {

using rows::deleteOrphanPatient;
using rows::purgeSearchIndex;
using rows::readState;
using rows::State;
using rows::wrongStatus;

namespace {

std::string newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

QString timeOrNow(const QDateTime& time)
{
    return toStorageTime(time.isValid() ? time : storageNow());
}

QString json(const nlohmann::json& document)
{
    return QString::fromStdString(document.dump());
}

// The minimal QuestionnaireResponse of an assessment that has no answers yet.
nlohmann::json emptyResponse(const std::string& id)
{
    return {{"resourceType", "QuestionnaireResponse"}, {"id", id}, {"status", "in-progress"}};
}

// Begins the transaction of a change to one assessment and reads its state,
// which must have the status the change needs; otherwise says why it cannot
// be `wanted` (or that it does not exist).
Result<State> beginChange(Transaction& transaction, const Database& database, const std::string& id,
                          Status needed, std::string_view wanted, std::string_view action)
{
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();
    auto state = readState(database, id, action);
    if (state && state->status != needed)
        return wrongStatus(id, state->status, wanted);
    return state;
}

// Commits a change that may have replaced or taken back typed text (an
// answer, a name), then checkpoints: the WAL would otherwise keep the old
// pages with that text until some later checkpoint, and the file the old
// page versions (secure_delete zeroes what the new versions free). The
// change is saved once committed; a checkpoint that cannot finish (another
// connection reading) is finished by the next one.
Result<void> commitAndScrub(const Database& database, Transaction& transaction, std::string_view action)
{
    if (auto done = transaction.commit(action); !done)
        return done;
    if (auto checkpointed = database.checkpoint(); !checkpointed)
        spdlog::warn("A checkpoint after saving did not finish: {}", checkpointed.error().message);
    return {};
}

// The name now stored for a patient row.
Result<std::optional<std::string>> storedName(const Database& database, qint64 patientId,
                                              std::string_view action)
{
    Statement select(database, QStringLiteral("SELECT name FROM patients WHERE id = :id"));
    select.bind(QStringLiteral(":id"), patientId);
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    std::optional<std::string> name;
    if (select.next() && !select.isNull(0))
        name = select.string(0);
    if (auto done = select.finish(action); !done)
        return std::move(done).error();
    return name;
}

// Writes the patients row for the "About you" answers (see syncPatient).
Result<std::optional<qint64>> writePatient(const Database& database, const std::string& assessmentId,
                                           std::optional<qint64> current, const PatientIdentity& identity,
                                           std::string_view action)
{
    if (identity.empty()) {
        if (!current)
            return current;
        Statement unlink(database, QStringLiteral("UPDATE assessments SET patient_id = NULL WHERE id = :id"));
        unlink.bind(QStringLiteral(":id"), qtext(assessmentId));
        if (auto done = unlink.exec(action); !done)
            return std::move(done).error();
        if (auto done = deleteOrphanPatient(database, *current, action); !done)
            return std::move(done).error();
        return std::optional<qint64>();
    }
    Statement write(database, current
                                  ? QStringLiteral("UPDATE patients SET name = :name, birth_date = :birth, "
                                                   "phone = :phone, email = :email, contact_ok = :contact "
                                                   "WHERE id = :id")
                                  : QStringLiteral("INSERT INTO patients (name, birth_date, phone, email, "
                                                   "contact_ok, created_at) VALUES (:name, :birth, :phone, "
                                                   ":email, :contact, :created) RETURNING id"));
    write.bind(QStringLiteral(":name"), nullableText(identity.name))
        .bind(QStringLiteral(":birth"), nullableText(identity.birthDate))
        .bind(QStringLiteral(":phone"), nullableText(identity.phone))
        .bind(QStringLiteral(":email"), nullableText(identity.email))
        .bind(QStringLiteral(":contact"), nullableBool(identity.contactOk));
    if (current)
        write.bind(QStringLiteral(":id"), *current);
    else
        write.bind(QStringLiteral(":created"), toStorageTime(storageNow()));
    if (auto done = write.exec(action); !done)
        return std::move(done).error();
    if (current)
        return current;
    // RETURNING: both engines name the new row's id the same way.
    if (!write.next())
        return std::move(write.finish(action)).error();
    const qint64 created = write.integer(0);
    if (auto done = write.finish(action); !done)
        return std::move(done).error();
    Statement link(database, QStringLiteral("UPDATE assessments SET patient_id = :patient WHERE id = :id"));
    link.bind(QStringLiteral(":patient"), created).bind(QStringLiteral(":id"), qtext(assessmentId));
    if (auto done = link.exec(action); !done)
        return std::move(done).error();
    return std::optional<qint64>(created);
}

// Keeps the patients row in step with the "About you" answers: made when
// the first one is given, updated, and dropped when all are taken back. A
// name changed or taken back leaves no trace in the search index: the index
// is merged at once (a typed-then-cleared name must not stay in the file).
Result<std::optional<qint64>> syncPatient(const Database& database, const std::string& assessmentId,
                                          std::optional<qint64> current, const PatientIdentity& identity,
                                          std::string_view action)
{
    std::optional<std::string> oldName;
    if (current) {
        auto name = storedName(database, *current, action);
        if (!name)
            return std::move(name).error();
        oldName = std::move(name).value();
    }
    const std::optional<std::string> newName =
        identity.name.empty() ? std::nullopt : std::optional<std::string>(identity.name);
    auto synced = writePatient(database, assessmentId, current, identity, action);
    if (synced && oldName && oldName != newName)
        if (auto done = purgeSearchIndex(database, action); !done)
            return std::move(done).error();
    return synced;
}

Result<void> insertFlags(const Database& database, const std::string& id, std::span<const std::string> flags,
                         std::string_view action)
{
    if (flags.empty())
        return {};
    Statement insert(database, QStringLiteral("INSERT INTO assessment_flags (assessment_id, flag_id) "
                                              "VALUES (:id, :flag) ON CONFLICT DO NOTHING"));
    for (const std::string& flag : flags) {
        insert.bind(QStringLiteral(":id"), qtext(id)).bind(QStringLiteral(":flag"), qtext(flag));
        if (auto done = insert.exec(action); !done)
            return done;
    }
    return {};
}

// Replaces every flag of an assessment with `flags`.
Result<void> replaceFlags(const Database& database, const std::string& id, std::span<const std::string> flags,
                          std::string_view action)
{
    Statement clear(database, QStringLiteral("DELETE FROM assessment_flags WHERE assessment_id = :id"));
    clear.bind(QStringLiteral(":id"), qtext(id));
    if (auto done = clear.exec(action); !done)
        return done;
    return insertFlags(database, id, flags, action);
}

// The columns a result fills (:result, :category, :severity, :rid,
// :rversion), bound alike wherever a result is stored.
void bindResult(Statement& statement, const scoring::ScreeningResult& result)
{
    std::string resultText;
    result.appendJson(resultText);
    statement.bind(QStringLiteral(":result"), QString::fromStdString(resultText))
        .bind(QStringLiteral(":category"), qtext(result.category))
        .bind(QStringLiteral(":severity"), nullableText(result.severity))
        .bind(QStringLiteral(":rid"), qtext(result.rulesetId))
        .bind(QStringLiteral(":rversion"), qtext(result.rulesetVersion));
}

} // namespace

AssessmentLifecycle::AssessmentLifecycle(const Database& database, std::string actor)
    : m_database(database)
    , m_actor(std::move(actor))
{}

Result<std::string> AssessmentLifecycle::create(const NewAssessment& assessment)
{
    const std::string id = newUuid();
    if (auto done = insertNew(id, assessment); !done)
        return std::move(done).error();
    return id;
}

Result<void> AssessmentLifecycle::insertNew(const std::string& id, const NewAssessment& assessment)
{
    constexpr std::string_view action = "start a new assessment";
    const QString now = toStorageTime(storageNow());
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();
    Statement insert(
        m_database,
        QStringLiteral("INSERT INTO assessments (id, started_at, updated_at, mode, status, "
                       "questionnaire_id, questionnaire_version, ruleset_id, ruleset_version, answers, "
                       "language) VALUES (:id, :started, :now, :mode, 'in_progress', :qid, :qversion, :rid, "
                       ":rversion, :answers, :language)"));
    insert.bind(QStringLiteral(":id"), qtext(id))
        .bind(QStringLiteral(":started"), timeOrNow(assessment.startedAt))
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":mode"), qtext(toString(assessment.mode)))
        .bind(QStringLiteral(":qid"), qtext(assessment.content.questionnaireId))
        .bind(QStringLiteral(":qversion"), qtext(assessment.content.questionnaireVersion))
        .bind(QStringLiteral(":rid"), nullableText(assessment.content.rulesetId))
        .bind(QStringLiteral(":rversion"), nullableText(assessment.content.rulesetVersion))
        .bind(QStringLiteral(":answers"), json(emptyResponse(id)))
        .bind(QStringLiteral(":language"), qtext(assessment.language.empty() ? "en" : assessment.language));
    if (auto done = insert.exec(action); !done)
        return done;
    if (auto done = AuditLog(m_database).append(m_actor, audit::kCreated, id, toString(assessment.mode));
        !done)
        return done;
    return transaction.commit(action);
}

Result<void> AssessmentLifecycle::setLanguage(const std::string& id, const std::string& language)
{
    constexpr std::string_view action = "record the patient's language";
    Statement update(m_database,
                     QStringLiteral("UPDATE assessments SET language = :language WHERE id = :id"));
    update.bind(QStringLiteral(":language"), qtext(language)).bind(QStringLiteral(":id"), qtext(id));
    return update.exec(action);
}

Result<void> AssessmentLifecycle::saveAnswers(const std::string& id, const StoredAnswers& answers)
{
    constexpr std::string_view action = "save the answers";
    Transaction transaction(m_database);
    auto state = beginChange(transaction, m_database, id, Status::InProgress, "changed", action);
    if (!state)
        return std::move(state).error();
    Statement update(m_database,
                     QStringLiteral("UPDATE assessments SET answers = :answers, updated_at = :now "
                                    "WHERE id = :id"));
    update.bind(QStringLiteral(":answers"), json(answers.response))
        .bind(QStringLiteral(":now"), toStorageTime(storageNow()))
        .bind(QStringLiteral(":id"), qtext(id));
    if (auto done = update.exec(action); !done)
        return done;
    if (auto patient = syncPatient(m_database, id, state->patientId, answers.patient, action); !patient)
        return std::move(patient).error();
    return commitAndScrub(m_database, transaction, action);
}

Result<void> AssessmentLifecycle::complete(const std::string& id, const StoredAnswers& answers,
                                           const scoring::ScreeningResult& result)
{
    return completeAt(id, answers, result, storageNow());
}

Result<void> AssessmentLifecycle::completeAt(const std::string& id, const StoredAnswers& answers,
                                             const scoring::ScreeningResult& result,
                                             const QDateTime& completedAt)
{
    constexpr std::string_view action = "save the completed assessment";
    Transaction transaction(m_database);
    auto state = beginChange(transaction, m_database, id, Status::InProgress, "completed", action);
    if (!state)
        return std::move(state).error();
    Statement update(
        m_database, QStringLiteral("UPDATE assessments SET answers = :answers, result = :result, "
                                   "category = :category, severity = :severity, ruleset_id = :rid, "
                                   "ruleset_version = :rversion, scored_questionnaire_id = questionnaire_id, "
                                   "scored_questionnaire_version = questionnaire_version, "
                                   "status = 'completed', completed_at = :completed, "
                                   "updated_at = :now WHERE id = :id"));
    bindResult(update, result);
    update.bind(QStringLiteral(":answers"), json(answers.response))
        .bind(QStringLiteral(":completed"), timeOrNow(completedAt))
        .bind(QStringLiteral(":now"), toStorageTime(storageNow()))
        .bind(QStringLiteral(":id"), qtext(id));
    if (auto done = update.exec(action); !done)
        return done;
    // The flags an alert recorded while the patient was answering give way
    // to the final result's: an answer may have been corrected since.
    if (auto done = replaceFlags(m_database, id, result.flags, action); !done)
        return done;
    if (auto patient = syncPatient(m_database, id, state->patientId, answers.patient, action); !patient)
        return std::move(patient).error();
    if (auto done = AuditLog(m_database)
                        .append(m_actor, audit::kCompleted, id,
                                "ruleset " + result.rulesetId + " " + result.rulesetVersion);
        !done)
        return done;
    return commitAndScrub(m_database, transaction, action);
}

Result<std::vector<std::string>>
AssessmentLifecycle::storeCompleted(std::span<const CompletedAssessment> batch)
{
    constexpr std::string_view action = "store the completed assessments";
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();
    // Prepared once for the whole batch: bulk imports store thousands.
    Statement insert(
        m_database,
        QStringLiteral("INSERT INTO assessments (id, started_at, completed_at, updated_at, mode, status, "
                       "questionnaire_id, questionnaire_version, scored_questionnaire_id, "
                       "scored_questionnaire_version, ruleset_id, ruleset_version, answers, result, "
                       "category, severity) VALUES (:id, :started, :completed, :completed, :mode, "
                       "'completed', :qid, :qversion, :qid, :qversion, :rid, :rversion, :answers, "
                       ":result, :category, :severity)"));
    AuditLog audit(m_database);
    std::vector<std::string> ids;
    ids.reserve(batch.size());
    for (const CompletedAssessment& assessment : batch) {
        const std::string id = newUuid();
        bindResult(insert, assessment.result);
        insert.bind(QStringLiteral(":id"), qtext(id))
            .bind(QStringLiteral(":started"), timeOrNow(assessment.startedAt))
            .bind(QStringLiteral(":completed"), timeOrNow(assessment.completedAt))
            .bind(QStringLiteral(":mode"), qtext(toString(assessment.mode)))
            .bind(QStringLiteral(":qid"), qtext(assessment.content.questionnaireId))
            .bind(QStringLiteral(":qversion"), qtext(assessment.content.questionnaireVersion))
            .bind(QStringLiteral(":answers"), json(assessment.answers.response));
        if (auto done = insert.exec(action); !done)
            return std::move(done).error();
        if (auto done = insertFlags(m_database, id, assessment.result.flags, action); !done)
            return std::move(done).error();
        if (auto patient = syncPatient(m_database, id, std::nullopt, assessment.answers.patient, action);
            !patient)
            return std::move(patient).error();
        if (auto done = audit.append(m_actor, audit::kCompleted, id,
                                     "ruleset " + assessment.result.rulesetId + " " +
                                         assessment.result.rulesetVersion);
            !done)
            return std::move(done).error();
        ids.push_back(id);
    }
    if (auto done = transaction.commit(action); !done)
        return std::move(done).error();
    return ids;
}

Result<ImportedAssessment> AssessmentLifecycle::importFromHome(const HomeImport& import)
{
    constexpr std::string_view action = "import the answers from home";
    if (import.key.empty())
        return Error{ErrorKind::InvalidArgument, "Answers from home need their key to be imported."};
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();
    AuditLog audit(m_database);
    Statement find(m_database,
                   QStringLiteral("SELECT id, category FROM assessments WHERE handoff_key = :key"));
    find.bind(QStringLiteral(":key"), qtext(import.key));
    if (auto done = find.exec(action); !done)
        return std::move(done).error();
    if (find.next()) {
        ImportedAssessment existing{find.string(0), find.string(1), true};
        if (auto done = find.finish(action); !done)
            return std::move(done).error();
        if (auto done = audit.append(m_actor, audit::kImportRepeated, existing.id, import.via); !done)
            return std::move(done).error();
        if (auto done = transaction.commit(action); !done)
            return std::move(done).error();
        return existing;
    }
    if (auto done = find.finish(action); !done)
        return std::move(done).error();

    const CompletedAssessment& assessment = import.assessment;
    const std::string id = newUuid();
    // Arrived now (the queue's day); finished at home when the patient says.
    const QString now = toStorageTime(storageNow());
    Statement insert(
        m_database,
        QStringLiteral(
            "INSERT INTO assessments (id, started_at, completed_at, updated_at, mode, status, "
            "questionnaire_id, questionnaire_version, scored_questionnaire_id, "
            "scored_questionnaire_version, ruleset_id, ruleset_version, answers, result, "
            "category, severity, origin, handoff_key) VALUES (:id, :started, :completed, :started, "
            "'home', 'completed', :qid, :qversion, :qid, :qversion, :rid, :rversion, :answers, "
            ":result, :category, :severity, 'handoff', :key)"));
    bindResult(insert, assessment.result);
    insert.bind(QStringLiteral(":id"), qtext(id))
        .bind(QStringLiteral(":started"), now)
        .bind(QStringLiteral(":completed"),
              assessment.completedAt.isValid() ? toStorageTime(assessment.completedAt) : now)
        .bind(QStringLiteral(":qid"), qtext(assessment.content.questionnaireId))
        .bind(QStringLiteral(":qversion"), qtext(assessment.content.questionnaireVersion))
        .bind(QStringLiteral(":answers"), json(assessment.answers.response))
        .bind(QStringLiteral(":key"), qtext(import.key));
    if (auto done = insert.exec(action); !done)
        return std::move(done).error();
    if (auto done = insertFlags(m_database, id, assessment.result.flags, action); !done)
        return std::move(done).error();
    if (auto patient = syncPatient(m_database, id, std::nullopt, assessment.answers.patient, action);
        !patient)
        return std::move(patient).error();
    if (auto done = audit.append(m_actor, audit::kImported, id,
                                 import.via + ", questionnaire " + assessment.content.questionnaireVersion +
                                     ", ruleset " + assessment.result.rulesetId + " " +
                                     assessment.result.rulesetVersion);
        !done)
        return std::move(done).error();
    if (auto done = transaction.commit(action); !done)
        return std::move(done).error();
    return ImportedAssessment{id, assessment.result.category, false};
}

Result<void> AssessmentLifecycle::raiseAlert(const std::string& id, std::span<const std::string> flagIds)
{
    constexpr std::string_view action = "record the emergency alert";
    if (flagIds.empty())
        return Error{ErrorKind::InvalidArgument, "An alert needs at least one flag."};
    Transaction transaction(m_database);
    auto state = beginChange(transaction, m_database, id, Status::InProgress, "alerted", action);
    if (!state)
        return std::move(state).error();
    Statement update(m_database,
                     QStringLiteral("UPDATE assessments SET severity = 'emergency', updated_at = :now "
                                    "WHERE id = :id"));
    update.bind(QStringLiteral(":now"), toStorageTime(storageNow())).bind(QStringLiteral(":id"), qtext(id));
    if (auto done = update.exec(action); !done)
        return done;
    if (auto done = insertFlags(m_database, id, flagIds, action); !done)
        return done;
    // How many flags, never which answers raised them.
    const std::string count = std::to_string(flagIds.size()) + (flagIds.size() == 1 ? " flag" : " flags");
    if (auto done = AuditLog(m_database).append(m_actor, audit::kAlertRaised, id, count); !done)
        return done;
    return transaction.commit(action);
}

Result<void> AssessmentLifecycle::replaceResult(const std::string& id, const scoring::ScreeningResult& result,
                                                const ContentVersions& scoredWith)
{
    constexpr std::string_view action = "store the re-scored result";
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    auto state = readState(m_database, id, action);
    if (!state)
        return std::move(state).error();
    if (state->status != Status::Completed && state->status != Status::Reviewed)
        return wrongStatus(id, state->status, "re-scored");
    const QString now = toStorageTime(storageNow());
    Statement update(
        m_database,
        QStringLiteral("UPDATE assessments SET result = :result, category = :category, "
                       "severity = :severity, ruleset_id = :rid, ruleset_version = :rversion, "
                       "scored_questionnaire_id = :qid, scored_questionnaire_version = :qversion, "
                       "rescored_at = :now, updated_at = :now WHERE id = :id"));
    bindResult(update, result);
    update.bind(QStringLiteral(":qid"), qtext(scoredWith.questionnaireId))
        .bind(QStringLiteral(":qversion"), qtext(scoredWith.questionnaireVersion))
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":id"), qtext(id));
    if (auto done = update.exec(action); !done)
        return done;
    if (auto done = replaceFlags(m_database, id, result.flags, action); !done)
        return done;
    return transaction.commit(action);
}

Result<void> AssessmentLifecycle::abandon(const std::string& id)
{
    return changeStatus(id, {Status::InProgress, "abandoned", "mark the assessment as abandoned",
                             QStringLiteral("status = 'abandoned'"), audit::kAbandoned});
}

Result<Delivery> AssessmentLifecycle::deliver(const OutboxEntry& entry)
{
    constexpr std::string_view action = "send the answers kept on this kiosk";
    if (entry.id.empty() || (entry.status == Status::Completed && !entry.result) ||
        entry.status == Status::Reviewed)
        return Error{ErrorKind::InvalidArgument, "The kept assessment " + entry.id + " is incomplete."};
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();
    // A kiosk login sees only the rows of its session (AccessRules): the
    // session the patient started in, which may be before a restart.
    if (m_database.engine() == Engine::Postgres && !entry.kioskSession.empty()) {
        Statement session(m_database,
                          QStringLiteral("SELECT set_config('spinepath.kiosk_session', :session, true)"));
        session.bind(QStringLiteral(":session"), qtext(entry.kioskSession));
        if (auto done = session.exec(action); !done)
            return std::move(done).error();
    }
    auto state = readState(m_database, entry.id, action);
    if (!state && state.error().kind != ErrorKind::NotFound)
        return std::move(state).error();
    if (!state) {
        if (auto done = insertNew(entry.id, entry.started); !done)
            return std::move(done).error();
    } else if (state->status != Status::InProgress) {
        if (auto done = transaction.commit(action); !done)
            return std::move(done).error();
        return Delivery::AlreadyFinal;
    }
    if (auto done = setLanguage(entry.id, entry.started.language); !done)
        return std::move(done).error();
    if (entry.status == Status::Completed) {
        if (auto done = completeAt(entry.id, entry.answers, *entry.result, entry.completedAt); !done)
            return std::move(done).error();
    } else {
        if (auto done = saveAnswers(entry.id, entry.answers); !done)
            return std::move(done).error();
        if (!entry.alerts.empty())
            if (auto done = raiseAlert(entry.id, entry.alerts); !done)
                return std::move(done).error();
        if (entry.status == Status::Abandoned)
            if (auto done = abandon(entry.id); !done)
                return std::move(done).error();
    }
    if (auto done = AuditLog(m_database)
                        .append(m_actor, audit::kDelivered, entry.id,
                                "kept since " + timeOrNow(entry.queuedAt).toStdString());
        !done)
        return std::move(done).error();
    if (auto done = transaction.commit(action); !done)
        return std::move(done).error();
    return Delivery::Stored;
}

Result<void> AssessmentLifecycle::markReviewed(const std::string& id)
{
    return changeStatus(id, {Status::Completed, "marked as reviewed", "mark the assessment as reviewed",
                             QStringLiteral("status = 'reviewed', reviewed_at = :now, reviewed_by = :actor"),
                             audit::kReviewed});
}

Result<void> AssessmentLifecycle::changeStatus(const std::string& id, const StatusChange& change)
{
    Transaction transaction(m_database);
    auto state = beginChange(transaction, m_database, id, change.from, change.verb, change.action);
    if (!state)
        return std::move(state).error();
    Statement update(m_database, QStringLiteral("UPDATE assessments SET ") + change.set +
                                     QStringLiteral(", updated_at = :now WHERE id = :id"));
    update.bind(QStringLiteral(":now"), toStorageTime(storageNow())).bind(QStringLiteral(":id"), qtext(id));
    if (change.set.contains(QLatin1String(":actor")))
        update.bind(QStringLiteral(":actor"), qtext(m_actor));
    if (auto done = update.exec(change.action); !done)
        return done;
    if (auto done = AuditLog(m_database).append(m_actor, change.auditAction, id); !done)
        return done;
    return transaction.commit(change.action);
}

Result<void> AssessmentLifecycle::recordShownArticles(const std::string& id,
                                                      std::span<const ShownArticle> articles)
{
    constexpr std::string_view action = "record the articles shown";
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    if (auto state = readState(m_database, id, action); !state)
        return std::move(state).error();
    Statement insert(m_database,
                     QStringLiteral("INSERT INTO assessment_articles (assessment_id, "
                                    "article_id, article_version, content_hash, shown_at) VALUES "
                                    "(:id, :article, :version, :hash, :now) ON CONFLICT DO NOTHING"));
    const QString now = toStorageTime(storageNow());
    for (const ShownArticle& article : articles) {
        insert.bind(QStringLiteral(":id"), qtext(id))
            .bind(QStringLiteral(":article"), qtext(article.articleId))
            .bind(QStringLiteral(":version"), qtext(article.version))
            .bind(QStringLiteral(":hash"), qtext(article.contentHash))
            .bind(QStringLiteral(":now"), now);
        if (auto done = insert.exec(action); !done)
            return done;
    }
    return transaction.commit(action);
}

} // namespace spinepath::storage
