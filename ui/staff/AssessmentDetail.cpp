#include "staff/AssessmentDetail.h"
#include "ui_AssessmentDetail.h"

#include "staff/ReportActions.h"
#include "staff/StaffReport.h"
#include "staff/StaffTime.h"

#include "common/AppContext.h"

#include "core/storage/AuditLog.h"
#include "staff/StaffStorage.h"

#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QTextBrowser>

namespace spinepath::ui {

using spinepath::report::DocumentKind;
using spinepath::storage::Status;

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString when(const QDateTime& time)
{
    return staffDateTime(time);
}

// The style of the HTML views: readable at a desk, tables that line up.
const QString kViewStyle = QStringLiteral(
    "<style>body { font-size: 13pt; } h2 { font-size: 17pt; margin: 6px 0; } h3 { font-size: 14pt; "
    "margin: 14px 0 4px 0; } td, th { padding: 3px 10px 3px 0; vertical-align: top; } th { text-align: left; "
    "color: #2c4856; } .urgent { color: #8a1215; font-weight: 600; } .muted { color: #4a5d68; }</style>");

} // namespace

AssessmentDetail::AssessmentDetail(const AppContext& context, StaffStorage* storage, std::string actor,
                                   QWidget* parent)
    : QWidget(parent)
    , m_ui(new Ui::AssessmentDetail)
    , m_context(context)
    , m_storage(storage)
    , m_actor(std::move(actor))
    , m_actions(new ReportActions(context.database.get(), m_actor, this))
    , m_previewPrinter(new QPrinter(QPrinter::HighResolution))
{
    m_ui->setupUi(this);
    // An id or a file name longer than the narrow pane breaks where it must,
    // rather than make the pane scroll sideways; words still wrap whole.
    for (QTextBrowser* view : {m_ui->resultsView, m_ui->answersView})
        view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // The live preview paints on a printer of its own, so it is made here
    // rather than in the form; it goes first in the Summary tab.
    m_preview = new QPrintPreviewWidget(m_previewPrinter, m_ui->summaryTab);
    m_preview->setObjectName(QStringLiteral("summaryPreview"));
    m_preview->setAccessibleName(tr("Preview of the document"));
    m_preview->setViewMode(QPrintPreviewWidget::SinglePageView);
    m_preview->setZoomMode(QPrintPreviewWidget::FitToWidth);
    m_ui->summaryLayout->insertWidget(0, m_preview, 1);
    QWidget::setTabOrder(m_ui->documentChoice, m_preview);
    QWidget::setTabOrder(m_preview, m_ui->previewButton);
    // Buttons keep their words whole: the pane beside the list is never made
    // narrower than its rows of buttons need.
    for (QPushButton* button : {m_ui->markReviewedButton, m_ui->deleteButton, m_ui->previewButton,
                                m_ui->printButton, m_ui->savePdfButton})
        button->setSizePolicy(QSizePolicy::Minimum, button->sizePolicy().verticalPolicy());

    // Which document the preview and the buttons act on.
    m_ui->documentChoice->addItem(ReportActions::documentName(DocumentKind::PhysicianSummary),
                                  static_cast<int>(DocumentKind::PhysicianSummary));
    m_ui->documentChoice->addItem(ReportActions::documentName(DocumentKind::PatientCopy),
                                  static_cast<int>(DocumentKind::PatientCopy));

    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, [this](QPrinter* printer) {
        if (m_report && m_assessment && m_assessment->result) {
            try {
                spinepath::report::render(currentDocument(), *m_report, *printer);
            } catch (const spinepath::report::ReportError& error) {
                emit message(QString::fromUtf8(error.what()));
            }
        }
    });
    connect(m_ui->documentChoice, &QComboBox::currentIndexChanged, this,
            [this] { m_preview->updatePreview(); });
    connect(m_ui->previewButton, &QPushButton::clicked, this,
            [this] { m_actions->openPreview(currentDocument()); });
    connect(m_ui->printButton, &QPushButton::clicked, this, [this] { m_actions->print(currentDocument()); });
    connect(m_ui->savePdfButton, &QPushButton::clicked, this,
            [this] { m_actions->savePdf(currentDocument()); });
    connect(m_ui->markReviewedButton, &QPushButton::clicked, this, &AssessmentDetail::markReviewed);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &AssessmentDetail::confirmDelete);
    connect(m_actions, &ReportActions::message, this, &AssessmentDetail::message);
    clear();
    // As wide as its rows of buttons, in whatever language they are: the
    // console's splitter gives the pane no less, so no button clips.
    ensurePolished();
    int buttons = 0;
    for (const QLayout* row :
         {static_cast<QLayout*>(m_ui->documentRow), static_cast<QLayout*>(m_ui->printRow)})
        buttons = std::max(buttons, row->sizeHint().width());
    const QMargins margins = m_ui->detailPage->layout()->contentsMargins();
    m_ui->detailPage->setMinimumWidth(buttons + margins.left() + margins.right());
}

