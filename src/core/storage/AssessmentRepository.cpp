#include "core/storage/AssessmentRepository.h"

#include "core/storage/AuditLog.h"
#include "core/storage/Settings.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUuid>

#include <spdlog/spdlog.h>

namespace spinepath::storage {

namespace {

QString qtext(std::string_view value)
{
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

QString qtext(const std::string& value)
{
    return QString::fromStdString(value);
}

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

Error notFound(const std::string& id)
{
    return Error{ErrorKind::NotFound, "There is no assessment with the id " + id + "."};
}

// The minimal QuestionnaireResponse of an assessment that has no answers yet.
nlohmann::json emptyResponse(const std::string& id)
{
    return {{"resourceType", "QuestionnaireResponse"}, {"id", id}, {"status", "in-progress"}};
}

struct State
{
    Status status = Status::InProgress;
    std::optional<qint64> patientId;
};

Result<State> readState(const Database& database, const std::string& id, std::string_view action)
{
    Statement select(database, QStringLiteral("SELECT status, patient_id FROM assessments WHERE id = :id"));
    select.bind(QStringLiteral(":id"), qtext(id));
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    if (!select.next())
        return notFound(id);
    State state;
    state.status = statusFromString(select.string(0)).value_or(Status::InProgress);
    if (!select.isNull(1))
        state.patientId = select.integer(1);
    if (auto done = select.finish(action); !done)
        return std::move(done).error();
    return state;
}

Error wrongStatus(const std::string& id, Status status, std::string_view wanted)
{
    return Error{ErrorKind::InvalidArgument, "The assessment " + id + " is " + std::string(toString(status)) +
                                                 ", so it cannot be " + std::string(wanted) + "."};
}

// The assessment's state when it has the status an action needs; otherwise
// why it cannot be `wanted` (or that it does not exist).
Result<State> stateFor(const Database& database, const std::string& id, Status needed,
                       std::string_view wanted, std::string_view action)
{
    auto state = readState(database, id, action);
    if (state && state->status != needed)
        return wrongStatus(id, state->status, wanted);
    return state;
}

// Deletes a patient row that no assessment refers to any more; the trigger
// takes the name out of the search index.
Result<void> deleteOrphanPatient(const Database& database, qint64 patientId, std::string_view action)
{
    Statement remove(database, QStringLiteral("DELETE FROM patients WHERE id = :id AND NOT EXISTS "
                                              "(SELECT 1 FROM assessments WHERE patient_id = :id)"));
    remove.bind(QStringLiteral(":id"), patientId);
    return remove.exec(action);
}

// FTS5 marks deleted names in new index segments but keeps the old
// segments until they are merged; 'optimize' merges everything, so a
// deleted name no longer exists anywhere in the index (secure_delete then
// zeroes the freed pages).
Result<void> purgeSearchIndex(const Database& database, std::string_view action)
{
    return execute(database, QStringLiteral("INSERT INTO patients_fts (patients_fts) VALUES ('optimize')"),
                   action);
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
                                                   ":email, :contact, :created)"));
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
    const qint64 created = write.lastInsertId();
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
    Statement insert(database,
                     QStringLiteral("INSERT OR IGNORE INTO assessment_flags (assessment_id, flag_id) "
                                    "VALUES (:id, :flag)"));
    for (const std::string& flag : flags) {
        insert.bind(QStringLiteral(":id"), qtext(id)).bind(QStringLiteral(":flag"), qtext(flag));
        if (auto done = insert.exec(action); !done)
            return done;
    }
    return {};
}

// Removes one assessment and what hangs off it, inside the caller's transaction.
Result<void> deleteAssessment(const Database& database, const std::string& id,
                              std::optional<qint64> patientId, std::string_view action)
{
    Statement remove(database, QStringLiteral("DELETE FROM assessments WHERE id = :id"));
    remove.bind(QStringLiteral(":id"), qtext(id));
    if (auto done = remove.exec(action); !done)
        return done;
    if (patientId)
        return deleteOrphanPatient(database, *patientId, action);
    return {};
}

// An FTS5 query matching every word of `name` as a prefix: "ann smi" finds
// "Anna Smith". Each word is quoted, so nothing typed is FTS syntax.
QString nameQuery(const std::string& name)
{
    QStringList terms;
    const QStringList words =
        qtext(name).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (QString word : words) {
        word.replace(u'"', QStringLiteral("\"\""));
        bool hasText = false;
        for (const QChar c : word)
            hasText = hasText || c.isLetterOrNumber();
        if (hasText)
            terms << u'"' + word + QStringLiteral("\"*");
    }
    return terms.join(u' ');
}

// The WHERE clause and its bindings for a filter.
struct Where
{
    QStringList conditions;
    QList<std::pair<QString, QVariant>> bindings;
    bool matchesNothing = false;

