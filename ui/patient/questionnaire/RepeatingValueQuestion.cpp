#include "RepeatingValueQuestion.h"

#include "ReturnKey.h"
#include "core/questionnaire/Item.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;
using nlohmann::json;

RepeatingValueQuestion::RepeatingValueQuestion(const q::Item& item, QWidget* parent)
    : QuestionWidget(item, parent)
    , m_item(item)
{
    m_fieldsLayout = new QVBoxLayout();
    m_fieldsLayout->setSpacing(6);
    answerLayout()->addLayout(m_fieldsLayout);
    m_add = new QPushButton(tr("Add another answer"), this);
    m_add->setObjectName(QStringLiteral("addAnswer"));
    m_add->setProperty("role", QStringLiteral("secondary"));
    m_add->setFocusPolicy(Qt::StrongFocus);
    //: %1 is the question, e.g. "Which medicines do you take?"
    m_add->setAccessibleName(tr("Add another answer: %1").arg(questionText()));
    ReturnKey::pressesButton(*m_add);
    // An answer that cannot be changed (readOnly) cannot be added to either.
    m_add->setVisible(!item.readOnly());
    connect(m_add, &QPushButton::clicked, this, [this] {
        addField();
        m_fields.back().field->focusTarget()->setFocus(Qt::TabFocusReason);
    });
    auto* addRow = new QHBoxLayout();
    addRow->addWidget(m_add);
    addRow->addStretch();
    answerLayout()->addLayout(addRow);
    addField();
}

RepeatingValueQuestion::~RepeatingValueQuestion() = default;

void RepeatingValueQuestion::addField()
{
    auto* row = new QWidget(this);
    row->setObjectName(QStringLiteral("answerRow"));
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    QuestionWidget* field = QuestionWidget::createSingle(m_item, row);
    // Not "question_<linkId>": that names the question as a whole, once.
    field->setObjectName(QStringLiteral("answerField"));
    // The wording stands once above the fields, not again in each.
    field->setProperty("role", QStringLiteral("answerField"));
    field->setFrameShape(QFrame::NoFrame);
    field->layout()->setContentsMargins(0, 0, 0, 0);
    if (auto* wording = field->findChild<QLabel*>(QStringLiteral("questionText")))
        wording->hide();
    layout->addWidget(field, 1);
    auto* remove = new QPushButton(tr("Remove"), row);
    remove->setObjectName(QStringLiteral("removeAnswer"));
    remove->setProperty("role", QStringLiteral("secondary"));
    remove->setFocusPolicy(Qt::StrongFocus);
    ReturnKey::pressesButton(*remove);
    layout->addWidget(remove, 0, Qt::AlignTop);
    connect(remove, &QPushButton::clicked, this, [this, row] { removeField(row); });
    connect(field, &QuestionWidget::valueChanged, this, [this] {
        if (!m_updating)
            notifyChanged();
    });
    m_fieldsLayout->addWidget(row);
    // Shown now, not when the event loop gets to it: the new field takes the focus at once.
    row->show();
    m_fields.push_back({row, field, remove});
    renumber();
}

void RepeatingValueQuestion::removeField(QWidget* row)
{
    const auto found = std::find_if(m_fields.begin(), m_fields.end(),
                                    [row](const Field& field) { return field.row == row; });
    if (found == m_fields.end() || m_fields.size() < 2)
        return;
    const auto index = static_cast<std::size_t>(found - m_fields.begin());
    m_fields.erase(found);
    row->hide();
    row->deleteLater();
    renumber();
    // The focus goes to the field that took the removed one's place, or the last.
    m_fields[std::min(index, m_fields.size() - 1)].field->focusTarget()->setFocus(Qt::TabFocusReason);
    notifyChanged();
}

void RepeatingValueQuestion::renumber()
{
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        const int number = static_cast<int>(i) + 1;
        //: A screen reader's name for one answer of a question answered several times, e.g. "Medicines,
        //: answer 2"
        const QString name = tr("%1, answer %2").arg(questionText()).arg(number);
        m_fields[i].field->focusTarget()->setAccessibleName(name);
        m_fields[i].remove->setAccessibleName(tr("Remove answer %1").arg(number));
        m_fields[i].remove->setVisible(m_fields.size() > 1 && !m_item.readOnly());
    }
}

json RepeatingValueQuestion::value() const
{
    json values = json::array();
    for (const Field& field : m_fields)
        if (json one = field.field->value(); !one.is_null())
            values.push_back(std::move(one));
    return values.empty() ? json(nullptr) : values;
}

void RepeatingValueQuestion::setValue(const json& value)
{
    const json values = value.is_array() ? value : value.is_null() ? json::array() : json::array({value});
    // The answers the fields already hold (an empty field the patient just
    // added among them): nothing to change.
    const json current = this->value();
    if (values == (current.is_null() ? json::array() : current))
        return;
    m_updating = true;
    while (m_fields.size() < values.size())
        addField();
    for (std::size_t i = 0; i < m_fields.size(); ++i)
        m_fields[i].field->setValue(i < values.size() ? values[i] : json(nullptr));
    m_updating = false;
}

QWidget* RepeatingValueQuestion::focusTarget() const
{
    return m_fields.front().field->focusTarget();
}

} // namespace spinepath::ui
