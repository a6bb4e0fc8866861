#include "core/report/PatientResult.h"

#include "core/content/ArticleLibrary.h"
#include "core/content/ClinicInfo.h"
#include "core/scoring/RuleTexts.h"
#include "core/scoring/Ruleset.h"
#include "core/scoring/ScreeningResult.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace spinepath::report {

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

// The articles the rules point to, once each in the order first named. A
// link to a section ("id#Heading") beats one to the top of the same article.
class ArticleList final
{
public:
    void add(const std::vector<std::string>& targets)
    {
        for (const std::string& target : targets) {
            const std::string id = target.substr(0, target.find('#'));
            const auto found = std::find_if(m_targets.begin(), m_targets.end(), [&](const std::string& t) {
                return t.substr(0, t.find('#')) == id;
            });
            if (found == m_targets.end())
                m_targets.push_back(target);
            else if (found->find('#') == std::string::npos && target.find('#') != std::string::npos)
                *found = target;
        }
    }

    [[nodiscard]] std::vector<PatientArticle> resolve(const ArticleLibrary& library) const
    {
        std::vector<PatientArticle> articles;
        for (const std::string& target : m_targets) {
            const std::string id = target.substr(0, target.find('#'));
            if (const Article* article = library.find(id))
                articles.push_back({id, target, text(article->title), text(article->summary)});
        }
        return articles;
    }

private:
    std::vector<std::string> m_targets;
};

// Where a severity stands among the rules' severities (0 is the highest).
// One the rules do not know counts as the lowest that alerts: a stored
// result's flag is never hidden from the patient because the rules changed.
std::size_t rankOf(const std::string& severity, const scoring::Ruleset& ruleset)
{
    const auto& all = ruleset.severities();
    const auto known = std::find_if(all.begin(), all.end(),
                                    [&](const scoring::SeverityRule& rule) { return rule.id == severity; });
    if (known != all.end())
        return static_cast<std::size_t>(known - all.begin());
    const auto lowestAlert =
        std::find_if(all.rbegin(), all.rend(), [](const scoring::SeverityRule& rule) { return rule.alert; });
    return lowestAlert != all.rend() ? static_cast<std::size_t>(std::distance(lowestAlert, all.rend()) - 1)
                                     : 0;
}

bool alerts(const std::string& severity, const scoring::Ruleset& ruleset)
{
    const scoring::SeverityRule* rule = ruleset.findSeverity(severity);
    return !rule || rule->alert;
}

} // namespace

// Where it is not known, the patient is told what to do at home: a printed
// copy is read away from the front desk.
std::string instructionKey(const std::string& severityId, std::optional<AssessmentMode> mode)
{
    return severityId + (mode == AssessmentMode::Kiosk ? "Kiosk" : "Home");
}

std::vector<ContentProblem> missingInstructions(const scoring::Ruleset& ruleset, const ClinicInfo& clinic,
                                                const std::string& clinicFile)
{
    std::vector<ContentProblem> problems;
    for (const scoring::SeverityRule& severity : ruleset.severities()) {
        if (!severity.alert)
            continue;
        for (const auto& [mode, where] :
             {std::pair{AssessmentMode::Home, "at home"}, std::pair{AssessmentMode::Kiosk, "at the kiosk"}}) {
            const std::string key = instructionKey(severity.id, mode);
            if (!clinic.messages.contains(key))
                problems.push_back({clinicFile, "/messages",
                                    "has no \"" + key + "\": what a patient " + where +
                                        " with a flag of severity \"" + severity.id + "\" must do now"});
        }
    }
    return problems;
}

PatientResult makePatientResult(const scoring::ScreeningResult& result, const scoring::Ruleset& ruleset,
                                const ClinicInfo& clinic, const ArticleLibrary& articles,
                                const ContentRoles& roles, std::optional<AssessmentMode> mode,
                                const scoring::RuleTexts* texts)
{
    const std::string language = texts ? texts->language() : std::string("en");
    PatientResult patient;
    patient.rulesetId = result.rulesetId.empty() ? ruleset.id() : result.rulesetId;
    patient.rulesetVersion = result.rulesetId.empty() ? ruleset.version() : result.rulesetVersion;
    if (const auto* category = ruleset.findCategory(result.category)) {
        patient.categoryTitle = text(texts ? texts->categoryTitle(category->id) : category->title);
        patient.categoryText = text(texts ? texts->categoryText(category->id) : category->patient);
    } else {
        // A result stored by rules that had a category these rules lack: say what it was.
        patient.categoryTitle = text(result.category);
    }

    ArticleList toRead;
    for (const std::string& id : result.flags) {
        PatientFlag flag{id, {}, text(id)};
        if (const auto* rule = ruleset.findFlag(id)) {
            flag.severity = rule->severity;
            flag.text = text(texts ? texts->flag(id) : rule->patient);
            toRead.add(rule->articles);
        }
        (alerts(flag.severity, ruleset) ? patient.alerts : patient.toDiscuss).push_back(std::move(flag));
    }
    // Most severe first; the rules' order within a severity.
    std::stable_sort(patient.alerts.begin(), patient.alerts.end(),
                     [&](const PatientFlag& a, const PatientFlag& b) {
                         return rankOf(a.severity, ruleset) < rankOf(b.severity, ruleset);
                     });
    if (!patient.alerts.empty()) {
        const std::size_t rank = rankOf(patient.alerts.front().severity, ruleset);
        const auto& severities = ruleset.severities();
        const std::string severity = rank < severities.size() ? severities[rank].id : std::string();
        patient.instruction = text(clinic.message(instructionKey(severity, mode), language));
    }

    for (const scoring::FiredFactor& fired : result.factors) {
        // The reason stored with the result, unless the patient reads another language.
        const std::string translated =
            texts && texts->language() != "en" ? texts->reason(fired.id) : std::string();
        patient.reasons.push_back({fired.id, text(translated.empty() ? fired.reason : translated)});
        if (const auto* rule = ruleset.findFactor(fired.id))
            toRead.add(rule->articles);
    }
    for (const std::string& id : result.notes) {
        PatientLine line{id, text(id)};
        if (const auto* note = ruleset.findNote(id)) {
            line.text = text(texts ? texts->note(id) : note->text);
            toRead.add(note->articles);
        }
        patient.nextSteps.push_back(std::move(line));
    }
    // The treatments are always offered to read about, whatever the result.
    toRead.add(roles.ids(ContentRoles::Role::AlwaysOfferedArticles));
    patient.articles = toRead.resolve(articles);
    patient.disclaimer = text(clinic.message("resultsDisclaimer", language));
    return patient;
}

} // namespace spinepath::report
