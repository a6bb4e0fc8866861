#include "ChoiceQuestions.h"

#include "ReturnKey.h"
#include "core/questionnaire/Item.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QStyleOptionButton>
#include <QStylePainter>
#include <QVBoxLayout>

#include <QFontMetrics>

#include <algorithm>
#include <type_traits>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;
using nlohmann::json;

namespace {

// A yes/no answer: checked, its text turns bold (the style sheet), which Qt
// does not count in the size hint. Sized for the bold text from the start,
// so checking it never clips a longer word ("No" in another language).
class AnswerButton final : public QPushButton
{
public:
    using QPushButton::QPushButton;

    [[nodiscard]] QSize sizeHint() const override
    {
        QSize hint = QPushButton::sizeHint();
        QFont bold = font();
        bold.setWeight(QFont::DemiBold);
        const int extra =
            QFontMetrics(bold).horizontalAdvance(text()) - fontMetrics().horizontalAdvance(text());
        hint.rwidth() += std::max(0, extra) + 2;
        return hint;
    }
    [[nodiscard]] QSize minimumSizeHint() const override { return sizeHint(); }
};

QString optionLabel(const q::AnswerOption& option)
{
    if (option.kind == q::AnswerOption::Kind::Coding)
        return QString::fromStdString(option.coding.display.empty() ? option.coding.code
                                                                    : option.coding.display);
    return QString::fromStdString(option.value.is_string() ? option.value.get<std::string>()
                                                           : option.value.dump());
}

// The flat-answer value of an option: a Coding's code (the Coding itself
// when it has none), or the value itself.
json optionValue(const q::AnswerOption& option)
{
    return option.value;
}

// The option's code as its help item's linkId ends ("dx.told.help.ddd").
std::string optionCode(const q::AnswerOption& option)
{
    const json value = optionValue(option);
    return value.is_string() ? value.get<std::string>() : value.dump();
}

// The text of the display child with this itemControl ("lower", "upper").
QString childText(const q::Item& item, const char* itemControl)
{
    for (const q::Item* child : item.children())
        if (child->type() == q::ItemType::Display && child->itemControl() == itemControl)
            return QString::fromStdString(child->text());
    return {};
}

// -1 for the keys that go back in reading order, +1 forward, 0 for any other.
int arrowStep(const QKeyEvent& event, Qt::LayoutDirection direction)
{
    if ((event.modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return 0;
    const int forward = direction == Qt::RightToLeft ? -1 : 1;
    switch (event.key()) {
    case Qt::Key_Up:
        return -1;
    case Qt::Key_Down:
        return 1;
    case Qt::Key_Left:
        return -forward;
    case Qt::Key_Right:
        return forward;
    default:
        return 0;
    }
}

// A radio button or check box for a list of answers. On a touch screen the
// whole row is the target, not only the small circle or box and its text, so
// it takes a press anywhere in its width. A long answer wraps onto more lines
// (the style draws the wrapped text, so the colours of :checked and the rest
// of the style sheet still apply) rather than being cut off or widening the
// page when the text is large.
template <typename Base> class RowButton final : public Base
{
public:
    RowButton(const QString& text, QWidget* parent)
        : Base(text, parent)
    {
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Minimum);
        policy.setHeightForWidth(true);
        this->setSizePolicy(policy);
    }

    [[nodiscard]] int heightForWidth(int width) const override
    {
        const QStyleOptionButton option = styleOption(width);
        return this->style()->sizeFromContents(kContents, &option, textSize(option.text), this).height();
    }

    [[nodiscard]] QSize minimumSizeHint() const override
    {
        // As narrow as its longest word.
        int widest = 0;
        for (const QString& word : this->text().split(u' ', Qt::SkipEmptyParts))
            widest = std::max(widest, this->fontMetrics().horizontalAdvance(word));
        QStyleOptionButton option;
        this->initStyleOption(&option);
        const QSize text(widest, this->fontMetrics().height());
        return this->style()->sizeFromContents(kContents, &option, text, this);
    }

protected:
    [[nodiscard]] bool hitButton(const QPoint& position) const override
    {
        return this->rect().contains(position);
    }

    void paintEvent(QPaintEvent*) override
    {
        QStylePainter painter(this);
        painter.drawControl(kControl, styleOption(this->width()));
    }

private:
    static constexpr bool kCheckBox = std::is_same_v<Base, QCheckBox>;
    static constexpr QStyle::ControlElement kControl =
        kCheckBox ? QStyle::CE_CheckBox : QStyle::CE_RadioButton;
    static constexpr QStyle::ContentsType kContents =
        kCheckBox ? QStyle::CT_CheckBox : QStyle::CT_RadioButton;
    static constexpr QStyle::SubElement kLabel =
        kCheckBox ? QStyle::SE_CheckBoxContents : QStyle::SE_RadioButtonContents;

    // The option for drawing at `width`, its text broken into lines that fit.
    [[nodiscard]] QStyleOptionButton styleOption(int width) const
    {
        QStyleOptionButton option;
        this->initStyleOption(&option);
        option.rect.setWidth(width);
        const int room = this->style()->subElementRect(kLabel, &option, this).width();
        option.text = wrapped(option.text, room);
        return option;
    }

    [[nodiscard]] QString wrapped(const QString& text, int room) const
    {
        const QFontMetrics metrics = this->fontMetrics();
        QStringList lines;
        QString line;
        for (const QString& word : text.split(u' ', Qt::SkipEmptyParts)) {
            const QString longer = line.isEmpty() ? word : line + u' ' + word;
            if (!line.isEmpty() && metrics.horizontalAdvance(longer) > room) {
                lines << line;
                line = word;
            } else {
                line = longer;
            }
        }
        lines << line;
        return lines.join(u'\n');
    }

    [[nodiscard]] QSize textSize(const QString& text) const
    {
        return this->style()
            ->itemTextRect(this->fontMetrics(), QRect(), Qt::TextShowMnemonic, false, text)
            .size();
    }
};

using RowRadioButton = RowButton<QRadioButton>;
using RowCheckBox = RowButton<QCheckBox>;

// Whether the item asks for its options side by side: the FHIR extension
// questionnaire-choiceOrientation with the code "horizontal".
bool optionsSideBySide(const q::Item& item)
{
    const auto extensions = item.source().find("extension");
    if (extensions == item.source().end() || !extensions->is_array())
        return false;
    for (const json& extension : *extensions)
        if (extension.is_object() &&
            extension.value("url", std::string()) ==
                "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation")
            return extension.value("valueCode", std::string()) == "horizontal";
    return false;
}

// The options of a choice side by side, as choiceOrientation "horizontal"
// asks, while they fit in the width the page gives; one below the other when
// they do not (a narrow window, large text), so no answer is cut off and the
// page never scrolls sideways.
class SideBySideOptions final : public QWidget
{
public:
    explicit SideBySideOptions(QWidget* parent)
        : QWidget(parent)
        , m_layout(new QBoxLayout(QBoxLayout::LeftToRight, this))
    {
        setObjectName(QStringLiteral("sideBySideOptions"));
        m_layout->setContentsMargins(0, 0, 0, 0);
        m_layout->setSpacing(kSpacing);
        // The width the options need side by side must not become the page's
        // minimum: the row gives way to a column instead.
        m_layout->setSizeConstraint(QLayout::SetNoConstraint);
    }

    void add(QWidget* option) { m_layout->addWidget(option); }

    [[nodiscard]] bool isRow() const { return m_layout->direction() == QBoxLayout::LeftToRight; }

    [[nodiscard]] QSize minimumSizeHint() const override
    {
        // As narrow as the widest option in a column.
        int width = 0;
        int height = 0;
        for (int i = 0; i < m_layout->count(); ++i)
            if (QWidget* option = m_layout->itemAt(i)->widget()) {
                width = std::max(width, option->minimumSizeHint().width());
                height = std::max(height, option->minimumSizeHint().height());
            }
        return {width, height};
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        int needed = 0;
        for (int i = 0; i < m_layout->count(); ++i)
            if (QWidget* option = m_layout->itemAt(i)->widget())
                needed += option->sizeHint().width() + (needed > 0 ? kSpacing : 0);
        const auto direction = needed <= width() ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
        if (direction != m_layout->direction()) {
            m_layout->setDirection(direction);
            updateGeometry();
        }
        QWidget::resizeEvent(event);
    }

private:
    static constexpr int kSpacing = 16;
    QBoxLayout* m_layout;
};

// Where a choice puts its option buttons: a SideBySideOptions for
// choiceOrientation "horizontal", else the answer layout, one below the other.
class OptionPlacement final
{
public:
    OptionPlacement(const q::Item& item, QWidget* owner, QVBoxLayout* answers)
        : m_answers(answers)
    {
        if (optionsSideBySide(item)) {
            m_row = new SideBySideOptions(owner);
            answers->addWidget(m_row);
        }
    }

    void add(QWidget* option)
    {
        if (m_row)
            m_row->add(option);
        else
            m_answers->addWidget(option);
    }

private:
    QVBoxLayout* m_answers;
    SideBySideOptions* m_row = nullptr;
};

} // namespace

ButtonQuestion::ButtonQuestion(const q::Item& item, QWidget* parent, bool exclusive,
                               Presentation presentation)
    : QuestionWidget(item, parent, presentation)
    // Only one-answer questions are a QButtonGroup: Qt gives a group one Tab
    // stop and lets the arrow keys move only between checked-style buttons,
    // which leaves the check boxes of a list out of reach of the keyboard.
    , m_group(exclusive ? new QButtonGroup(this) : nullptr)
{
    if (!m_group)
        return;
    m_group->setExclusive(true);
    connect(m_group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool checked) {
        // The group toggles the old button off and the new one on: report
        // once, for the new state. A picked option replaces a typed one.
        if (checked && !m_updating) {
            if (m_other) {
                const QScopedValueRollback quiet(m_updating, true);
                m_other->clear();
            }
            notifyChanged();
        }
        keepOneTabStop();
    });
}

