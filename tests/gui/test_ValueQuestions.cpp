// The answer widgets typed into, built from items of the intake questionnaire
// and driven with the keyboard: the date of birth above all.
#include "patient/questionnaire/ValueQuestions.h"

#include "core/questionnaire/Questionnaire.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

using namespace spinepath::ui;

namespace q = spinepath::questionnaire;
using nlohmann::json;

class TestValueQuestions final : public QObject
{
    Q_OBJECT

    const q::Questionnaire m_intake =
        q::Questionnaire::fromFile(SPINEPATH_SOURCE_DIR "/content/questionnaire/spinepath-intake.json");
    // The question between two buttons, so that Tab and Shift+Tab have somewhere to go.
    std::unique_ptr<QWidget> m_window;
    QuestionWidget* m_question = nullptr;
    QPushButton* m_before = nullptr;
    QPushButton* m_after = nullptr;

    void show(const char* linkId)
    {
        m_window = std::make_unique<QWidget>();
        auto* layout = new QVBoxLayout(m_window.get());
        m_before = new QPushButton(QStringLiteral("Before"), m_window.get());
        m_question = QuestionWidget::create(*m_intake.find(linkId), m_window.get());
        m_after = new QPushButton(QStringLiteral("After"), m_window.get());
        layout->addWidget(m_before);
        layout->addWidget(m_question);
        layout->addWidget(m_after);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    [[nodiscard]] QLineEdit* dateField() const
    {
        return m_question->findChild<QLineEdit*>(QStringLiteral("dateEdit"));
    }
    [[nodiscard]] QString readBack() const
    {
        return m_question->findChild<QLabel*>(QStringLiteral("dateReadBack"))->text();
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init() { show("about.birth_date"); }

    void cleanup() { m_window.reset(); }

    void theDateOfBirthIsTypedAndReadBack_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("padded") << "03/15/1955";
        QTest::newRow("unpadded") << "3/15/1955";
        QTest::newRow("ISO") << "1955-03-15";
        QTest::newRow("the locale's short form")
            << QLocale().toString(QDate(1955, 3, 15), QLocale::ShortFormat);
        QTest::newRow("spelled out") << "March 15, 1955";
    }

    void theDateOfBirthIsTypedAndReadBack()
    {
        QFETCH(QString, typed);
        QLineEdit* field = dateField();
        QVERIFY(field);
        // Nothing in it until the patient types, and no "Not given" to type after.
        QVERIFY(field->text().isEmpty());
        QVERIFY(m_question->value().is_null());
        QCOMPARE(readBack(), QStringLiteral("Type the date with numbers, for example 7/31/1970."));
        field->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(field, typed);
        QCOMPARE(field->text(), typed);
        QCOMPARE(m_question->value(), json("1955-03-15"));
        QCOMPARE(readBack(), QStringLiteral("We read this as March 15, 1955."));
        // A screen reader hears the same with the field.
        QCOMPARE(field->accessibleDescription(), readBack());
    }

    void aDateItCannotReadIsNoAnswerAndSaysSo()
    {
        QLineEdit* field = dateField();
        field->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(field, QStringLiteral("15th of Marhc"));
        QVERIFY(m_question->value().is_null());
        QVERIFY2(readBack().startsWith(QStringLiteral("We cannot read this date.")), qPrintable(readBack()));
        // The example is in the form it asks for.
        QVERIFY2(readBack().contains(QStringLiteral("7/31/1970")), qPrintable(readBack()));

        field->clear();
        QTest::keyClicks(field, QDate::currentDate().addDays(1).toString(QStringLiteral("M/d/yyyy")));
        QVERIFY(m_question->value().is_null());
        QVERIFY2(readBack().contains(QStringLiteral("after today")), qPrintable(readBack()));
    }

    void tabAndShiftTabLeaveTheField()
    {
        QLineEdit* field = dateField();
        field->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(field, QStringLiteral("3/15/1955"));
        QTest::keyClick(field, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), m_after);
        field->setFocus(Qt::TabFocusReason);
        QTest::keyClick(field, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), m_before);
        // Enter moves on as Tab does, and keeps the date.
        field->setFocus(Qt::TabFocusReason);
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), m_after);
        QCOMPARE(m_question->value(), json("1955-03-15"));
    }

    void aStoredDateShowsInTheFormItAsksFor()
    {
        m_question->setValue(json("1955-03-15"));
        QCOMPARE(dateField()->text(), QStringLiteral("3/15/1955"));
        QCOMPARE(readBack(), QStringLiteral("We read this as March 15, 1955."));
        QCOMPARE(m_question->value(), json("1955-03-15"));
        m_question->setValue(json());
        QVERIFY(dateField()->text().isEmpty());
        QVERIFY(m_question->value().is_null());
    }

    void enterInANumberFieldMovesOnWithoutLeavingThePage()
    {
        show("safety.age");
        auto* field = m_question->findChild<QLineEdit*>(QStringLiteral("numberEdit"));
        field->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(field, QStringLiteral("42"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), m_after);
        QCOMPARE(m_question->value(), json(42));
    }
};

QTEST_MAIN(TestValueQuestions)
#include "test_ValueQuestions.moc"
