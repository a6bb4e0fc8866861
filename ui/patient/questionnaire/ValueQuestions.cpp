#include "ValueQuestions.h"

#include "core/questionnaire/Item.h"

#include <QDateEdit>
#include <QDoubleValidator>
#include <QIntValidator>
#include <QLineEdit>
#include <QVBoxLayout>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;
using nlohmann::json;

NumberQuestion::NumberQuestion(const q::Item& item, QWidget* parent, Presentation presentation)
    : QuestionWidget(item, parent, presentation)
    , m_edit(new QLineEdit(this))
    , m_integer(item.type() == q::ItemType::Integer)
{
    m_edit->setObjectName(QStringLiteral("numberEdit"));
    m_edit->setMaximumWidth(200);
    const double low = item.minValue().is_number() ? item.minValue().get<double>() : -1e9;
    const double high = item.maxValue().is_number() ? item.maxValue().get<double>() : 1e9;
    if (m_integer)
        m_edit->setValidator(new QIntValidator(static_cast<int>(low), static_cast<int>(high), m_edit));
    else
        m_edit->setValidator(new QDoubleValidator(low, high, 3, m_edit));
    describe(m_edit, questionText());
    connect(m_edit, &QLineEdit::textChanged, this, [this] { notifyChanged(); });
    if (presentation == Presentation::TableRow) {
        // A short number stands beside its question, as wide as the answers below it.
        m_edit->setFixedWidth(200);
        besideLayout()->addWidget(m_edit, 0, Qt::AlignVCenter);
    } else {
        answerLayout()->addWidget(m_edit);
    }
}

NumberQuestion::~NumberQuestion() = default;

json NumberQuestion::value() const
{
    if (!m_edit->hasAcceptableInput())
        return nullptr;
    bool ok = false;
    if (m_integer) {
        const int n = m_edit->text().toInt(&ok);
        return ok ? json(n) : json(nullptr);
    }
    const double d = QLocale().toDouble(m_edit->text(), &ok);
    return ok ? json(d) : json(nullptr);
}

void NumberQuestion::setValue(const json& value)
{
    const QSignalBlocker blocker(m_edit);
    m_edit->setText(value.is_number() ? QString::fromStdString(value.dump()) : QString());
}

QWidget* NumberQuestion::focusTarget() const
{
    return m_edit;
}

namespace {
// QDateEdit always holds a date: its minimum stands for "not answered yet".
const QDate kNoDate(1900, 1, 1);
} // namespace

DateQuestion::DateQuestion(const q::Item& item, QWidget* parent)
    : QuestionWidget(item, parent)
    , m_edit(new QDateEdit(this))
{
    m_edit->setObjectName(QStringLiteral("dateEdit"));
    m_edit->setCalendarPopup(true);
    m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_edit->setMinimumDate(kNoDate);
    m_edit->setMaximumDate(QDate::currentDate());
    m_edit->setSpecialValueText(tr("Not given"));
    m_edit->setDate(kNoDate);
    m_edit->setMaximumWidth(240);
    describe(m_edit, questionText());
    connect(m_edit, &QDateEdit::dateChanged, this, [this] { notifyChanged(); });
    answerLayout()->addWidget(m_edit);
}

DateQuestion::~DateQuestion() = default;

json DateQuestion::value() const
{
    if (m_edit->date() == kNoDate)
        return nullptr;
    return m_edit->date().toString(Qt::ISODate).toStdString();
}

void DateQuestion::setValue(const json& value)
{
    const QSignalBlocker blocker(m_edit);
    const QDate date = value.is_string()
                           ? QDate::fromString(QString::fromStdString(value.get<std::string>()), Qt::ISODate)
                           : QDate();
    m_edit->setDate(date.isValid() ? date : kNoDate);
}

QWidget* DateQuestion::focusTarget() const
{
    return m_edit;
}

TextQuestion::TextQuestion(const q::Item& item, QWidget* parent)
    : QuestionWidget(item, parent)
    , m_edit(new QLineEdit(this))
{
    m_edit->setObjectName(QStringLiteral("textEdit"));
    if (item.maxLength())
        m_edit->setMaxLength(*item.maxLength());
    describe(m_edit, questionText());
    connect(m_edit, &QLineEdit::textChanged, this, [this] { notifyChanged(); });
    answerLayout()->addWidget(m_edit);
}

TextQuestion::~TextQuestion() = default;

json TextQuestion::value() const
{
    const QString text = m_edit->text().trimmed();
    return text.isEmpty() ? json(nullptr) : json(text.toStdString());
}

void TextQuestion::setValue(const json& value)
{
    const QSignalBlocker blocker(m_edit);
    m_edit->setText(value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString());
}

QWidget* TextQuestion::focusTarget() const
{
    return m_edit;
}

} // namespace spinepath::ui
