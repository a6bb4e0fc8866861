#include "QuestionnaireView.h"

#include "ReturnKey.h"
#include "SectionPage.h"
#include "core/session/AssessmentSession.h"

#include "core/questionnaire/Questionnaire.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace spinepath::ui {

QuestionnaireView::QuestionnaireView(spinepath::AssessmentSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_progressLabel(new QLabel(this))
    , m_progressBar(new QProgressBar(this))
    , m_backButton(new QPushButton(tr("Back"), this))
    , m_nextButton(new QPushButton(tr("Next"), this))
{
    setObjectName(QStringLiteral("questionnaireView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(10);

    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressLabel->setProperty("role", QStringLiteral("progress"));
    m_progressLabel->setWordWrap(true); // a long section name at the largest text takes two lines
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumHeight(10);
    m_progressBar->setAccessibleName(tr("Progress through the questionnaire"));
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_stack, 1);

    buildSections(m_session.content().questionnaire());

    auto* buttons = new QHBoxLayout();
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_nextButton->setObjectName(QStringLiteral("nextButton"));
    m_backButton->setProperty("role", QStringLiteral("secondary"));
    m_nextButton->setProperty("role", QStringLiteral("primary"));
    m_backButton->setMinimumSize(140, 52);
    m_nextButton->setMinimumSize(180, 52);
    m_backButton->setAccessibleName(m_backButton->text());
    m_backButton->setToolTip(tr("Go back to the previous section"));
    m_backButton->setAccessibleDescription(m_backButton->toolTip());
    buttons->addWidget(m_backButton);
    buttons->addStretch();
    buttons->addWidget(m_nextButton);
    layout->addLayout(buttons);

    connect(m_nextButton, &QPushButton::clicked, this, &QuestionnaireView::goNext);
    connect(m_backButton, &QPushButton::clicked, this, &QuestionnaireView::goBack);
    ReturnKey::pressesButton(*m_backButton);
    ReturnKey::pressesButton(*m_nextButton);
    // Next's own shortcut: a chord, so that Enter on Back or on an answer does
    // what it says, and Enter alone never finishes the questionnaire. The
    // check of required answers still applies.
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | key), this);
        shortcut->setObjectName(QStringLiteral("nextShortcut"));
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, m_nextButton, &QPushButton::click);
    }
    // A section may appear or vanish as answers change (enableWhen on groups).
    connect(&m_session, &spinepath::AssessmentSession::answersChanged, this,
            &QuestionnaireView::updateChrome);
    showSection(neighbour(-1, 1));
}

QuestionnaireView::~QuestionnaireView() = default;

void QuestionnaireView::buildSections(const spinepath::questionnaire::Questionnaire& wording)
{
    // The pages already show this wording (copies of a questionnaire share it).
    if (!m_sections.empty() && &wording.source() == m_wordingSource)
        return;
    m_wordingSource = &wording.source();
    const int current = m_sections.empty() ? -1 : currentSection();
    // Out of the widget tree at once (nothing finds the old pages), deleted
    // once the event that asked for the new wording is done.
    for (SectionPage* page : m_sections) {
        m_stack->removeWidget(page);
        page->hide();
        page->setParent(nullptr);
        page->deleteLater();
    }
    m_sections.clear();
    for (const auto* item : wording.items()) {
        if (item->hidden())
            continue;
        auto* page = new SectionPage(*item, m_session, m_stack);
        m_sections.push_back(page);
        m_stack->addWidget(page);
    }
    if (current < 0)
        return;
    // The same answers and section, in the new wording.
    for (SectionPage* page : m_sections)
        page->showAnswers();
    m_stack->setCurrentIndex(std::min(current, sectionCount() - 1));
    updateChrome();
    m_sections[static_cast<std::size_t>(currentSection())]->focusFirstQuestion();
}

void QuestionnaireView::setWording(Wording wording)
{
    m_wording = std::move(wording);
    if (m_wording)
        buildSections(m_wording());
}

void QuestionnaireView::setFinishShowsResults(bool showsResults)
{
    m_finishShowsResults = showsResults;
    updateChrome();
}

