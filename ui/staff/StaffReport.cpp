#include "staff/StaffReport.h"

#include "common/AppContext.h"

#include "core/util/Translator.h"

#include <QCoreApplication>

namespace spinepath::ui {

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

} // namespace

std::shared_ptr<const spinepath::report::ReportData>
staffReportFor(const AppContext& context, const spinepath::storage::Assessment& assessment)
{
    if (!context.content->hasClinical())
        return nullptr;
    try {
        return std::make_shared<const spinepath::report::ReportData>(context.content->reportOf(assessment));
    } catch (const std::exception&) {
        return nullptr;
    }
}

QString staffCategoryName(const AppContext& context, const std::string& category)
{
    if (category.empty())
        return QCoreApplication::translate("spinepath::ui::StaffConsole", "Not yet scored");
    // The clinical name in the language staff read the console in.
    const std::string label =
        context.content->labels(spinepath::Translator::language().toStdString()).category(category);
    if (!label.empty())
        return text(label);
    if (context.content->hasClinical())
        if (const auto* rule = context.content->screening().ruleset().findCategory(category))
            return text(rule->title);
    return text(category);
}

QString staffStatusName(spinepath::storage::Status status)
{
    switch (status) {
    case spinepath::storage::Status::InProgress:
        return QCoreApplication::translate("spinepath::ui::StaffConsole", "In progress");
    case spinepath::storage::Status::Completed:
        return QCoreApplication::translate("spinepath::ui::StaffConsole", "Completed");
    case spinepath::storage::Status::Abandoned:
        return QCoreApplication::translate("spinepath::ui::StaffConsole", "Abandoned");
    case spinepath::storage::Status::Reviewed:
        break;
    }
    return QCoreApplication::translate("spinepath::ui::StaffConsole", "Reviewed");
}

QString staffFlagTitle(const AppContext& context, const std::string& flagId)
{
    if (context.content->hasClinical())
        if (const auto* flag = context.content->screening().ruleset().findFlag(flagId))
            return text(flag->title);
    return text(flagId);
}

} // namespace spinepath::ui
