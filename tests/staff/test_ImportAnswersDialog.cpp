// "Import answers" of the staff console: a barcode scanner types the code and
// Enter into the focused field; a scan, a photo or a file comes through the
// file button. Each import is stored once and said so; bad input stores nothing.
#include "staff/ImportAnswersDialog.h"

#include "core/handoff/HandoffPayload.h"
#include "core/handoff/QrCode.h"
#include "core/scoring/ScreeningContent.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/Database.h"
#include "support/ExampleAnswers.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <memory>

using namespace spinepath;
using spinepath::ui::ImportAnswersDialog;

class TestImportAnswersDialog final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;
    std::unique_ptr<scoring::ScreeningContent> m_content;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<storage::AssessmentLifecycle> m_lifecycle;

    std::string payloadFor(const std::string& name) const
    {
        const nlohmann::json answers = test::with(test::example3Answers(), {{"about.name", name}});
        return handoff::encodePayload(m_content->questionnaire(), answers,
                                      QDateTime(QDate(2026, 12, 3), QTime(20, 15), QTimeZone::utc()));
    }

    qint64 stored() const { return *storage::AssessmentQueries(*m_database).count(); }

    static QString message(const ImportAnswersDialog& dialog)
    {
        return dialog.findChild<QLabel*>(QStringLiteral("importMessage"))->text();
    }
    static QString state(const ImportAnswersDialog& dialog)
    {
        return dialog.findChild<QLabel*>(QStringLiteral("importMessage"))->property("state").toString();
    }

    // What a USB scanner does: types the text into the focused widget, then Enter.
    static void scan(ImportAnswersDialog& dialog, const std::string& code)
    {
        QWidget* focused = QApplication::focusWidget();
        QVERIFY(focused);
        QCOMPARE(focused->objectName(), QStringLiteral("importCodeField"));
        QTest::keyClicks(focused, QString::fromStdString(code));
        QTest::keyClick(focused, Qt::Key_Return);
        Q_UNUSED(dialog);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        m_content = std::make_unique<scoring::ScreeningContent>(
            scoring::ScreeningContent::load(std::string(SPINEPATH_SOURCE_DIR) + "/content"));
        storage::OpenOptions options;
        options.path = m_folder.filePath(QStringLiteral("clinic.sqlite"));
        auto opened = storage::Database::open(options);
        QVERIFY(opened);
        m_database = std::move(opened).value();
        m_lifecycle = std::make_unique<storage::AssessmentLifecycle>(*m_database, "staff");
    }

    void scannedCodeIsImportedOnceAndShowsInTodaysQueueFromHome()
    {
        ImportAnswersDialog dialog(*m_content, *m_lifecycle);
        QSignalSpy imported(&dialog, &ImportAnswersDialog::imported);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        const qint64 before = stored();

        scan(dialog, payloadFor("Ines Okonkwo-Brandt"));
        QCOMPARE(imported.count(), 1);
        QCOMPARE(imported.at(0).at(1).toBool(), false);
        QCOMPARE(state(dialog), QStringLiteral("ok"));
        QVERIFY(message(dialog).contains(QStringLiteral("Imported")));
        QCOMPARE(stored(), before + 1);
        // The field is empty and still has the focus, for the next page.
        QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("importCodeField"))->text().isEmpty());

        const QString id = imported.at(0).at(0).toString();
        const auto queue = storage::AssessmentQueries(*m_database).todayQueue();
        QVERIFY(queue);
        const auto row = std::find_if(queue->begin(), queue->end(),
                                      [&id](const auto& summary) { return summary.id == id.toStdString(); });
        QVERIFY(row != queue->end());
        QVERIFY(row->imported);
        QVERIFY(row->mode == AssessmentMode::Home);

        // The same paper again: named, not stored twice.
        scan(dialog, payloadFor("Ines Okonkwo-Brandt"));
        QCOMPARE(imported.count(), 2);
        QCOMPARE(imported.at(1).at(1).toBool(), true);
        QCOMPARE(imported.at(1).at(0).toString(), id);
        QCOMPARE(state(dialog), QStringLiteral("warning"));
        QVERIFY(message(dialog).contains(QStringLiteral("already imported")));
        QCOMPARE(stored(), before + 1);
    }

    void damagedOrForeignCodesStoreNothingAndSayWhy()
    {
        ImportAnswersDialog dialog(*m_content, *m_lifecycle);
        QSignalSpy imported(&dialog, &ImportAnswersDialog::imported);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        const qint64 before = stored();

        std::string damaged = payloadFor("Ola Nordmann");
        damaged[15] = damaged[15] == '7' ? '8' : '7';
        scan(dialog, damaged);
        QCOMPARE(state(dialog), QStringLiteral("error"));
        QVERIFY(message(dialog).contains(QStringLiteral("damaged")));
        QVERIFY(!message(dialog).contains(QStringLiteral("Nordmann")));

        scan(dialog, "0123456789012");
        QCOMPARE(state(dialog), QStringLiteral("error"));
        QVERIFY(message(dialog).contains(QStringLiteral("not a SpinePath")));
        QCOMPARE(imported.count(), 0);
        QCOMPARE(stored(), before);
    }

    void aPhotoOfTheCodeComesThroughTheFileButton()
    {
        ImportAnswersDialog dialog(*m_content, *m_lifecycle);
        QSignalSpy imported(&dialog, &ImportAnswersDialog::imported);
        const QImage code = handoff::qrCodeImage(payloadFor("Yuki Tanaka"));
        const QString photo = m_folder.filePath(QStringLiteral("photo.png"));
        QVERIFY(code.scaled(code.size() * 6).save(photo));
        dialog.setFileProviderForTesting([photo] { return photo; });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("importFileButton")), Qt::LeftButton);
        QCOMPARE(imported.count(), 1);
        QCOMPARE(state(dialog), QStringLiteral("ok"));
    }
};

QTEST_MAIN(TestImportAnswersDialog)
#include "test_ImportAnswersDialog.moc"
