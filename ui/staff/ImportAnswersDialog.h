#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace spinepath::scoring {
class ScreeningContent;
}
namespace spinepath::storage {
class AssessmentLifecycle;
}

namespace spinepath::ui {

// "Import answers": answers a patient gave at home, brought as the QR code
// on the patient copy or as a file (core/handoff). The code field has the
// focus, because a USB barcode scanner types what it reads followed by
// Enter; a file button takes a scan or photo (PNG, JPEG, PDF) or a FHIR
// QuestionnaireResponse. Each import is checked, scored with the clinic's
// current rules and stored; the message says what happened, "already
// imported" for answers stored before, and why nothing was stored otherwise.
class ImportAnswersDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportAnswersDialog)

public:
    using FileProvider = std::function<QString()>;

    ImportAnswersDialog(const spinepath::scoring::ScreeningContent& content,
                        spinepath::storage::AssessmentLifecycle& lifecycle, QWidget* parent = nullptr);
    ~ImportAnswersDialog() override;

    // Tests choose the file instead of a modal file dialog.
    void setFileProviderForTesting(FileProvider provider);

signals:
    // A new assessment was stored (duplicate false), or the answers were
    // there already (duplicate true, the first one's id).
    void imported(const QString& assessmentId, bool duplicate);

private:
    void importCode();
    void importFile();
    template <typename Read> void importWith(Read read);
    void showMessage(const QString& message, const char* state);

    const spinepath::scoring::ScreeningContent& m_content;
    spinepath::storage::AssessmentLifecycle& m_lifecycle;
    QLineEdit* m_code;
    QLabel* m_message;
    FileProvider m_fileProvider;
};

} // namespace spinepath::ui