void QuestionnaireView::keepTopRightClear(int width)
{
    m_progressLabel->setContentsMargins(0, 0, width, 0);
}

int QuestionnaireView::currentSection() const
{
    return m_stack->currentIndex();
}

int QuestionnaireView::sectionCount() const
{
    return static_cast<int>(m_sections.size());
}

int QuestionnaireView::neighbour(int from, int step) const
{
    const auto& enabled = m_session.enabledLinkIds();
    for (int i = from + step; i >= 0 && i < sectionCount(); i += step)
        if (enabled.contains(m_sections[static_cast<std::size_t>(i)]->linkId()))
            return i;
    return -1;
}

void QuestionnaireView::showSection(int index)
{
    if (index < 0 || index >= sectionCount())
        return;
    m_stack->setCurrentIndex(index);
    updateChrome();
    m_sections[static_cast<std::size_t>(index)]->focusFirstQuestion();
    emit sectionChanged(index);
}

void QuestionnaireView::showAnswers()
{
    for (SectionPage* page : m_sections)
        page->showAnswers();
    updateChrome();
}

void QuestionnaireView::resumeWhereStopped()
{
    showAnswers();
    const auto& enabled = m_session.enabledLinkIds();
    for (int i = 0; i < sectionCount(); ++i) {
        const std::string& linkId = m_sections[static_cast<std::size_t>(i)]->linkId();
        if (enabled.contains(linkId) && !m_session.missingRequired(linkId).empty()) {
            showSection(i);
            return;
        }
    }
    showSection(neighbour(sectionCount(), -1));
}

void QuestionnaireView::goNext()
{
    // A questionnaire with nothing to show (no items, or only hidden ones)
    // has nothing to ask: Finish ends it.
    if (m_sections.empty()) {
        emit completed();
        return;
    }
    SectionPage* page = m_sections[static_cast<std::size_t>(currentSection())];
    if (!page->checkRequired())
        return;
    const int next = neighbour(currentSection(), 1);
    if (next < 0)
        emit completed();
    else
        showSection(next);
}

void QuestionnaireView::goBack()
{
    const int previous = neighbour(currentSection(), -1);
    if (previous < 0)
        emit backedOutOfStart();
    else
        showSection(previous);
}

void QuestionnaireView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    m_backButton->setText(tr("Back"));
    m_backButton->setAccessibleName(m_backButton->text());
    m_backButton->setToolTip(tr("Go back to the previous section"));
    m_backButton->setAccessibleDescription(m_backButton->toolTip());
    m_progressBar->setAccessibleName(tr("Progress through the questionnaire"));
    // The questions are content: built again in the patient's new language,
    // keeping the answers and the section.
    m_session.languageChanged();
    if (m_wording)
        buildSections(m_wording());
    else
        updateChrome();
}

void QuestionnaireView::updateChrome()
{
    // Count only the sections shown for these answers, so "n of m" stays true.
    int shown = 0;
    int position = 0;
    const auto& enabled = m_session.enabledLinkIds();
    for (int i = 0; i < sectionCount(); ++i) {
        if (!enabled.contains(m_sections[static_cast<std::size_t>(i)]->linkId()))
            continue;
        ++shown;
        if (i <= currentSection())
            position = shown;
    }
    const QString title =
        m_sections.empty() ? QString() : m_sections[static_cast<std::size_t>(currentSection())]->title();
    m_progressLabel->setText(tr("Section %1 of %2: %3").arg(position).arg(shown).arg(title));
    m_progressBar->setRange(0, shown);
    m_progressBar->setValue(position);
    m_progressBar->setAccessibleDescription(m_progressLabel->text());
    const bool last = neighbour(currentSection(), 1) < 0;
    const QString finish = m_finishShowsResults ? tr("See my results") : tr("Finish");
    m_nextButton->setText(last ? finish : tr("Next"));
    m_nextButton->setAccessibleName(m_nextButton->text());
    const QString shortcut = QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText);
    m_nextButton->setToolTip(last ? tr("Finish the questionnaire (%1)").arg(shortcut)
                                  : tr("Go to the next section (%1)").arg(shortcut));
    m_nextButton->setAccessibleDescription(m_nextButton->toolTip());
}

} // namespace spinepath::ui
