#include "core/report/PatientCopy.h"

#include "core/handoff/QrCode.h"
#include "core/report/PagedDocument.h"
#include "core/report/ReportFormat.h"
#include "core/report/ReportStrings.h"

#include <QPagedPaintDevice>

namespace spinepath::report {

namespace {

// Larger type and more air than the physician summary: this page is read at
// home, by people who may not read easily.
const QString kStyleSheet = QStringLiteral(
    "p { margin-top: 0px; margin-bottom: 3px; }"
    ".h { font-size: 12.5pt; font-weight: bold; color: #1b5e7a; margin-top: 8px; margin-bottom: 2px; }"
    "li { margin-bottom: 2px; }"
    ".muted { color: #5f666d; }"
    ".alertbox { background-color: #fdeceb; border-color: #b3261e; border-style: solid; }"
    ".alerthead { font-weight: bold; color: #b3261e; font-size: 12pt; margin-bottom: 4px; }"
    ".alertaction { font-weight: bold; margin-top: 4px; }"
    ".category { font-size: 14pt; font-weight: bold; margin-bottom: 4px; }"
    ".article { font-weight: bold; }"
    ".phone { font-size: 13pt; font-weight: bold; }"
    ".handoff { font-size: 9.5pt; }"
    ".disclaimer { font-size: 9pt; color: #5f666d; font-style: italic; margin-top: 12px; }"
    ".rules { font-size: 7.5pt; font-style: normal; }");

// The answer code's image, by the name the body gives it.
const QString kHandoffImage = QStringLiteral("spinepath-handoff:code");
// About 4 cm across with its quiet zone (CSS pixels, 96 to the inch): small
// enough for the page, large enough for a phone photo or a 150 dpi scan.
constexpr int kHandoffCssPixels = 151;
// Pixels per module of the image: drawn as is, a viewer that smooths images
// still shows sharp modules.
constexpr int kHandoffModulePixels = 8;

const QString kListStyle =
    QStringLiteral(" style=\"margin-top: 0px; margin-bottom: 0px; margin-left: 0px; -qt-list-indent: 1;\"");

} // namespace

QString patientCopyHtml(const ReportData& data)
{
    const ReportStrings strings = ReportStrings::current();
    const PatientResult& result = data.patientResult;
    QString html = QStringLiteral("<html><body>");

    QString prepared = data.patient.name.empty()
                           ? QString()
                           : strings.preparedFor.arg(QString::fromStdString(data.patient.name));
    if (data.takenAt.isValid())
        prepared += (prepared.isEmpty() ? QString() : QStringLiteral(", ")) +
                    data.takenAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
    if (!prepared.isEmpty())
        html += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(prepared));

    if (!result.alerts.empty()) {
        html +=
            QStringLiteral("<table class=\"alertbox\" width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" "
                           "border=\"1.5\" style=\"margin-top: 8px; border-collapse: collapse;\"><tr><td>");
        html += QStringLiteral("<p class=\"alerthead\">%1</p>").arg(esc(strings.readFirst));
        for (const PatientFlag& flag : result.alerts)
            html += QStringLiteral("<p>%1</p>").arg(esc(flag.text));
        html += QStringLiteral("<p class=\"alertaction\">%1</p>").arg(esc(result.instruction));
        html += QStringLiteral("</td></tr></table>");
    }

    html += QStringLiteral("<p class=\"h\">%1</p>").arg(esc(strings.whatItMeans));
    html += QStringLiteral("<p class=\"category\">%1</p><p>%2</p>")
                .arg(esc(result.categoryTitle), esc(result.categoryText));

    const auto list = [&html](const QString& heading, const auto& lines) {
        html += QStringLiteral("<p class=\"h\">%1</p><ul%2>").arg(esc(heading), kListStyle);
        for (const auto& line : lines)
            html += QStringLiteral("<li>%1</li>").arg(esc(line.text));
        html += QStringLiteral("</ul>");
    };
    // Calm, after the result: these do not alarm, the doctor will simply ask.
    if (!result.toDiscuss.empty())
        list(strings.alsoAsk, result.toDiscuss);
    // The reasons in everyday words, never their weights or the scores.
    if (!result.reasons.empty())
        list(strings.whyReasons, result.reasons);
    if (result.nextSteps.empty()) {
        html += QStringLiteral("<p class=\"h\">%1</p><p>%2</p>")
                    .arg(esc(strings.whatNext), esc(strings.noNextStepsPatient));
    } else {
        list(strings.whatNext, result.nextSteps);
    }

