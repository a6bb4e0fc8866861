#pragma once

#include "core/report/ReportData.h"
#include "core/report/ReportPdf.h"
#include "core/storage/AssessmentRecord.h"

#include <QScopedPointer>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>

class QPrintPreviewWidget;
class QPrinter;

namespace Ui {
class AssessmentDetail;
}

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

protected:
    // QEvent::LanguageChange: the form's texts and the assessment shown again.
    void changeEvent(QEvent* event) override;

private:
    void showResults(const spinepath::storage::Assessment& assessment,
                     const spinepath::report::ReportData* report);
    void showAnswers(const spinepath::report::ReportData* report);
    void updateButtons();
    void markReviewed();
    void confirmDelete();

    QScopedPointer<Ui::AssessmentDetail> m_ui;
    const AppContext& m_context;
    StaffStorage* m_storage;
    std::string m_actor;
    std::string m_id;
    std::optional<spinepath::storage::Assessment> m_assessment;
    std::shared_ptr<const spinepath::report::ReportData> m_report;

    ReportActions* m_actions;
    QPrinter* m_previewPrinter;
    QPrintPreviewWidget* m_preview = nullptr;
};

} // namespace spinepath::ui
