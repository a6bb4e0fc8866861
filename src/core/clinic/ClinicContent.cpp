#include "core/clinic/ClinicContent.h"

#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/questionnaire/QuestionnaireTranslation.h"
#include "core/report/ReportBuilder.h"
#include "core/storage/AssessmentRecord.h"

#include <cctype>

namespace spinepath {

using nlohmann::json;

struct ClinicContent::Language
{
    ArticleLibrary articles;
    scoring::RuleTexts texts;
    questionnaire::Questionnaire questionnaire;
    report::ClinicalLabels labels;
};

namespace {

bool isResponse(const json& input)
{
    // find, not value(), which throws for a resourceType that is not a string.
    const auto type = input.is_object() ? input.find("resourceType") : input.end();
    return type != input.end() && *type == "QuestionnaireResponse";
}

// A QuestionnaireResponse names itself and says when it was written.
void fillFromResponse(const json& input, report::AssessmentInfo& info)
{
    if (!isResponse(input))
        return;
    if (info.id.isEmpty() && input.contains("id") && input["id"].is_string())
        info.id = QString::fromStdString(input["id"].get<std::string>());
    if (!info.takenAt.isValid() && input.contains("authored") && input["authored"].is_string())
        info.takenAt = QDateTime::fromString(QString::fromStdString(input["authored"].get<std::string>()),
                                             Qt::ISODateWithMs);
}

} // namespace

ClinicContent::ClinicContent(std::string directory)
    : m_directory(std::move(directory))
{}

ClinicContent::~ClinicContent() = default;

std::unique_ptr<ClinicContent> ClinicContent::loadClinicDetails(const std::string& directory)
{
    std::unique_ptr<ClinicContent> content(new ClinicContent(directory));
    content->m_clinic = ClinicInfo::load(directory);
    return content;
}

std::unique_ptr<ClinicContent> ClinicContent::load(const std::string& directory)
{
    auto content = loadClinicDetails(directory);
    content->loadClinical();
    return content;
}

void ClinicContent::loadClinical()
{
    auto screening =
        std::make_unique<scoring::ScreeningContent>(scoring::ScreeningContent::load(m_directory));
    ArticleLibrary articles = ArticleLibrary::load(m_directory);
    report::ClinicalLabels labels = report::ClinicalLabels::load(m_directory);
    // Every language the content carries, loaded once: the patient may switch at any time.
    std::set<std::string> languages = ArticleLibrary::languages(m_directory);
    languages.merge(scoring::RuleTexts::languages(m_directory));
    languages.merge(questionnaire::QuestionnaireTranslation::languages(screening->questionnaire().source()));
    for (const std::string& language : report::ClinicalLabels::languages(m_directory))
        languages.insert(language);
    const auto valueSets = questionnaire::Questionnaire::valueSetsBeside(
        scoring::ScreeningContent::questionnaireFile(m_directory));
    std::map<std::string, std::unique_ptr<Language>, std::less<>> byLanguage;
    for (const std::string& language : languages)
        byLanguage.emplace(
            language, std::make_unique<Language>(Language{
                          language == "en" ? articles : ArticleLibrary::load(m_directory, language),
                          scoring::RuleTexts::load(m_directory, screening->ruleset(), language),
                          questionnaire::QuestionnaireTranslation::translate(screening->questionnaire(),
                                                                             language, valueSets),
                          language == "en" ? labels : report::ClinicalLabels::load(m_directory, language)}));
    // All or nothing: a problem in the labels leaves no half-loaded content.
    m_languages = std::move(byLanguage);
    m_screening = std::move(screening);
    m_articles = std::move(articles);
    m_labels = std::move(labels);
}

namespace {

std::string primaryLanguage(std::string_view language)
{
    std::string result(language.substr(0, language.find_first_of("-_")));
    for (char& c : result)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result.empty() ? std::string("en") : result;
}

} // namespace

const ArticleLibrary& ClinicContent::articles(std::string_view language) const
{
    const auto found = m_languages.find(primaryLanguage(language));
    return found == m_languages.end() ? m_articles : found->second->articles;
}

const scoring::RuleTexts& ClinicContent::ruleTexts(std::string_view language) const
{
    const auto found = m_languages.find(primaryLanguage(language));
    return (found == m_languages.end() ? m_languages.find("en") : found)->second->texts;
}

const questionnaire::Questionnaire& ClinicContent::questionnaire(std::string_view language) const
{
    const auto found = m_languages.find(primaryLanguage(language));
    return found == m_languages.end() ? m_screening->questionnaire() : found->second->questionnaire;
}

const report::ClinicalLabels& ClinicContent::labels(std::string_view language) const
{
    const auto found = m_languages.find(primaryLanguage(language));
    return found == m_languages.end() ? m_labels : found->second->labels;
}

std::set<std::string> ClinicContent::languages() const
{
    std::set<std::string> result;
    for (const auto& [language, content] : m_languages)
        result.insert(language);
    return result;
}

report::ReportData ClinicContent::reportFromInput(const json& input, report::AssessmentInfo info,
                                                  const QDateTime& printedAt) const
{
    const json answers = m_screening->scorer().acceptedAnswers(input);
    return build(input, answers, m_screening->scorer().score(answers), std::move(info), printedAt);
}

report::ReportData ClinicContent::reportFromResult(const json& input, const scoring::ScreeningResult& result,
                                                   const report::AssessmentInfo& info,
                                                   const QDateTime& printedAt) const
{
    json answers;
    try {
        answers = m_screening->scorer().acceptedAnswers(input);
    } catch (const std::exception&) {
        // A stored assessment taken with an older questionnaire may no longer
        // validate; its answers are still the record and are shown as given.
        if (!isResponse(input))
            throw;
        answers = m_screening->questionnaire().pruneDisabled(
            questionnaire::fromQuestionnaireResponse(m_screening->questionnaire(), input));
    }
    return build(input, answers, result, info, printedAt);
}

report::ReportData ClinicContent::build(const json& input, const json& answers,
                                        const scoring::ScreeningResult& result, report::AssessmentInfo info,
                                        const QDateTime& printedAt) const
{
    fillFromResponse(input, info);
    report::ReportBuilder builder(m_screening->questionnaire(), m_screening->ruleset(), m_clinic, m_articles,
                                  m_labels, m_screening->roles());
    // The patient's copy in the language the patient answered in; the
    // physician summary in the clinic's.
    if (!info.language.empty())
        builder.setPatientContent(articles(info.language), ruleTexts(info.language));
    std::string clinicLanguage =
        primaryLanguage(info.clinicLanguage.empty() ? m_clinicLanguage : info.clinicLanguage);
    if (!m_languages.contains(clinicLanguage))
        clinicLanguage = "en"; // the summary never mixes languages
    builder.setSummaryContent(clinicLanguage, labels(clinicLanguage), ruleTexts(clinicLanguage),
                              questionnaire(clinicLanguage));
    return builder.build(answers, result, info, printedAt);
}

report::ReportData ClinicContent::reportOf(const storage::Assessment& assessment,
                                           const QDateTime& printedAt) const
{
    report::AssessmentInfo info;
    info.id = QString::fromStdString(assessment.id);
    info.takenAt = assessment.completedAt.isValid() ? assessment.completedAt : assessment.startedAt;
    info.mode = assessment.mode;
    info.questionnaireId = assessment.content.questionnaireId;
    info.questionnaireVersion = assessment.content.questionnaireVersion;
    info.language = assessment.language;
    scoring::ScreeningResult result;
    if (assessment.result) {
        result = *assessment.result;
    } else {
        result.flags = assessment.flags; // an alert raised while answering
        result.severity = assessment.severity;
    }
    return reportFromResult(assessment.answers, result, info, printedAt);
}

} // namespace spinepath
