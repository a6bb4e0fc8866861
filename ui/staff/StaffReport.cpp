#include "staff/StaffReport.h"

#include "AppContext.h"

#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/report/ReportBuilder.h"

#include <QCoreApplication>

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

// The accepted flat answers of a stored response. One taken with an older
// questionnaire may no longer validate; its answers are still the record and
// are shown as given (the same rule as ReportContent::fromResult).
nlohmann::json flatAnswers(const AppContext& context, const nlohmann::json& response)
{
    const auto& screening = *context.screening;
    try {
        return screening.scorer().acceptedAnswers(response);
    } catch (const std::exception&) {
        return screening.questionnaire().pruneDisabled(
            spinepath::questionnaire::fromQuestionnaireResponse(screening.questionnaire(), response));
    }
}

} // namespace

std::shared_ptr<const spinepath::report::ReportData>
staffReportFor(const AppContext& context, const spinepath::storage::Assessment& assessment)
{
    if (!context.screening)
        return nullptr;
    spinepath::report::AssessmentInfo info;
    info.id = text(assessment.id);
    info.takenAt = assessment.completedAt.isValid() ? assessment.completedAt : assessment.startedAt;
    info.mode = assessment.mode == spinepath::storage::Mode::Home ? spinepath::report::AssessmentMode::Home
                                                                  : spinepath::report::AssessmentMode::Kiosk;
    info.questionnaireId = assessment.content.questionnaireId;
    info.questionnaireVersion = assessment.content.questionnaireVersion;
    spinepath::scoring::ScreeningResult result;
    if (assessment.result) {
        result = *assessment.result;
    } else {
        result.flags = assessment.flags; // an alert raised while answering
        result.severity = assessment.severity;
    }
    try {
        const spinepath::report::ReportBuilder builder(
            context.screening->questionnaire(), context.screening->ruleset(), context.clinic,
            context.articles, context.labels, context.screening->roles());
        return std::make_shared<const spinepath::report::ReportData>(
            builder.build(flatAnswers(context, assessment.answers), result, info));
    } catch (const std::exception&) {
        return nullptr;
    }
}

QString staffCategoryName(const AppContext& context, const std::string& category)
{
    if (category.empty())
        return QCoreApplication::translate("StaffConsole", "Not yet scored");
    const std::string label = context.labels.category(category);
    if (!label.empty())
        return text(label);
    if (context.screening)
        if (const auto* rule = context.screening->ruleset().findCategory(category))
            return text(rule->title);
    return text(category);
}

QString staffStatusName(spinepath::storage::Status status)
{
    switch (status) {
    case spinepath::storage::Status::InProgress:
        return QCoreApplication::translate("StaffConsole", "In progress");
    case spinepath::storage::Status::Completed:
        return QCoreApplication::translate("StaffConsole", "Completed");
    case spinepath::storage::Status::Abandoned:
        return QCoreApplication::translate("StaffConsole", "Abandoned");
    case spinepath::storage::Status::Reviewed:
        break;
    }
    return QCoreApplication::translate("StaffConsole", "Reviewed");
}

QString staffFlagTitle(const AppContext& context, const std::string& flagId)
{
    if (context.screening)
        if (const auto* flag = context.screening->ruleset().findFlag(flagId))
            return text(flag->title);
    return text(flagId);
}
