#pragma once

#include "core/report/ReportData.h"
#include "core/report/ReportPdf.h"
#include "core/storage/AssessmentRecord.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <string>

class QComboBox;
class QLabel;
class QPrintPreviewWidget;
class QPrinter;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;

namespace spinepath::ui {

class ReportActions;
struct AppContext;
struct StaffStorage;

// One assessment for staff: its results (category, both scores, flags, the
// factors with pathway, weight and reason, notes), the answers in clinical
// wording by section, and a live preview of the physician summary or the
// patient copy; with Print preview, Print, Save as PDF, Mark reviewed and
// Delete. Opening an assessment here is recorded in the audit log.
class AssessmentDetail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssessmentDetail)

public:
    AssessmentDetail(const AppContext& context, StaffStorage* storage, std::string actor,
                     QWidget* parent = nullptr);
    ~AssessmentDetail() override;

    // Reads and shows the assessment; audited as viewed. False when it
    // cannot be read (the reason is shown).
    bool showAssessment(const std::string& id);
    void clear();
    [[nodiscard]] const std::string& assessmentId() const { return m_id; }

    void setPaper(spinepath::Paper paper);
    [[nodiscard]] ReportActions& actions() { return *m_actions; }
    [[nodiscard]] spinepath::report::DocumentKind currentDocument() const;

signals:
    // The assessment was marked reviewed or deleted: lists should re-read.
    void assessmentChanged(const QString& id);
    // A message for the status line.
    void message(const QString& text);

private:
    void showResults(const spinepath::storage::Assessment& assessment,
                     const spinepath::report::ReportData* report);
    void showAnswers(const spinepath::report::ReportData* report);
    void updateButtons();
    void markReviewed();
    void confirmDelete();

    const AppContext& m_context;
    StaffStorage* m_storage;
    std::string m_actor;
    std::string m_id;
    std::optional<spinepath::storage::Assessment> m_assessment;
    std::shared_ptr<const spinepath::report::ReportData> m_report;

    ReportActions* m_actions;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    QLabel* m_heading;
    QTabWidget* m_tabs;
    QTextBrowser* m_results;
    QTextBrowser* m_answers;
    QComboBox* m_document;
    QPrinter* m_previewPrinter;
    QPrintPreviewWidget* m_preview;
    QLabel* m_noSummary;
    QPushButton* m_previewButton;
    QPushButton* m_printButton;
    QPushButton* m_pdfButton;
    QPushButton* m_reviewButton;
    QPushButton* m_deleteButton;
};

} // namespace spinepath::ui
