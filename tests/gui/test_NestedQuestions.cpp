// Items nested under a question (issue 19, point 3): shown beneath it, set in,
// once it is answered; a required one stops Next with its own message; the
// session keeps its answer and the QuestionnaireResponse nests it under the
// answer of its question (R4 answer.item), and reads it back. The questions
// are tests/data/questionnaire/nested-section.json, added to the intake so
// that the real rules load.
#include "core/scoring/ScreeningContent.h"
#include "core/session/AssessmentSession.h"
#include "patient/questionnaire/QuestionWidget.h"
#include "patient/questionnaire/SectionPage.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireResponse.h"

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
namespace q = spinepath::questionnaire;

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

class TestNestedQuestions final : public QObject
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

    [[nodiscard]] QLabel* message(const char* linkId) const
    {
        return question(linkId)->findChild<QLabel*>(QStringLiteral("missingLabel"));
    }

    void click(const char* linkId, const char* choice)
    {
        auto* button =
            question(linkId)->findChild<QAbstractButton*>(QStringLiteral("choice_") + QLatin1String(choice));
        QVERIFY2(button, choice);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void type(const char* linkId, const QString& text)
    {
        auto* edit = question(linkId)->findChild<QLineEdit*>();
        QVERIFY2(edit, linkId);
        edit->clear();
        edit->setFocus(Qt::OtherFocusReason);
        QTest::keyClicks(edit, text);
    }

    [[nodiscard]] bool shown(const char* linkId) const { return question(linkId)->isVisibleTo(m_page.get()); }

    // Where a widget is on the page.
    [[nodiscard]] QPoint at(QWidget* widget) const { return widget->mapTo(m_page->widget(), QPoint(0, 0)); }

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
        intake["item"].push_back(
            readJson(QStringLiteral(SPINEPATH_SOURCE_DIR "/tests/data/questionnaire/nested-section.json")));
        writeJson(target + QStringLiteral("questionnaire/spinepath-intake.json"), intake);
        m_content.emplace(spinepath::scoring::ScreeningContent::load(m_folder.path().toStdString()));
    }

    void init()
    {
        m_session =
            std::make_unique<spinepath::AssessmentSession>(*m_content, spinepath::AssessmentMode::Home);
        m_page = std::make_unique<SectionPage>(*m_content->questionnaire().find("nested"), *m_session);
        m_page->resize(900, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_session.reset();
    }

    void shownBeneathTheirQuestionOnceAnswered()
    {
        // Unanswered, the question has nothing for its items to hang under.
        QVERIFY(!shown("nested.smoker.per_day"));
        QVERIFY(!shown("nested.pain.since"));
        auto* smokerBlock = m_page->findChild<QWidget*>(QStringLiteral("nested_nested.smoker"));
        QVERIFY(smokerBlock);
        QVERIFY(!smokerBlock->isVisibleTo(m_page.get()));

        click("nested.smoker", "true");
        QVERIFY(shown("nested.smoker.per_day"));
        QVERIFY(smokerBlock->isVisibleTo(m_page.get()));
        // Beneath its question and set in under it, before the next question.
        QWidget* smoker = question("nested.smoker");
        QWidget* perDay = question("nested.smoker.per_day");
        QVERIFY(at(perDay).y() >= at(smoker).y() + smoker->height());
        QVERIFY(at(perDay).x() > at(smoker).x());
        QVERIFY(at(perDay).y() < at(question("nested.pain")).y());

        // An item's own enableWhen still counts: "No" hides how many a day.
        click("nested.smoker", "false");
        QVERIFY(!shown("nested.smoker.per_day"));
        QVERIFY(!smokerBlock->isVisibleTo(m_page.get()));

        // Any answer shows an item without conditions, and its display text.
        click("nested.pain", "leg");
        QVERIFY(shown("nested.pain.since"));
        bool noteShown = false;
        for (QLabel* label : m_page->findChildren<QLabel*>())
            if (label->text() == QStringLiteral("Tell us more about it."))
                noteShown = label->isVisibleTo(m_page.get());
        QVERIFY(noteShown);
    }

    void requiredNestedItemStopsNextWithItsMessage()
    {
        click("nested.smoker", "true");
        click("nested.pain", "back");
        QVERIFY(!m_page->checkRequired());
        QVERIFY(message("nested.smoker.per_day")->isVisibleTo(m_page.get()));
        QVERIFY(message("nested.pain.since")->isVisibleTo(m_page.get()));
        QVERIFY(!message("nested.smoker")->isVisibleTo(m_page.get()));
        // The first missing one has the focus, as for any required question.
        QVERIFY(question("nested.smoker.per_day")->isAncestorOf(QApplication::focusWidget()));

        type("nested.smoker.per_day", QStringLiteral("4"));
        type("nested.pain.since", QStringLiteral("last winter"));
        QVERIFY(m_page->checkRequired());
        QVERIFY(!message("nested.smoker.per_day")->isVisibleTo(m_page.get()));
    }

    void answersNestUnderTheirQuestionInTheResponse()
    {
        click("nested.smoker", "true");
        type("nested.smoker.per_day", QStringLiteral("4"));
        click("nested.pain", "back");
        type("nested.pain.since", QStringLiteral("May"));
        const json answers = m_session->acceptedAnswers();
        QCOMPARE(answers["nested.smoker.per_day"], json(4));
        QCOMPARE(answers["nested.pain.since"], json("May"));

        const q::Questionnaire& questionnaire = m_content->questionnaire();
        q::ResponseOptions options;
        options.status = "in-progress";
        const json response = q::toQuestionnaireResponse(questionnaire, answers, options);
        const json* section = nullptr;
        for (const json& item : response["item"])
            if (item["linkId"] == "nested")
                section = &item;
        QVERIFY(section);
        const json& smoker = (*section)["item"][0];
        QCOMPARE(smoker["linkId"], json("nested.smoker"));
        QCOMPARE(smoker["answer"][0]["valueBoolean"], json(true));
        QCOMPARE(smoker["answer"][0]["item"][0]["linkId"], json("nested.smoker.per_day"));
        QCOMPARE(smoker["answer"][0]["item"][0]["answer"][0]["valueInteger"], json(4));
        QVERIFY(!smoker.contains("item"));
        const json& pain = (*section)["item"][1];
        QCOMPARE(pain["answer"][0]["item"][0]["linkId"], json("nested.pain.since"));

        QCOMPARE(q::fromQuestionnaireResponse(questionnaire, response), answers);

        // Taking the answer of the question back drops the items under it.
        click("nested.smoker", "false");
        QVERIFY(!m_session->acceptedAnswers().contains("nested.smoker.per_day"));
    }
};

QTEST_MAIN(TestNestedQuestions)
#include "test_NestedQuestions.moc"
