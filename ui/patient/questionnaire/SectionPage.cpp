#include "SectionPage.h"

#include "QuestionWidget.h"
#include "RepeatingGroupView.h"
#include "core/questionnaire/RepeatingGroups.h"
#include "core/session/AssessmentSession.h"
#include "patient/PageMargins.h"

#include "core/questionnaire/Item.h"

#include <QApplication>
#include <QFrame>
#include <QLabel>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;

namespace {

// The frame that holds the rows of a table group, added to `container`.
QWidget* addTable(const q::Item& group, QWidget* container)
{
    auto* table = new QFrame(container);
    table->setObjectName(QStringLiteral("questionTable_") + QString::fromStdString(group.linkId()));
    table->setProperty("role", QStringLiteral("questionTable"));
    auto* layout = new QVBoxLayout(table);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    static_cast<QVBoxLayout*>(container->layout())->addWidget(table);
    return table;
}

constexpr int kWideMargin = 24;   // the side margin of a wide page (see fitSideMargins)
constexpr int kNestedIndent = 32; // items nested under a question are set in under it

} // namespace

SectionPage::SectionPage(const q::Item& section, spinepath::AssessmentSession& session, QWidget* parent)
    : QScrollArea(parent)
    , m_session(session)
    , m_linkId(section.linkId())
    , m_title(QString::fromStdString(section.text()))
{
    setObjectName(QStringLiteral("section_") + QString::fromStdString(section.linkId()));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    // The page itself takes no focus: Tab goes from answer to answer, and the
    // keys an answer does not use (Page Down) still scroll the page. Named for
    // a screen reader, which lists it as a region.
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(m_title);
    auto* content = new QWidget(this);
    content->setObjectName(QStringLiteral("sectionContent"));
    auto* layout = new QVBoxLayout(content);
    m_contentLayout = layout;
    layout->setContentsMargins(kWideMargin, 8, kWideMargin, 24);
    layout->setSpacing(14);

    auto* heading = new QLabel(m_title, content);
    heading->setTextFormat(Qt::PlainText);
    heading->setObjectName(QStringLiteral("sectionHeading"));
    heading->setProperty("role", QStringLiteral("sectionHeading"));
    heading->setWordWrap(true);
    heading->setAccessibleName(m_title);
    layout->addWidget(heading);

    if (section.isQuestion()) {
        // A question at the top level of a questionnaire is a page of its own.
        auto* widget = QuestionWidget::create(section, content);
        m_items.questions.push_back(widget);
        m_items.conditional.emplace_back(widget, section.linkId());
        layout->addWidget(widget);
        addNested(section, content, 0, m_items);
    } else if (q::isRepeatingGroup(section)) {
        // A repeating group at the top level: the page holds its instances.
        auto* view = new RepeatingGroupView(
            section, m_session,
            [this](const q::Item& group, QWidget* frame, PageItems& items) {
                addItems(group, frame, 1, items);
            },
            content);
        m_items.repeating.push_back(view);
        layout->addWidget(view);
    } else {
        addItems(section, content, 0, m_items);
    }
    layout->addStretch();
    setWidget(content);

    for (QuestionWidget* question : m_items.questions)
        connect(question, &QuestionWidget::valueChanged, this,
                [this, question](const std::string& linkId, const nlohmann::json& value) {
                    // An answer the session refuses is not an error of the
                    // program: the patient reads why beside the question.
                    const auto problem = m_session.setAnswer(linkId, value);
                    question->showProblem(problem ? &*problem : nullptr);
                });
    connect(&m_session, &spinepath::AssessmentSession::answersChanged, this, &SectionPage::applyEnablement);
    // Whatever moves the focus (Tab, the arrow keys between answers, a missing
    // answer), the control with the focus is scrolled into view.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (now && widget()->isAncestorOf(now))
            ensureWidgetVisible(now);
    });
    applyEnablement();
    // Initial values (R4 initial, initialSelected) are answers from the start.
    if (!m_session.answers().empty())
        showAnswers();
}

SectionPage::~SectionPage() = default;

void SectionPage::resizeEvent(QResizeEvent* event)
{
    fitSideMargins(*m_contentLayout, width(), kWideMargin);
    QScrollArea::resizeEvent(event);
}

