#pragma once

#include "core/report/ReportData.h"
#include "core/report/ReportStrings.h"

#include <QString>

namespace spinepath::report {

// Internal to the report module: small formatting shared by both documents.

// Text from data, made safe for the HTML body.
[[nodiscard]] inline QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}
[[nodiscard]] inline QString esc(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

// ISO dates read the same in every country: the documents may travel.
[[nodiscard]] inline QString formatTime(const QDateTime& time, const ReportStrings& strings)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : strings.notRecorded;
}

[[nodiscard]] inline QString modeText(std::optional<AssessmentMode> mode, const ReportStrings& strings)
{
    if (!mode)
        return strings.notRecorded;
    return *mode == AssessmentMode::Kiosk ? strings.kiosk : strings.home;
}

[[nodiscard]] inline QString assessmentText(const ReportData& data, const ReportStrings& strings)
{
    return data.assessmentId.isEmpty() ? strings.notStored : strings.assessment.arg(data.assessmentId);
}

} // namespace spinepath::report
