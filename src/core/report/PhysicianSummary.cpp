#include "core/report/PhysicianSummary.h"

#include "core/report/PagedDocument.h"
#include "core/report/ReportFormat.h"
#include "core/report/ReportStrings.h"

#include <QPagedPaintDevice>

#include <algorithm>

namespace spinepath::report {

namespace {

// Sizes in pt; lengths in CSS pixels (1/96 in, scaled to the device).
const QString kStyleSheet = QStringLiteral(
    "p { margin-top: 0px; margin-bottom: 1px; }"
    ".h { font-size: 8pt; font-weight: bold; color: #1b5e7a; margin-top: 5px; margin-bottom: 2px; }"
    "td { vertical-align: top; }"
    ".key { color: #5f666d; }"
    ".flagbox { background-color: #fdeceb; border-color: #b3261e; border-style: solid; }"
    ".reviewbox { background-color: #fdf6e3; border-color: #8a6100; border-style: solid; }"
    ".flaghead { font-weight: bold; color: #b3261e; font-size: 9.5pt; margin-bottom: 3px; }"
    ".reviewhead { font-weight: bold; color: #8a6100; font-size: 9.5pt; margin-bottom: 3px; }"
    ".flagtitle { font-weight: bold; }"
    ".flagseverity { font-weight: bold; color: #b3261e; font-size: 7.5pt; }"
    ".reviewseverity { font-weight: bold; color: #8a6100; font-size: 7.5pt; }"
    ".noflags { color: #2e6b3a; font-weight: bold; }"
    ".category { font-size: 12pt; font-weight: bold; margin-bottom: 2px; }"
    ".score { font-size: 10pt; }"
    ".small { font-size: 7.5pt; color: #5f666d; }"
    ".head { background-color: #e6eef2; font-weight: bold; font-size: 7.5pt; }"
    ".alt { background-color: #f4f7f9; }"
    ".num { text-align: right; }"
    ".reason { padding-left: 10px; }"
    ".answers { font-size: 7pt; }"
    ".section { background-color: #e6eef2; font-weight: bold; }"
    ".unanswered { color: #8a9096; font-style: italic; }"
    ".disclaimer { font-size: 7pt; color: #5f666d; font-style: italic; margin-top: 5px; }");

QString signedWeight(int weight)
{
    return weight > 0 ? QStringLiteral("+%1").arg(weight) : QString::number(weight);
}

QString identity(const PatientIdentity& patient, const ReportStrings& strings)
{
    if (patient.empty())
        return QStringLiteral("<span class=\"key\">%1</span>").arg(esc(strings.patientNotGiven));
    const auto given = [](const std::string& value) { return QString::fromStdString(value); };
    QStringList parts;
    if (!patient.name.empty())
        parts << QStringLiteral("<b>%1</b>").arg(esc(given(patient.name)));
    if (!patient.birthDate.empty())
        parts << esc(strings.bornOn.arg(given(patient.birthDate)));
    if (!patient.phone.empty())
        parts << esc(given(patient.phone));
    if (!patient.email.empty())
        parts << esc(given(patient.email));
    if (patient.contactOk)
        parts << esc(*patient.contactOk ? strings.contactOk : strings.contactNotOk);
    return parts.join(QStringLiteral(" &middot; "));
}

void appendHeaderFacts(QString& html, const ReportData& data, const ReportStrings& strings)
{
    const auto key = [](const QString& name) {
        return QStringLiteral("<td width=\"13%\" class=\"key\">%1</td>").arg(esc(name));
    };
    const auto value = [](const QString& text) {
        return QStringLiteral("<td width=\"37%\">%1</td>").arg(text);
    };
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">");
    html += QStringLiteral("<tr>") + key(strings.patient) +
            QStringLiteral("<td colspan=\"3\">%1</td></tr>").arg(identity(data.patient, strings));
    html += QStringLiteral("<tr>") + key(strings.taken) + value(esc(formatTime(data.takenAt, strings))) +
            key(strings.mode) + value(esc(modeText(data.mode, strings))) + QStringLiteral("</tr>");
    html += QStringLiteral("<tr>") + key(strings.questionnaire) +
            value(esc(data.questionnaireId + " " + data.questionnaireVersion)) + key(strings.rules) +
            value(esc(data.rulesetId + " " + data.rulesetVersion)) + QStringLiteral("</tr>");
    // The language the patient read and answered in, named in the summary's
    // (the clinic's) language; the answers below are in the clinic's wording.
    html +=
        QStringLiteral("<tr>") + key(strings.answeredIn) +
        QStringLiteral("<td colspan=\"3\">%1</td></tr>").arg(esc(strings.languageName(data.patientLanguage)));
    html += QStringLiteral("</table>");
}

// One boxed list of flags, each with its severity and clinical text.
// `tone` names the box's classes: "flag" (red) or "review" (amber).
void appendFlagBox(QString& html, const std::vector<const FlagLine*>& flags, const QString& heading,
                   const QString& tone)
{
    html += QStringLiteral("<table class=\"%1box\" width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" "
                           "border=\"1.5\" style=\"margin-top: 6px; border-collapse: collapse;\"><tr><td>")
                .arg(tone);
    html += QStringLiteral("<p class=\"%1head\">%2 (%3)</p>").arg(tone, esc(heading)).arg(flags.size());
    for (const FlagLine* flag : flags)
        html += QStringLiteral("<p style=\"margin-bottom: 3px;\"><span class=\"flagtitle\">%1</span> "
                               "<span class=\"%2severity\">[%3]</span><br/>%4</p>")
                    .arg(esc(flag->title), tone, esc(flag->severityName.toUpper()), esc(flag->clinical));
    html += QStringLiteral("</td></tr></table>");
}

// Red flags first and boxed: nothing else on the page matters until they are
// dealt with. Flags of a severity that does not alert (for review) follow in
// a quieter box: every fired flag is on the page, with its severity.
void appendFlags(QString& html, const ReportData& data, const ReportStrings& strings)
{
    std::vector<const FlagLine*> red;
    std::vector<const FlagLine*> review;
    for (const FlagLine& flag : data.flags)
        (flag.alert ? red : review).push_back(&flag);
    if (red.empty())
        html += QStringLiteral("<p class=\"noflags\" style=\"margin-top: 6px;\">%1</p>")
                    .arg(esc(strings.noRedFlags));
    else
        appendFlagBox(html, red, strings.redFlags, QStringLiteral("flag"));
    if (!review.empty())
        appendFlagBox(html, review, strings.reviewFlags, QStringLiteral("review"));
}

void appendResult(QString& html, const ReportData& data, const ReportStrings& strings)
{
    html += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top: 4px;\"><tr>");
    html += QStringLiteral("<td width=\"60%\" style=\"padding-right: 12px;\"><p class=\"h\">%1</p>")
                .arg(esc(strings.category));
    html += QStringLiteral("<p class=\"category\">%1</p><p>%2</p></td>")
                .arg(esc(data.categoryName), esc(data.categoryClinical));

