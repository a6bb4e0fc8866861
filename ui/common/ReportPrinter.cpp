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

// The printer of one dialog, deleted when the dialog goes (it does not own it).
QPrinter* printerFor(QDialog* dialog, std::unique_ptr<QPrinter> printer)
{
    QPrinter* const raw = printer.release();
    QObject::connect(dialog, &QObject::destroyed, [raw] { delete raw; });
    return raw;
}

std::unique_ptr<QPrinter> newPrinter(const ReportPrinter::Document& document)
{
    auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    prepare(*printer, document);
    ClinicPrinter::redirectForTesting(*printer);
    return printer;
}

} // namespace

QPrintPreviewDialog* ReportPrinter::openPreview(QWidget* parent, const QString& objectName,
                                                const Document& document, Paint paint)
{
    auto printer = newPrinter(document);
    auto* preview = new QPrintPreviewDialog(printer.get(), parent);
    printerFor(preview, std::move(printer));
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
    auto owned = newPrinter(document);
    auto* dialog = new QPrintDialog(owned.get(), parent);
    QPrinter* const printer = printerFor(dialog, std::move(owned));
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
