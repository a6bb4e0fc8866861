#include "core/clinic/ContentCheck.h"

#include "core/content/ArticleLibrary.h"
#include "core/content/ArticleMarkup.h"
#include "core/content/ClinicInfo.h"
#include "core/content/ContentRoles.h"
#include "core/content/ReadingLevel.h"
#include "core/content/SpanishReadingEase.h"
#include "core/questionnaire/QuestionnaireTranslation.h"
#include "core/report/ClinicalLabels.h"
#include "core/report/PatientResult.h"
#include "core/scoring/RuleTexts.h"
#include "core/scoring/RulesetLint.h"
#include "core/scoring/ScreeningContent.h"
#include "core/util/TextFile.h"

#include <QRegularExpression>
#include <QUrl>

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

// Each translation of the physician summary's wording (report/translations)
// has every wording labels.json has, and the clinical texts of every rule: a
// clinic that works in that language never reads a summary half in English.
std::vector<ContentProblem> checkLabelTranslations(const scoring::Ruleset& ruleset,
                                                   const std::string& directory)
{
    std::vector<ContentProblem> problems;
    try {
        const auto english = report::ClinicalLabels::load(directory);
        for (const std::string& language : report::ClinicalLabels::languages(directory)) {
            if (language == "en")
                continue;
            const std::string file =
                directory + "/" + report::ClinicalLabels::kTranslations + "/" + language + ".json";
            // The file alone: load(directory, language) puts it over the English.
            const auto own = report::ClinicalLabels::fromJson(readTextFile(file), file);
            for (const std::string& pointer : english.missingIn(own))
                problems.push_back({file, pointer, "has no \"" + language + "\" wording"});
            for (const auto& category : ruleset.categories())
                if (own.categoryClinical(category.id).empty())
                    problems.push_back({file, "/clinical/categories/" + category.id,
                                        "has no clinical text of the category \"" + category.id + "\""});
            for (const auto& flag : ruleset.flags())
                if (own.flagTitle(flag.id).empty() || own.flagClinical(flag.id).empty())
                    problems.push_back({file, "/clinical/flags/" + flag.id,
                                        "has no title and clinical text of the flag \"" + flag.id + "\""});
            for (const auto& note : ruleset.notes())
                if (own.noteClinical(note.id).empty())
                    problems.push_back({file, "/clinical/notes/" + note.id,
                                        "has no clinical text of the note \"" + note.id + "\""});
        }
    } catch (const ContentError& error) {
        problems.insert(problems.end(), error.problems().begin(), error.problems().end());
    } catch (const std::exception& error) {
        problems.push_back({directory + "/" + report::ClinicalLabels::kTranslations, "", error.what()});
    }
    return problems;
}

// The rules' patient texts in Spanish, each "fairly easy" or easier on its own.
std::vector<ContentProblem> checkSpanishRuleTexts(const std::string& directory,
                                                  const scoring::Ruleset& ruleset)
{
    std::vector<ContentProblem> problems;
    if (!scoring::RuleTexts::languages(directory).contains("es"))
        return problems;
    const auto texts = scoring::RuleTexts::load(directory, ruleset, "es");
    std::vector<std::pair<std::string, std::string>> all; // pointer in the file, text
    for (const auto& category : ruleset.categories()) {
        all.emplace_back("/categories/" + category.id + "/title", texts.categoryTitle(category.id));
        all.emplace_back("/categories/" + category.id + "/patient", texts.categoryText(category.id));
    }
    for (const auto& flag : ruleset.flags())
        all.emplace_back("/flags/" + flag.id, texts.flag(flag.id));
    for (const auto& factor : ruleset.factors())
        all.emplace_back("/factors/" + factor.id, texts.reason(factor.id));
    for (const auto& note : ruleset.notes())
        all.emplace_back("/notes/" + note.id, texts.note(note.id));
    const std::string file = directory + "/" + scoring::RuleTexts::kFolder + "/es.json";
    for (const auto& [pointer, text] : all) {
        const auto measure = SpanishReadingEase::measure(text);
        if (measure && measure->score < SpanishReadingEase::kMinimum)
            problems.push_back(
                {file, pointer,
                 "reads at " + gradeText(measure->score) +
                     " (Fernández-Huerta); a Spanish patient text must be \"fairly easy\" (70) "
                     "or easier"});
    }
    return problems;
}