AssessmentDetail::~AssessmentDetail()
{
    delete m_preview; // before the printer it paints on
    delete m_previewPrinter;
}

DocumentKind AssessmentDetail::currentDocument() const
{
    return static_cast<DocumentKind>(m_ui->documentChoice->currentData().toInt());
}

void AssessmentDetail::setPaper(spinepath::Paper paper)
{
    m_actions->setPaper(paper);
    m_previewPrinter->setPageLayout(spinepath::report::reportPageLayout(paper));
    if (m_assessment)
        m_preview->updatePreview();
}

void AssessmentDetail::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange || !m_preview)
        return;
    m_ui->retranslateUi(this);
    m_preview->setAccessibleName(tr("Preview of the document"));
    if (m_assessment) {
        const std::string id = m_id; // the same one: read again, not audited again
        showAssessment(id);
    } else {
        updateButtons();
    }
}

void AssessmentDetail::clear()
{
    m_id.clear();
    m_assessment.reset();
    m_report.reset();
    m_actions->setReport(nullptr);
    m_ui->resultsView->clear();
    m_ui->answersView->clear();
    m_ui->detailHeading->clear();
    m_ui->detailStack->setCurrentWidget(m_ui->detailPlaceholder);
    updateButtons();
}

bool AssessmentDetail::showAssessment(const std::string& id)
{
    if (!m_storage)
        return false;
    auto found = m_storage->queries.get(id);
    if (!found) {
        clear();
        emit message(QString::fromStdString(found.error().message));
        return false;
    }
    const bool sameAsShown = id == m_id;
    m_id = id;
    m_assessment = std::move(found).value();
    m_report = staffReportFor(m_context, *m_assessment);
    m_actions->setReport(m_assessment->result ? m_report : nullptr);
    // Who looked at which assessment, once per opening; never what it holds.
    if (!sameAsShown && m_context.database)
        if (auto logged = spinepath::storage::AuditLog(*m_context.database)
                              .append(m_actor, spinepath::storage::audit::kViewed, id);
            !logged)
            emit message(QString::fromStdString(logged.error().message));

    const auto& assessment = *m_assessment;
    const QString name = assessment.patient.name.empty() ? tr("No name given")
                                                         : QString::fromStdString(assessment.patient.name);
    m_ui->detailHeading->setText(
        tr("%1 · %2 · %3").arg(name, when(assessment.startedAt), staffStatusName(assessment.status)));
    m_ui->detailHeading->setAccessibleName(m_ui->detailHeading->text());
    showResults(assessment, m_report.get());
    showAnswers(m_report.get());
    const bool hasSummary = assessment.result.has_value() && m_report;
    m_preview->setVisible(hasSummary);
    m_ui->noSummary->setVisible(!hasSummary);
    m_ui->noSummary->setText(
        assessment.status == Status::InProgress
            ? tr("The patient is still answering: the summary is ready once they finish.")
            : tr("This assessment has no result, so there is no summary."));
    if (hasSummary)
        m_preview->updatePreview();
    m_ui->detailStack->setCurrentIndex(1);
    updateButtons();
    return true;
}

