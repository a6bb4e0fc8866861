#pragma once

#include "core/storage/AssessmentExport.h"

#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class ExportDialog;
}

namespace spinepath::ui {

// Asks how to export the selected assessments: a FHIR Bundle of
// QuestionnaireResponses, CSV or JSON Lines. The file name is asked for
// after (StaffFileChooser), so the dialog itself never blocks.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(int selected, QWidget* parent = nullptr);
    ~ExportDialog() override;

    [[nodiscard]] spinepath::storage::ExportFormat format() const;
    void setFormat(spinepath::storage::ExportFormat format);

    [[nodiscard]] static QString suffix(spinepath::storage::ExportFormat format);
    [[nodiscard]] static QString fileFilter(spinepath::storage::ExportFormat format);

private:
    QScopedPointer<Ui::ExportDialog> m_ui;
};

} // namespace spinepath::ui
