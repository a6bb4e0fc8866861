#include "ValueQuestions.h"

#include "ReturnKey.h"
#include "TypedDate.h"
#include "core/questionnaire/Item.h"

#include <QDateTime>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QStyle>
#include <QTime>
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
    // The kiosk's on-screen keyboard shows its number keys for it.
    m_edit->setInputMethodHints(m_integer && low >= 0 ? Qt::ImhDigitsOnly : Qt::ImhFormattedNumbersOnly);
    describe(m_edit, questionText());
    ReturnKey::movesOn(*m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, [this] { notifyChanged(); });
    // The questionnaire-unit extension: the unit stands right of the number.
    QLabel* unit = nullptr;
    if (const auto& coding = item.unit()) {
        const std::string& text = coding->display.empty() ? coding->code : coding->display;
        unit = new QLabel(QString::fromStdString(text), this);
        unit->setObjectName(QStringLiteral("unitLabel"));
        unit->setTextFormat(Qt::PlainText);
        describe(m_edit, tr("%1, in %2").arg(questionText(), unit->text()));
    }
    if (presentation == Presentation::TableRow) {
        // A short number stands beside its question, as wide as the answers below it.
        m_edit->setFixedWidth(200);
        besideLayout()->addWidget(m_edit, 0, Qt::AlignVCenter);
        if (unit)
            besideLayout()->addWidget(unit, 0, Qt::AlignVCenter);
    } else if (unit) {
        auto* row = new QHBoxLayout();
        row->setSpacing(8);
        row->addWidget(m_edit);
        row->addWidget(unit);
        row->addStretch();
        answerLayout()->addLayout(row);
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
    // A dateTime limit ("2020-01-01T00:00:00Z", allowed on a date item) counts as its date.
    const QDate date =
        QDate::fromString(QString::fromStdString(limit.get<std::string>()).left(10), Qt::ISODate);
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

namespace {

// What a patient types, in the form FHIR keeps for the item's type: a
// quantity "72 kg" as {"value": 72, "unit": "kg"}, a time "14:30" as
// "14:30:00", a date and time "2026-03-15 14:30" with this computer's time
// zone, a reference as its display text. Anything else stays as typed, and
// the session refuses it with a message beside the question.
json typedAnswer(q::ItemType type, const QString& text)
{
    switch (type) {
    case q::ItemType::Quantity: {
        static const QRegularExpression quantity(
            QStringLiteral("^([-+]?[0-9]+(?:[.,][0-9]+)?)\\s*(\\S.*)?$"));
        const auto match = quantity.match(text);
        if (!match.hasMatch())
            break;
        QString number = match.captured(1);
        number.replace(QLatin1Char(','), QLatin1Char('.'));
        json value = json::object();
        if (number.contains(QLatin1Char('.')))
            value["value"] = number.toDouble();
        else
            value["value"] = number.toLongLong();
        if (!match.captured(2).isEmpty())
            value["unit"] = match.captured(2).trimmed().toStdString();
        return value;
    }
    case q::ItemType::Time: {
        const QTime time = QTime::fromString(text, QStringLiteral("H:mm"));
        if (time.isValid())
            return time.toString(QStringLiteral("HH:mm:ss")).toStdString();
        break;
    }
    case q::ItemType::DateTime: {
        for (const QString& format :
             {QStringLiteral("yyyy-MM-dd H:mm"), QStringLiteral("yyyy-MM-dd'T'H:mm"),
              QStringLiteral("yyyy-MM-dd H:mm:ss"), QStringLiteral("yyyy-MM-dd'T'H:mm:ss")}) {
            const QDateTime moment = QDateTime::fromString(text, format);
            if (moment.isValid())
                return moment.toOffsetFromUtc(moment.offsetFromUtc()).toString(Qt::ISODate).toStdString();
        }
        break;
    }
    case q::ItemType::Reference:
        return json{{"display", text.toStdString()}};
    default:
        break;
    }
    return text.toStdString();
}

// The reverse of typedAnswer, for an answer the session holds.
QString typedText(const json& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (!value.is_object())
        return {};
    if (value.contains("value") && value["value"].is_number()) {
        QString text = QString::fromStdString(value["value"].dump());
        if (value.contains("unit") && value["unit"].is_string())
            text += QLatin1Char(' ') + QString::fromStdString(value["unit"].get<std::string>());
        return text;
    }
    for (const char* key : {"display", "reference", "title", "url"})
        if (value.contains(key) && value[key].is_string())
            return QString::fromStdString(value[key].get<std::string>());
    return {};
}

} // namespace

TextQuestion::TextQuestion(const q::Item& item, QWidget* parent)
    : QuestionWidget(item, parent)
    , m_edit(new QLineEdit(this))
    , m_type(item.type())
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
    return text.isEmpty() ? json(nullptr) : typedAnswer(m_type, text);
}

void TextQuestion::setValue(const json& value)
{
    const QSignalBlocker blocker(m_edit);
    m_edit->setText(typedText(value));
}

QWidget* TextQuestion::focusTarget() const
{
    return m_edit;
}

} // namespace spinepath::ui
