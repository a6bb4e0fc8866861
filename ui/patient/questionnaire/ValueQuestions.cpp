#include "ValueQuestions.h"

#include "ReturnKey.h"
#include "TypedDate.h"
#include "core/questionnaire/Item.h"

#include <QDoubleValidator>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
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
    ReturnKey::movesOn(*m_edit);
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

// A date limit of the item (minValue / maxValue), or `fallback`.
QDate dateLimit(const nlohmann::json& limit, QDate fallback)
{
    if (!limit.is_string())
        return fallback;
    const QDate date = QDate::fromString(QString::fromStdString(limit.get<std::string>()), Qt::ISODate);
    return date.isValid() ? date : fallback;
}

// A date whose day cannot be taken for a month, so the example shows the order.
const QDate kExampleDate(1970, 7, 31);

} // namespace

DateQuestion::DateQuestion(const q::Item& item, QWidget* parent)
    : QuestionWidget(item, parent)
    , m_edit(new QLineEdit(this))
    , m_readBack(new QLabel(this))
    // Dates asked of a patient are in the past (a birth date, when pain began).
    , m_earliest(dateLimit(item.minValue(), QDate(1900, 1, 1)))
    , m_latest(dateLimit(item.maxValue(), QDate::currentDate()))
{
    m_edit->setObjectName(QStringLiteral("dateEdit"));
    m_edit->setMaximumWidth(240);
    m_edit->setMaxLength(40);
    m_edit->setInputMethodHints(Qt::ImhDate | Qt::ImhNoPredictiveText);
    describe(m_edit, questionText());
    ReturnKey::movesOn(*m_edit);
    m_readBack->setObjectName(QStringLiteral("dateReadBack"));
    m_readBack->setTextFormat(Qt::PlainText);
    m_readBack->setWordWrap(true);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        showReading();
        notifyChanged();
    });
    answerLayout()->addWidget(m_edit);
    answerLayout()->addWidget(m_readBack);
    showReading();
}

DateQuestion::~DateQuestion() = default;

json DateQuestion::value() const
{
    const TypedDate typed(m_edit->text(), QLocale(), m_earliest, m_latest);
    if (typed.reading() != TypedDate::Reading::Understood)
        return nullptr;
    return typed.date().toString(Qt::ISODate).toStdString();
}

void DateQuestion::setValue(const json& value)
{
    const QSignalBlocker blocker(m_edit);
    const QDate date = value.is_string()
                           ? QDate::fromString(QString::fromStdString(value.get<std::string>()), Qt::ISODate)
                           : QDate();
    // Shown in the form the patient is asked to type, so it reads back the same.
    m_edit->setText(date.isValid() ? QLocale().toString(date, TypedDate::numericFormat(QLocale()))
                                   : QString());
    showReading();
}

QWidget* DateQuestion::focusTarget() const
{
    return m_edit;
}

void DateQuestion::showReading()
{
    const QLocale locale;
    const QString example = locale.toString(kExampleDate, TypedDate::numericFormat(locale));
    const TypedDate typed(m_edit->text(), locale, m_earliest, m_latest);
    QString text;
    bool problem = true;
    switch (typed.reading()) {
    case TypedDate::Reading::Empty:
        text = tr("Type the date with numbers, for example %1.").arg(example);
        problem = false;
        break;
    case TypedDate::Reading::Understood:
        text = tr("We read this as %1.").arg(TypedDate::spelledOut(typed.date(), locale));
        problem = false;
        break;
    case TypedDate::Reading::Unreadable:
        text = tr("We cannot read this date. Please type it like %1.").arg(example);
        break;
    case TypedDate::Reading::TooLate:
        text = tr("This date is after today. Please check it.");
        break;
    case TypedDate::Reading::TooEarly:
        text = tr("Please check the year of this date.");
        break;
    }
    m_readBack->setText(text);
    m_readBack->setProperty("role", problem ? QStringLiteral("error") : QStringLiteral("hint"));
    m_readBack->style()->unpolish(m_readBack);
    m_readBack->style()->polish(m_readBack);
    // A screen reader hears what was understood with the field itself.
    m_edit->setAccessibleDescription(text);
}

TextQuestion::TextQuestion(const q::Item& item, QWidget* parent)
    : QuestionWidget(item, parent)
    , m_edit(new QLineEdit(this))
{
    m_edit->setObjectName(QStringLiteral("textEdit"));
    if (item.maxLength())
        m_edit->setMaxLength(*item.maxLength());
    describe(m_edit, questionText());
    ReturnKey::movesOn(*m_edit);
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