// What the library would drop from the article (raw HTML, other images and
// links) is an error here, so it never reaches a patient; so is a link to an
// article its language's library does not have. Returns the article as the
// library keeps it.
ArticleMarkup::Sanitized checkArticleMarkup(ContentReport& report, const Article& article,
                                            const ArticleLibrary& library)
{
    auto markup = ArticleMarkup::sanitize(QString::fromStdString(article.body));
    for (const ArticleMarkup::Problem& problem : markup.problems)
        report.problems.push_back(
            {article.file, "line " + std::to_string(article.bodyLine + problem.line - 1), problem.message});
    static const QRegularExpression articleLink(QStringLiteral("\\]\\(article:([a-z0-9-]+)\\)"));
    for (auto links = articleLink.globalMatch(markup.markdown); links.hasNext();) {
        const QString target = links.next().captured(1);
        if (!library.find(target.toStdString()))
            report.problems.push_back(
                {article.file, "",
                 "links to the article \"" + target.toStdString() + "\", which does not exist"});
    }
    return markup;
}

// The glossary's terms: the bold words that start its entries ("**Disco**: ...").
std::set<std::string> glossaryTerms(const Article& glossary)
{
    static const QRegularExpression entry(QStringLiteral("^\\*\\*([^*]+)\\*\\*:"),
                                          QRegularExpression::MultilineOption);
    std::set<std::string> terms;
    for (auto found = entry.globalMatch(QString::fromStdString(glossary.body)); found.hasNext();)
        terms.insert(found.next().captured(1).trimmed().toLower().toStdString());
    return terms;
}