    QString sql() const
    {
        return conditions.isEmpty() ? QString()
                                    : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
    void bindTo(Statement& statement) const
    {
        for (const auto& [name, value] : bindings)
            statement.bind(name, value);
    }
};

Where whereFor(const AssessmentFilter& filter)
{
    Where where;
    if (!filter.name.empty()) {
        const QString query = nameQuery(filter.name);
        if (query.isEmpty())
            where.matchesNothing = true;
        where.conditions << QStringLiteral(
            "a.patient_id IN (SELECT rowid FROM patients_fts WHERE patients_fts MATCH :name)");
        where.bindings.append({QStringLiteral(":name"), query});
    }
    if (filter.from.isValid()) {
        where.conditions << QStringLiteral("a.started_at >= :from");
        where.bindings.append({QStringLiteral(":from"), toStorageTime(filter.from)});
    }
    if (filter.to.isValid()) {
        where.conditions << QStringLiteral("a.started_at < :to");
        where.bindings.append({QStringLiteral(":to"), toStorageTime(filter.to)});
    }
    if (!filter.category.empty()) {
        where.conditions << QStringLiteral("a.category = :category");
        where.bindings.append({QStringLiteral(":category"), qtext(filter.category)});
    }
    if (!filter.flag.empty()) {
        where.conditions << QStringLiteral(
            "a.id IN (SELECT assessment_id FROM assessment_flags WHERE flag_id = :flag)");
        where.bindings.append({QStringLiteral(":flag"), qtext(filter.flag)});
    }
    if (filter.status) {
        where.conditions << QStringLiteral("a.status = :status");
        where.bindings.append({QStringLiteral(":status"), qtext(toString(*filter.status))});
    }
    return where;
}

const QString kAssessmentColumns = QStringLiteral(
    "a.id, a.patient_id, a.started_at, a.completed_at, a.updated_at, a.reviewed_at, a.reviewed_by, a.mode, "
    "a.status, a.questionnaire_id, a.questionnaire_version, a.ruleset_id, a.ruleset_version, a.answers, "
    "a.result, a.category, a.severity, p.name, p.birth_date, p.phone, p.email, p.contact_ok, "
    "a.scored_questionnaire_id, a.scored_questionnaire_version, a.rescored_at");

Result<Assessment> readAssessment(const Statement& row, const std::string& path)
{
    Assessment assessment;
    assessment.id = row.string(0);
    if (!row.isNull(1))
        assessment.patientId = row.integer(1);
    assessment.startedAt = fromStorageTime(row.text(2));
    assessment.completedAt = fromStorageTime(row.text(3));
    assessment.updatedAt = fromStorageTime(row.text(4));
    assessment.reviewedAt = fromStorageTime(row.text(5));
    assessment.reviewedBy = row.string(6);
    assessment.mode = assessmentModeFromString(row.string(7)).value_or(AssessmentMode::Kiosk);
    assessment.status = statusFromString(row.string(8)).value_or(Status::InProgress);
    assessment.content = {row.string(9), row.string(10), row.string(11), row.string(12)};
    assessment.category = row.string(15);
    assessment.severity = row.string(16);
    assessment.patient = {row.string(17), row.string(18), row.string(19), row.string(20),
                          row.isNull(21) ? std::nullopt : std::optional<bool>(row.integer(21) != 0)};
    assessment.scoredQuestionnaireId = row.string(22);
    assessment.scoredQuestionnaireVersion = row.string(23);
    assessment.rescoredAt = fromStorageTime(row.text(24));
    try {
        assessment.answers = nlohmann::json::parse(row.string(13));
        if (!row.isNull(14))
            assessment.result = scoring::ScreeningResult::fromJson(nlohmann::json::parse(row.string(14)));
    } catch (const std::exception&) {
        return Error{ErrorKind::Corrupt, "The stored answers or result of assessment " + assessment.id +
                                             " in " + path + " cannot be read."};
    }
    return assessment;
}

template <typename Fill>
Result<void> readStrings(const Database& database, const QString& sql, const std::string& id, Fill fill)
{
    Statement select(database, sql);
    select.bind(QStringLiteral(":id"), qtext(id));
    if (auto done = select.exec("read an assessment"); !done)
        return done;
    while (select.next())
        fill(select);
    return select.finish("read an assessment");
}

Result<void> readDetails(const Database& database, Assessment& assessment)
{
    if (auto done = readStrings(
            database,
            QStringLiteral("SELECT flag_id FROM assessment_flags WHERE assessment_id = :id "
                           "ORDER BY flag_id"),
            assessment.id, [&](const Statement& row) { assessment.flags.push_back(row.string(0)); });
        !done)
        return done;
    return readStrings(
        database,
        QStringLiteral("SELECT article_id, article_version, content_hash FROM assessment_articles "
                       "WHERE assessment_id = :id ORDER BY shown_at, article_id"),
        assessment.id, [&](const Statement& row) {
            assessment.articles.push_back({row.string(0), row.string(1), row.string(2)});
        });
}

Result<std::vector<std::pair<std::string, qint64>>> countBy(const Database& database, const QString& column)
{
    std::vector<std::pair<std::string, qint64>> counts;
    Statement select(database, QStringLiteral("SELECT ") + column +
                                   QStringLiteral(", count(*) FROM assessments GROUP BY 1 ORDER BY 1"));
    if (auto done = select.exec("count the assessments"); !done)
        return std::move(done).error();
    while (select.next())
        counts.emplace_back(select.string(0), select.integer(1));
    if (auto done = select.finish("count the assessments"); !done)
        return std::move(done).error();
    return counts;
}

// How urgent an assessment is, as a number to sort by: 3 emergency, 2
// urgent, 1 review (clinical spec v2), 0 none. Written exactly as in the
// assessments_by_severity index (migration 5), so SQLite walks that index
// instead of sorting.
const QString kSeverityRank = QStringLiteral(
    "(CASE a.severity WHEN 'emergency' THEN 3 WHEN 'urgent' THEN 2 WHEN 'review' THEN 1 ELSE 0 END)");

const QString kSummaryFrom =
    QStringLiteral(" FROM assessments a LEFT JOIN patients p ON p.id = a.patient_id");

// ORDER BY for every order but the name's; each matches an index whole,
// forwards or backwards (migrations 3 and 4).
QString orderBy(const AssessmentOrder& order)
{
    const QString d = order.descending ? QStringLiteral(" DESC") : QString();
    const QString tail = QStringLiteral("a.started_at") + d + QStringLiteral(", a.id") + d;
    switch (order.key) {
    case SortKey::Completed:
        return QStringLiteral(" ORDER BY a.completed_at") + d + QStringLiteral(", ") + tail;
    case SortKey::Category:
        return QStringLiteral(" ORDER BY a.category") + d + QStringLiteral(", ") + tail;
    case SortKey::Severity:
        return QStringLiteral(" ORDER BY ") + kSeverityRank + d + QStringLiteral(", ") + tail;
    case SortKey::Started:
    case SortKey::PatientName:
        break;
    }
    return QStringLiteral(" ORDER BY ") + tail;
}

// Appends the rows of one SELECT of the staff list to `rows`.
Result<void> selectSummaries(const Database& database, const QString& from, const Where& where,
                             const QString& order, int limit, int offset,
                             std::vector<AssessmentSummary>& rows)
{
    constexpr std::string_view action = "list the assessments";
    if (limit <= 0)
        return {};
    const QString columns = QStringLiteral("SELECT a.id, a.started_at, a.completed_at, a.mode, a.status, "
                                           "a.category, a.severity, p.name");
    QString sql;
    if (offset > 0) {
        // A deep page: the rows skipped are counted in the indexes alone
        // (the inner SELECT reads nothing else), and only the page's rows
        // are read from the table and joined. At page 500 of 100,000 this
        // is 7 ms instead of 200.
        sql = columns + kSummaryFrom + QStringLiteral(" WHERE a.rowid IN (SELECT a.rowid") + from +
              where.sql() + order + QStringLiteral(" LIMIT :limit OFFSET :offset)") + order;
    } else {
        sql = columns + from + where.sql() + order + QStringLiteral(" LIMIT :limit OFFSET :offset");
    }
    Statement select(database, sql);
    where.bindTo(select);
    select.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset);
    if (auto done = select.exec(action); !done)
        return done;
    while (select.next())
        rows.push_back({select.string(0), fromStorageTime(select.text(1)), fromStorageTime(select.text(2)),
                        assessmentModeFromString(select.string(3)).value_or(AssessmentMode::Kiosk),
                        statusFromString(select.string(4)).value_or(Status::InProgress), select.string(5),
                        select.string(6), select.string(7)});
    return select.finish(action);
}

Result<void> listByName(const Database& database, const Where& where, bool descending, int limit, int offset,
                        std::vector<AssessmentSummary>& rows)
{
    // Named assessments first, walked in name order through the patients'
    // name index (CROSS JOIN keeps patients the outer loop, so no sort of
    // every row is needed), then those without a name, newest first.
    Where named = where;
    named.conditions << QStringLiteral("p.name IS NOT NULL");
    const QString direction = descending ? QStringLiteral(" DESC") : QString();
    const QString nameOrder = QStringLiteral(" ORDER BY p.name COLLATE NOCASE") + direction +
                              QStringLiteral(", a.started_at DESC, a.id DESC");
    if (auto done = selectSummaries(
            database, QStringLiteral(" FROM patients p CROSS JOIN assessments a ON a.patient_id = p.id"),
            named, nameOrder, limit, offset, rows);
        !done)
        return done;
    const int found = static_cast<int>(rows.size());
    if (found >= limit)
        return {};
    int unnamedOffset = 0;
    if (found == 0 && offset > 0) {
        // The page starts past the named ones: how many were skipped.
        Statement count(database, QStringLiteral("SELECT count(*) FROM patients p CROSS JOIN assessments a "
                                                 "ON a.patient_id = p.id") +
                                      named.sql());
        named.bindTo(count);
        if (auto done = count.exec("list the assessments"); !done)
            return done;
        const qint64 namedCount = count.next() ? count.integer(0) : 0;
        if (auto done = count.finish("list the assessments"); !done)
            return done;
        unnamedOffset = static_cast<int>(std::max<qint64>(0, offset - namedCount));
    }
    Where unnamed = where;
    unnamed.conditions << QStringLiteral("p.name IS NULL");
    return selectSummaries(database, kSummaryFrom, unnamed,
                           QStringLiteral(" ORDER BY a.started_at DESC, a.id DESC"), limit - found,
                           unnamedOffset, rows);
}

} // namespace

