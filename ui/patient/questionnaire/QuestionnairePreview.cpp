#include "QuestionnairePreview.h"

#include "QuestionnaireView.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/scoring/ScreeningContent.h"
#include "core/session/AssessmentSession.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;

QuestionnairePreview::QuestionnairePreview(const q::Questionnaire& questionnaire, QWidget* parent)
    : QWidget(parent)
    , m_content(std::make_unique<spinepath::scoring::ScreeningContent>(
          spinepath::scoring::ScreeningContent::preview(questionnaire)))
{
    setObjectName(QStringLiteral("questionnairePreview"));
    const QString title = QString::fromStdString(
        questionnaire.title().empty()
            ? (questionnaire.name().empty() ? questionnaire.id() : questionnaire.name())
            : questionnaire.title());
    //: The window title of spinepath --preview; %1 is the questionnaire's title
    setWindowTitle(tr("Preview: %1").arg(title));
    auto* layout = new QVBoxLayout(this);
    auto* notice = new QLabel(tr("Preview of a questionnaire: answers are not stored."), this);
    notice->setObjectName(QStringLiteral("previewNotice"));
    notice->setWordWrap(true);
    layout->addWidget(notice);

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    auto* end = new QWidget(m_stack);
    auto* endLayout = new QVBoxLayout(end);
    m_status = new QLabel(end);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    endLayout->addWidget(m_status);
    m_response = new QPlainTextEdit(end);
    m_response->setObjectName(QStringLiteral("responseText"));
    m_response->setReadOnly(true);
    m_response->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_response->setAccessibleName(tr("The answers as a FHIR QuestionnaireResponse"));
    endLayout->addWidget(m_response, 1);
    auto* buttons = new QHBoxLayout();
    auto* again = new QPushButton(tr("Start again"), end);
    again->setObjectName(QStringLiteral("startAgain"));
    connect(again, &QPushButton::clicked, this, &QuestionnairePreview::startAgain);
    buttons->addWidget(again);
    buttons->addStretch();
    endLayout->addLayout(buttons);
    m_stack->addWidget(end);
    startAgain();
}

QuestionnairePreview::~QuestionnairePreview() = default;

QString QuestionnairePreview::responseText() const
{
    return m_response->toPlainText();
}

void QuestionnairePreview::startAgain()
{
    if (m_view) {
        m_stack->removeWidget(m_view);
        m_view->deleteLater();
    }
    // A session without storage: nothing leaves this window.
    m_session = std::make_unique<spinepath::AssessmentSession>(*m_content, spinepath::AssessmentMode::Home);
    m_view = new QuestionnaireView(*m_session, m_stack);
    m_view->setFinishShowsResults(true);
    connect(m_view, &QuestionnaireView::completed, this, &QuestionnairePreview::showResponse);
    m_stack->insertWidget(0, m_view);
    m_stack->setCurrentWidget(m_view);
    m_response->clear();
}

void QuestionnairePreview::showResponse()
{
    const q::Questionnaire& questionnaire = m_content->questionnaire();
    const nlohmann::json accepted = m_session->acceptedAnswers();
    q::ResponseOptions options;
    nlohmann::json response;
    try {
        response = q::toQuestionnaireResponse(questionnaire, accepted, options);
        m_status->setText(tr("Done. SpinePath would store this response (status \"completed\"); the preview "
                             "stores nothing."));
    } catch (const q::QuestionnaireError& error) {
        // A required answer left out (a page skipped by its enableWhen, say).
        options.status = "in-progress";
        response = q::toQuestionnaireResponse(questionnaire, accepted, options);
        m_status->setText(tr("Not complete (%1), so this response is \"in-progress\". The preview stores "
                             "nothing.")
                              .arg(QString::fromStdString(error.what())));
    }
    m_response->setPlainText(QString::fromStdString(response.dump(2)));
    m_stack->setCurrentIndex(m_stack->count() - 1);
}

} // namespace spinepath::ui