    html += QStringLiteral("<td width=\"40%\"><p class=\"h\">%1</p>").arg(esc(strings.scores));
    // Each pathway's score, named by content/report/labels.json, in the rules' order.
    QStringList scores;
    for (const ScoreLine& score : data.scores)
        scores
            << QStringLiteral("%1 <b>%2</b>").arg(esc(score.label), esc(strings.outOf100.arg(score.value)));
    html += QStringLiteral("<p class=\"score\">%1</p>").arg(scores.join(QStringLiteral(" &nbsp;&nbsp; ")));
    // The score and its three items on one line: "PEG 6.3 / 10 (pain 7, enjoyment 6, activity 6)".
    const QString peg = data.result.peg ? strings.pegOutOf10.arg(QString::number(*data.result.peg, 'f', 1))
                                        : strings.pegNotScored;
    QStringList items;
    for (const PegItem& item : data.pegItems)
        items << esc(item.label) + QLatin1Char(' ') +
                     (item.value ? QString::number(*item.value) : esc(strings.notAnswered));
    html += QStringLiteral("<p style=\"margin-top: 4px;\"><span class=\"key\">%1</span> <b>%2</b> (%3)</p>")
                .arg(esc(strings.peg), esc(peg), items.join(QStringLiteral(", ")));
    html += QStringLiteral("</td></tr></table>");
}

void appendFactors(QString& html, const ReportData& data, const ReportStrings& strings)
{
    html += QStringLiteral("<p class=\"h\">%1</p>").arg(esc(strings.factors));
    if (data.factors.empty()) {
        html += QStringLiteral("<p class=\"key\">%1</p>").arg(esc(strings.noFactors));
        return;
    }
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">");
    html += QStringLiteral(
                "<tr class=\"head\"><td width=\"26%\">%1</td><td width=\"11%\">%2</td>"
                "<td width=\"7%\" class=\"num\">%3</td><td width=\"56%\" class=\"reason\">%4</td></tr>")
                .arg(esc(strings.factor), esc(strings.pathway), esc(strings.weight), esc(strings.reason));
    bool alternate = false;
    for (const FactorLine& factor : data.factors) {
        html += QStringLiteral(
                    "<tr%1><td>%2</td><td>%3</td><td class=\"num\">%4</td><td class=\"reason\">%5</td></tr>")
                    .arg(alternate ? QStringLiteral(" class=\"alt\"") : QString(), esc(factor.label),
                         esc(factor.pathway), esc(signedWeight(factor.weight)), esc(factor.reason));
        alternate = !alternate;
    }
    html += QStringLiteral("</table>");
}

