#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;

namespace spinepath {
class AssessmentSession;
namespace scoring {
class ScreeningContent;
}
namespace questionnaire {
class Questionnaire;
}
} // namespace spinepath

namespace spinepath::ui {

class QuestionnaireView;

// spinepath --preview FILE: a content author walks any questionnaire as a
// patient would, page by page, and at the end reads the answers as the
// QuestionnaireResponse SpinePath would write. Nothing is stored: the session
// has no database, and the preview never opens one.
class QuestionnairePreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuestionnairePreview)

public:
    explicit QuestionnairePreview(const spinepath::questionnaire::Questionnaire& questionnaire,
                                  QWidget* parent = nullptr);
    ~QuestionnairePreview() override;

    [[nodiscard]] spinepath::AssessmentSession& session() const noexcept { return *m_session; }
    [[nodiscard]] QuestionnaireView* questionnaireView() const noexcept { return m_view; }
    // The response shown at the end ("" before the end).
    [[nodiscard]] QString responseText() const;

private:
    void showResponse();
    void startAgain();

    std::unique_ptr<spinepath::scoring::ScreeningContent> m_content;
    std::unique_ptr<spinepath::AssessmentSession> m_session;
    QStackedWidget* m_stack = nullptr;
    QuestionnaireView* m_view = nullptr;
    QPlainTextEdit* m_response = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace spinepath::ui