// Whether `body` has a heading that reads `text` (as ArticleView finds it).
bool hasHeading(const std::string& body, const std::string& text)
{
    static const QRegularExpression heading(QStringLiteral("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$"),
                                            QRegularExpression::MultilineOption);
    const QString wanted = QString::fromStdString(text).trimmed();
    for (auto found = heading.globalMatch(QString::fromStdString(body)); found.hasNext();)
        if (found.next().captured(1).compare(wanted, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// The sections the rules link to ("disc-pain#Tears in the outer wall"), as
// article id and English heading.
std::set<std::pair<std::string, std::string>> sectionTargets(const scoring::Ruleset& ruleset)
{
    std::set<std::pair<std::string, std::string>> targets;
    const auto add = [&](const std::vector<std::string>& articles) {
        for (const std::string& target : articles)
            if (const auto hash = target.find('#'); hash != std::string::npos)
                targets.emplace(target.substr(0, hash), target.substr(hash + 1));
    };
    for (const auto& flag : ruleset.flags())
        add(flag.articles);
    for (const auto& factor : ruleset.factors())
        add(factor.articles);
    for (const auto& note : ruleset.notes())
        add(note.articles);
    return targets;
}

// Every section the rules link to is a heading of the article, in English and
// in each translation (through its "sections:" names): a link that finds no
// heading opens the article at its top.
void checkSectionTargets(const std::string& directory, const scoring::Ruleset& ruleset,
                         const ArticleLibrary& english, ContentReport& report)
{
    const auto targets = sectionTargets(ruleset);
    for (const std::string& language : ArticleLibrary::languages(directory)) {
        const ArticleLibrary translated =
            language == "en" ? ArticleLibrary() : ArticleLibrary::load(directory, language);
        const ArticleLibrary& library = language == "en" ? english : translated;
        for (const auto& [id, section] : targets) {
            const Article* article = library.find(id);
            if (!article)
                continue; // reported as a missing article
            const std::string heading = article->heading(section);
            if (!hasHeading(article->body, heading))
                report.problems.push_back(
                    {article->file, "",
                     "has no heading \"" + heading + "\" for the rules' link to \"" + id + "#" + section +
                         "\"" +
                         (language == "en" ? std::string()
                                           : std::string("; name it in the front matter: sections: ") +
                                                 section + " = HEADING")});
        }
    }
}

// The articles of another language: every English article has its version,
// written, linked and marked up as well, and easy to read in that language.
void checkTranslatedArticles(const std::string& directory, const ArticleLibrary& english,
                             const ContentRoles* roles, ContentReport& report)
{
    for (const std::string& language : ArticleLibrary::languages(directory)) {
        if (language == "en")
            continue;
        const std::string folder = directory + "/articles/" + language;
        const ArticleLibrary translated = ArticleLibrary::load(directory, language);
        report.problems.insert(report.problems.end(), translated.problems().begin(),
                               translated.problems().end());
        const std::string glossaryId =
            roles ? roles->id(ContentRoles::Role::GlossaryArticle) : std::string("glossary");
        std::set<std::string> terms;
        const Article* glossary = translated.find(glossaryId);
        const Article* englishGlossary = english.find(glossaryId);
        if (glossary && (!englishGlossary || glossary->file != englishGlossary->file))
            terms = glossaryTerms(*glossary);
        for (const auto& [id, article] : translated.articles()) {
            const Article* original = english.find(id);
            if (original && article.file == original->file) {
                report.problems.push_back({folder, "",
                                           "has no " + language + " version of the article \"" + id + "\" (" +
                                               original->file + ")"});
                continue;
            }
            const auto measure = SpanishReadingEase::measure(ReadingLevel::plainText(article.body));
            report.grades.push_back({id, article.file, std::nullopt, language,
                                     measure ? std::optional<double>(measure->score) : std::nullopt});
            if (language == "es" && (!measure || measure->score < SpanishReadingEase::kMinimum))
                report.problems.push_back({article.file, "",
                                           "reads at " + gradeText(measure ? measure->score : 0.0) +
                                               " (Fernández-Huerta); Spanish patient articles must be "
                                               "\"fairly easy\" (70) or easier"});
            if (!original)
                report.problems.push_back(
                    {article.file, "front matter", "the id \"" + id + "\" is no article in English"});
            const auto markup = checkArticleMarkup(report, article, translated);
            // Each term an article marks is explained in that language's glossary.
            static const QRegularExpression glossaryLink(QStringLiteral("\\]\\(glossary:([^)]+)\\)"));
            for (auto links = glossaryLink.globalMatch(markup.markdown); links.hasNext();) {
                // A term of several words has its spaces percent-encoded (sanitize()).
                const std::string term = QUrl::fromPercentEncoding(links.next().captured(1).toUtf8())
                                             .trimmed()
                                             .toLower()
                                             .toStdString();
                if (!terms.contains(term))
                    report.problems.push_back({article.file, "",
                                               "marks the term \"" + term + "\", which the " + language +
                                                   " glossary does not explain"});
            }
        }
    }
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
        report.grades.push_back({id, article.file, grade, "en", std::nullopt});
        if (!grade) {
            report.problems.push_back({article.file, "", error});
        } else if (*grade > ReadingLevel::kMaximumGrade) {
            report.problems.push_back(
                {article.file, "",
                 "reads at grade " + gradeText(*grade) + "; patient articles must be at grade 8 or below"});
        }
        checkArticleMarkup(report, article, articles);
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
        add(checkLabelTranslations(screening.ruleset(), contentDirectory));
        add(checkRuleTexts(screening.ruleset()));
        // Each language the questionnaire carries is complete: a patient who
        // reads it never meets a question in English.
        for (const auto& gap :
             questionnaire::QuestionnaireTranslation::missing(screening.questionnaire().source()))
            report.problems.push_back(
                {scoring::ScreeningContent::questionnaireFile(contentDirectory), gap.pointer,
                 "item '" + gap.linkId + "' has no \"" + gap.language + "\" translation"});
        checkTranslatedArticles(contentDirectory, articles, &screening.roles(), report);
        add(checkSpanishRuleTexts(contentDirectory, screening.ruleset()));
        checkSectionTargets(contentDirectory, screening.ruleset(), articles, report);
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
