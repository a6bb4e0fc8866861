// Dates as patients type them, read in the locale's order, and what is shown
// back to them.
#include "patient/questionnaire/TypedDate.h"

#include <QtTest>

using namespace spinepath::ui;
using Reading = TypedDate::Reading;

namespace {

const QLocale kAmerican(QLocale::English, QLocale::UnitedStates);
const QLocale kBritish(QLocale::English, QLocale::UnitedKingdom);
const QLocale kGerman(QLocale::German, QLocale::Germany);
const QDate kEarliest(1900, 1, 1);
const QDate kToday(2026, 12, 4);

} // namespace

class TestTypedDate final : public QObject
{
    Q_OBJECT

private slots:
    void readsTheCommonForms_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QDate>("expected");
        const QDate ides(1955, 3, 15);
        QTest::newRow("US padded") << kAmerican << "03/15/1955" << ides;
        QTest::newRow("US unpadded") << kAmerican << "3/15/1955" << ides;
        QTest::newRow("ISO") << kAmerican << "1955-03-15" << ides;
        QTest::newRow("US short year") << kAmerican << "3/15/55" << ides;
        QTest::newRow("US dashes") << kAmerican << "3-15-1955" << ides;
        QTest::newRow("spaces around") << kAmerican << "  3/15/1955 " << ides;
        QTest::newRow("month name") << kAmerican << "March 15, 1955" << ides;
        QTest::newRow("short month name") << kAmerican << "Mar 15 1955" << ides;
        QTest::newRow("day first month name") << kAmerican << "15 March 1955" << ides;
        QTest::newRow("number pad") << kAmerican << "03151955" << ides;
        QTest::newRow("US order first") << kAmerican << "03/04/1955" << QDate(1955, 3, 4);
        // 15 cannot be a month: the other order is the only date.
        QTest::newRow("day first in the US") << kAmerican << "15/03/1955" << ides;
        QTest::newRow("UK order first") << kBritish << "03/04/1955" << QDate(1955, 4, 3);
        QTest::newRow("UK") << kBritish << "15/03/1955" << ides;
        QTest::newRow("month first in the UK") << kBritish << "03/15/1955" << ides;
        QTest::newRow("UK ISO") << kBritish << "1955-03-15" << ides;
        QTest::newRow("German") << kGerman << "15.03.1955" << ides;
        QTest::newRow("German short") << kGerman << "15.3.55" << ides;
        QTest::newRow("German month name") << kGerman << "15. März 1955" << ides;
        // A two-digit year is never in the future.
        QTest::newRow("this century") << kAmerican << "3/15/20" << QDate(2020, 3, 15);
        QTest::newRow("last century") << kAmerican << "3/15/27" << QDate(1927, 3, 15);
        QTest::newRow("today") << kAmerican << "12/4/2026" << kToday;
    }

    void readsTheCommonForms()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, typed);
        QFETCH(QDate, expected);
        const TypedDate date(typed, locale, kEarliest, kToday);
        QCOMPARE(date.reading(), Reading::Understood);
        QCOMPARE(date.date(), expected);
    }

    void saysWhatItCannotTake_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<Reading>("reading");
        QTest::newRow("nothing") << "" << Reading::Empty;
        QTest::newRow("blank") << "   " << Reading::Empty;
        QTest::newRow("words") << "my birthday" << Reading::Unreadable;
        QTest::newRow("no such day") << "2/30/1955" << Reading::Unreadable;
        QTest::newRow("no such month either way") << "13/13/1955" << Reading::Unreadable;
        QTest::newRow("half typed") << "3/15/19" << Reading::Understood; // 2019: still shown back
        QTest::newRow("half typed year") << "3/15/195" << Reading::Unreadable;
        QTest::newRow("the old special value") << "Not given03/15/1955" << Reading::Unreadable;
        QTest::newRow("tomorrow") << "12/5/2026" << Reading::TooLate;
        QTest::newRow("long ago") << "12/31/1899" << Reading::TooEarly;
    }

    void saysWhatItCannotTake()
    {
        QFETCH(QString, typed);
        QFETCH(Reading, reading);
        const TypedDate date(typed, kAmerican, kEarliest, kToday);
        QCOMPARE(date.reading(), reading);
        QCOMPARE(date.date().isValid(), reading == Reading::Understood);
    }

    void spellsTheDateOutWithoutTheWeekday()
    {
        const QDate ides(1955, 3, 15);
        QCOMPARE(TypedDate::spelledOut(ides, kAmerican), QStringLiteral("March 15, 1955"));
        QCOMPARE(TypedDate::spelledOut(ides, kBritish), QStringLiteral("15 March 1955"));
        QCOMPARE(TypedDate::spelledOut(ides, kGerman), QStringLiteral("15. März 1955"));
    }

    void asksForTheLocalesNumericFormWithTheFullYear()
    {
        QCOMPARE(TypedDate::numericFormat(kAmerican), QStringLiteral("M/d/yyyy"));
        QCOMPARE(TypedDate::numericFormat(kBritish), QStringLiteral("dd/MM/yyyy"));
        QCOMPARE(TypedDate::numericFormat(kGerman), QStringLiteral("dd.MM.yyyy"));
        // What the field shows is read back as the same date.
        for (const QLocale& locale : {kAmerican, kBritish, kGerman, QLocale::c()}) {
            const QDate date(1970, 7, 31);
            const TypedDate shown(locale.toString(date, TypedDate::numericFormat(locale)), locale, kEarliest,
                                  kToday);
            QCOMPARE(shown.date(), date);
        }
    }
};

QTEST_GUILESS_MAIN(TestTypedDate)
#include "test_TypedDate.moc"
