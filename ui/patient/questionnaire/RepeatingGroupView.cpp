#include "RepeatingGroupView.h"

#include "QuestionWidget.h"
#include "core/questionnaire/Item.h"
#include "core/session/AssessmentSession.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;

RepeatingGroupView::RepeatingGroupView(const q::Item& group, spinepath::AssessmentSession& session,
                                       Builder builder, QWidget* parent)
    : QWidget(parent)
    , m_group(group)
    , m_session(session)
    , m_builder(std::move(builder))
{
    setObjectName(QStringLiteral("repeats_") + QString::fromStdString(group.linkId()));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    if (!group.text().empty()) {
        auto* heading = new QLabel(QString::fromStdString(group.text()), this);
        heading->setTextFormat(Qt::PlainText);
        heading->setProperty("role", QStringLiteral("subheading"));
        heading->setWordWrap(true);
        layout->addWidget(heading);
    }
    m_instancesLayout = new QVBoxLayout();
    m_instancesLayout->setSpacing(14);
    layout->addLayout(m_instancesLayout);

    m_add = new QPushButton(tr("Add another"), this);
    m_add->setObjectName(QStringLiteral("addInstance"));
    m_add->setProperty("role", QStringLiteral("secondary"));
    //: %1 is what the group asks about, e.g. "Medicines you take"
    m_add->setAccessibleName(tr("Add another: %1").arg(QString::fromStdString(group.text())));
    m_add->setFocusPolicy(Qt::StrongFocus);
    connect(m_add, &QPushButton::clicked, this, &RepeatingGroupView::addInstance);
    auto* addRow = new QHBoxLayout();
    addRow->addWidget(m_add);
    addRow->addStretch();
    layout->addLayout(addRow);
    rebuild();
}

RepeatingGroupView::~RepeatingGroupView() = default;

const std::string& RepeatingGroupView::linkId() const noexcept
{
    return m_group.linkId();
}

QWidget* RepeatingGroupView::instanceFrame(int index) const
{
    return index >= 0 && index < shownInstances() ? m_instances[static_cast<std::size_t>(index)].frame
                                                  : nullptr;
}

int RepeatingGroupView::wantedInstances() const
{
    // The first instance is shown before the patient gives it.
    return std::max<int>(1, static_cast<int>(m_session.instanceCount(m_group.linkId())));
}

void RepeatingGroupView::rebuild()
{
    // Later, not now: the Remove button that asked for this is in one of them.
    for (Instance& instance : m_instances) {
        instance.frame->hide();
        instance.frame->setParent(nullptr);
        instance.frame->deleteLater();
    }
    m_instances.clear();
    const int count = wantedInstances();
    const QString name = QString::fromStdString(m_group.text().empty() ? m_group.linkId() : m_group.text());
    for (int index = 0; index < count; ++index) {
        Instance instance;
        auto* frame = new QFrame(this);
        frame->setObjectName(
            QStringLiteral("instance_%1_%2").arg(QString::fromStdString(m_group.linkId())).arg(index));
        frame->setProperty("role", QStringLiteral("instance"));
        //: One of several answers to a group that repeats: %1 is the group, %2 its number (1, 2, ...)
        const QString title = tr("%1, number %2").arg(name).arg(index + 1);
        frame->setAccessibleName(title);
        auto* layout = new QVBoxLayout(frame);
        layout->setSpacing(14);
        auto* header = new QHBoxLayout();
        auto* label = new QLabel(tr("Number %1").arg(index + 1), frame);
        label->setTextFormat(Qt::PlainText);
        label->setProperty("role", QStringLiteral("instanceHeading"));
        header->addWidget(label, 1);
        auto* remove = new QPushButton(tr("Remove"), frame);
        remove->setObjectName(QStringLiteral("removeInstance"));
        remove->setProperty("role", QStringLiteral("secondary"));
        remove->setAccessibleName(tr("Remove %1").arg(title));
        remove->setFocusPolicy(Qt::StrongFocus);
        connect(remove, &QPushButton::clicked, this, [this, index] { removeInstance(index); });
        header->addWidget(remove);
        layout->addLayout(header);

        m_builder(m_group, frame, instance.items);
        for (QuestionWidget* question : instance.items.questions)
            connect(question, &QuestionWidget::valueChanged, this,
                    [this, question, index](const std::string& linkId, const nlohmann::json& value) {
                        const auto problem = m_session.setInstanceAnswer(
                            m_group.linkId(), static_cast<std::size_t>(index), linkId, value);
                        question->showProblem(problem ? &*problem : nullptr);
                    });
        instance.frame = frame;
        m_instancesLayout->addWidget(frame);
        // Now, not when the event loop gets to it: the new instance's first
        // answer takes the focus straight away.
        frame->show();
        m_instances.push_back(std::move(instance));
    }
    // Tab goes through the instances in order, then to "Add another": frames
    // made now would otherwise come after everything else on the page.
    QWidget* previous = this;
    for (const Instance& instance : m_instances)
        for (QWidget* control : instance.frame->findChildren<QWidget*>())
            if (control->focusPolicy() & Qt::TabFocus) {
                QWidget::setTabOrder(previous, control);
                previous = control;
            }
    QWidget::setTabOrder(previous, m_add);
    showAnswers();
}

void RepeatingGroupView::refresh()
{
    if (shownInstances() != wantedInstances()) {
        rebuild();
        return;
    }
    for (std::size_t index = 0; index < m_instances.size(); ++index) {
        const Instance& instance = m_instances[index];
        instance.items.applyEnablement(m_session.enabledInInstance(m_group.linkId(), index));
        for (RepeatingGroupView* inner : instance.items.repeating)
            inner->refresh();
    }
}

void RepeatingGroupView::showAnswers()
{
    for (std::size_t index = 0; index < m_instances.size(); ++index) {
        const auto answers = m_session.instanceAnswers(m_group.linkId(), index);
        for (QuestionWidget* question : m_instances[index].items.questions)
            question->showAnswer(answers.contains(question->linkId()) ? answers[question->linkId()]
                                                                      : nlohmann::json());
        m_instances[index].items.applyEnablement(m_session.enabledInInstance(m_group.linkId(), index));
    }
}

QuestionWidget* RepeatingGroupView::markMissing()
{
    QuestionWidget* first = nullptr;
    for (std::size_t index = 0; index < m_instances.size(); ++index) {
        const auto missing = m_session.missingInInstance(m_group.linkId(), index);
        for (QuestionWidget* question : m_instances[index].items.questions) {
            const bool isMissing =
                std::find(missing.begin(), missing.end(), question->linkId()) != missing.end();
            question->showMissing(isMissing);
            if (isMissing && !first)
                first = question;
        }
    }
    return first;
}

void RepeatingGroupView::addInstance()
{
    m_session.addInstance(m_group.linkId()); // answersChanged rebuilds through the page
    if (shownInstances() != wantedInstances())
        rebuild();
    // The new instance's first answer takes the focus, so the patient types on.
    const Instance& added = m_instances.back();
    for (QuestionWidget* question : added.items.questions)
        if (question->isVisibleTo(this) && question->focusTarget()) {
            question->focusTarget()->setFocus(Qt::OtherFocusReason);
            return;
        }
}

void RepeatingGroupView::removeInstance(int index)
{
    if (static_cast<std::size_t>(index) < m_session.instanceCount(m_group.linkId()))
        m_session.removeInstance(m_group.linkId(), static_cast<std::size_t>(index));
    // Also when nothing was stored yet: the empty first instance starts afresh.
    rebuild();
    m_add->setFocus(Qt::OtherFocusReason);
}

} // namespace spinepath::ui
