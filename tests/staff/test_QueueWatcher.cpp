// The staff console's queue watcher: it reads today's queue on its own
// thread and connection, only when the database changed or a read is
// forced, and an answer that a newer forced request overtook is dropped.
// Synthetic data only: every name and answer here is invented.
#include "common/AppContext.h"
#include "staff/QueueWatcher.h"

#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentLifecycle.h"

#include "support/ExampleAnswers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace spinepath::ui;
namespace storage = spinepath::storage;

class TestQueueWatcher final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    int m_databases = 0;

    // `count` completed assessments started today, the newest last.
    void storeToday(int count)
    {
        const auto& screening = m_context->content->screening();
        const nlohmann::json flat = spinepath::test::example3Answers();
        std::vector<storage::CompletedAssessment> batch;
        for (int i = 0; i < count; ++i) {
            storage::CompletedAssessment assessment;
            assessment.content = storage::ContentVersions::of(screening.questionnaire(), screening.ruleset());
            assessment.answers = spinepath::AssessmentSession::toStore(screening, flat, {});
            assessment.result = screening.scorer().score(flat);
            assessment.startedAt = QDateTime(QDate::currentDate(), QTime(0, 0)).addSecs(60 * (i + 1));
            assessment.completedAt = assessment.startedAt.addSecs(30);
            batch.push_back(std::move(assessment));
        }
        QVERIFY(storage::AssessmentLifecycle(*m_context->database, "kiosk").storeCompleted(batch));
    }

private slots:
    void init()
    {
        m_context->database.reset();
        m_context->openDatabase(m_folder.filePath(QStringLiteral("watch-%1.sqlite").arg(++m_databases)));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
    }

    void readsOnlyWhenTheDatabaseChanged()
    {
        storeToday(3);
        QueueWatcher watcher(*m_context->database);
        QSignalSpy read(&watcher, &QueueWatcher::queueRead);
        watcher.check(10, true);
        QTRY_VERIFY(watcher.isSettled());
        QCOMPARE(read.count(), 1);
        auto snapshot = read.at(0).at(0).value<QueueSnapshot>();
        QCOMPARE(snapshot.rows.size(), std::size_t{3});
        QCOMPARE(snapshot.counts.total, qint64{3});
        QVERIFY(!snapshot.hasMore);

        // Nothing committed: checks, no reads.
        for (int i = 0; i < 5; ++i)
            watcher.check(10, false);
        QTRY_VERIFY(watcher.isSettled());
        QCOMPARE(watcher.checksDone(), quint64{6});
        QCOMPARE(read.count(), 1);

        // A commit on the program's own connection is a change to the watcher's.
        storeToday(1);
        watcher.check(10, false);
        QTRY_VERIFY(watcher.isSettled());
        QCOMPARE(read.count(), 2);
        QCOMPARE(read.at(1).at(0).value<QueueSnapshot>().counts.total, qint64{4});
    }

    void aPageSaysWhetherMoreFollows()
    {
        storeToday(5);
        QueueWatcher watcher(*m_context->database);
        QSignalSpy read(&watcher, &QueueWatcher::queueRead);
        watcher.check(2, true);
        QTRY_VERIFY(watcher.isSettled());
        QCOMPARE(read.count(), 1);
        const auto snapshot = read.at(0).at(0).value<QueueSnapshot>();
        QCOMPARE(snapshot.rows.size(), std::size_t{2});
        QVERIFY(snapshot.hasMore);
        QCOMPARE(snapshot.counts.total, qint64{5});
    }

    void theNewestForcedRequestWins()
    {
        storeToday(5);
        QueueWatcher watcher(*m_context->database);
        QSignalSpy read(&watcher, &QueueWatcher::queueRead);
        // Both asked before either answer is delivered: the first is out of
        // date when it arrives and is dropped.
        watcher.check(2, true);
        const quint64 newest = watcher.check(4, true);
        QTRY_VERIFY(watcher.isSettled());
        QCOMPARE(read.count(), 1);
        const auto snapshot = read.at(0).at(0).value<QueueSnapshot>();
        QCOMPARE(snapshot.request, newest);
        QCOMPARE(snapshot.rows.size(), std::size_t{4});
    }

    void emergenciesOnlyReadsNoCounts()
    {
        storeToday(2);
        QueueWatcher watcher(*m_context->database);
        QSignalSpy read(&watcher, &QueueWatcher::queueRead);
        watcher.checkEmergencies();
        QTRY_VERIFY(watcher.isSettled());
        QCOMPARE(read.count(), 1);
        const auto snapshot = read.at(0).at(0).value<QueueSnapshot>();
        QVERIFY(snapshot.emergenciesOnly);
        QVERIFY(snapshot.rows.empty()); // two routine ones, no emergency
    }
};

QTEST_MAIN(TestQueueWatcher)
#include "test_QueueWatcher.moc"
