// What an item says about how it is shown (issue 19, point 11): initial values
// and initialSelected options are answers from the start, the prefix stands
// before the wording, readOnly cannot be changed, questionnaire-hidden is never
// shown, minLength and regex are checked with a message beside the question,
// entryFormat is the empty field's placeholder and questionnaire-unit stands
// beside the number. The questions are
// tests/data/questionnaire/display-features-section.json, added to the intake.
#include "core/scoring/ScreeningContent.h"
#include "core/session/AssessmentSession.h"
#include "patient/questionnaire/QuestionWidget.h"
#include "patient/questionnaire/SectionPage.h"

#include "core/questionnaire/Questionnaire.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <optional>

using namespace spinepath::ui;
using nlohmann::json;

namespace {

json readJson(const QString& path)
{
    std::ifstream stream(path.toStdString());
    return json::parse(stream);
}

void writeJson(const QString& path, const json& value)
{
    std::ofstream stream(path.toStdString());
    stream << value.dump(2);
}

} // namespace

class TestItemHints final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;
    std::optional<spinepath::scoring::ScreeningContent> m_content;
    std::unique_ptr<spinepath::AssessmentSession> m_session;
    std::unique_ptr<SectionPage> m_page;

    [[nodiscard]] QuestionWidget* question(const char* linkId) const
    {
        return m_page->findChild<QuestionWidget*>(QStringLiteral("question_") + QLatin1String(linkId));
    }

    [[nodiscard]] QLineEdit* field(const char* linkId) const
    {
        QuestionWidget* widget = question(linkId);
        return widget ? widget->findChild<QLineEdit*>() : nullptr;
    }

    [[nodiscard]] QLabel* message(const char* linkId) const
    {
        return question(linkId)->findChild<QLabel*>(QStringLiteral("missingLabel"));
    }

    [[nodiscard]] json answer(const char* linkId) const
    {
        const json& answers = m_session->answers();
        return answers.contains(linkId) ? answers[linkId] : json();
    }

    void type(const char* linkId, const QString& text)
    {
        QLineEdit* edit = field(linkId);
        QVERIFY2(edit, linkId);
        edit->clear();
        edit->setFocus(Qt::OtherFocusReason);
        QTest::keyClicks(edit, text);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        const QString source = QStringLiteral(SPINEPATH_SOURCE_DIR "/content/");
        const QString target = m_folder.path() + QLatin1Char('/');
        QVERIFY(QDir(target).mkpath(QStringLiteral("questionnaire")));
        QVERIFY(QDir(target).mkpath(QStringLiteral("rules")));
        for (const char* file : {"rules/spinepath-core.json", "rules/interface.json"})
            QVERIFY(QFile::copy(source + QLatin1String(file), target + QLatin1String(file)));
        json intake = readJson(source + QStringLiteral("questionnaire/spinepath-intake.json"));
        intake["item"].push_back(readJson(
            QStringLiteral(SPINEPATH_SOURCE_DIR "/tests/data/questionnaire/display-features-section.json")));
        writeJson(target + QStringLiteral("questionnaire/spinepath-intake.json"), intake);
        m_content.emplace(spinepath::scoring::ScreeningContent::load(m_folder.path().toStdString()));
    }

    void init()
    {
        m_session =
            std::make_unique<spinepath::AssessmentSession>(*m_content, spinepath::AssessmentMode::Home);
        m_page = std::make_unique<SectionPage>(*m_content->questionnaire().find("shown"), *m_session);
        m_page->resize(900, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_session.reset();
    }

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
