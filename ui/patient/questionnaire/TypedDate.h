#pragma once

#include <QDate>
#include <QLocale>
#include <QString>

namespace spinepath::ui {

// Reads a date as a patient types it: the locale's own short and long forms,
// numbers with slashes, dots or dashes ("3/15/1955", "03/15/1955",
// "15.03.1955"), ISO ("1955-03-15") and month names ("March 15, 1955").
// Day and month are taken in the locale's order; when that order gives no
// date ("03/15/1955" in a day-first locale) the other order is tried, since
// 15 cannot be a month. A two-digit year is the latest year not after
// `latest` ("55" is 1955 in 2026). What was understood is shown back to the
// patient, so a wrong guess between 3 April and 4 March is seen and fixed.
class TypedDate final
{
public:
    enum class Reading
    {
        Empty,      // nothing typed
        Understood, // date() holds the date
        Unreadable, // not a date in any form we know
        TooLate,    // after `latest` (a birth date in the future)
        TooEarly,   // before `earliest`
    };

    TypedDate(const QString& text, const QLocale& locale, QDate earliest, QDate latest);

    [[nodiscard]] Reading reading() const noexcept { return m_reading; }
    // Valid only when understood.
    [[nodiscard]] QDate date() const noexcept { return m_date; }

    // The date spelled out for the patient to check, without the weekday:
    // "March 15, 1955" in American English.
    [[nodiscard]] static QString spelledOut(QDate date, const QLocale& locale);
    // The numeric form the patient is asked to type, with a four-digit year:
    // "3/15/1955" in American English, "15/03/1955" in British English.
    [[nodiscard]] static QString numericFormat(const QLocale& locale);

private:
    [[nodiscard]] static QDate parse(const QString& text, const QLocale& locale, QDate latest);

    Reading m_reading = Reading::Empty;
    QDate m_date;
};

} // namespace spinepath::ui