AssessmentRepository::AssessmentRepository(const Database& database, std::string actor)
    : m_database(database)
    , m_actor(std::move(actor))
{}

Result<std::string> AssessmentRepository::create(const NewAssessment& assessment)
{
    constexpr std::string_view action = "start a new assessment";
    const std::string id = newUuid();
    const QString now = toStorageTime(storageNow());
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();
    Statement insert(
        m_database,
        QStringLiteral("INSERT INTO assessments (id, started_at, updated_at, mode, status, "
                       "questionnaire_id, questionnaire_version, ruleset_id, ruleset_version, answers) "
                       "VALUES (:id, :started, :now, :mode, 'in_progress', :qid, :qversion, :rid, "
                       ":rversion, :answers)"));
    insert.bind(QStringLiteral(":id"), qtext(id))
        .bind(QStringLiteral(":started"), timeOrNow(assessment.startedAt))
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":mode"), qtext(toString(assessment.mode)))
        .bind(QStringLiteral(":qid"), qtext(assessment.content.questionnaireId))
        .bind(QStringLiteral(":qversion"), qtext(assessment.content.questionnaireVersion))
        .bind(QStringLiteral(":rid"), nullableText(assessment.content.rulesetId))
        .bind(QStringLiteral(":rversion"), nullableText(assessment.content.rulesetVersion))
        .bind(QStringLiteral(":answers"), json(emptyResponse(id)));
    if (auto done = insert.exec(action); !done)
        return std::move(done).error();
    if (auto done = AuditLog(m_database).append(m_actor, audit::kCreated, id, toString(assessment.mode));
        !done)
        return std::move(done).error();
    if (auto done = transaction.commit(action); !done)
        return std::move(done).error();
    return id;
}