    if (!result.articles.empty()) {
        // Titles only, two a row in reading order: a long list keeps the copy
        // to one sheet, and each article opens with its own summary.
        html += QStringLiteral("<p class=\"h\">%1</p>"
                               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">")
                    .arg(esc(strings.toRead));
        const std::size_t count = result.articles.size();
        for (std::size_t index = 0; index < count; index += 2) {
            html += QStringLiteral("<tr>");
            for (std::size_t column = index; column < index + 2; ++column)
                html +=
                    QStringLiteral("<td width=\"50%\" class=\"article\">%1</td>")
                        .arg(column < count ? esc(QStringLiteral("\u2022 ") + result.articles[column].title)
                                            : QString());
            html += QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table><p class=\"muted\" style=\"margin-top: 4px;\">%1</p>")
                    .arg(esc(strings.toReadHint));
    }

    const QString questions =
        QStringLiteral("<p class=\"h\">%1</p><p class=\"phone\">%2</p><p class=\"muted\">%3</p>")
            .arg(esc(strings.questions),
                 esc(strings.callUs.arg(QString::fromStdString(data.clinic.name),
                                        QString::fromStdString(data.clinic.phone))),
                 esc(data.clinic.address));
    if (data.handoffPayload.empty()) {
        html += questions;
    } else {
        // The code of answers from home beside the clinic's number, with what
        // it holds and who can read it, so the patient decides whether to
        // carry the page or fold it away; side by side, the copy stays one sheet.
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                               "<td valign=\"top\">%1<p class=\"h\">%2</p><p class=\"handoff\">%3</p>"
                               "<p class=\"handoff\">%4</p></td><td width=\"%5\" valign=\"top\" "
                               "style=\"padding-left: 8px;\"><img src=\"%6\" width=\"%5\" height=\"%5\"></td>"
                               "</tr></table>")
                    .arg(questions, esc(strings.handoffTitle), esc(strings.handoffHolds),
                         esc(strings.handoffPrivacy), QString::number(kHandoffCssPixels), kHandoffImage);
    }

    // Every summary names the rules that made it (clinical spec 9), in small
    // print after the disclaimer, where it takes no line of its own.
    const QString rules = esc(strings.rulesUsed.arg(QString::fromStdString(result.rulesetId),
                                                    QString::fromStdString(result.rulesetVersion)));
    html += QStringLiteral("<p class=\"disclaimer\">%1%2<span class=\"rules\">%3</span></p>")
                .arg(esc(result.disclaimer),
                     result.disclaimer.isEmpty() ? QString() : QStringLiteral(" &nbsp; "), rules);
    html += QStringLiteral("</body></html>");
    return html;
}

int renderPatientCopy(const ReportData& data, QPagedPaintDevice& device)
{
    const ReportStrings strings = ReportStrings::current();
    PageFrame frame;
    frame.title = strings.patientTitle;
    // The patient needs no "not stored" notice; a stored one gets a reference to quote.
    frame.footerLeft = data.assessmentId.isEmpty() ? QString() : strings.reference.arg(data.assessmentId);
    frame.footerRight = strings.printedAt.arg(formatTime(data.printedAt, strings));
    frame.styleSheet = kStyleSheet;
    frame.bodyPointSize = 10.5;
    if (!data.handoffPayload.empty()) {
        const QImage code = handoff::qrCodeImage(data.handoffPayload);
        // One bit per pixel: the PDF keeps it lossless (a colour image would
        // go in as JPEG, whose blur at the modules' edges a scan can do without).
        frame.images.emplace_back(
            kHandoffImage,
            code.scaled(code.size() * kHandoffModulePixels, Qt::IgnoreAspectRatio, Qt::FastTransformation)
                .convertToFormat(QImage::Format_Mono, Qt::ThresholdDither));
    }
    return paintPaged(patientCopyHtml(data), data, frame, device);
}

} // namespace spinepath::report
