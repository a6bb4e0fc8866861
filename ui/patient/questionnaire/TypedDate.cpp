#include "TypedDate.h"

#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <optional>

namespace spinepath::ui {

namespace {

// The order of day, month and year in the locale's short date format.
enum class Order
{
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
};

Order orderOf(const QLocale& locale)
{
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    const qsizetype day = format.indexOf(u'd');
    const qsizetype month = format.indexOf(u'M');
    const qsizetype year = format.indexOf(u'y');
    if (year >= 0 && year < day && year < month)
        return Order::YearMonthDay;
    return day >= 0 && day < month ? Order::DayMonthYear : Order::MonthDayYear;
}

// The locale's separator between numbers, if it is one people type.
QChar separatorOf(const QLocale& locale)
{
    for (const QChar c : locale.dateFormat(QLocale::ShortFormat))
        if (c == u'/' || c == u'.' || c == u'-')
            return c;
    return u'/';
}

// A two-digit year: the latest such year not after `latest`.
int fullYear(int twoDigits, QDate latest)
{
    const int century = latest.year() - latest.year() % 100;
    const int year = century + twoDigits;
    return year > latest.year() ? year - 100 : year;
}

int yearOf(const QString& digits, QDate latest)
{
    const int value = digits.toInt();
    return digits.size() <= 2 ? fullYear(value, latest) : value;
}

// Day and month in the locale's order first, then the other way round.
QDate fromDayAndMonth(int first, int second, int year, Order order)
{
    const bool dayFirst = order == Order::DayMonthYear;
    const QDate preferred(year, dayFirst ? second : first, dayFirst ? first : second);
    if (preferred.isValid())
        return preferred;
    return QDate(year, dayFirst ? first : second, dayFirst ? second : first);
}

std::optional<QDate> numeric(const QString& text, Order order, QDate latest)
{
    // 1955-03-15, 1955/3/15
    static const QRegularExpression yearFirst(QStringLiteral(R"(^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$)"));
    if (const auto match = yearFirst.match(text); match.hasMatch())
        return QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    // 3/15/1955, 03-15-55, 15.03.1955, 15 3 1955
    static const QRegularExpression yearLast(
        QStringLiteral(R"(^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4}|\d{2})$)"));
    if (const auto match = yearLast.match(text); match.hasMatch())
        return fromDayAndMonth(match.captured(1).toInt(), match.captured(2).toInt(),
                               yearOf(match.captured(3), latest), order);
    // 03151955 or 19550315, as typed on a number pad
    static const QRegularExpression digitsOnly(QStringLiteral(R"(^\d{8}$)"));
    if (digitsOnly.match(text).hasMatch()) {
        const QDate isoLike(text.left(4).toInt(), text.mid(4, 2).toInt(), text.right(2).toInt());
        if (isoLike.isValid() && isoLike <= latest && isoLike.year() >= 1800)
            return isoLike;
        return fromDayAndMonth(text.left(2).toInt(), text.mid(2, 2).toInt(), text.right(4).toInt(), order);
    }
    return std::nullopt;
}

// "March 15, 1955", "15 March 1955", "Mar 15 1955", and the locale's own forms.
QDate withMonthName(const QString& text, const QLocale& locale)
{
    const std::array formats = {
        locale.dateFormat(QLocale::LongFormat), locale.dateFormat(QLocale::ShortFormat),
        QStringLiteral("MMMM d yyyy"),          QStringLiteral("d MMMM yyyy"),
        QStringLiteral("MMM d yyyy"),           QStringLiteral("d MMM yyyy")};
    QString plain = text;
    plain.replace(u',', u' ');
    plain.remove(u'.');
    plain = plain.simplified();
    for (const QString& format : formats) {
        for (const QString& candidate : {text, plain}) {
            const QDate date = locale.toDate(candidate, format);
            if (date.isValid())
                return date;
        }
    }
    return {};
}

} // namespace

TypedDate::TypedDate(const QString& text, const QLocale& locale, QDate earliest, QDate latest)
{
    const QString typed = text.simplified();
    if (typed.isEmpty())
        return;
    m_date = parse(typed, locale, latest);
    if (!m_date.isValid())
        m_reading = Reading::Unreadable;
    else if (m_date > latest)
        m_reading = Reading::TooLate;
    else if (m_date < earliest)
        m_reading = Reading::TooEarly;
    else
        m_reading = Reading::Understood;
    if (m_reading != Reading::Understood)
        m_date = QDate();
}

QDate TypedDate::parse(const QString& text, const QLocale& locale, QDate latest)
{
    if (const auto date = numeric(text, orderOf(locale), latest))
        return *date;
    return withMonthName(text, locale);
}

QString TypedDate::spelledOut(QDate date, const QLocale& locale)
{
    // The long format without its weekday: "dddd, MMMM d, yyyy" -> "MMMM d, yyyy".
    static const QRegularExpression weekday(QStringLiteral(R"(\s*d{4}[,.]?\s*)"));
    QString format = locale.dateFormat(QLocale::LongFormat);
    format.replace(weekday, QStringLiteral(" "));
    return locale.toString(date, format.trimmed());
}

QString TypedDate::numericFormat(const QLocale& locale)
{
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    // Keep the locale's leading zeros ("dd/MM" in Britain, "M/d" in America).
    const QString day = format.contains(QStringLiteral("dd")) ? QStringLiteral("dd") : QStringLiteral("d");
    const QString month = format.count(u'M') >= 2 ? QStringLiteral("MM") : QStringLiteral("M");
    const QString year = QStringLiteral("yyyy");
    const QChar separator = separatorOf(locale);
    QStringList parts;
    switch (orderOf(locale)) {
    case Order::DayMonthYear:
        parts = {day, month, year};
        break;
    case Order::MonthDayYear:
        parts = {month, day, year};
        break;
    case Order::YearMonthDay:
        parts = {year, month, day};
        break;
    }
    return parts.join(separator);
}

} // namespace spinepath::ui