Result<void> AssessmentRepository::saveAnswers(const std::string& id, const nlohmann::json& response)
{
    constexpr std::string_view action = "save the answers";
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    auto state = stateFor(m_database, id, Status::InProgress, "changed", action);
    if (!state)
        return std::move(state).error();
    Statement update(m_database,
                     QStringLiteral("UPDATE assessments SET answers = :answers, updated_at = :now "
                                    "WHERE id = :id"));
    update.bind(QStringLiteral(":answers"), json(response))
        .bind(QStringLiteral(":now"), toStorageTime(storageNow()))
        .bind(QStringLiteral(":id"), qtext(id));
    if (auto done = update.exec(action); !done)
        return done;
    if (auto patient =
            syncPatient(m_database, id, state->patientId, PatientIdentity::fromResponse(response), action);
        !patient)
        return std::move(patient).error();
    return commitAndScrub(m_database, transaction, action);
}

Result<void> AssessmentRepository::complete(const std::string& id, const nlohmann::json& response,
                                            const scoring::ScreeningResult& result)
{
    constexpr std::string_view action = "save the completed assessment";
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    auto state = stateFor(m_database, id, Status::InProgress, "completed", action);
    if (!state)
        return std::move(state).error();
    const QString now = toStorageTime(storageNow());
    Statement update(
        m_database, QStringLiteral("UPDATE assessments SET answers = :answers, result = :result, "
                                   "category = :category, severity = :severity, ruleset_id = :rid, "
                                   "ruleset_version = :rversion, scored_questionnaire_id = questionnaire_id, "
                                   "scored_questionnaire_version = questionnaire_version, "
                                   "status = 'completed', completed_at = :now, "
                                   "updated_at = :now WHERE id = :id"));
    update.bind(QStringLiteral(":answers"), json(response))
        .bind(QStringLiteral(":result"), json(result.toJson()))
        .bind(QStringLiteral(":category"), qtext(result.category))
        .bind(QStringLiteral(":severity"), nullableText(result.severity))
        .bind(QStringLiteral(":rid"), qtext(result.rulesetId))
        .bind(QStringLiteral(":rversion"), qtext(result.rulesetVersion))
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":id"), qtext(id));
    if (auto done = update.exec(action); !done)
        return done;
    // The flags an alert recorded while the patient was answering give way
    // to the final result's: an answer may have been corrected since.
    Statement clearFlags(m_database,
                         QStringLiteral("DELETE FROM assessment_flags WHERE assessment_id = :id"));
    clearFlags.bind(QStringLiteral(":id"), qtext(id));
    if (auto done = clearFlags.exec(action); !done)
        return done;
    if (auto done = insertFlags(m_database, id, result.flags, action); !done)
        return done;
    if (auto patient =
            syncPatient(m_database, id, state->patientId, PatientIdentity::fromResponse(response), action);
        !patient)
        return std::move(patient).error();
    if (auto done = AuditLog(m_database)
                        .append(m_actor, audit::kCompleted, id,
                                "ruleset " + result.rulesetId + " " + result.rulesetVersion);
        !done)
        return done;
    return commitAndScrub(m_database, transaction, action);
}

