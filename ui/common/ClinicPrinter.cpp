#include "common/ClinicPrinter.h"

#include <QPrinterInfo>

namespace spinepath::ui {

namespace {

QString& printToFile()
{
    static QString path;
    return path;
}

} // namespace

std::unique_ptr<QPrinter> ClinicPrinter::open(const QString& printerName)
{
    if (!printToFile().isEmpty()) {
        auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
        redirectForTesting(*printer);
        return printer;
    }
    const QPrinterInfo info =
        printerName.isEmpty() ? QPrinterInfo::defaultPrinter() : QPrinterInfo::printerInfo(printerName);
    if (info.isNull())
        return nullptr;
    auto printer = std::make_unique<QPrinter>(info, QPrinter::HighResolution);
    // A printer the system lists may still refuse (a queue that was removed).
    if (!printer->isValid())
        return nullptr;
    return printer;
}

void ClinicPrinter::setPrintToFileForTesting(const QString& pdfPath)
{
    printToFile() = pdfPath;
}

QString ClinicPrinter::printToFileForTesting()
{
    return printToFile();
}

void ClinicPrinter::redirectForTesting(QPrinter& printer)
{
    if (printToFile().isEmpty())
        return;
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printToFile());
}

} // namespace spinepath::ui