ButtonQuestion::~ButtonQuestion() = default;

QWidget* ButtonQuestion::focusTarget() const
{
    for (const auto& [button, value] : m_choices)
        if (button->isChecked())
            return button;
    return m_choices.empty() ? nullptr : m_choices.front().first;
}

void ButtonQuestion::addChoice(QAbstractButton* button, const json& value, const QString& label,
                               bool exclusive, const QString& description)
{
    if (exclusive)
        m_exclusiveChoices.push_back(button);
    button->setCheckable(true);
    button->setObjectName(QStringLiteral("choice_") + QString::fromStdString(value.is_string()
                                                                                 ? value.get<std::string>()
                                                                                 : value.dump()));
    button->setAccessibleName(label);
    button->setAccessibleDescription(description);
    button->installEventFilter(this);
    ReturnKey::pressesButton(*button);
    if (m_group) {
        m_group->addButton(button);
    } else {
        connect(button, &QAbstractButton::toggled, this, [this, button](bool checked) {
            if (m_updating)
                return;
            if (checked)
                keepExclusiveChoicesApart(button);
            notifyChanged();
        });
    }
    m_choices.emplace_back(button, value);
    keepOneTabStop();
}

bool ButtonQuestion::eventFilter(QObject* watched, QEvent* event)
{
    auto* button = qobject_cast<QAbstractButton*>(watched);
    if (!button || event->type() != QEvent::KeyPress)
        return QuestionWidget::eventFilter(watched, event);
    const int step = arrowStep(*static_cast<QKeyEvent*>(event), layoutDirection());
    if (step == 0)
        return false;
    moveFocus(button, step);
    return true; // also at the first and last answer: the page does not scroll away
}