Result<std::vector<std::string>>
AssessmentRepository::storeCompleted(std::span<const CompletedAssessment> batch)
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
        std::string resultText;
        assessment.result.appendJson(resultText);
        insert.bind(QStringLiteral(":id"), qtext(id))
            .bind(QStringLiteral(":started"), timeOrNow(assessment.startedAt))
            .bind(QStringLiteral(":completed"), timeOrNow(assessment.completedAt))
            .bind(QStringLiteral(":mode"), qtext(toString(assessment.mode)))
            .bind(QStringLiteral(":qid"), qtext(assessment.content.questionnaireId))
            .bind(QStringLiteral(":qversion"), qtext(assessment.content.questionnaireVersion))
            .bind(QStringLiteral(":rid"), qtext(assessment.result.rulesetId))
            .bind(QStringLiteral(":rversion"), qtext(assessment.result.rulesetVersion))
            .bind(QStringLiteral(":answers"), json(assessment.response))
            .bind(QStringLiteral(":result"), QString::fromStdString(resultText))
            .bind(QStringLiteral(":category"), qtext(assessment.result.category))
            .bind(QStringLiteral(":severity"), nullableText(assessment.result.severity));
        if (auto done = insert.exec(action); !done)
            return std::move(done).error();
        if (auto done = insertFlags(m_database, id, assessment.result.flags, action); !done)
            return std::move(done).error();
        if (auto patient = syncPatient(m_database, id, std::nullopt,
                                       PatientIdentity::fromResponse(assessment.response), action);
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

Result<void> AssessmentRepository::raiseAlert(const std::string& id, std::span<const std::string> flagIds)
{
    constexpr std::string_view action = "record the emergency alert";
    if (flagIds.empty())
        return Error{ErrorKind::InvalidArgument, "An alert needs at least one flag."};
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    auto state = stateFor(m_database, id, Status::InProgress, "alerted", action);
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
    if (auto done =
            AuditLog(m_database)
                .append(m_actor, audit::kAlertRaised, id, std::to_string(flagIds.size()) + " flag(s)");
        !done)
        return done;
    return transaction.commit(action);
}

Result<void> AssessmentRepository::replaceResult(const std::string& id,
                                                 const scoring::ScreeningResult& result,
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
    update.bind(QStringLiteral(":result"), json(result.toJson()))
        .bind(QStringLiteral(":category"), qtext(result.category))
        .bind(QStringLiteral(":severity"), nullableText(result.severity))
        .bind(QStringLiteral(":rid"), qtext(result.rulesetId))
        .bind(QStringLiteral(":rversion"), qtext(result.rulesetVersion))
        .bind(QStringLiteral(":qid"), qtext(scoredWith.questionnaireId))
        .bind(QStringLiteral(":qversion"), qtext(scoredWith.questionnaireVersion))
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":id"), qtext(id));
    if (auto done = update.exec(action); !done)
        return done;
    Statement clearFlags(m_database,
                         QStringLiteral("DELETE FROM assessment_flags WHERE assessment_id = :id"));
    clearFlags.bind(QStringLiteral(":id"), qtext(id));
    if (auto done = clearFlags.exec(action); !done)
        return done;
    if (auto done = insertFlags(m_database, id, result.flags, action); !done)
        return done;
    return transaction.commit(action);
}