void appendNextSteps(QString& html, const ReportData& data, const ReportStrings& strings)
{
    html += QStringLiteral("<p class=\"h\">%1</p>").arg(esc(strings.nextSteps));
    if (data.notes.empty()) {
        html += QStringLiteral("<p class=\"key\">%1</p>").arg(esc(strings.noNextSteps));
        return;
    }
    html += QStringLiteral(
        "<ul style=\"margin-top: 0px; margin-bottom: 0px; margin-left: 0px; -qt-list-indent: 1;\">");
    for (const NoteLine& note : data.notes)
        html += QStringLiteral("<li>%1</li>").arg(esc(note.clinical));
    html += QStringLiteral("</ul>");
}

QString sectionsHtml(const std::vector<AnswerSection>& sections, std::size_t from, std::size_t to)
{
    QString html =
        QStringLiteral("<table class=\"answers\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\">");
    for (std::size_t index = from; index < to; ++index) {
        const AnswerSection& section = sections[index];
        html +=
            QStringLiteral("<tr><td colspan=\"2\" class=\"section\">%1</td></tr>").arg(esc(section.title));
        for (const AnswerLine& line : section.lines) {
            const QString valueClass = line.answered ? QString() : QStringLiteral(" class=\"unanswered\"");
            // A gathered list reads as one sentence across the column.
            html += line.gathered
                        ? QStringLiteral("<tr><td colspan=\"2\">%1: <span%2>%3</span></td></tr>")
                              .arg(esc(line.label), valueClass, esc(line.value))
                        : QStringLiteral("<tr><td width=\"55%\">%1</td><td width=\"45%\"%2>%3</td></tr>")
                              .arg(esc(line.label), valueClass, esc(line.value));
        }
    }
    return html + QStringLiteral("</table>");
}

// About how many lines an answer takes once its cells wrap: a long answer
// (a list of diagnoses) is as tall as several short ones. The widths are the
// characters that fit the label and value cells at the summary's type size.
std::size_t printedLines(const AnswerLine& line)
{
    constexpr qsizetype kLabelCharacters = 36;
    constexpr qsizetype kValueCharacters = 30;
    constexpr qsizetype kColumnCharacters = 68;
    const auto lines = [](qsizetype characters, qsizetype width) {
        return static_cast<std::size_t>(std::max<qsizetype>(1, (characters + width - 1) / width));
    };
    if (line.gathered)
        return lines(line.label.size() + 2 + line.value.size(), kColumnCharacters);
    return std::max(lines(line.label.size(), kLabelCharacters), lines(line.value.size(), kValueCharacters));
}

// Sections in two columns, split where the two heights balance best: the
// whole record fits beside the reasoning instead of on a second page.
void appendAnswers(QString& html, const ReportData& data, const ReportStrings& strings)
{
    const auto& sections = data.answerSections;
    html += QStringLiteral("<p class=\"h\">%1</p>").arg(esc(strings.answers));
    if (sections.empty())
        return;
    std::vector<std::size_t> heights; // printed lines before each section
    std::size_t total = 0;
    for (const AnswerSection& section : sections) {
        heights.push_back(total);
        total += 1;
        for (const AnswerLine& line : section.lines)
            total += printedLines(line);
    }
    std::size_t split = sections.size();
    std::size_t best = total;
    for (std::size_t index = 1; index < sections.size(); ++index) {
        const std::size_t left = heights[index];
        const std::size_t right = total - left;
        const std::size_t taller = std::max(left, right);
        if (taller < best) {
            best = taller;
            split = index;
        }
    }
    html +=
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"49%\">");
    html += sectionsHtml(sections, 0, split);
    html += QStringLiteral("</td><td width=\"2%\"></td><td width=\"49%\">");
    html += sectionsHtml(sections, split, sections.size());
    html += QStringLiteral("</td></tr></table>");
}

} // namespace

QString physicianSummaryHtml(const ReportData& data)
{
    // In the clinic's language, whatever the program shows the patient now.
    const ReportStrings strings = ReportStrings::forLanguage(data.summaryLanguage);
    QString html = QStringLiteral("<html><body>");
    appendHeaderFacts(html, data, strings);
    appendFlags(html, data, strings);
    appendResult(html, data, strings);
    appendFactors(html, data, strings);
    appendNextSteps(html, data, strings);
    appendAnswers(html, data, strings);
    if (!data.physicianDisclaimer.isEmpty())
        html += QStringLiteral("<p class=\"disclaimer\">%1</p>").arg(esc(data.physicianDisclaimer));
    html += QStringLiteral("</body></html>");
    return html;
}

int renderPhysicianSummary(const ReportData& data, QPagedPaintDevice& device)
{
    const ReportStrings strings = ReportStrings::forLanguage(data.summaryLanguage);
    PageFrame frame;
    frame.strings = strings;
    frame.title = strings.physicianTitle;
    frame.subtitle = strings.confidential;
    frame.footerLeft = assessmentText(data, strings);
    frame.footerRight = strings.printedAt.arg(formatTime(data.printedAt, strings));
    frame.styleSheet = kStyleSheet;
    frame.bodyPointSize = 8.0;
    return paintPaged(physicianSummaryHtml(data), data, frame, device);
}

} // namespace spinepath::report
