// spinepath --preview (issue 19): any questionnaire, walked page by page as a
// patient would, and at the end the answers as the QuestionnaireResponse
// SpinePath would write; no rules, and nothing stored.
#include "patient/questionnaire/QuestionWidget.h"
#include "patient/questionnaire/QuestionnairePreview.h"
#include "patient/questionnaire/QuestionnaireView.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/session/AssessmentSession.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

using namespace spinepath::ui;
namespace q = spinepath::questionnaire;
using nlohmann::json;

class TestQuestionnairePreview final : public QObject
{
    Q_OBJECT

private slots:
    void walksAnyQuestionnaireAndShowsTheResponse()
    {
        // Nothing may be stored: a database named here must not appear.
        QTemporaryDir folder;
        const QString database = folder.filePath(QStringLiteral("must-not-exist.sqlite"));
        qputenv("SPINEPATH_DB", database.toUtf8());

        const auto form = q::Questionnaire::fromFile(SPINEPATH_SOURCE_DIR
                                                     "/tests/data/questionnaire/repeating-instances.json");
        QuestionnairePreview preview(form);
        preview.resize(900, 800);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        QVERIFY(preview.windowTitle().startsWith(QStringLiteral("Preview")));

        // Page 1: "Do you smoke?"
        auto* smoker = preview.findChild<QuestionWidget*>(QStringLiteral("question_smoker"));
        QVERIFY(smoker);
        auto* yes = smoker->findChild<QAbstractButton*>(QStringLiteral("choice_true"));
        QVERIFY(yes);
        QTest::mouseClick(yes, Qt::LeftButton);
        preview.questionnaireView()->goNext();
        // Page 2: the repeating group; its first instance.
        QuestionWidget* name = nullptr;
        for (auto* widget : preview.findChildren<QuestionWidget*>(QStringLiteral("question_meds.name")))
            if (widget->isVisible())
                name = widget;
        QVERIFY(name);
        auto* edit = name->findChild<QLineEdit*>();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("Ibuprofen"));
        preview.questionnaireView()->goNext();

        const QString text = preview.responseText();
        QVERIFY(!text.isEmpty());
        const json response = json::parse(text.toStdString());
        // Says why, should the response not be complete.
        if (auto* status = preview.findChild<QLabel*>(QStringLiteral("previewStatus")))
            qInfo().noquote() << status->text();
        QCOMPARE(response["resourceType"], json("QuestionnaireResponse"));
        QCOMPARE(response["status"], json("completed"));
        QCOMPARE(response["item"][1]["item"][0]["answer"][0]["valueString"], json("Ibuprofen"));
        QCOMPARE(QString::fromStdString(spinepath::test::responseProblems(form, response)), QString());
        QVERIFY(!QFile::exists(database));
        qunsetenv("SPINEPATH_DB");
    }

    void previewsAQuestionnaireWithoutUrlOrId()
    {
        // R4 needs neither; found on public forms (issue 19), whose preview
        // threw a ContentError out of the window's constructor.
        const auto form =
            q::Questionnaire::fromFile(SPINEPATH_SOURCE_DIR "/tests/data/questionnaire/no-url-no-id.json");
        QVERIFY(form.url().empty() && form.id().empty());
        QuestionnairePreview preview(form);
        auto* name = preview.findChild<QuestionWidget*>(QStringLiteral("question_name"));
        QVERIFY(name);
        QTest::keyClicks(name->findChild<QLineEdit*>(), QStringLiteral("Ann"));
        preview.questionnaireView()->goNext();
        const json response = json::parse(preview.responseText().toStdString());
        QCOMPARE(response["item"][0]["answer"][0]["valueString"], json("Ann"));
        QCOMPARE(QString::fromStdString(spinepath::test::responseProblems(form, response)), QString());
    }

    void aQuestionnaireWithNothingToShowEndsAtFinish_data()
    {
        QTest::addColumn<QByteArray>("resource");
        // R4 needs no items; fuzz_pages found Next reading before the start
        // of the empty list of pages (tests/fuzz/regressions/questionnaire).
        const json noItems = {{"resourceType", "Questionnaire"}, {"status", "draft"}};
        json hiddenOnly = noItems;
        hiddenOnly["item"] = json::array(
            {{{"linkId", "legacy"},
              {"type", "string"},
              {"text", "Old question"},
              {"extension",
               json::array({{{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden"},
                             {"valueBoolean", true}}})}}});
        QTest::newRow("no items") << QByteArray::fromStdString(noItems.dump());
        QTest::newRow("only hidden items") << QByteArray::fromStdString(hiddenOnly.dump());
    }

    void aQuestionnaireWithNothingToShowEndsAtFinish()
    {
        QFETCH(QByteArray, resource);
        const auto form = q::Questionnaire::fromJson(json::parse(resource.toStdString()));
        QuestionnairePreview preview(form);
        QCOMPARE(preview.questionnaireView()->sectionCount(), 0);
        preview.questionnaireView()->goNext();
        const json response = json::parse(preview.responseText().toStdString());
        QCOMPARE(response["status"], json("completed"));
        QCOMPARE(QString::fromStdString(spinepath::test::responseProblems(form, response)), QString());
    }
};

QTEST_MAIN(TestQuestionnairePreview)
#include "test_QuestionnairePreview.moc"
