#include "core/clinic/ContentCheck.h"

#include "core/content/ArticleLibrary.h"
#include "core/content/ArticleMarkup.h"
#include "core/content/ClinicInfo.h"
#include "core/content/ReadingLevel.h"
#include "core/report/ClinicalLabels.h"
#include "core/report/PatientResult.h"
#include "core/scoring/RulesetLint.h"
#include "core/scoring/ScreeningContent.h"

#include <QRegularExpression>

#include <cstdio>
#include <optional>
#include <set>

namespace spinepath {

namespace {

std::string gradeText(double grade)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", grade);
    return text;
}

// Every text of the rules that a patient reads (category titles and texts,
// flag texts, reasons, notes), each measured on its own as the spec asks.
std::vector<ContentProblem> checkRuleTexts(const scoring::Ruleset& ruleset)
{
    std::vector<std::pair<std::string, std::string>> texts; // JSON pointer, text
    const auto at = [](const char* stage, std::size_t i, const char* key) {
        return "/" + std::string(stage) + "/" + std::to_string(i) + "/" + key;
    };
    for (std::size_t i = 0; i < ruleset.categories().size(); ++i) {
        texts.emplace_back(at("categories", i, "title"), ruleset.categories()[i].title);
        texts.emplace_back(at("categories", i, "patient"), ruleset.categories()[i].patient);
    }
    for (std::size_t i = 0; i < ruleset.flags().size(); ++i)
        texts.emplace_back(at("flags", i, "patient"), ruleset.flags()[i].patient);
    for (std::size_t i = 0; i < ruleset.factors().size(); ++i)
        texts.emplace_back(at("factors", i, "reason"), ruleset.factors()[i].reason);
    for (std::size_t i = 0; i < ruleset.notes().size(); ++i)
        texts.emplace_back(at("notes", i, "text"), ruleset.notes()[i].text);

    std::vector<ContentProblem> problems;
    for (const auto& [pointer, text] : texts) {
        std::string error;
        const auto grade = ReadingLevel::fleschKincaid(ReadingLevel::plainText(text), error);
        if (!grade) {
            problems.push_back({ruleset.file(), pointer, error});
            break; // the same reason for every text
        }
        if (*grade > ReadingLevel::kMaximumShortTextGrade)
            problems.push_back({ruleset.file(), pointer,
                                "reads at grade " + gradeText(*grade) +
                                    "; a patient text of the rules must be at grade 6 or below"});
    }
    return problems;
}

// Every pathway of the rules is named in report/labels.json, both in the
// factor table ("pathways") and beside its score ("scores"): the program
// writes no pathway's name itself.
std::vector<ContentProblem> checkPathwayLabels(const scoring::Ruleset& ruleset, const std::string& directory)
{
    std::vector<ContentProblem> problems;
    const std::string file = directory + "/" + report::ClinicalLabels::kFile;
    try {
        const auto labels = report::ClinicalLabels::load(directory);
        for (const std::string& pathway : ruleset.pathways()) {
            if (labels.pathway(pathway).empty())
                problems.push_back({file, "/pathways",
                                    "has no name for the pathway \"" + pathway + "\" of the rules (" +
                                        ruleset.file() + ")"});
            if (labels.score(pathway).empty())
                problems.push_back({file, "/scores",
                                    "has no name for the score of the pathway \"" + pathway +
                                        "\" of the rules (" + ruleset.file() + ")"});
        }
    } catch (const ContentError& error) {
        problems.insert(problems.end(), error.problems().begin(), error.problems().end());
    }
    return problems;
}

} // namespace

ContentReport checkContent(const std::string& contentDirectory)
{
    ContentReport report;
    auto add = [&](const std::vector<ContentProblem>& more) {
        report.problems.insert(report.problems.end(), more.begin(), more.end());
    };
    add(scoring::ScreeningContent::check(contentDirectory));
    std::optional<ClinicInfo> clinic;
    try {
        clinic = ClinicInfo::load(contentDirectory);
    } catch (const ContentError& error) {
        add(error.problems());
    }

    const ArticleLibrary articles = ArticleLibrary::load(contentDirectory);
    add(articles.problems());
    std::set<std::string> ids;
    for (const auto& [id, article] : articles.articles()) {
        ids.insert(id);
        std::string error;
        const auto grade = ReadingLevel::fleschKincaid(ReadingLevel::plainText(article.body), error);
        report.grades.push_back({id, article.file, grade});
        if (!grade) {
            report.problems.push_back({article.file, "", error});
        } else if (*grade > ReadingLevel::kMaximumGrade) {
            report.problems.push_back(
                {article.file, "",
                 "reads at grade " + gradeText(*grade) + "; patient articles must be at grade 8 or below"});
        }
        // What the library would drop from the article (raw HTML, other
        // images and links) is an error here, so it never reaches a patient.
        const auto markup = ArticleMarkup::sanitize(QString::fromStdString(article.body));
        for (const ArticleMarkup::Problem& problem : markup.problems)
            report.problems.push_back({article.file,
                                       "line " + std::to_string(article.bodyLine + problem.line - 1),
                                       problem.message});
        static const QRegularExpression articleLink(QStringLiteral("\\]\\(article:([a-z0-9-]+)\\)"));
        for (auto links = articleLink.globalMatch(markup.markdown); links.hasNext();) {
            const QString target = links.next().captured(1);
            if (!articles.find(target.toStdString()))
                report.problems.push_back(
                    {article.file, "",
                     "links to the article \"" + target.toStdString() + "\", which does not exist"});
        }
        for (const std::string& related : article.related)
            if (!articles.find(related))
                report.problems.push_back(
                    {article.file, "front matter", "related article \"" + related + "\" does not exist"});
    }

    // The rules point patients to articles: those must exist.
    try {
        const auto screening = scoring::ScreeningContent::load(contentDirectory);
        add(scoring::RulesetLint(screening.ruleset(), screening.questionnaire()).checkArticles(ids));
        add(scoring::RulesetLint::checkRoleArticles(screening.roles(), ids));
        add(checkPathwayLabels(screening.ruleset(), contentDirectory));
        add(checkRuleTexts(screening.ruleset()));
        // Every flag that alerts the patient says what to do now, at home and at the kiosk.
        if (clinic)
            add(report::missingInstructions(screening.ruleset(), *clinic,
                                            contentDirectory + "/" + ClinicInfo::kFile));
    } catch (const ContentError&) {
        // Already reported by check() above.
    }
    return report;
}

} // namespace spinepath
