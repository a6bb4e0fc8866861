#include "core/storage/AssessmentRescore.h"

#include "core/questionnaire/QuestionnaireError.h"
#include "core/scoring/Scorer.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AuditLog.h"
#include "core/storage/Statement.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace spinepath::storage {

namespace {

using nlohmann::json;

// One stored result as read for re-scoring.
struct Stored
{
    std::string answers;
    std::string result;
    std::string category;
    std::string rulesetVersion;
};

Result<std::vector<std::string>> completedIds(const Database& database)
{
    constexpr std::string_view action = "read the assessments to re-score";
    // Ids first, then one row at a time: the rows are rewritten on the way,
    // and a whole database of results never sits in memory.
    Statement select(database, QStringLiteral("SELECT id FROM assessments WHERE status IN ('completed', "
                                              "'reviewed') ORDER BY started_at, id"));
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    std::vector<std::string> ids;
    while (select.next())
        ids.push_back(select.string(0));
    if (auto done = select.finish(action); !done)
        return std::move(done).error();
    return ids;
}

Result<Stored> readStored(const Database& database, const std::string& id)
{
    constexpr std::string_view action = "read an assessment to re-score";
    Statement select(database, QStringLiteral("SELECT answers, result, category, ruleset_version FROM "
                                              "assessments WHERE id = :id"));
    select.bind(QStringLiteral(":id"), QString::fromStdString(id));
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    Stored stored;
    if (select.next())
        stored = {select.string(0), select.string(1), select.string(2), select.string(3)};
    if (auto done = select.finish(action); !done)
        return std::move(done).error();
    return stored;
}

// The answers as the current questionnaire reads them. A response names the
// questionnaire version it was given under; a newer version of the same
// questionnaire (the same url) reads it, another questionnaire does not.
std::optional<std::string> forCurrentQuestionnaire(json& answers, const scoring::Scorer& scorer)
{
    const auto named = answers.is_object() ? answers.find("questionnaire") : answers.end();
    if (named == answers.end())
        return std::nullopt;
    const auto& questionnaire = scorer.questionnaire();
    const std::string canonical = named->is_string() ? named->get<std::string>() : std::string();
    if (canonical.substr(0, canonical.find('|')) != questionnaire.url())
        return std::string("another_questionnaire");
    *named = questionnaire.canonical();
    return std::nullopt;
}

} // namespace

AssessmentRescore::AssessmentRescore(const Database& database, const scoring::Scorer& scorer,
                                     std::string actor)
    : m_database(database)
    , m_scorer(scorer)
    , m_actor(std::move(actor))
{}

Result<RescoreSummary> AssessmentRescore::preview() const
{
    return run(false);
}

Result<RescoreSummary> AssessmentRescore::apply() const
{
    return run(true);
}

Result<RescoreSummary> AssessmentRescore::run(bool write) const
{
    constexpr std::string_view action = "re-score the stored assessments";
    // The write lock is held from the first read to the commit, so nothing
    // completed meanwhile is missed or scored twice.
    std::optional<Transaction> transaction;
    if (write) {
        transaction.emplace(m_database);
        if (auto begun = transaction->begin(action); !begun)
            return std::move(begun).error();
    }
    auto ids = completedIds(m_database);
    if (!ids)
        return std::move(ids).error();
    AssessmentLifecycle lifecycle(m_database, m_actor);
    const ContentVersions scoredWith = ContentVersions::of(m_scorer.questionnaire(), m_scorer.ruleset());
    RescoreSummary summary;
    for (const std::string& id : *ids) {
        auto stored = readStored(m_database, id);
        if (!stored)
            return std::move(stored).error();
        ++summary.examined;
        scoring::ScreeningResult result;
        json oldResult;
        try {
            json answers = json::parse(stored->answers);
            oldResult = json::parse(stored->result);
            if (auto other = forCurrentQuestionnaire(answers, m_scorer)) {
                summary.refused.push_back({id, {}, *other});
                ++summary.refusedAssessments;
                continue;
            }
            result = m_scorer.score(answers);
        } catch (const scoring::AnswerError& error) {
            // Each item named with its issue code; messages may quote values.
            for (const auto& issue : error.issues())
                summary.refused.push_back(
                    {id, issue.linkId, std::string(questionnaire::toString(issue.code))});
            ++summary.refusedAssessments;
            continue;
        } catch (const questionnaire::QuestionnaireError& error) {
            summary.refused.push_back({id, error.linkId(), "not_readable"});
            ++summary.refusedAssessments;
            continue;
        } catch (const std::exception&) {
            summary.refused.push_back({id, {}, "not_readable"});
            ++summary.refusedAssessments;
            continue;
        }
        if (result.toJson() == oldResult)
            continue;
        ++summary.updated;
        if (result.category != stored->category)
            summary.changes.push_back(
                {id, stored->category, result.category, stored->rulesetVersion, result.rulesetVersion});
        if (write)
            if (auto done = lifecycle.replaceResult(id, result, scoredWith); !done)
                return std::move(done).error();
    }
    if (!write)
        return summary;
    // One entry for the run: which rules, how many; never an answer or a result.
    if (auto done = AuditLog(m_database)
                        .append(m_actor, audit::kRescored, {},
                                "ruleset " + scoredWith.rulesetId + " " + scoredWith.rulesetVersion +
                                    ", questionnaire " + scoredWith.questionnaireVersion + ": " +
                                    std::to_string(summary.examined) + " examined, " +
                                    std::to_string(summary.updated) + " updated, " +
                                    std::to_string(summary.changes.size()) + " changed category, " +
                                    std::to_string(summary.refusedAssessments) + " left as they were");
        !done)
        return std::move(done).error();
    if (auto done = transaction->commit(action); !done)
        return std::move(done).error();
    summary.written = true;
    return summary;
}

} // namespace spinepath::storage