Result<void> AssessmentRepository::abandon(const std::string& id)
{
    constexpr std::string_view action = "mark the assessment as abandoned";
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    auto state = stateFor(m_database, id, Status::InProgress, "abandoned", action);
    if (!state)
        return std::move(state).error();
    Statement update(m_database,
                     QStringLiteral("UPDATE assessments SET status = 'abandoned', updated_at = :now "
                                    "WHERE id = :id"));
    update.bind(QStringLiteral(":now"), toStorageTime(storageNow())).bind(QStringLiteral(":id"), qtext(id));
    if (auto done = update.exec(action); !done)
        return done;
    if (auto done = AuditLog(m_database).append(m_actor, audit::kAbandoned, id); !done)
        return done;
    return transaction.commit(action);
}

Result<void> AssessmentRepository::markReviewed(const std::string& id)
{
    constexpr std::string_view action = "mark the assessment as reviewed";
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    auto state = stateFor(m_database, id, Status::Completed, "marked as reviewed", action);
    if (!state)
        return std::move(state).error();
    const QString now = toStorageTime(storageNow());
    Statement update(m_database,
                     QStringLiteral("UPDATE assessments SET status = 'reviewed', reviewed_at = :now, "
                                    "reviewed_by = :actor, updated_at = :now WHERE id = :id"));
    update.bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":actor"), qtext(m_actor))
        .bind(QStringLiteral(":id"), qtext(id));
    if (auto done = update.exec(action); !done)
        return done;
    if (auto done = AuditLog(m_database).append(m_actor, audit::kReviewed, id); !done)
        return done;
    return transaction.commit(action);
}

