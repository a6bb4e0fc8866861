// A typed question that repeats (issue 19): one field per answer, "Add
// another answer" and "Remove" reached with the keyboard and named for a
// screen reader; the answers go to the session as a list and out as one
// QuestionnaireResponse item with an answer each, which reads back the same.
#include "patient/questionnaire/QuestionWidget.h"
#include "patient/questionnaire/QuestionnairePreview.h"
#include "patient/questionnaire/QuestionnaireView.h"
#include "patient/questionnaire/RepeatingValueQuestion.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/session/AssessmentSession.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace spinepath::ui;
namespace q = spinepath::questionnaire;
using nlohmann::json;

class TestRepeatingValueQuestion final : public QObject
{
    Q_OBJECT

private:
    q::Questionnaire m_form =
        q::Questionnaire::fromFile(SPINEPATH_SOURCE_DIR "/tests/data/questionnaire/repeating-questions.json");

    static RepeatingValueQuestion* question(QuestionnairePreview& preview, const char* linkId)
    {
        return preview.findChild<RepeatingValueQuestion*>(QStringLiteral("question_") +
                                                          QLatin1String(linkId));
    }

    static QList<QLineEdit*> fields(RepeatingValueQuestion* question)
    {
        QList<QLineEdit*> edits;
        for (auto* row : question->findChildren<QWidget*>(QStringLiteral("answerRow")))
            if (!row->isHidden())
                edits << row->findChild<QLineEdit*>();
        return edits;
    }

    static void type(QLineEdit* edit, const QString& text)
    {
        edit->setFocus();
        QTest::keyClicks(edit, text);
    }

private slots:
    void eachAnswerHasItsOwnField()
    {
        QuestionnairePreview preview(m_form);
        preview.resize(900, 900);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        auto* medicine = question(preview, "medicine");
        QVERIFY(medicine);
        // One field to start with, and nothing to remove.
        QCOMPARE(fields(medicine).size(), 1);
        auto* add = medicine->findChild<QPushButton*>(QStringLiteral("addAnswer"));
        QVERIFY(add);
        QVERIFY(medicine->findChild<QPushButton*>(QStringLiteral("removeAnswer"))->isHidden());

        type(fields(medicine)[0], QStringLiteral("ibuprofen"));
        // Keyboard: Space on "Add another answer" adds a field and puts the focus in it.
        add->setFocus(Qt::TabFocusReason);
        QVERIFY(add->focusPolicy() & Qt::TabFocus);
        QTest::keyClick(add, Qt::Key_Space);
        QCOMPARE(fields(medicine).size(), 2);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(fields(medicine)[1]));
        QTest::keyClicks(fields(medicine)[1], QStringLiteral("paracetamol"));
        QCOMPARE(preview.session().answers()["medicine"], json({"ibuprofen", "paracetamol"}));

        // Named for a screen reader by the question and the answer's number.
        QCOMPARE(fields(medicine)[1]->accessibleName(),
                 QStringLiteral("Which medicines do you take?, answer 2"));
        QCOMPARE(add->accessibleName(), QStringLiteral("Add another answer: Which medicines do you take?"));

        // An empty field added is no answer, and stays while the patient goes on.
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(fields(medicine).size(), 3);
        QCOMPARE(preview.session().answers()["medicine"], json({"ibuprofen", "paracetamol"}));

        // Remove the first: the others stay, in their order.
        QList<QPushButton*> removes;
        for (auto* button : medicine->findChildren<QPushButton*>(QStringLiteral("removeAnswer")))
            if (!button->isHidden())
                removes << button;
        QCOMPARE(removes.size(), 3);
        QCOMPARE(removes[0]->accessibleName(), QStringLiteral("Remove answer 1"));
        QTest::keyClick(removes[0], Qt::Key_Space);
        QCoreApplication::processEvents();
        QCOMPARE(fields(medicine).size(), 2);
        QCOMPARE(preview.session().answers()["medicine"], json({"paracetamol"}));

        // A number and a date, twice each.
        auto* minutes = question(preview, "minutes");
        type(fields(minutes)[0], QStringLiteral("4"));
        QTest::mouseClick(minutes->findChild<QPushButton*>(QStringLiteral("addAnswer")), Qt::LeftButton);
        type(fields(minutes)[1], QStringLiteral("7"));
        auto* visits = question(preview, "visits");
        type(fields(visits)[0], QStringLiteral("2026-01-10"));
        QTest::mouseClick(visits->findChild<QPushButton*>(QStringLiteral("addAnswer")), Qt::LeftButton);
        type(fields(visits)[1], QStringLiteral("2026-02-20"));
        QCOMPARE(preview.session().answers()["minutes"], json({4, 7}));
        QCOMPARE(preview.session().answers()["visits"], json({"2026-01-10", "2026-02-20"}));

        // Out as one item with an answer each, valid, and back the same.
        preview.questionnaireView()->goNext();
        const json response = json::parse(preview.responseText().toStdString());
        const json& items = response["item"][0]["item"];
        QCOMPARE(items[0]["linkId"], json("medicine"));
        QCOMPARE(items[0]["answer"], json::parse(R"([{"valueString": "paracetamol"}])"));
        QCOMPARE(items[1]["answer"], json::parse(R"([{"valueInteger": 4}, {"valueInteger": 7}])"));
        QCOMPARE(items[2]["answer"],
                 json::parse(R"([{"valueDate": "2026-01-10"}, {"valueDate": "2026-02-20"}])"));
        QCOMPARE(QString::fromStdString(spinepath::test::responseProblems(m_form, response)), QString());
        QCOMPARE(q::fromQuestionnaireResponse(m_form, response), preview.session().acceptedAnswers());
    }

    void showsAnswersTheSessionHolds()
    {
        // A resumed session: as many fields as answers.
        QuestionnairePreview preview(m_form);
        preview.session().setAnswer("medicine", json({"a", "b", "c"}));
        preview.questionnaireView()->showAnswers();
        auto* medicine = question(preview, "medicine");
        const auto edits = fields(medicine);
        QCOMPARE(edits.size(), 3);
        QCOMPARE(edits[2]->text(), QStringLiteral("c"));
        QCOMPARE(medicine->value(), json({"a", "b", "c"}));
    }
};

QTEST_MAIN(TestRepeatingValueQuestion)
#include "test_RepeatingValueQuestion.moc"
