#pragma once

#include <QPrinter>
#include <QString>

#include <memory>

namespace spinepath::ui {

// The clinic's own printer, chosen in the settings (empty: the computer's
// default printer). The kiosk prints there directly: a print dialog would let
// a patient reach the file system through "Print to File".
class ClinicPrinter final
{
public:
    ClinicPrinter() = delete;

    // A printer that prints on `printerName` (empty: the default printer), or
    // null when that printer is not installed (or there is no default).
    [[nodiscard]] static std::unique_ptr<QPrinter> open(const QString& printerName);

    // Tests: every printer this program makes writes a PDF to this path
    // instead, and no print dialog is needed. Empty: real printers.
    static void setPrintToFileForTesting(const QString& pdfPath);
    [[nodiscard]] static QString printToFileForTesting();
    // Points `printer` at the test's PDF file when tests asked for one.
    static void redirectForTesting(QPrinter& printer);
};

} // namespace spinepath::ui