Result<void> AssessmentRepository::recordShownArticles(const std::string& id,
                                                       std::span<const ShownArticle> articles)
{
    constexpr std::string_view action = "record the articles shown";
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    if (auto state = readState(m_database, id, action); !state)
        return std::move(state).error();
    Statement insert(m_database, QStringLiteral("INSERT OR IGNORE INTO assessment_articles (assessment_id, "
                                                "article_id, article_version, content_hash, shown_at) VALUES "
                                                "(:id, :article, :version, :hash, :now)"));
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

Result<Assessment> AssessmentRepository::get(const std::string& id) const
{
    Statement select(m_database,
                     QStringLiteral("SELECT ") + kAssessmentColumns +
                         QStringLiteral(" FROM assessments a LEFT JOIN patients p ON p.id = a.patient_id "
                                        "WHERE a.id = :id"));
    select.bind(QStringLiteral(":id"), qtext(id));
    if (auto done = select.exec("read an assessment"); !done)
        return std::move(done).error();
    if (!select.next())
        return notFound(id);
    auto assessment = readAssessment(select, m_database.path().toStdString());
    if (auto done = select.finish("read an assessment"); !done)
        return std::move(done).error();
    if (!assessment)
        return assessment;
    if (auto done = readDetails(m_database, *assessment); !done)
        return std::move(done).error();
    return assessment;
}

Result<AssessmentPage> AssessmentRepository::list(const AssessmentFilter& filter, const PageRequest& page,
                                                  const AssessmentOrder& order) const
{
    AssessmentPage result;
    Where where = whereFor(filter);
    if (where.matchesNothing || page.limit <= 0)
        return result;
    if (page.after && !order.isDefault())
        return Error{ErrorKind::InvalidArgument,
                     "A page cursor only continues the list sorted by start time, newest first."};
    // One row more than asked tells whether there is a next page.
    const int wanted = page.limit + 1;
    if (order.key == SortKey::PatientName) {
        if (auto done = listByName(m_database, where, order.descending, wanted, page.offset, result.rows);
            !done)
            return std::move(done).error();
    } else {
        if (page.after) {
            where.conditions << QStringLiteral("(a.started_at < :after_started OR "
                                               "(a.started_at = :after_started AND a.id < :after_id))");
            where.bindings.append({QStringLiteral(":after_started"), page.after->startedAt});
            where.bindings.append({QStringLiteral(":after_id"), qtext(page.after->id)});
        }
        if (auto done = selectSummaries(m_database, kSummaryFrom, where, orderBy(order), wanted,
                                        page.after ? 0 : page.offset, result.rows);
            !done)
            return std::move(done).error();
    }
    if (static_cast<int>(result.rows.size()) > page.limit) {
        result.rows.resize(static_cast<std::size_t>(page.limit));
        result.hasMore = true;
        if (order.isDefault())
            result.next = PageCursor{toStorageTime(result.rows.back().startedAt), result.rows.back().id};
    }
    return result;
}

Result<std::vector<AssessmentSummary>> AssessmentRepository::todayQueue(const QDateTime& now, int limit) const
{
    const QDateTime local = (now.isValid() ? now : QDateTime::currentDateTime()).toLocalTime();
    const QDateTime dayStart = local.date().startOfDay();
    const QDateTime dayEnd = local.date().addDays(1).startOfDay();
    Where where;
    where.conditions << QStringLiteral("a.started_at >= :from") << QStringLiteral("a.started_at < :to")
                     << QStringLiteral(
                            "(a.status IN ('completed', 'reviewed') OR "
                            "(a.status IN ('in_progress', 'abandoned') AND a.severity IS NOT NULL))");
    where.bindings.append({QStringLiteral(":from"), toStorageTime(dayStart)});
    where.bindings.append({QStringLiteral(":to"), toStorageTime(dayEnd)});
    std::vector<AssessmentSummary> rows;
    // One day is a handful of rows: read them through the start-time index
    // and sort them. Left to itself SQLite walks the urgency index instead,
    // to avoid that small sort, and reads all 100,000 rows (190 ms).
    const QString from =
        QStringLiteral(" FROM assessments a INDEXED BY assessments_by_start LEFT JOIN patients p "
                       "ON p.id = a.patient_id");
    if (auto done =
            selectSummaries(m_database, from, where, orderBy({SortKey::Severity, true}), limit, 0, rows);
        !done)
        return std::move(done).error();
    return rows;
}

Result<qint64> AssessmentRepository::count(const AssessmentFilter& filter) const
{
    const Where where = whereFor(filter);
    if (where.matchesNothing)
        return qint64{0};
    Statement select(m_database, QStringLiteral("SELECT count(*) FROM assessments a") + where.sql());
    where.bindTo(select);
    if (auto done = select.exec("count the assessments"); !done)
        return std::move(done).error();
    const qint64 total = select.next() ? select.integer(0) : 0;
    if (auto done = select.finish("count the assessments"); !done)
        return std::move(done).error();
    return total;
}

Result<void> AssessmentRepository::forEach(const std::function<bool(const Assessment&)>& visit) const
{
    constexpr std::string_view action = "read the assessments";
    Statement select(m_database, QStringLiteral("SELECT ") + kAssessmentColumns +
                                     QStringLiteral(" FROM assessments a LEFT JOIN patients p ON p.id = "
                                                    "a.patient_id ORDER BY a.started_at, a.id"));
    if (auto done = select.exec(action); !done)
        return done;
    while (select.next()) {
        auto assessment = readAssessment(select, m_database.path().toStdString());
        if (!assessment)
            return std::move(assessment).error();
        if (auto done = readDetails(m_database, *assessment); !done)
            return done;
        if (!visit(*assessment))
            break;
    }
    return select.finish(action);
}

Result<void> AssessmentRepository::remove(const std::string& id)
{
    constexpr std::string_view action = "delete the assessment";
    {
        Transaction transaction(m_database);
        if (auto begun = transaction.begin(action); !begun)
            return begun;
        auto state = readState(m_database, id, action);
        if (!state)
            return std::move(state).error();
        if (auto done = deleteAssessment(m_database, id, state->patientId, action); !done)
            return done;
        if (state->patientId)
            if (auto done = purgeSearchIndex(m_database, action); !done)
                return done;
        if (auto done = AuditLog(m_database).append(m_actor, audit::kDeleted, id); !done)
            return done;
        if (auto done = transaction.commit(action); !done)
            return done;
    }
    return m_database.checkpoint();
}

Result<qint64> AssessmentRepository::purgeOlderThan(int days)
{
    constexpr std::string_view action = "delete old assessments";
    if (days < 0)
        return Error{ErrorKind::InvalidArgument,
                     "The number of days to keep assessments cannot be negative."};
    const QString cutoff = toStorageTime(storageNow().addDays(-days));
    qint64 purged = 0;
    {
        Transaction transaction(m_database);
        if (auto begun = transaction.begin(action); !begun)
            return std::move(begun).error();
        Statement select(
            m_database,
            QStringLiteral("SELECT id, patient_id FROM assessments WHERE status IN ('completed', "
                           "'reviewed') AND completed_at < :cutoff UNION ALL SELECT id, patient_id "
                           "FROM assessments WHERE status = 'abandoned' AND updated_at < :cutoff"));
        select.bind(QStringLiteral(":cutoff"), cutoff);
        if (auto done = select.exec(action); !done)
            return std::move(done).error();
        std::vector<std::pair<std::string, std::optional<qint64>>> doomed;
        while (select.next())
            doomed.emplace_back(select.string(0),
                                select.isNull(1) ? std::nullopt : std::optional<qint64>(select.integer(1)));
        if (auto done = select.finish(action); !done)
            return std::move(done).error();
        bool hadPatients = false;
        for (const auto& [id, patientId] : doomed) {
            if (auto done = deleteAssessment(m_database, id, patientId, action); !done)
                return std::move(done).error();
            hadPatients = hadPatients || patientId.has_value();
        }
        if (hadPatients)
            if (auto done = purgeSearchIndex(m_database, action); !done)
                return std::move(done).error();
        purged = static_cast<qint64>(doomed.size());
        if (auto done = AuditLog(m_database)
                            .append(m_actor, audit::kPurged, {},
                                    std::to_string(purged) + " finished more than " + std::to_string(days) +
                                        " days ago");
            !done)
            return std::move(done).error();
        if (auto done = transaction.commit(action); !done)
            return std::move(done).error();
    }
    if (auto done = m_database.checkpoint(); !done)
        return std::move(done).error();
    return purged;
}

Result<qint64> AssessmentRepository::purgeExpired()
{
    auto days = Settings(m_database, m_actor).integer(Settings::kRetentionDays, 0);
    if (!days)
        return std::move(days).error();
    if (*days <= 0)
        return qint64{0};
    return purgeOlderThan(static_cast<int>(std::min<long long>(*days, 1'000'000)));
}

Result<StorageStats> AssessmentRepository::stats() const
{
    StorageStats stats;
    stats.schemaVersion = m_database.schemaVersion();
    stats.bytesOnDisk = m_database.sizeOnDisk();
    Statement totals(
        m_database,
        QStringLiteral("SELECT (SELECT count(*) FROM assessments), (SELECT count(*) FROM patients), "
                       "(SELECT count(*) FROM articles), (SELECT count(*) FROM audit_log), "
                       "(SELECT min(started_at) FROM assessments), "
                       "(SELECT max(started_at) FROM assessments)"));
    if (auto done = totals.exec("count the assessments"); !done)
        return std::move(done).error();
    if (totals.next()) {
        stats.assessments = totals.integer(0);
        stats.patients = totals.integer(1);
        stats.articles = totals.integer(2);
        stats.auditEntries = totals.integer(3);
        stats.oldestStart = fromStorageTime(totals.text(4));
        stats.newestStart = fromStorageTime(totals.text(5));
    }
    if (auto done = totals.finish("count the assessments"); !done)
        return std::move(done).error();
    for (auto [column, counts] : {std::pair{QStringLiteral("status"), &stats.byStatus},
                                  std::pair{QStringLiteral("category"), &stats.byCategory},
                                  std::pair{QStringLiteral("mode"), &stats.byMode}}) {
        auto counted = countBy(m_database, column);
        if (!counted)
            return std::move(counted).error();
        *counts = std::move(*counted);
    }
    return stats;
}

} // namespace spinepath::storage
