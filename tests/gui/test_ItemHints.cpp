// What an item says about how it is shown (issue 19, point 11): initial values
// and initialSelected options are answers from the start, the prefix stands
// before the wording, readOnly cannot be changed, questionnaire-hidden is never
// shown, minLength and regex are checked with a message beside the question,
// entryFormat is the empty field's placeholder and questionnaire-unit stands
// beside the number. The questions are
// tests/data/questionnaire/display-features-section.json, added to the intake.
#include "support/ExtraSection.h"

using namespace spinepath::ui;
using nlohmann::json;

class TestItemHints final : public QObject, private spinepath::test::ExtraSection
{
    Q_OBJECT

private slots:
    void initTestCase() { loadContentWith("display-features-section.json"); }

    void init() { openSection("shown"); }

    void cleanup() { closeSection(); }

    void initialValuesAreAnswersFromTheStart()
    {
        QCOMPARE(answer("shown.doctor"), json("Dr Lee"));
        QCOMPARE(field("shown.doctor")->text(), QStringLiteral("Dr Lee"));
        QCOMPARE(answer("shown.side"), json("both"));
        auto* both = question("shown.side")->findChild<QAbstractButton*>(QStringLiteral("choice_both"));
        QVERIFY(both);
        QVERIFY(both->isChecked());
        // The patient may change them.
        type("shown.doctor", QStringLiteral("Dr Ng"));
        QCOMPARE(answer("shown.doctor"), json("Dr Ng"));
    }

    void prefixStandsBeforeTheWording()
    {
        auto* text = question("shown.doctor")->findChild<QLabel*>(QStringLiteral("questionText"));
        QVERIFY(text->text().startsWith(QStringLiteral("1. Your family doctor")));
        QVERIFY(question("shown.side")->accessibleName().startsWith(QStringLiteral("2. Which side")));
    }

    void readOnlyCannotBeChanged()
    {
        QLineEdit* clinic = field("shown.clinic");
        QVERIFY(clinic->isReadOnly());
        QCOMPARE(clinic->text(), QStringLiteral("Back Care North"));
        clinic->setFocus(Qt::OtherFocusReason);
        QTest::keyClicks(clinic, QStringLiteral("x"));
        QCOMPARE(answer("shown.clinic"), json("Back Care North"));
    }

    void hiddenIsNeverShown() { QVERIFY(!question("shown.legacy")); }

    void lengthAndPatternAreCheckedBesideTheQuestion()
    {
        QCOMPARE(field("shown.code")->placeholderText(), QStringLiteral("AB12"));
        type("shown.code", QStringLiteral("AB"));
        QVERIFY(message("shown.code")->isVisibleTo(m_page.get()));
        QVERIFY(message("shown.code")->text().contains(QStringLiteral("at least 3 characters")));
        QVERIFY(answer("shown.code").is_null());

        type("shown.code", QStringLiteral("ab12"));
        QVERIFY(message("shown.code")->isVisibleTo(m_page.get()));
        QVERIFY(message("shown.code")->text().contains(QStringLiteral("AB12")));
        QVERIFY(answer("shown.code").is_null());

        type("shown.code", QStringLiteral("ABC12"));
        QVERIFY(!message("shown.code")->isVisibleTo(m_page.get()));
        QCOMPARE(answer("shown.code"), json("ABC12"));

        // maxLength: the field takes no more.
        type("shown.code", QStringLiteral("ABCDEFGH"));
        QCOMPARE(field("shown.code")->text(), QStringLiteral("ABCDEF"));
    }

    void unitAndEntryFormatOfANumber()
    {
        auto* unit = question("shown.weight")->findChild<QLabel*>(QStringLiteral("unitLabel"));
        QVERIFY(unit);
        QCOMPARE(unit->text(), QStringLiteral("kg"));
        QVERIFY(unit->isVisibleTo(m_page.get()));
        QCOMPARE(field("shown.weight")->placeholderText(), QStringLiteral("72.5"));
        QVERIFY(field("shown.weight")->accessibleName().contains(QStringLiteral("kg")));
    }
};

QTEST_MAIN(TestItemHints)
#include "test_ItemHints.moc"
