#include "QuestionWidget.h"

#include "ChoiceQuestions.h"
#include "RepeatingValueQuestion.h"
#include "ReturnKey.h"
#include "ValueQuestions.h"

#include "core/questionnaire/Item.h"
#include "core/questionnaire/ValidationResult.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;

namespace {

// The question as the patient reads it: its prefix ("1.2") before its text.
QString wordingOf(const q::Item& item)
{
    const QString text = QString::fromStdString(item.text());
    return item.prefix().empty() ? text : QString::fromStdString(item.prefix()) + QLatin1Char(' ') + text;
}

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
    , m_item(item)
    , m_linkId(item.linkId())
    , m_questionText(wordingOf(item))
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

namespace {

// An integer, date, time or string item that lists its permitted answers
// (R4 answerOption) is answered by picking one, like a choice.
bool isPicked(const q::Item& item)
{
    return item.type() == q::ItemType::Choice || item.type() == q::ItemType::OpenChoice ||
           item.restrictedToOptions();
}

} // namespace

QuestionWidget* QuestionWidget::create(const q::Item& item, QWidget* parent, Presentation presentation)
{
    // A typed answer given several times: a field for each (a repeating
    // boolean stays one Yes/No, whose one answer is a list of one).
    if (item.repeats() && !isPicked(item) && item.type() != q::ItemType::Boolean) {
        QuestionWidget* widget = new RepeatingValueQuestion(item, parent);
        widget->applyItemHints();
        return widget;
    }
    return createSingle(item, parent, presentation);
}

QuestionWidget* QuestionWidget::createSingle(const q::Item& item, QWidget* parent, Presentation presentation)
{
    QuestionWidget* widget = nullptr;
    const bool picked = isPicked(item);
    if (item.type() == q::ItemType::Boolean) {
        if (presentation == Presentation::TableRow)
            widget = new YesNoRowQuestion(item, parent);
        else
            widget = new YesNoQuestion(item, parent);
    } else if (picked) {
        if (item.repeats())
            widget = new MultipleChoiceQuestion(item, parent, presentation);
        else
            widget = new SingleChoiceQuestion(item, parent, presentation);
    } else if (item.type() == q::ItemType::Integer) {
        if (isZeroToTenScale(item))
            widget = new ScaleQuestion(item, parent);
        else
            widget = new NumberQuestion(item, parent, presentation);
    } else if (item.type() == q::ItemType::Decimal) {
        widget = new NumberQuestion(item, parent);
    } else if (item.type() == q::ItemType::Date) {
        widget = new DateQuestion(item, parent);
    } else {
        widget = new TextQuestion(item, parent);
    }
    widget->m_listOfOne = item.repeats() && !qobject_cast<MultipleChoiceQuestion*>(widget);
    widget->applyItemHints();
    return widget;
}

void QuestionWidget::applyItemHints()
{
    // entryFormat shows how to type the answer in an empty text or number
    // field; a date field keeps its own example, in the order this computer
    // reads dates.
    const bool dateField = m_item.type() == q::ItemType::Date;
    for (QLineEdit* edit : findChildren<QLineEdit*>()) {
        if (!m_item.entryFormat().empty() && !dateField && edit->placeholderText().isEmpty())
            edit->setPlaceholderText(QString::fromStdString(m_item.entryFormat()));
        // readOnly: the answer (an initial value) is shown but cannot be changed.
        if (m_item.readOnly())
            edit->setReadOnly(true);
    }
    if (m_item.readOnly())
        for (QAbstractButton* button : findChildren<QAbstractButton*>())
            if (button->objectName() != QLatin1String("helpButton"))
                button->setEnabled(false);
}

nlohmann::json QuestionWidget::answer() const
{
    nlohmann::json current = value();
    if (m_listOfOne && !current.is_null())
        return nlohmann::json::array({std::move(current)});
    return current;
}

void QuestionWidget::showAnswer(const nlohmann::json& answer)
{
    if (m_listOfOne && answer.is_array())
        setValue(answer.empty() ? nlohmann::json() : answer.front());
    else
        setValue(answer);
}

void QuestionWidget::showMissing(bool missing)
{
    m_missing = missing;
    updateMessage();
}

void QuestionWidget::showProblem(const q::ValidationIssue* problem)
{
    m_problem = problem ? problemText(*problem) : QString();
    updateMessage();
}

void QuestionWidget::updateMessage()
{
    // A problem with what was typed says more than "please answer".
    const bool shown = m_missing || !m_problem.isEmpty();
    m_missingLabel->setText(m_problem.isEmpty() ? tr("Please answer this question to go on.") : m_problem);
    m_missingLabel->setAccessibleName(m_missingLabel->text());
    m_missingLabel->setVisible(shown);
    setAccessibleDescription(shown ? m_missingLabel->text() : QString());
    setProperty("missing", shown);
    style()->unpolish(this);
    style()->polish(this);
}

QString QuestionWidget::problemText(const q::ValidationIssue& problem) const
{
    const auto limitText = [](const nlohmann::json& limit) {
        return QString::fromStdString(limit.is_string() ? limit.get<std::string>() : limit.dump());
    };
    switch (problem.code) {
    case q::IssueCode::OutOfRange: {
        const bool low = !m_item.minValue().is_null();
        const bool high = !m_item.maxValue().is_null();
        if (low && high)
            return tr("Please give an answer from %1 to %2.")
                .arg(limitText(m_item.minValue()), limitText(m_item.maxValue()));
        if (low)
            return tr("Please give an answer of %1 or more.").arg(limitText(m_item.minValue()));
        if (high)
            return tr("Please give an answer of %1 or less.").arg(limitText(m_item.maxValue()));
        break;
    }
    case q::IssueCode::UnknownCode: {
        QStringList options;
        for (const auto& option : m_item.answerOptions())
            options << QString::fromStdString(option.kind == q::AnswerOption::Kind::Coding &&
                                                      !option.coding.display.empty()
                                                  ? option.coding.display
                                              : option.value.is_string() ? option.value.get<std::string>()
                                                                         : option.value.dump());
        if (!options.isEmpty())
            return tr("Please give one of these answers: %1.").arg(options.join(QStringLiteral(", ")));
        break;
    }
    case q::IssueCode::TooShort:
        if (m_item.minLength())
            return tr("This answer is too short. Please use at least %n characters.", nullptr,
                      *m_item.minLength());
        break;
    case q::IssueCode::NoMatch:
        if (!m_item.entryFormat().empty())
            return tr("Please type the answer in this form: %1")
                .arg(QString::fromStdString(m_item.entryFormat()));
        return tr("This answer is not in the form this question asks for. Please check it.");
    case q::IssueCode::TooLong:
        if (m_item.maxLength())
            return tr("This answer is too long. Please use at most %1 characters.").arg(*m_item.maxLength());
        break;
    default:
        break;
    }
    switch (m_item.type()) {
    case q::ItemType::Integer:
    case q::ItemType::Decimal:
        return tr("Please type a number.");
    case q::ItemType::Quantity:
        return tr("Please type a number, then its unit if it has one (for example: 72 kg).");
    case q::ItemType::Date:
        return tr("Please type a date like 2026-03-15.");
    case q::ItemType::DateTime:
        return tr("Please type a date and time like 2026-03-15 14:30.");
    case q::ItemType::Time:
        return tr("Please type a time like 14:30.");
    case q::ItemType::Attachment:
        return tr("This question asks for a file, which cannot be given here. Please ask the staff.");
    default:
        return tr("This answer cannot be used. Please check it.");
    }
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
    if (m_missing && !value().is_null())
        showMissing(false);
    emit valueChanged(m_linkId, answer());
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
