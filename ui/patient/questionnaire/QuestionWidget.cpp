#include "QuestionWidget.h"

#include "ChoiceQuestions.h"
#include "ValueQuestions.h"

#include "core/questionnaire/Item.h"

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

} // namespace

QuestionWidget::QuestionWidget(const q::Item& item, QWidget* parent, Presentation presentation)
    : QFrame(parent)
    , m_linkId(item.linkId())
    , m_questionText(QString::fromStdString(item.text()))
    , m_helpText(helpTextOf(item))
    , m_presentation(presentation)
{
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
        helpButton->setAccessibleName(tr("What does this mean? %1").arg(m_questionText));
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

    m_missingLabel = new QLabel(tr("Please answer this question to go on."), this);
    m_missingLabel->setObjectName(QStringLiteral("missingLabel"));
    m_missingLabel->setProperty("role", QStringLiteral("error"));
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
    setProperty("missing", missing);
    style()->unpolish(this);
    style()->polish(this);
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
    control->setAccessibleDescription(m_helpText.isEmpty() ? m_questionText
                                                           : m_questionText + u' ' + m_helpText);
}

} // namespace spinepath::ui
