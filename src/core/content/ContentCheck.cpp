#include "core/content/ContentCheck.h"

#include "core/content/ArticleLibrary.h"
#include "core/content/ArticleMarkup.h"
#include "core/content/ClinicInfo.h"
#include "core/content/ReadingLevel.h"
#include "core/scoring/RulesetLint.h"
#include "core/scoring/ScreeningContent.h"

#include <QRegularExpression>

#include <cstdio>
#include <set>

namespace spinepath {

ContentReport checkContent(const std::string& contentDirectory)
{
    ContentReport report;
    auto add = [&](const std::vector<ContentProblem>& more) {
        report.problems.insert(report.problems.end(), more.begin(), more.end());
    };
    add(scoring::ScreeningContent::check(contentDirectory));
    try {
        (void)ClinicInfo::load(contentDirectory);
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
            char text[16];
            std::snprintf(text, sizeof text, "%.1f", *grade);
            report.problems.push_back(
                {article.file, "",
                 std::string("reads at grade ") + text + "; patient articles must be at grade 8 or below"});
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
    } catch (const ContentError&) {
        // Already reported by check() above.
    }
    return report;
}

} // namespace spinepath
