#include "core/storage/AssessmentQueries.h"

#include "core/storage/AssessmentRows.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

#include <QRegularExpression>
#include <QStringList>

namespace spinepath::storage {

using rows::notFound;

namespace {

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

Where whereFor(const Dialect& dialect, const AssessmentFilter& filter)
{
    Where where;
    if (!filter.name.empty()) {
        // Every word typed matches a name's word as a prefix: "ann smi" finds "Anna Smith".
        const QString query = dialect.patientNameQuery(filter.name);
        if (query.isEmpty())
            where.matchesNothing = true;
        where.conditions << dialect.patientNameMatches(QStringLiteral("a.patient_id"));
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
    "a.scored_questionnaire_id, a.scored_questionnaire_version, a.rescored_at, a.language, a.origin");
constexpr int kIdColumn = 0;
constexpr int kStartedColumn = 2;

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
    // Null before schema version 7, when every patient answered in English.
    assessment.language = row.isNull(25) ? std::string("en") : row.string(25);
    assessment.imported = row.string(26) == "handoff";
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
QString orderBy(const Dialect& dialect, const AssessmentOrder& order)
{
    const QString d = order.descending ? QStringLiteral(" DESC") : QString();
    const QString tail = QStringLiteral("a.started_at") + d + QStringLiteral(", a.id") + d;
    switch (order.key) {
    case SortKey::Completed:
        return QStringLiteral(" ORDER BY ") +
               dialect.nullsFirst(QStringLiteral("a.completed_at"), order.descending) + QStringLiteral(", ") +
               tail;
    case SortKey::Category:
        return QStringLiteral(" ORDER BY ") +
               dialect.nullsFirst(QStringLiteral("a.category"), order.descending) + QStringLiteral(", ") +
               tail;
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
                                           "a.category, a.severity, p.name, a.origin");
    QString sql;
    if (offset > 0) {
        // A deep page: the rows skipped are counted in the indexes alone
        // (the inner SELECT reads nothing else), and only the page's rows
        // are read from the table and joined. At page 500 of 100,000 this
        // is 7 ms instead of 200.
        const QString key = database.dialect().assessmentRowKey(QStringLiteral("a"));
        sql = columns + kSummaryFrom + QStringLiteral(" WHERE ") + key + QStringLiteral(" IN (SELECT ") +
              key + from + where.sql() + order + QStringLiteral(" LIMIT :limit OFFSET :offset)") + order;
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
                        select.string(6), select.string(7), select.string(8) == "handoff"});
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
    const QString nameOrder = QStringLiteral(" ORDER BY ") +
                              database.dialect().caseBlind(QStringLiteral("p.name")) + direction +
                              QStringLiteral(", a.started_at DESC, a.id DESC");
    if (auto done = selectSummaries(database,
                                    QStringLiteral(" FROM patients p ") + database.dialect().orderedJoin() +
                                        QStringLiteral(" assessments a ON a.patient_id = p.id"),
                                    named, nameOrder, limit, offset, rows);
        !done)
        return done;
    const int found = static_cast<int>(rows.size());
    if (found >= limit)
        return {};
    int unnamedOffset = 0;
    if (found == 0 && offset > 0) {
        // The page starts past the named ones: how many were skipped.
        Statement count(database, QStringLiteral("SELECT count(*) FROM patients p ") +
                                      database.dialect().orderedJoin() +
                                      QStringLiteral(" assessments a "
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

AssessmentQueries::AssessmentQueries(const Database& database)
    : m_database(database)
{}

Result<Assessment> AssessmentQueries::get(const std::string& id) const
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

Result<AssessmentPage> AssessmentQueries::list(const AssessmentFilter& filter, const PageRequest& page,
                                               const AssessmentOrder& order) const
{
    AssessmentPage result;
    Where where = whereFor(m_database.dialect(), filter);
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
        if (auto done = selectSummaries(m_database, kSummaryFrom, where, orderBy(m_database.dialect(), order),
                                        wanted, page.after ? 0 : page.offset, result.rows);
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

namespace {

// The queue's day and its rows: started on the local calendar day of `now`,
// and what staff act on (see todayQueue in the header).
Where todayWhere(const QDateTime& now)
{
    const QDateTime local = (now.isValid() ? now : QDateTime::currentDateTime()).toLocalTime();
    Where where;
    where.conditions << QStringLiteral("a.started_at >= :from") << QStringLiteral("a.started_at < :to")
                     << QStringLiteral(
                            "(a.status IN ('completed', 'reviewed') OR "
                            "(a.status IN ('in_progress', 'abandoned') AND a.severity IS NOT NULL))");
    where.bindings.append({QStringLiteral(":from"), toStorageTime(local.date().startOfDay())});
    where.bindings.append({QStringLiteral(":to"), toStorageTime(local.date().addDays(1).startOfDay())});
    return where;
}

} // namespace

Result<std::vector<AssessmentSummary>> AssessmentQueries::todayQueue(const QDateTime& now, int limit) const
{
    std::vector<AssessmentSummary> rows;
    // Rank by rank, highest first: each is one range of the severity index
    // (rank, started_at, id) walked backwards, so a page of the queue reads
    // its own rows only, even when all 100,000 assessments are today's.
    const QString from = QStringLiteral(" FROM assessments a") +
                         m_database.dialect().indexHint(QStringLiteral("assessments_by_severity")) +
                         QStringLiteral(" LEFT JOIN patients p ON p.id = a.patient_id");
    for (int rank = 3; rank >= 0 && static_cast<int>(rows.size()) < limit; --rank) {
        Where where = todayWhere(now);
        where.conditions << kSeverityRank + QStringLiteral(" = :rank");
        where.bindings.append({QStringLiteral(":rank"), rank});
        if (auto done = selectSummaries(m_database, from, where,
                                        QStringLiteral(" ORDER BY a.started_at DESC, a.id DESC"),
                                        limit - static_cast<int>(rows.size()), 0, rows);
            !done)
            return std::move(done).error();
    }
    return rows;
}

Result<TodayCounts> AssessmentQueries::todayCounts(const QDateTime& now) const
{
    // Read from indexes, not from 100,000 rows of answers: every row started
    // today (the start index alone), less those still answering or abandoned
    // without any severity (through the status index, a few rows), and the
    // urgent ones (two ranges of the severity index; whatever their status,
    // they are in the queue).
    const QDateTime local = (now.isValid() ? now : QDateTime::currentDateTime()).toLocalTime();
    const QString day = QStringLiteral("started_at >= :from AND started_at < :to");
    const auto hint = [this](const QString& index) { return m_database.dialect().indexHint(index); };
    Statement select(
        m_database,
        QStringLiteral("SELECT (SELECT count(*) FROM assessments") +
            hint(QStringLiteral("assessments_by_start")) + QStringLiteral(" WHERE ") + day +
            QStringLiteral(") - (SELECT count(*) FROM assessments") +
            hint(QStringLiteral("assessments_by_status")) +
            QStringLiteral(" WHERE status IN ('in_progress', 'abandoned') AND severity IS NULL AND ") + day +
            QStringLiteral("), (SELECT count(*) FROM assessments a") +
            hint(QStringLiteral("assessments_by_severity")) + QStringLiteral(" WHERE ") + kSeverityRank +
            QStringLiteral(" IN (3, 2) AND a.") + day + QStringLiteral(")"));
    select.bind(QStringLiteral(":from"), toStorageTime(local.date().startOfDay()));
    select.bind(QStringLiteral(":to"), toStorageTime(local.date().addDays(1).startOfDay()));
    if (auto done = select.exec("count today's assessments"); !done)
        return std::move(done).error();
    TodayCounts counts;
    if (select.next()) {
        counts.total = select.integer(0);
        counts.urgent = select.integer(1);
    }
    if (auto done = select.finish("count today's assessments"); !done)
        return std::move(done).error();
    return counts;
}

Result<qint64> AssessmentQueries::count(const AssessmentFilter& filter) const
{
    const Where where = whereFor(m_database.dialect(), filter);
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

Result<void> AssessmentQueries::forEach(const std::function<bool(const Assessment&)>& visit) const
{
    constexpr std::string_view action = "read the assessments";
    // In pages, each read to its end before the details of its rows are: a
    // PostgreSQL connection cannot run another query while it streams rows,
    // and memory stays bounded however many assessments there are.
    constexpr int kPage = 500;
    std::optional<std::pair<QString, QString>> after; // (started_at, id) of the last row seen
    for (;;) {
        Statement select(
            m_database,
            QStringLiteral("SELECT ") + kAssessmentColumns +
                QStringLiteral(" FROM assessments a LEFT JOIN patients p ON p.id = a.patient_id ") +
                (after ? QStringLiteral("WHERE (a.started_at, a.id) > (:started, :id) ") : QString()) +
                QStringLiteral("ORDER BY a.started_at, a.id LIMIT :page"));
        if (after)
            select.bind(QStringLiteral(":started"), after->first).bind(QStringLiteral(":id"), after->second);
        select.bind(QStringLiteral(":page"), kPage);
        if (auto done = select.exec(action); !done)
            return done;
        std::vector<Assessment> page;
        while (select.next()) {
            auto assessment = readAssessment(select, m_database.path().toStdString());
            if (!assessment)
                return std::move(assessment).error();
            after = std::pair{select.text(kStartedColumn), select.text(kIdColumn)};
            page.push_back(std::move(*assessment));
        }
        if (auto done = select.finish(action); !done)
            return done;
        for (Assessment& assessment : page) {
            if (auto done = readDetails(m_database, assessment); !done)
                return done;
            if (!visit(assessment))
                return {};
        }
        if (static_cast<int>(page.size()) < kPage)
            return {};
    }
}

Result<StorageStats> AssessmentQueries::stats() const
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
