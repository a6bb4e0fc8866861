#include "core/clinic/ClinicContent.h"

#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/report/ReportBuilder.h"
#include "core/storage/AssessmentRecord.h"

namespace spinepath {

using nlohmann::json;

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
    // All or nothing: a problem in the labels leaves no half-loaded content.
    m_screening = std::move(screening);
    m_articles = std::move(articles);
    m_labels = std::move(labels);
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
    const report::ReportBuilder builder(m_screening->questionnaire(), m_screening->ruleset(), m_clinic,
                                        m_articles, m_labels, m_screening->roles());
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
