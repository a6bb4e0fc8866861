#pragma once

#include <QPageLayout>
#include <QString>

#include <functional>

class QPrintDialog;
class QPrintPreviewDialog;
class QPrinter;
class QWidget;

namespace spinepath::ui {

// The one way a document reaches paper: the patient copy from the results
// page, the staff console's physician summary and patient copy, an article.
// Dialogs are opened with open(), never exec(), so nothing blocks a window or
// a test; each owns its printer. At the kiosk only printDirect() may be used:
// a print dialog or preview would open the computer's files to a patient
// through "Print to File".
class ReportPrinter final
{
public:
    // Draws the document on `printer`; false when it could not (the caller
    // has said why).
    using Paint = std::function<bool(QPrinter& printer)>;

    struct Document
    {
        // The job name print queues show to everyone: never a patient's name.
        QString name;
        // Invalid: the printer's own page layout.
        QPageLayout layout;
    };

    enum class Outcome
    {
        Printed,
        NoPrinter,
        NotPrinted
    };

    ReportPrinter() = delete;

    // A preview named `objectName` that paints whenever it needs pages. Its
    // Print button accepts the dialog once the pages went out.
    static QPrintPreviewDialog* openPreview(QWidget* parent, const QString& objectName,
                                            const Document& document, Paint paint);
    // A print dialog named `objectName`; accepted, it paints on the printer chosen.
    static QPrintDialog* openPrintDialog(QWidget* parent, const QString& objectName, const Document& document,
                                         Paint paint);
    // Straight to the clinic's printer `printerName` (empty: the default
    // printer), no dialog: NoPrinter when it is not installed.
    [[nodiscard]] static Outcome printDirect(const QString& printerName, const Document& document,
                                             const Paint& paint);
};

} // namespace spinepath::ui
