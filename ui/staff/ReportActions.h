#pragma once

#include "common/ReportPrinter.h"

#include "core/report/ReportData.h"
#include "core/report/ReportPdf.h"

#include <QObject>
#include <QString>

#include <memory>
#include <string>

class QPrinter;
class QWidget;

namespace spinepath::storage {
class Database;
}

namespace spinepath::ui {

// Print preview, Print and Save as PDF of one assessment's two documents
// (physician summary, patient copy), each recorded in the audit log with the
// document's kind only. Printer and preview dialogs are opened with open(),
// never exec(), so nothing blocks the console or a test.
class ReportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportActions)

public:
    ReportActions(const spinepath::storage::Database* database, std::string actor, QWidget* dialogParent);
    ~ReportActions() override;

    void setPaper(spinepath::Paper paper) { m_paper = paper; }
    // Where printWithoutDialog prints (the clinic's printer setting); empty: the default printer.
    void setPrinterName(const QString& name) { m_printerName = name; }
    [[nodiscard]] spinepath::Paper paper() const { return m_paper; }

    // The report acted on; null: none (the actions do nothing).
    void setReport(std::shared_ptr<const spinepath::report::ReportData> report);
    [[nodiscard]] const std::shared_ptr<const spinepath::report::ReportData>& report() const
    {
        return m_report;
    }

    void openPreview(spinepath::report::DocumentKind kind);
    void print(spinepath::report::DocumentKind kind);
    // To the clinic's printer without a dialog (the auto-print setting).
    bool printWithoutDialog(spinepath::report::DocumentKind kind);
    bool savePdf(spinepath::report::DocumentKind kind);

    [[nodiscard]] static QString documentName(spinepath::report::DocumentKind kind);

signals:
    // What happened, in words for staff ("Saved ...", or why not).
    void message(const QString& text);

private:
    [[nodiscard]] ReportPrinter::Document document(spinepath::report::DocumentKind kind) const;
    bool renderTo(spinepath::report::DocumentKind kind, const spinepath::report::ReportData& report,
                  QPrinter& printer);
    // Audits a document that went to the printer and tells staff.
    void printed(spinepath::report::DocumentKind kind, const QString& assessmentId);
    void audit(std::string_view action, spinepath::report::DocumentKind kind, const QString& assessmentId);

    const spinepath::storage::Database* m_database;
    std::string m_actor;
    QWidget* m_dialogParent;
    spinepath::Paper m_paper = spinepath::Paper::A4;
    QString m_printerName;
    std::shared_ptr<const spinepath::report::ReportData> m_report;
};

} // namespace spinepath::ui