void ButtonQuestion::moveFocus(QAbstractButton* from, int step)
{
    const auto at = std::find_if(m_choices.begin(), m_choices.end(),
                                 [from](const auto& choice) { return choice.first == from; });
    if (at == m_choices.end())
        return;
    for (auto index = (at - m_choices.begin()) + step;
         index >= 0 && index < static_cast<std::ptrdiff_t>(m_choices.size()); index += step) {
        QAbstractButton* to = m_choices[static_cast<std::size_t>(index)].first;
        if (!to->isVisibleTo(this) || !to->isEnabled())
            continue;
        to->setFocus(step < 0 ? Qt::BacktabFocusReason : Qt::TabFocusReason);
        // As radio buttons do: once one is picked, the pick follows the arrows.
        if (m_group && from->isChecked())
            to->click();
        return;
    }
}

void ButtonQuestion::keepOneTabStop()
{
    if (!m_group || m_choices.empty())
        return;
    QAbstractButton* stop = m_group->checkedButton() ? m_group->checkedButton() : m_choices.front().first;
    for (const auto& [button, value] : m_choices) {
        const Qt::FocusPolicy policy = button->focusPolicy();
        button->setFocusPolicy(button == stop ? Qt::FocusPolicy(policy | Qt::TabFocus)
                                              : Qt::FocusPolicy(policy & ~Qt::TabFocus));
    }
}

