#include "staff/ReportActions.h"

#include "common/ClinicPrinter.h"
#include "common/StaffFileChooser.h"

#include "core/storage/AuditLog.h"

#include <QDir>
#include <QFileInfo>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace spinepath::ui {

using spinepath::report::DocumentKind;

namespace {

std::string_view auditName(DocumentKind kind)
{
    return kind == DocumentKind::PhysicianSummary ? "physician" : "patient";
}

} // namespace

ReportActions::ReportActions(const spinepath::storage::Database* database, std::string actor,
                             QWidget* dialogParent)
    : QObject(dialogParent)
    , m_database(database)
    , m_actor(std::move(actor))
    , m_dialogParent(dialogParent)
{}

ReportActions::~ReportActions() = default;

void ReportActions::setReport(std::shared_ptr<const spinepath::report::ReportData> report)
{
    m_report = std::move(report);
}

QString ReportActions::documentName(DocumentKind kind)
{
    return kind == DocumentKind::PhysicianSummary ? tr("Physician summary") : tr("Patient copy");
}

QPrinter* ReportActions::newPrinter(DocumentKind kind) const
{
    auto* printer = new QPrinter(QPrinter::HighResolution);
    printer->setPageLayout(spinepath::report::reportPageLayout(m_paper));
    // The job name shows in print queues other people see: no patient name.
    printer->setDocName(documentName(kind));
    ClinicPrinter::redirectForTesting(*printer);
    return printer;
}

bool ReportActions::renderTo(DocumentKind kind, const spinepath::report::ReportData& report,
                             QPrinter& printer)
{
    try {
        spinepath::report::render(kind, report, printer);
        return true;
    } catch (const spinepath::report::ReportError& error) {
        emit message(tr("The %1 could not be printed: %2")
                         .arg(documentName(kind).toLower(), QString::fromUtf8(error.what())));
        return false;
    }
}

void ReportActions::audit(std::string_view action, DocumentKind kind, const QString& assessmentId)
{
    if (!m_database)
        return;
    if (auto logged = spinepath::storage::AuditLog(*m_database)
                          .append(m_actor, action, assessmentId.toStdString(), auditName(kind));
        !logged)
        emit message(QString::fromStdString(logged.error().message));
}

void ReportActions::openPreview(DocumentKind kind)
{
    if (!m_report)
        return;
    QPrinter* printer = newPrinter(kind);
    auto* preview = new QPrintPreviewDialog(printer, m_dialogParent);
    preview->setObjectName(QStringLiteral("staffPrintPreview"));
    preview->setWindowTitle(tr("Print preview: %1").arg(documentName(kind)));
    preview->setAttribute(Qt::WA_DeleteOnClose);
    connect(preview, &QObject::destroyed, this, [printer] { delete printer; });
    // The dialog keeps its own reference: a later selection does not change it.
    const auto report = m_report;
    connect(preview, &QPrintPreviewDialog::paintRequested, preview,
            [this, kind, report](QPrinter* target) { renderTo(kind, *report, *target); });
    // The preview's Print button accepts the dialog once the pages went out.
    connect(preview, &QDialog::accepted, this,
            [this, kind, report] { audit(spinepath::storage::audit::kPrinted, kind, report->assessmentId); });
    preview->open();
}

void ReportActions::print(DocumentKind kind)
{
    if (!m_report)
        return;
    if (!ClinicPrinter::printToFileForTesting().isEmpty()) {
        printWithoutDialog(kind);
        return;
    }
    QPrinter* printer = newPrinter(kind);
    auto* dialog = new QPrintDialog(printer, m_dialogParent);
    dialog->setObjectName(QStringLiteral("staffPrintDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, this, [printer] { delete printer; });
    const auto report = m_report;
    connect(dialog, &QDialog::accepted, this, [this, kind, report, printer] {
        if (renderTo(kind, *report, *printer)) {
            audit(spinepath::storage::audit::kPrinted, kind, report->assessmentId);
            emit message(tr("The %1 was sent to the printer.").arg(documentName(kind).toLower()));
        }
    });
    dialog->open();
}

bool ReportActions::printWithoutDialog(DocumentKind kind)
{
    if (!m_report)
        return false;
    const std::unique_ptr<QPrinter> printer = ClinicPrinter::open(m_printerName);
    if (!printer) {
        emit message(m_printerName.isEmpty()
                         ? tr("The %1 was not printed: this computer has no default printer.")
                               .arg(documentName(kind).toLower())
                         : tr("The %1 was not printed: the printer %2 is not installed.")
                               .arg(documentName(kind).toLower(), m_printerName));
        return false;
    }
    printer->setPageLayout(spinepath::report::reportPageLayout(m_paper));
    printer->setDocName(documentName(kind));
    if (!renderTo(kind, *m_report, *printer))
        return false;
    audit(spinepath::storage::audit::kPrinted, kind, m_report->assessmentId);
    emit message(tr("The %1 was sent to the printer.").arg(documentName(kind).toLower()));
    return true;
}

bool ReportActions::savePdf(DocumentKind kind)
{
    if (!m_report)
        return false;
    // The suggested name carries the date and document, never the patient's name.
    const QString suggested = (kind == DocumentKind::PhysicianSummary ? QStringLiteral("physician-summary-")
                                                                      : QStringLiteral("patient-copy-")) +
                              m_report->takenAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd-HHmm")) +
                              QStringLiteral(".pdf");
    QString path = StaffFileChooser::saveFileName(
        m_dialogParent, tr("Save %1 as PDF").arg(documentName(kind)), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".pdf");
    try {
        spinepath::report::writePdf(kind, *m_report, m_paper, path);
    } catch (const spinepath::report::ReportError& error) {
        emit message(QString::fromUtf8(error.what()));
        return false;
    }
    audit(spinepath::storage::audit::kPdfSaved, kind, m_report->assessmentId);
    emit message(tr("Saved the %1 as %2.").arg(documentName(kind).toLower(), QDir::toNativeSeparators(path)));
    return true;
}

} // namespace spinepath::ui
