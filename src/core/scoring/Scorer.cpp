#include "core/scoring/Scorer.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Json.h"
#include "core/questionnaire/QuestionnaireResponse.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace spinepath::scoring {

using jsonlogic::Arena;
using jsonlogic::Value;
using nlohmann::json;

namespace {

std::string describe(const std::vector<questionnaire::ValidationIssue>& issues)
{
    std::string text;
    for (const auto& issue : issues)
        text += (text.empty() ? "" : "; ") + issue.message;
    return text;
}

// The data every stage sees: the answers plus what earlier stages found.
class StageData final
{
public:
    StageData(Value answers, Arena& arena)
        : m_answers(answers)
        , m_arena(arena)
    {}

    void setDerived(std::span<const Value::Member> derived) { m_derived = Value::object(derived); }
    void setFlags(Value flags, std::string_view severity)
    {
        m_flags = flags;
        m_severity = severity.empty() ? Value::null() : Value::string(severity);
    }
    void setCategory(std::string_view category) { m_category = Value::string(category); }

    [[nodiscard]] Value root() const
    {
        const auto answers = m_answers.asObject();
        auto* members = m_arena.allocateArray<Value::Member>(answers.size() + 4);
        std::copy(answers.begin(), answers.end(), members);
        members[answers.size()] = {"derived", m_derived};
        members[answers.size() + 1] = {"flags", m_flags};
        members[answers.size() + 2] = {"severity", m_severity};
        members[answers.size() + 3] = {"category", m_category};
        return Value::object({members, answers.size() + 4});
    }

private:
    Value m_answers;
    Arena& m_arena;
    Value m_derived = Value::object({});
    Value m_flags = Value::array({});
    Value m_severity;
    Value m_category;
};

int clampScore(std::int64_t score, const Ruleset& ruleset)
{
    return static_cast<int>(std::clamp<std::int64_t>(score, ruleset.scoreMin(), ruleset.scoreMax()));
}

} // namespace

AnswerError::AnswerError(std::vector<questionnaire::ValidationIssue> issues)
    : std::runtime_error(describe(issues))
    , m_issues(std::move(issues))
{}

Scorer::Scorer(const questionnaire::Questionnaire& questionnaire, const Ruleset& ruleset,
               const ContentRoles& roles)
    : m_questionnaire(questionnaire)
    , m_ruleset(ruleset)
    , m_schema(questionnaire)
    , m_ruleAnswers(questionnaire)
    , m_pegConcept(roles.id(ContentRoles::Role::PegScore))
{}

json Scorer::acceptedAnswers(const json& answers, InputNotes* notes) const
{
    // find, not value(): value() throws nlohmann's type_error for
    // {"resourceType": 9} (found by fuzzing); such a key is then an unknown
    // linkId of flat answers, and validation says so.
    const auto type = answers.is_object() ? answers.find("resourceType") : answers.end();
    const bool isResponse = type != answers.end() && *type == "QuestionnaireResponse";
    const json flat =
        isResponse ? questionnaire::fromQuestionnaireResponse(m_questionnaire, answers) : answers;
    if (!flat.is_object())
        throw AnswerError(
            {{"", questionnaire::IssueCode::WrongType,
              "an answer set must be a JSON object keyed by linkId, or a QuestionnaireResponse"}});
    const auto validation = m_questionnaire.validate(flat);
    if (!validation.valid())
        throw AnswerError(validation.errors());
    json pruned = m_questionnaire.pruneDisabled(flat);
    if (notes) {
        *notes = {};
        for (const auto& [linkId, unused] : flat.items())
            if (!pruned.contains(linkId))
                notes->ignored.push_back(linkId); // nlohmann's keys come sorted
        if (isResponse)
            notes->answeredVersion = questionnaire::answeredVersion(m_questionnaire, answers);
    }
    return pruned;
}

ScreeningResult Scorer::score(const json& answers, InputNotes* notes) const
{
    Arena arena;
    return evaluate(jsonlogic::fromJson(m_ruleAnswers.nest(acceptedAnswers(answers, notes)), arena), arena);
}

