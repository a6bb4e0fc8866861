#include "common/ReportPrinter.h"

#include "common/ClinicPrinter.h"

#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>

#include <memory>

namespace spinepath::ui {

namespace {

void prepare(QPrinter& printer, const ReportPrinter::Document& document)
{
    if (document.layout.isValid())
        printer.setPageLayout(document.layout);
    printer.setDocName(document.name);
}

// A dialog's printer: a dialog does not own the printer it is given, so it
// goes with the dialog.
QPrinter* newDialogPrinter(const ReportPrinter::Document& document)
{
    auto* printer = new QPrinter(QPrinter::HighResolution);
    prepare(*printer, document);
    ClinicPrinter::redirectForTesting(*printer);
    return printer;
}

void deleteWith(QDialog& dialog, QPrinter* printer)
{
    QObject::connect(&dialog, &QObject::destroyed, [printer] { delete printer; });
}

} // namespace

QPrintPreviewDialog* ReportPrinter::openPreview(QWidget* parent, const QString& objectName,
                                                const Document& document, Paint paint)
{
    QPrinter* const printer = newDialogPrinter(document);
    auto* preview = new QPrintPreviewDialog(printer, parent);
    deleteWith(*preview, printer);
    preview->setObjectName(objectName);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(preview, &QPrintPreviewDialog::paintRequested, preview,
                     [paint = std::move(paint)](QPrinter* target) { paint(*target); });
    preview->open();
    return preview;
}

QPrintDialog* ReportPrinter::openPrintDialog(QWidget* parent, const QString& objectName,
                                             const Document& document, Paint paint)
{
    QPrinter* const printer = newDialogPrinter(document);
    auto* dialog = new QPrintDialog(printer, parent);
    deleteWith(*dialog, printer);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::accepted, dialog,
                     [printer, paint = std::move(paint)] { paint(*printer); });
    dialog->open();
    return dialog;
}

ReportPrinter::Outcome ReportPrinter::printDirect(const QString& printerName, const Document& document,
                                                  const Paint& paint)
{
    const std::unique_ptr<QPrinter> printer = ClinicPrinter::open(printerName);
    if (!printer)
        return Outcome::NoPrinter;
    prepare(*printer, document);
    return paint(*printer) ? Outcome::Printed : Outcome::NotPrinted;
}

} // namespace spinepath::ui
