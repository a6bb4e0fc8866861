// The box that stops the program when the content is broken: it fits the
// screen however many problems there are (they scroll in its details), its
// OK button is on screen, and it names each path once. The problems are those
// of a real broken content folder.
#include "common/ContentProblemBox.h"

#include "core/scoring/ScreeningContent.h"
#include "core/util/ContentProblem.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QScreen>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

#include <fstream>

using namespace spinepath::ui;

class TestContentProblemBox final : public QObject
{
    Q_OBJECT

private slots:
    void fitsTheScreenAndNamesEachPathOnce()
    {
        // A content folder whose questionnaire is broken in one place and
        // whose rules name it wrongly: real problems, from the real loader.
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString root = folder.path() + QLatin1Char('/');
        QVERIFY(QDir(root).mkpath(QStringLiteral("questionnaire")));
        QVERIFY(QDir(root).mkpath(QStringLiteral("rules")));
        for (const char* file : {"rules/spinepath-core.json", "rules/interface.json"})
            QVERIFY(QFile::copy(QStringLiteral(SPINEPATH_SOURCE_DIR "/content/") + QLatin1String(file),
                                root + QLatin1String(file)));
        {
            std::ofstream broken(
                QString(root + QStringLiteral("questionnaire/spinepath-intake.json")).toStdString());
            broken << R"({"resourceType": "Questionnaire", "item": [{"linkId": "a", "type": "nonsense"}]})";
        }
        std::vector<spinepath::ContentProblem> problems;
        try {
            (void)spinepath::scoring::ScreeningContent::load(folder.path().toStdString());
            QFAIL("the broken content loaded");
        } catch (const spinepath::ContentError& error) {
            problems = error.problems();
        }
        QCOMPARE(problems.size(), std::size_t{1});
        // The file is named once in the problem, not again in its message.
        QCOMPARE(QString::fromStdString(problems.front().describe())
                     .count(QStringLiteral("spinepath-intake.json")),
                 1);

        // And many more of them, as a badly broken folder gives.
        for (int i = 0; i < 300; ++i)
            problems.push_back({QString(root + QStringLiteral("rules/spinepath-core.json")).toStdString(),
                                "/flags/" + std::to_string(i) + "/when",
                                "no question of the questionnaire has the linkId \"x\""});
        const spinepath::ContentError error(problems);
        const auto box = contentProblemBox(nullptr, folder.path(), error);
        box->show();
        QVERIFY(QTest::qWaitForWindowExposed(box.get()));

        const QRect screen = box->screen()->availableGeometry();
        QVERIFY2(
            box->frameGeometry().height() <= screen.height(),
            qPrintable(QStringLiteral("%1 > %2").arg(box->frameGeometry().height()).arg(screen.height())));
        QAbstractButton* ok = box->button(QMessageBox::Ok);
        QVERIFY(ok && ok->isVisible());
        QVERIFY(screen.contains(ok->mapToGlobal(ok->rect().center())));

        // Every problem is in the details, which scroll.
        auto* details = box->findChild<QTextEdit*>(QStringLiteral("contentProblemDetails"));
        QVERIFY(details && details->isVisible());
        QCOMPARE(details->toPlainText().count(QLatin1Char('\n')), 300);
        QVERIFY(details->verticalScrollBar()->maximum() > 0);
        // The folder is named once, in the text; each line names its file from it.
        const QString all = box->text() + box->informativeText() + details->toPlainText();
        QCOMPARE(all.count(QDir(folder.path()).absolutePath()), 1);
        QVERIFY(details->toPlainText().startsWith(
            QStringLiteral("questionnaire/spinepath-intake.json at /item/0/type: ")));
        box->close();
    }
};

QTEST_MAIN(TestContentProblemBox)
#include "test_ContentProblemBox.moc"