void SectionPage::addItems(const q::Item& parent, QWidget* container, int depth, PageItems& into)
{
    // A group marked with the itemControl "table" shows its questions as the
    // rows of one table (Yes and No beside each question), so that a long
    // list of short questions can be answered quickly.
    const bool table = parent.itemControl() == "table";
    const auto presentation =
        table ? QuestionWidget::Presentation::TableRow : QuestionWidget::Presentation::Card;
    QWidget* target = container;
    for (const q::Item* item : parent.children()) {
        // Help and scale labels belong to their question; a hidden item is never asked.
        if (describesQuestion(*item) || item->hidden())
            continue;
        const bool firstRow = table && target == container && item->isQuestion();
        if (firstRow)
            target = addTable(parent, container);
        auto* layout = static_cast<QVBoxLayout*>(target->layout());
        if (item->isQuestion()) {
            auto* widget = QuestionWidget::create(*item, target, presentation);
            // For the style sheet: rows are ruled off from the one above, and a
            // follow-up question is set in under the question it follows.
            widget->setProperty("firstRow", firstRow);
            widget->setProperty("followUp", table && !item->enableWhen().empty());
            into.questions.push_back(widget);
            into.conditional.emplace_back(widget, item->linkId());
            layout->addWidget(widget);
            addNested(*item, target, depth, into);
        } else if (q::isRepeatingGroup(*item)) {
            // Its instances hold answers of their own: built again per instance.
            auto* view = new RepeatingGroupView(
                *item, m_session,
                [this, depth](const q::Item& group, QWidget* frame, PageItems& items) {
                    addItems(group, frame, depth + 1, items);
                },
                target);
            into.conditional.emplace_back(view, item->linkId());
            into.repeating.push_back(view);
            layout->addWidget(view);
        } else if (item->type() == q::ItemType::Group) {
            auto* group = new QWidget(target);
            group->setObjectName(QStringLiteral("group_") + QString::fromStdString(item->linkId()));
            auto* groupLayout = new QVBoxLayout(group);
            groupLayout->setContentsMargins(depth > 0 ? 16 : 0, 0, 0, 0);
            if (!item->text().empty()) {
                auto* subheading = new QLabel(QString::fromStdString(item->text()), group);
                subheading->setTextFormat(Qt::PlainText);
                subheading->setProperty("role", QStringLiteral("subheading"));
                subheading->setWordWrap(true);
                groupLayout->addWidget(subheading);
            }
            into.conditional.emplace_back(group, item->linkId());
            addItems(*item, group, depth + 1, into);
            layout->addWidget(group);
        } else {
            auto* note = new QLabel(QString::fromStdString(item->text()), target);
            note->setTextFormat(Qt::PlainText);
            note->setProperty("role", QStringLiteral("intro"));
            note->setWordWrap(true);
            into.conditional.emplace_back(note, item->linkId());
            layout->addWidget(note);
        }
    }
}

void SectionPage::addNested(const q::Item& question, QWidget* container, int depth, PageItems& into)
{
    // Items nested under a question (R4 answer.item) follow up its answer:
    // set in beneath it, and shown once it is answered (see Enablement).
    if (std::none_of(question.children().begin(), question.children().end(),
                     [](const q::Item* child) { return !describesQuestion(*child) && !child->hidden(); }))
        return;
    auto* nested = new QWidget(container);
    nested->setObjectName(QStringLiteral("nested_") + QString::fromStdString(question.linkId()));
    nested->setProperty("role", QStringLiteral("nested"));
    auto* layout = new QVBoxLayout(nested);
    layout->setContentsMargins(kNestedIndent, 0, 0, 0);
    layout->setSpacing(14);
    addItems(question, nested, depth + 1, into);
    into.nested.emplace_back(nested, &question);
    static_cast<QVBoxLayout*>(container->layout())->addWidget(nested);
}

void SectionPage::applyEnablement()
{
    m_items.applyEnablement(m_session.enabledLinkIds());
    for (RepeatingGroupView* view : m_items.repeating)
        view->refresh();
}

void SectionPage::showAnswers()
{
    const auto& answers = m_session.answers();
    for (QuestionWidget* question : m_items.questions)
        question->showAnswer(answers.contains(question->linkId()) ? answers[question->linkId()]
                                                                  : nlohmann::json());
    applyEnablement();
    for (RepeatingGroupView* view : m_items.repeating)
        view->showAnswers();
}

bool SectionPage::checkRequired()
{
    const auto missing = m_session.missingRequired(m_linkId);
    QuestionWidget* first = nullptr;
    for (QuestionWidget* question : m_items.questions) {
        const bool isMissing = std::find(missing.begin(), missing.end(), question->linkId()) != missing.end();
        question->showMissing(isMissing);
        if (isMissing && !first)
            first = question;
    }
    bool instancesComplete = true;
    for (RepeatingGroupView* view : m_items.repeating) {
        if (!view->isVisibleTo(this))
            continue;
        QuestionWidget* missingHere = view->markMissing();
        instancesComplete = instancesComplete && !missingHere;
        // The first on the page: a repeating group before the first missing question.
        if (missingHere &&
            (!first || missingHere->mapTo(widget(), QPoint()).y() < first->mapTo(widget(), QPoint()).y()))
            first = missingHere;
    }
    if (first) {
        ensureWidgetVisible(first);
        if (QWidget* target = first->focusTarget())
            target->setFocus(Qt::OtherFocusReason);
        first->announceMissing();
    }
    return missing.empty() && instancesComplete;
}

void SectionPage::focusFirstQuestion()
{
    verticalScrollBar()->setValue(0);
    for (QuestionWidget* question : m_items.questions) {
        if (question->isVisibleTo(this) && question->focusTarget()) {
            question->focusTarget()->setFocus(Qt::TabFocusReason);
            return;
        }
    }
}

} // namespace spinepath::ui