ScreeningResult Scorer::score(const Value& answers, Arena& arena, InputNotes* notes) const
{
    if (notes)
        *notes = {};
    if (const auto nested = m_schema.accept(answers, arena, notes ? &notes->ignored : nullptr)) {
        if (notes)
            std::sort(notes->ignored.begin(), notes->ignored.end());
        return evaluate(*nested, arena);
    }
    // Anything unusual takes the reference path, which also words the error.
    return score(jsonlogic::toJson(answers), notes);
}

ScreeningResult Scorer::evaluate(const Value& nestedAnswers, Arena& arena) const
{
    StageData data(nestedAnswers, arena);
    ScreeningResult result;
    result.rulesetId = m_ruleset.id();
    result.rulesetVersion = m_ruleset.version();

    // Derived concepts, in order: each one may use those before it.
    const auto& derived = m_ruleset.derived();
    auto* concepts = arena.allocateArray<Value::Member>(derived.size());
    for (std::size_t i = 0; i < derived.size(); ++i) {
        data.setDerived({concepts, i});
        concepts[i] = {derived[i].name, derived[i].rule.evaluate(data.root(), arena)};
        if (derived[i].name == m_pegConcept && concepts[i].value.isNumber())
            result.peg = concepts[i].value.asNumber();
    }
    data.setDerived({concepts, derived.size()});

    const auto fired = [&](const jsonlogic::Rule& conditions) {
        return conditions.evaluate(data.root(), arena).asArray();
    };

    // The severities are listed highest first, so the highest is the one
    // found earliest in that list.
    const auto& severities = m_ruleset.severities();
    const SeverityRule* highest = nullptr;
    const auto flagResults = fired(m_ruleset.flagConditions());
    auto* flagIds = arena.allocateArray<Value>(flagResults.size());
    std::size_t flagCount = 0;
    for (std::size_t i = 0; i < flagResults.size(); ++i) {
        if (!jsonlogic::js::truthy(flagResults[i]))
            continue;
        const FlagRule& flag = m_ruleset.flags()[i];
        result.flags.push_back(flag.id);
        const SeverityRule* severity = m_ruleset.findSeverity(flag.severity);
        if (!highest || (severity && severity - severities.data() < highest - severities.data()))
            highest = severity;
        flagIds[flagCount++] = Value::string(flag.id);
    }
    if (highest)
        result.severity = highest->id;
    data.setFlags(Value::array({flagIds, flagCount}), result.severity);

    const auto categoryResults = fired(m_ruleset.categoryConditions());
    const auto match = std::find_if(categoryResults.begin(), categoryResults.end(),
                                    [](const Value& v) { return jsonlogic::js::truthy(v); });
    // The ruleset's last category is unconditional, so there is always a match.
    result.category = m_ruleset.categories()[static_cast<std::size_t>(match - categoryResults.begin())].id;
    data.setCategory(result.category);

    // Summed in 64 bits: the weights are ints, and two of 2147483647 overflowed
    // an int sum (undefined behaviour; docs/reliability.md).
    const auto& pathways = m_ruleset.pathways();
    std::vector<std::int64_t> sums(pathways.size(), 0);
    const auto factorResults = fired(m_ruleset.factorConditions());
    for (std::size_t i = 0; i < factorResults.size(); ++i) {
        if (!jsonlogic::js::truthy(factorResults[i]))
            continue;
        const FactorRule& factor = m_ruleset.factors()[i];
        result.factors.push_back({factor.id, factor.pathway, factor.weight, factor.reason});
        // A factor of pathway "none" is listed and counts toward no score.
        const auto pathway = std::find(pathways.begin(), pathways.end(), factor.pathway);
        if (pathway != pathways.end())
            sums[static_cast<std::size_t>(pathway - pathways.begin())] += factor.weight;
    }
    for (std::size_t i = 0; i < pathways.size(); ++i)
        result.scores.emplace(pathways[i], clampScore(sums[i], m_ruleset));

    const auto noteResults = fired(m_ruleset.noteConditions());
    for (std::size_t i = 0; i < noteResults.size(); ++i)
        if (jsonlogic::js::truthy(noteResults[i]))
            result.notes.push_back(m_ruleset.notes()[i].id);
    return result;
}

} // namespace spinepath::scoring