void ButtonQuestion::keepExclusiveChoicesApart(QAbstractButton* picked)
{
    const auto isExclusive = [this](QAbstractButton* button) {
        return std::find(m_exclusiveChoices.begin(), m_exclusiveChoices.end(), button) !=
               m_exclusiveChoices.end();
    };
    const bool pickedExclusive = isExclusive(picked);
    // Quiet, so that the patient's one click reports one new answer.
    const QScopedValueRollback quiet(m_updating, true);
    for (const auto& [button, value] : m_choices)
        if (button != picked && button->isChecked() && (pickedExclusive || isExclusive(button)))
            button->setChecked(false);
}

json ButtonQuestion::value() const
{
    for (const auto& [button, answer] : m_choices)
        if (button->isChecked())
            return answer;
    return otherText();
}

void ButtonQuestion::addOtherField()
{
    auto* row = new QHBoxLayout();
    auto* label = new QLabel(tr("Other:"), this);
    label->setTextFormat(Qt::PlainText);
    m_other = new QLineEdit(this);
    m_other->setObjectName(QStringLiteral("otherText"));
    //: The free-text box of a question whose list may not hold the patient's answer
    m_other->setAccessibleName(tr("Other, in your own words"));
    label->setBuddy(m_other);
    row->addWidget(label);
    row->addWidget(m_other, 1);
    answerLayout()->addLayout(row);
    connect(m_other, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_updating)
            return;
        // One answer only: the typed text replaces the picked option.
        if (m_group && !text.trimmed().isEmpty() && m_group->checkedButton()) {
            const QScopedValueRollback quiet(m_updating, true);
            m_group->setExclusive(false);
            m_group->checkedButton()->setChecked(false);
            m_group->setExclusive(true);
            keepOneTabStop();
        }
        notifyChanged();
    });
}

json ButtonQuestion::otherText() const
{
    if (!m_other)
        return nullptr;
    const QString text = m_other->text().trimmed();
    return text.isEmpty() ? json(nullptr) : json(text.toStdString());
}

void ButtonQuestion::setValue(const json& value)
{
    // Shows a stored answer: nothing to report. A list's value is an array.
    const QScopedValueRollback quiet(m_updating, true);
    const auto holds = [&value](const json& answer) {
        return value.is_array() ? std::find(value.begin(), value.end(), answer) != value.end()
                                : answer == value;
    };
    if (m_group)
        m_group->setExclusive(false); // so that no button stays checked
    for (const auto& [button, answer] : m_choices)
        button->setChecked(holds(answer));
    if (m_group)
        m_group->setExclusive(true);
    if (m_other) {
        // A text that is none of the options was typed into "Other".
        QString typed;
        const auto isOption = [this](const json& answer) {
            return std::any_of(m_choices.begin(), m_choices.end(),
                               [&answer](const auto& choice) { return choice.second == answer; });
        };
        for (const json& answer : value.is_array() ? value : json::array({value}))
            if (answer.is_string() && !isOption(answer))
                typed = QString::fromStdString(answer.get<std::string>());
        m_other->setText(typed);
    }
    keepOneTabStop();
}

YesNoQuestion::YesNoQuestion(const q::Item& item, QWidget* parent)
    : ButtonQuestion(item, parent, true)
{
    auto* row = new QHBoxLayout();
    row->setSpacing(12);
    const std::pair<QString, bool> answers[] = {{tr("Yes"), true}, {tr("No"), false}};
    for (const auto& [label, answer] : answers) {
        auto* button = new AnswerButton(label, this);
        button->setProperty("role", QStringLiteral("answerButton"));
        button->setMinimumSize(120, 52);
        // Checkable and auto-exclusive: a radio button to a screen reader.
        button->setAutoExclusive(true);
        addChoice(button, answer, label);
        row->addWidget(button);
    }
    row->addStretch();
    answerLayout()->addLayout(row);
}

YesNoQuestion::~YesNoQuestion() = default;

YesNoRowQuestion::YesNoRowQuestion(const q::Item& item, QWidget* parent)
    : ButtonQuestion(item, parent, true, Presentation::TableRow)
{
    const std::pair<QString, bool> answers[] = {{tr("Yes"), true}, {tr("No"), false}};
    for (const auto& [label, answer] : answers) {
        auto* button = new RowRadioButton(label, this);
        button->setProperty("role", QStringLiteral("rowAnswer"));
        // The same width in every row, so the answers line up as columns.
        button->setMinimumWidth(96);
        addChoice(button, answer, label);
        besideLayout()->addWidget(button, 0, Qt::AlignVCenter);
    }
}

YesNoRowQuestion::~YesNoRowQuestion() = default;

