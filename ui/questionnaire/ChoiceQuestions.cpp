#include "ChoiceQuestions.h"

#include "core/questionnaire/Item.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

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

// On a touch screen the whole row is the target, not only the small circle
// or box and its text: these take a press anywhere in their width.
class RowRadioButton final : public QRadioButton
{
public:
    using QRadioButton::QRadioButton;

protected:
    bool hitButton(const QPoint& position) const override { return rect().contains(position); }
};

class RowCheckBox final : public QCheckBox
{
public:
    using QCheckBox::QCheckBox;

protected:
    bool hitButton(const QPoint& position) const override { return rect().contains(position); }
};

} // namespace

ButtonQuestion::ButtonQuestion(const q::Item& item, QWidget* parent, bool exclusive)
    : QuestionWidget(item, parent)
    , m_group(new QButtonGroup(this))
{
    m_group->setExclusive(exclusive);
    connect(m_group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton* button, bool checked) {
        // An exclusive group toggles the old button off and the new one on:
        // report once, for the new state.
        if (checked && !m_group->exclusive())
            keepExclusiveChoicesApart(button);
        if (checked || !m_group->exclusive())
            notifyChanged();
    });
}

ButtonQuestion::~ButtonQuestion() = default;

QWidget* ButtonQuestion::focusTarget() const
{
    if (QAbstractButton* checked = m_group->checkedButton())
        return checked;
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
    m_group->addButton(button);
    m_choices.emplace_back(button, value);
}

void ButtonQuestion::keepExclusiveChoicesApart(QAbstractButton* picked)
{
    const auto isExclusive = [this](QAbstractButton* button) {
        return std::find(m_exclusiveChoices.begin(), m_exclusiveChoices.end(), button) !=
               m_exclusiveChoices.end();
    };
    const bool pickedExclusive = isExclusive(picked);
    // Blocked, so that the patient's one click reports one new answer.
    const QSignalBlocker blocker(m_group);
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
    clearChoices();
    const QSignalBlocker blocker(m_group);
    for (const auto& [button, answer] : m_choices)
        if (answer == value)
            button->setChecked(true);
}

void ButtonQuestion::clearChoices()
{
    const QSignalBlocker blocker(m_group);
    const bool exclusive = m_group->exclusive();
    m_group->setExclusive(false);
    for (auto& [button, value] : m_choices)
        button->setChecked(false);
    m_group->setExclusive(exclusive);
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

SingleChoiceQuestion::SingleChoiceQuestion(const q::Item& item, QWidget* parent)
    : ButtonQuestion(item, parent, true)
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

MultipleChoiceQuestion::MultipleChoiceQuestion(const q::Item& item, QWidget* parent)
    : ButtonQuestion(item, parent, false)
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

void MultipleChoiceQuestion::setValue(const json& value)
{
    const QSignalBlocker blocker(group());
    for (const auto& [button, answer] : choices())
        button->setChecked(value.is_array() && std::find(value.begin(), value.end(), answer) != value.end());
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