void AssessmentDetail::showResults(const spinepath::storage::Assessment& assessment,
                                   const spinepath::report::ReportData* report)
{
    QString html = kViewStyle;
    if (!assessment.result) {
        html += QStringLiteral("<h2>") + esc(tr("No result yet")) + QStringLiteral("</h2><p>") +
                esc(assessment.status == Status::InProgress ? tr("The patient is still answering.")
                                                            : tr("The patient stopped before the end.")) +
                QStringLiteral("</p>");
    } else if (report) {
        html += QStringLiteral("<h2>") + esc(report->categoryName) + QStringLiteral("</h2>");
        if (!report->categoryClinical.isEmpty())
            html += QStringLiteral("<p>") + esc(report->categoryClinical) + QStringLiteral("</p>");
        // One row per pathway of the rules, named by content/report/labels.json.
        html += QStringLiteral("<table>");
        for (const auto& score : report->scores)
            html += QStringLiteral("<tr><th>") + esc(tr("%1 suitability").arg(score.label)) +
                    QStringLiteral("</th><td>") + esc(tr("%1 of 100").arg(score.value)) +
                    QStringLiteral("</td></tr>");
        if (report->result.peg)
            html += QStringLiteral("<tr><th>") + esc(tr("PEG (pain, enjoyment, activity)")) +
                    QStringLiteral("</th><td>") + QString::number(*report->result.peg, 'f', 1) +
                    QStringLiteral("</td></tr>");
        html += QStringLiteral("</table>");
    }
    if (report && !report->flags.empty()) {
        html += QStringLiteral("<h3>") + esc(tr("Flags")) + QStringLiteral("</h3><table>");
        for (const auto& flag : report->flags)
            html += (flag.severity == "review" ? QStringLiteral("<tr><td>")
                                               : QStringLiteral("<tr><td class=\"urgent\">")) +
                    esc(flag.severity == "emergency" ? tr("⚠ EMERGENCY")
                        : flag.severity == "urgent"  ? tr("⚠ Urgent")
                                                     : tr("Review")) +
                    QStringLiteral("</td><td><b>") + esc(flag.title) + QStringLiteral("</b><br>") +
                    esc(flag.clinical) + QStringLiteral("</td></tr>");
        html += QStringLiteral("</table>");
    } else {
        html += QStringLiteral("<h3>") + esc(tr("Flags")) + QStringLiteral("</h3><p class=\"muted\">") +
                esc(tr("None")) + QStringLiteral("</p>");
    }
    if (report && !report->factors.empty()) {
        // Two columns, the weight and the rest, so the pane beside the list
        // never scrolls sideways: the factor, its pathway and the reason
        // wrap as one block.
        html += QStringLiteral("<h3>") + esc(tr("Factors")) + QStringLiteral("</h3><table><tr><th>") +
                esc(tr("Weight")) + QStringLiteral("</th><th>") + esc(tr("Factor")) +
                QStringLiteral("</th></tr>");
        for (const auto& factor : report->factors)
            html += QStringLiteral("<tr><td>") + (factor.weight > 0 ? QStringLiteral("+") : QString()) +
                    QString::number(factor.weight) + QStringLiteral("</td><td><b>") + esc(factor.label) +
                    QStringLiteral("</b> <span class=\"muted\">") + esc(tr("(%1)").arg(factor.pathway)) +
                    QStringLiteral("</span><br>") + esc(factor.reason) + QStringLiteral("</td></tr>");
        html += QStringLiteral("</table>");
    }
    if (report && !report->notes.empty()) {
        html += QStringLiteral("<h3>") + esc(tr("Notes")) + QStringLiteral("</h3><ul>");
        for (const auto& note : report->notes)
            html += QStringLiteral("<li>") + esc(note.clinical) + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h3>") + esc(tr("Record")) + QStringLiteral("</h3><table>");
    const auto row = [&html](const QString& label, const QString& value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><th>") + esc(label) + QStringLiteral("</th><td>") + esc(value) +
                    QStringLiteral("</td></tr>");
    };
    row(tr("Status"), staffStatusName(assessment.status));
    row(tr("Taken"), assessment.mode == spinepath::AssessmentMode::Home ? tr("At home") : tr("At the kiosk"));
    row(tr("Started"), when(assessment.startedAt));
    row(tr("Completed"), when(assessment.completedAt));
    if (assessment.reviewedAt.isValid())
        row(tr("Reviewed"),
            tr("%1 by %2").arg(when(assessment.reviewedAt), QString::fromStdString(assessment.reviewedBy)));
    row(tr("Questionnaire"), QString::fromStdString(assessment.content.questionnaireId + ' ' +
                                                    assessment.content.questionnaireVersion));
    if (!assessment.content.rulesetId.empty())
        row(tr("Rules"),
            QString::fromStdString(assessment.content.rulesetId + ' ' + assessment.content.rulesetVersion));
    row(tr("Assessment id"), QString::fromStdString(assessment.id));
    html += QStringLiteral("</table>");
    m_ui->resultsView->setHtml(html);
}

void AssessmentDetail::showAnswers(const spinepath::report::ReportData* report)
{
    if (!report) {
        m_ui->answersView->setHtml(
            kViewStyle + QStringLiteral("<p>") +
            esc(tr("The stored answers cannot be read with the questionnaire in use.")) +
            QStringLiteral("</p>"));
        return;
    }
    QString html = kViewStyle;
    for (const auto& section : report->answerSections) {
        html += QStringLiteral("<h3>") + esc(section.title) + QStringLiteral("</h3><table>");
        for (const auto& line : section.lines)
            html += QStringLiteral("<tr><th>") + esc(line.label) + QStringLiteral("</th><td") +
                    (line.answered   ? QStringLiteral(">") + esc(line.value)
                     : line.gathered ? QStringLiteral(" class=\"muted\">") + esc(line.value)
                                     : QStringLiteral(" class=\"muted\">") + esc(tr("(left blank)"))) +
                    QStringLiteral("</td></tr>");
        html += QStringLiteral("</table>");
    }
    if (report->answerSections.empty())
        html += QStringLiteral("<p class=\"muted\">") + esc(tr("No answers yet.")) + QStringLiteral("</p>");
    m_ui->answersView->setHtml(html);
}

void AssessmentDetail::updateButtons()
{
    const bool shown = m_assessment.has_value();
    const bool hasSummary = shown && m_assessment->result && m_report;
    for (QWidget* widget :
         {static_cast<QWidget*>(m_ui->previewButton), static_cast<QWidget*>(m_ui->printButton),
          static_cast<QWidget*>(m_ui->savePdfButton), static_cast<QWidget*>(m_ui->documentChoice)})
        widget->setEnabled(hasSummary);
    m_ui->markReviewedButton->setEnabled(shown && m_assessment->status == Status::Completed);
    m_ui->markReviewedButton->setText(
        shown && m_assessment->status == Status::Reviewed ? tr("Reviewed") : tr("Mark reviewed"));
    m_ui->deleteButton->setEnabled(shown);
}

void AssessmentDetail::markReviewed()
{
    if (!m_storage || m_id.empty())
        return;
    const std::string id = m_id;
    if (auto done = m_storage->lifecycle.markReviewed(id); !done) {
        emit message(QString::fromStdString(done.error().message));
        return;
    }
    showAssessment(id);
    emit message(tr("Marked as reviewed."));
    emit assessmentChanged(QString::fromStdString(id));
}

void AssessmentDetail::confirmDelete()
{
    if (!m_storage || !m_assessment)
        return;
    // Names the date only: the dialog may be seen by others at the desk.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Delete assessment"),
                                tr("Delete the assessment started on %1? Its answers, results and name are "
                                   "removed for good; the audit log keeps only that it was deleted.")
                                    .arg(when(m_assessment->startedAt)),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    QPushButton* remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const std::string id = m_id;
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() != remove)
            return;
        if (auto done = m_storage->retention.remove(id); !done) {
            emit message(QString::fromStdString(done.error().message));
            return;
        }
        if (m_id == id)
            clear();
        emit message(tr("The assessment was deleted."));
        emit assessmentChanged(QString::fromStdString(id));
    });
    box->open();
}

} // namespace spinepath::ui
