#include "core/report/PatientCopy.h"

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
    ".h { font-size: 12.5pt; font-weight: bold; color: #1b5e7a; margin-top: 12px; margin-bottom: 3px; }"
    "li { margin-bottom: 2px; }"
    ".muted { color: #5f666d; }"
    ".alertbox { background-color: #fdeceb; border-color: #b3261e; border-style: solid; }"
    ".alerthead { font-weight: bold; color: #b3261e; font-size: 12pt; margin-bottom: 4px; }"
    ".alertaction { font-weight: bold; margin-top: 4px; }"
    ".category { font-size: 14pt; font-weight: bold; margin-bottom: 4px; }"
    ".article { font-weight: bold; }"
    ".summary { color: #3d4449; font-size: 9.5pt; }"
    ".phone { font-size: 13pt; font-weight: bold; }"
    ".disclaimer { font-size: 9pt; color: #5f666d; font-style: italic; margin-top: 14px; }");

const QString kListStyle =
    QStringLiteral(" style=\"margin-top: 0px; margin-bottom: 0px; margin-left: 0px; -qt-list-indent: 1;\"");

} // namespace

QString patientCopyHtml(const ReportData& data)
{
    const ReportStrings strings = ReportStrings::current();
    QString html = QStringLiteral("<html><body>");

    QString prepared = data.patient.name.isEmpty() ? QString() : strings.preparedFor.arg(data.patient.name);
    if (data.takenAt.isValid())
        prepared += (prepared.isEmpty() ? QString() : QStringLiteral(", ")) +
                    data.takenAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
    if (!prepared.isEmpty())
        html += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(prepared));

    if (!data.flags.empty()) {
        html +=
            QStringLiteral("<table class=\"alertbox\" width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" "
                           "border=\"1.5\" style=\"margin-top: 8px; border-collapse: collapse;\"><tr><td>");
        html += QStringLiteral("<p class=\"alerthead\">%1</p>").arg(esc(strings.readFirst));
        for (const FlagLine& flag : data.flags)
            html += QStringLiteral("<p>%1</p>").arg(esc(flag.patient.isEmpty() ? flag.title : flag.patient));
        if (!data.patientAlert.isEmpty())
            html += QStringLiteral("<p class=\"alertaction\">%1</p>").arg(esc(data.patientAlert));
        html += QStringLiteral("</td></tr></table>");
    }

    html += QStringLiteral("<p class=\"h\">%1</p>").arg(esc(strings.whatItMeans));
    html += QStringLiteral("<p class=\"category\">%1</p><p>%2</p>")
                .arg(esc(data.categoryTitle), esc(data.categoryPatient));

    // The reasons in everyday words: the rules' plain-language reasons, never
    // their weights or the scores.
    if (!data.factors.empty()) {
        html += QStringLiteral("<p class=\"h\">%1</p><ul%2>").arg(esc(strings.whyReasons), kListStyle);
        for (const FactorLine& factor : data.factors)
            html += QStringLiteral("<li>%1</li>").arg(esc(factor.reason));
        html += QStringLiteral("</ul>");
    }

    html += QStringLiteral("<p class=\"h\">%1</p>").arg(esc(strings.whatNext));
    if (data.notes.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(esc(strings.noNextStepsPatient));
    } else {
        html += QStringLiteral("<ul%1>").arg(kListStyle);
        for (const NoteLine& note : data.notes)
            html += QStringLiteral("<li>%1</li>").arg(esc(note.patient));
        html += QStringLiteral("</ul>");
    }

    if (!data.articles.empty()) {
        html += QStringLiteral("<p class=\"h\">%1</p><ul%2>").arg(esc(strings.toRead), kListStyle);
        for (const ArticleLine& article : data.articles) {
            html += QStringLiteral("<li><span class=\"article\">%1</span>").arg(esc(article.title));
            if (!article.summary.isEmpty())
                html += QStringLiteral("<br/><span class=\"summary\">%1</span>").arg(esc(article.summary));
            html += QStringLiteral("</li>");
        }
        html += QStringLiteral("</ul><p class=\"muted\" style=\"margin-top: 4px;\">%1</p>")
                    .arg(esc(strings.toReadHint));
    }

    html += QStringLiteral("<p class=\"h\">%1</p>").arg(esc(strings.questions));
    html += QStringLiteral("<p class=\"phone\">%1</p><p class=\"muted\">%2</p>")
                .arg(esc(strings.callUs.arg(QString::fromStdString(data.clinic.name),
                                            QString::fromStdString(data.clinic.phone))),
                     esc(data.clinic.address));

    if (!data.patientDisclaimer.isEmpty())
        html += QStringLiteral("<p class=\"disclaimer\">%1</p>").arg(esc(data.patientDisclaimer));
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
    return paintPaged(patientCopyHtml(data), data, frame, device);
}

} // namespace spinepath::report
