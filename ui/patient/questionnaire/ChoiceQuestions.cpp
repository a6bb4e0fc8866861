#include "ChoiceQuestions.h"

#include "core/questionnaire/Item.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QStyleOptionButton>
#include <QStylePainter>
#include <QVBoxLayout>

#include <algorithm>
#include <type_traits>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;
using nlohmann::json;

namespace {

QString optionLabel(const q::AnswerOption& option)
{
    if (option.kind == q::AnswerOption::Kind::Coding)
        return QString::fromStdString(option.coding.display.empty() ? option.coding.code
                                                                    : option.coding.display);
    return QString::fromStdString(option.value.is_string() ? option.value.get<std::string>()
                                                           : option.value.dump());
}

// The flat-answer value of an option: a Coding's code, or the value itself.
json optionValue(const q::AnswerOption& option)
{
    return option.kind == q::AnswerOption::Kind::Coding ? json(option.coding.code) : option.value;
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
        // once, for the new state.
        if (checked && !m_updating)
            notifyChanged();
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
                               bool exclusive)
{
    if (exclusive)
        m_exclusiveChoices.push_back(button);
    button->setCheckable(true);
    button->setObjectName(QStringLiteral("choice_") + QString::fromStdString(value.is_string()
                                                                                 ? value.get<std::string>()
                                                                                 : value.dump()));
    describe(button, questionText() + QStringLiteral(": ") + label);
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
    return nullptr;
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
}

YesNoQuestion::YesNoQuestion(const q::Item& item, QWidget* parent)
    : ButtonQuestion(item, parent, true)
{
    auto* row = new QHBoxLayout();
    row->setSpacing(12);
    const std::pair<QString, bool> answers[] = {{tr("Yes"), true}, {tr("No"), false}};
    for (const auto& [label, answer] : answers) {
        auto* button = new QPushButton(label, this);
        button->setProperty("role", QStringLiteral("answerButton"));
        button->setMinimumSize(120, 52);
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
    for (const q::AnswerOption& option : item.answerOptions()) {
        const QString label = optionLabel(option);
        auto* button = new RowRadioButton(label, this);
        button->setProperty("role", QStringLiteral("choice"));
        addChoice(button, optionValue(option), label);
        answerLayout()->addWidget(button);
    }
}

SingleChoiceQuestion::~SingleChoiceQuestion() = default;

MultipleChoiceQuestion::MultipleChoiceQuestion(const q::Item& item, QWidget* parent,
                                               Presentation presentation)
    : ButtonQuestion(item, parent, false, presentation)
{
    for (const q::AnswerOption& option : item.answerOptions()) {
        const QString label = optionLabel(option);
        auto* box = new RowCheckBox(label, this);
        box->setProperty("role", QStringLiteral("choice"));
        addChoice(box, optionValue(option), label, option.exclusive);
        answerLayout()->addWidget(box);
    }
}

MultipleChoiceQuestion::~MultipleChoiceQuestion() = default;

json MultipleChoiceQuestion::value() const
{
    json values = json::array();
    for (const auto& [button, answer] : choices())
        if (button->isChecked())
            values.push_back(answer);
    return values.empty() ? json(nullptr) : values;
}

ScaleQuestion::ScaleQuestion(const q::Item& item, QWidget* parent)
    : ButtonQuestion(item, parent, true)
{
    auto* row = new QHBoxLayout();
    row->setSpacing(6);
    for (int n = 0; n <= 10; ++n) {
        auto* button = new QPushButton(QString::number(n), this);
        button->setProperty("role", QStringLiteral("scaleButton"));
        button->setMinimumSize(48, 48);
        addChoice(button, n, QString::number(n));
        row->addWidget(button);
    }
    row->addStretch();
    answerLayout()->addLayout(row);
    auto* ends = new QHBoxLayout();
    auto* low = new QLabel(tr("0 = none"), this);
    auto* high = new QLabel(tr("10 = the worst you can imagine"), this);
    low->setProperty("role", QStringLiteral("hint"));
    high->setProperty("role", QStringLiteral("hint"));
    ends->addWidget(low);
    ends->addStretch();
    ends->addWidget(high);
    answerLayout()->addLayout(ends);
}

ScaleQuestion::~ScaleQuestion() = default;

} // namespace spinepath::ui
