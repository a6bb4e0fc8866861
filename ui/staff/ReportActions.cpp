#include "staff/ReportActions.h"

#include "common/ClinicPrinter.h"
#include "common/ReportPrinter.h"
#include "common/StaffFileChooser.h"

#include "core/storage/AuditLog.h"

#include <QDir>
#include <QFileInfo>
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

ReportPrinter::Document ReportActions::document(DocumentKind kind) const
{
    return {documentName(kind), spinepath::report::reportPageLayout(m_paper)};
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
    // The dialog keeps its own reference: a later selection does not change it.
    const auto report = m_report;
    auto* preview = ReportPrinter::openPreview(
        m_dialogParent, QStringLiteral("staffPrintPreview"), document(kind),
        [this, kind, report](QPrinter& target) { return renderTo(kind, *report, target); });
    preview->setWindowTitle(tr("Print preview: %1").arg(documentName(kind)));
    // The preview's Print button accepts the dialog once the pages went out.
    connect(preview, &QDialog::accepted, this,
            [this, kind, report] { audit(spinepath::storage::audit::kPrinted, kind, report->assessmentId); });
}

void ReportActions::print(DocumentKind kind)
{
    if (!m_report)
        return;
    if (!ClinicPrinter::printToFileForTesting().isEmpty()) {
        printWithoutDialog(kind);
        return;
    }
    const auto report = m_report;
    ReportPrinter::openPrintDialog(m_dialogParent, QStringLiteral("staffPrintDialog"), document(kind),
                                   [this, kind, report](QPrinter& printer) {
                                       if (!renderTo(kind, *report, printer))
                                           return false;
                                       printed(kind, report->assessmentId);
                                       return true;
                                   });
}

bool ReportActions::printWithoutDialog(DocumentKind kind)
{
    if (!m_report)
        return false;
    const auto report = m_report;
    switch (
        ReportPrinter::printDirect(m_printerName, document(kind), [this, kind, report](QPrinter& printer) {
            return renderTo(kind, *report, printer);
        })) {
    case ReportPrinter::Outcome::NoPrinter:
        emit message(m_printerName.isEmpty()
                         ? tr("The %1 was not printed: this computer has no default printer.")
                               .arg(documentName(kind).toLower())
                         : tr("The %1 was not printed: the printer %2 is not installed.")
                               .arg(documentName(kind).toLower(), m_printerName));
        return false;
    case ReportPrinter::Outcome::NotPrinted:
        return false;
    case ReportPrinter::Outcome::Printed:
        break;
    }
    printed(kind, report->assessmentId);
    return true;
}

void ReportActions::printed(DocumentKind kind, const QString& assessmentId)
{
    audit(spinepath::storage::audit::kPrinted, kind, assessmentId);
    emit message(tr("The %1 was sent to the printer.").arg(documentName(kind).toLower()));
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