SingleChoiceQuestion::SingleChoiceQuestion(const q::Item& item, QWidget* parent, Presentation presentation)
    : ButtonQuestion(item, parent, true, presentation)
{
    OptionPlacement place(item, this, answerLayout());
    for (const q::AnswerOption& option : item.answerOptions()) {
        const QString label = optionLabel(option);
        auto* button = new RowRadioButton(label, this);
        button->setProperty("role", QStringLiteral("choice"));
        addChoice(button, optionValue(option), label, false, optionHelp(optionCode(option)));
        place.add(button);
    }
    if (item.type() == q::ItemType::OpenChoice)
        addOtherField();
}

SingleChoiceQuestion::~SingleChoiceQuestion() = default;

MultipleChoiceQuestion::MultipleChoiceQuestion(const q::Item& item, QWidget* parent,
                                               Presentation presentation)
    : ButtonQuestion(item, parent, false, presentation)
{
    OptionPlacement place(item, this, answerLayout());
    for (const q::AnswerOption& option : item.answerOptions()) {
        const QString label = optionLabel(option);
        auto* box = new RowCheckBox(label, this);
        box->setProperty("role", QStringLiteral("choice"));
        addChoice(box, optionValue(option), label, option.exclusive, optionHelp(optionCode(option)));
        place.add(box);
    }
    if (item.type() == q::ItemType::OpenChoice)
        addOtherField();
}

MultipleChoiceQuestion::~MultipleChoiceQuestion() = default;

json MultipleChoiceQuestion::value() const
{
    json values = json::array();
    for (const auto& [button, answer] : choices())
        if (button->isChecked())
            values.push_back(answer);
    if (const json other = otherText(); !other.is_null())
        values.push_back(other);
    return values.empty() ? json(nullptr) : values;
}

ScaleQuestion::ScaleQuestion(const q::Item& item, QWidget* parent)
    : ButtonQuestion(item, parent, true)
{
    const int lowest = item.minValue().get<int>();
    const int highest = item.maxValue().get<int>();
    const QString lower = childText(item, "lower");
    const QString upper = childText(item, "upper");
    // Said once with each number, for a screen reader: what the two ends mean.
    QStringList ends;
    if (!lower.isEmpty())
        ends << tr("%1 means %2.").arg(lowest).arg(lower);
    if (!upper.isEmpty())
        ends << tr("%1 means %2.").arg(highest).arg(upper);
    // The numbers in a row, and under it what the two ends mean: the low end
    // under the first half of the numbers, the high end under the second.
    // One grid holds both, so a long label wraps within its half and the
    // block is as wide as the numbers, at any text size.
    auto* scale = new QWidget(this);
    scale->setObjectName(QStringLiteral("scale"));
    auto* grid = new QGridLayout(scale);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(4);
    const int count = highest - lowest + 1;
    for (int n = lowest; n <= highest; ++n) {
        auto* button = new QPushButton(QString::number(n), scale);
        button->setProperty("role", QStringLiteral("scaleButton"));
        button->setMinimumSize(44, 44); // the smallest touch target WCAG 2.5.5 allows
        button->setAutoExclusive(true); // a radio button to a screen reader
        addChoice(button, n, QString::number(n), false, ends.join(u' '));
        grid->addWidget(button, 0, n - lowest);
    }
    const auto anchor = [scale](const QString& text, const char* name, Qt::Alignment alignment) {
        auto* label = new QLabel(text, scale);
        label->setObjectName(QLatin1String(name));
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setAlignment(alignment | Qt::AlignTop);
        label->setProperty("role", QStringLiteral("hint"));
        // As wide as its half of the numbers, never wider: it wraps instead.
        QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        label->setSizePolicy(policy);
        return label;
    };
    const int half = count / 2;
    if (!lower.isEmpty())
        grid->addWidget(anchor(tr("%1 = %2").arg(lowest).arg(lower), "lowerAnchor", Qt::AlignLeft), 1, 0, 1,
                        half);
    if (!upper.isEmpty())
        grid->addWidget(anchor(tr("%1 = %2").arg(highest).arg(upper), "upperAnchor", Qt::AlignRight), 1, half,
                        1, count - half);
    // The numbers keep their size and an empty last column takes the rest of
    // the width. The block spans the whole answer area so its height is
    // worked out at the width it really has: an alignment, or a maximum
    // width, would have Qt work the labels' height out at the full width and
    // cut the second line of a wrapped label.
    grid->setColumnStretch(count, 1);
    answerLayout()->addWidget(scale);
}

ScaleQuestion::~ScaleQuestion() = default;

} // namespace spinepath::ui
