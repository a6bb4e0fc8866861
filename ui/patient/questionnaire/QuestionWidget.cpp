#include "QuestionWidget.h"

#include "ChoiceQuestions.h"
#include "ReturnKey.h"
#include "ValueQuestions.h"

#include "core/questionnaire/Item.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;

namespace {

// Help texts are display children marked with the "help" item control.
QString helpTextOf(const q::Item& item)
{
    QStringList parts;
    for (const q::Item* child : item.children())
        if (child->isHelp())
            parts << QString::fromStdString(child->text());
    return parts.join(QStringLiteral("\n\n"));
}

bool isZeroToTenScale(const q::Item& item)
{
    return item.type() == q::ItemType::Integer && item.minValue() == 0 && item.maxValue() == 10;
}

// "Please answer this question to go on.", a class of its own so that it is
// known as an alert from the moment it is made (accessible interfaces are
// made, and kept, as soon as a widget exists).
class MissingAnswerLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MissingAnswerLabel)

public:
    using QLabel::QLabel;
    ~MissingAnswerLabel() override = default;
};

// A question is exposed as a group (AT-SPI "panel" with a name), so a screen
// reader says the question once on entering it, then each answer's own text;
// its "please answer" message is an alert, which a screen reader reads out as
// soon as it is shown.
QAccessibleInterface* questionParts(const QString& className, QObject* object)
{
    auto* widget = qobject_cast<QWidget*>(object);
    if (!widget)
        return nullptr;
    if (className == QLatin1String(QuestionWidget::staticMetaObject.className()))
        return new QAccessibleWidget(widget, QAccessible::Grouping);
    if (className == QLatin1String(MissingAnswerLabel::staticMetaObject.className()))
        return new QAccessibleWidget(widget, QAccessible::AlertMessage);
    return nullptr;
}

} // namespace

QuestionWidget::QuestionWidget(const q::Item& item, QWidget* parent, Presentation presentation)
    : QFrame(parent)
    , m_linkId(item.linkId())
    , m_questionText(QString::fromStdString(item.text()))
    , m_helpText(helpTextOf(item))
    , m_presentation(presentation)
{
    static const bool groupsInstalled = [] {
        QAccessible::installFactory(questionParts);
        return true;
    }();
    Q_UNUSED(groupsInstalled);
    for (const q::Item* child : item.children())
        if (child->isHelp())
            m_helpByLinkId.emplace_back(child->linkId(), QString::fromStdString(child->text()));
    const bool row = presentation == Presentation::TableRow;
    setObjectName(QStringLiteral("question_") + QString::fromStdString(item.linkId()));
    setProperty("role", row ? QStringLiteral("tableRow") : QStringLiteral("question"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, row ? 10 : 12, 16, row ? 10 : 12);
    layout->setSpacing(8);

    auto* title = new QLabel(m_questionText, this);
    title->setTextFormat(Qt::PlainText);
    title->setObjectName(QStringLiteral("questionText"));
    title->setWordWrap(true);
    title->setProperty("role", row ? QStringLiteral("rowText") : QStringLiteral("questionText"));
    title->setTextInteractionFlags(Qt::NoTextInteraction);
    if (!item.required() && item.isQuestion())
        title->setText(tr("%1 (optional)").arg(m_questionText));
    setAccessibleName(title->text());
    // The wording takes the room it needs and wraps; short answers stand beside it.
    auto* header = new QHBoxLayout();
    header->setSpacing(16);
    header->addWidget(title, 1);
    m_besideLayout = new QHBoxLayout();
    m_besideLayout->setSpacing(8);
    header->addLayout(m_besideLayout);
    layout->addLayout(header);

    if (!m_helpText.isEmpty()) {
        auto* helpButton = new QPushButton(tr("What does this mean?"), this);
        helpButton->setObjectName(QStringLiteral("helpButton"));
        helpButton->setProperty("role", QStringLiteral("link"));
        helpButton->setCheckable(true);
        helpButton->setCursor(Qt::PointingHandCursor);
        // Its visible text is its name; the group around it says which question.
        helpButton->setAccessibleName(helpButton->text());
        ReturnKey::pressesButton(*helpButton);
        auto* help = new QLabel(m_helpText, this);
        help->setTextFormat(Qt::PlainText);
        help->setObjectName(QStringLiteral("helpText"));
        help->setProperty("role", QStringLiteral("help"));
        help->setWordWrap(true);
        help->setVisible(false);
        help->setAccessibleName(tr("Explanation"));
        connect(helpButton, &QPushButton::toggled, help, &QLabel::setVisible);
        layout->addWidget(helpButton, 0, Qt::AlignLeft);
        layout->addWidget(help);
    }

    m_answerLayout = new QVBoxLayout();
    m_answerLayout->setSpacing(6);
    layout->addLayout(m_answerLayout);

    m_missingLabel = new MissingAnswerLabel(tr("Please answer this question to go on."), this);
    m_missingLabel->setObjectName(QStringLiteral("missingLabel"));
    m_missingLabel->setProperty("role", QStringLiteral("error"));
    m_missingLabel->setAccessibleName(m_missingLabel->text());
    m_missingLabel->setWordWrap(true);
    m_missingLabel->setVisible(false);
    layout->addWidget(m_missingLabel);
}

QuestionWidget::~QuestionWidget() = default;

QuestionWidget* QuestionWidget::create(const q::Item& item, QWidget* parent, Presentation presentation)
{
    switch (item.type()) {
    case q::ItemType::Boolean:
        if (presentation == Presentation::TableRow)
            return new YesNoRowQuestion(item, parent);
        return new YesNoQuestion(item, parent);
    case q::ItemType::Choice:
    case q::ItemType::OpenChoice:
        if (item.repeats())
            return new MultipleChoiceQuestion(item, parent, presentation);
        return new SingleChoiceQuestion(item, parent, presentation);
    case q::ItemType::Integer:
        if (isZeroToTenScale(item))
            return new ScaleQuestion(item, parent);
        return new NumberQuestion(item, parent, presentation);
    case q::ItemType::Decimal:
        return new NumberQuestion(item, parent);
    case q::ItemType::Date:
        return new DateQuestion(item, parent);
    default:
        return new TextQuestion(item, parent);
    }
}

void QuestionWidget::showMissing(bool missing)
{
    m_missingLabel->setVisible(missing);
    setAccessibleDescription(missing ? m_missingLabel->text() : QString());
    setProperty("missing", missing);
    style()->unpolish(this);
    style()->polish(this);
}

void QuestionWidget::announceMissing() const
{
    if (!m_missingLabel->isVisible())
        return;
    QAccessibleEvent alert(m_missingLabel, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void QuestionWidget::notifyChanged()
{
    if (m_missingLabel->isVisible() && !value().is_null())
        showMissing(false);
    emit valueChanged(m_linkId, value());
}

void QuestionWidget::describe(QWidget* control, const QString& name) const
{
    control->setAccessibleName(name);
    control->setAccessibleDescription(m_helpText);
}

QString QuestionWidget::optionHelp(const std::string& code) const
{
    const std::string linkId = m_linkId + ".help." + code;
    for (const auto& [helpLinkId, text] : m_helpByLinkId)
        if (helpLinkId == linkId)
            return text;
    return {};
}

} // namespace spinepath::ui

#include "QuestionWidget.moc"
