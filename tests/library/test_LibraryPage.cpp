// The library's search: the bounded query, the search thread and its
// superseding, through the real search box and list.
#include "common/AppContext.h"
#include "patient/library/ArticleSearch.h"
#include "patient/library/LibraryPage.h"

#include <QClipboard>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace spinepath::ui;

class TestLibraryPage final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataFolder;
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");

    [[nodiscard]] const std::string& glossaryId() const
    {
        return m_context->content->screening().roles().id(spinepath::ContentRoles::Role::GlossaryArticle);
    }

    [[nodiscard]] QStringList listedIds(const QListWidget& list) const
    {
        QStringList ids;
        for (int row = 0; row < list.count(); ++row)
            if (const QString id = list.item(row)->data(Qt::UserRole).toString(); !id.isEmpty())
                ids << id;
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dataFolder.isValid());
        m_context->openDatabase(m_dataFolder.filePath(QStringLiteral("library.sqlite")));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
    }

    void aQueryIsBoundedInLengthAndTerms()
    {
        using articlesearch::searchTerms;
        QCOMPARE(searchTerms(QStringLiteral("a ").repeated(200)), QStringList{QStringLiteral("a")});
        // Cut at the box's length, the last word may be cut short too ("d").
        const QStringList disc = searchTerms(QStringLiteral("\"disc\"*").repeated(400));
        QCOMPARE(disc.first(), QStringLiteral("disc"));
        QVERIFY(disc.size() <= 2);
        QCOMPARE(searchTerms(QStringLiteral("Disc DISC disc degeneration")),
                 (QStringList{QStringLiteral("disc"), QStringLiteral("degeneration")}));
        QStringList many;
        for (int i = 0; i < 30; ++i)
            many << QStringLiteral("word%1").arg(i);
        const QStringList kept = searchTerms(many.join(u' '));
        QCOMPARE(kept.size(), articlesearch::kMaxTerms);
        QCOMPARE(kept.first(), QStringLiteral("word0"));
        QVERIFY(searchTerms(QString(32767, u'x')).first().size() <= articlesearch::kMaxQueryLength);
        QVERIFY(searchTerms(QStringLiteral(" *\"()  ")).isEmpty());
    }

    void theSearchBoxTakesABoundedQuery()
    {
        LibraryPage page(m_context->content->articles(), glossaryId());
        page.show();
        auto* search = page.findChild<QLineEdit*>(QStringLiteral("librarySearch"));
        QTest::keyClicks(search, QStringLiteral("a ").repeated(200));
        QCOMPARE(search->text().size(), articlesearch::kMaxQueryLength);
        QGuiApplication::clipboard()->setText(QString(32767, u'x'));
        search->selectAll();
        QTest::keyClick(search, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(search->text().size(), articlesearch::kMaxQueryLength);
        QGuiApplication::clipboard()->clear();
    }

    void searchesRunOnAnotherThreadAndTheNewestWins()
    {
        ArticleSearcher searcher(m_context->content->articles());
        searcher.setDatabasePath(m_context->database->path());
        QSignalSpy finished(&searcher, &ArticleSearcher::finished);
        QThread* ranOn = nullptr;
        connect(&searcher, &ArticleSearcher::finished, this, [&ranOn] { ranOn = QThread::currentThread(); });
        // Asked one after the other with no event in between: only the last
        // is reported, whichever finished first.
        searcher.search(QStringLiteral("fusion"));
        searcher.search(QStringLiteral("injection"));
        const quint64 last = searcher.search(QStringLiteral("discography"));
        // Nothing is reported before the event loop runs: the search is not
        // done on this thread.
        QCOMPARE(finished.count(), 0);
        QTRY_COMPARE(finished.count(), 1);
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toULongLong(), last);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("discography"));
        QCOMPARE(ranOn, QThread::currentThread()); // delivered back to the asking thread
        const auto hits = finished.at(0).at(2).value<std::vector<ArticleSearchHit>>();
        QVERIFY(!hits.empty());

        // A cancelled search is never reported.
        searcher.search(QStringLiteral("fusion"));
        searcher.cancel();
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
    }

    void thePageShowsOnlyTheHitsOfWhatIsTypedNow()
    {
        LibraryPage page(m_context->content->articles(), glossaryId());
        page.setDatabasePath(m_context->database->path());
        page.show();
        auto* search = page.findChild<QLineEdit*>(QStringLiteral("librarySearch"));
        auto* list = page.findChild<QListWidget*>(QStringLiteral("articleList"));
        QSignalSpy shown(&page, &LibraryPage::searchShown);
        QTest::keyClicks(search, QStringLiteral("discog"));
        QTRY_VERIFY(shown.count() > 0);
        QVERIFY(listedIds(*list).contains(QStringLiteral("tests-your-doctor-may-order")));
        // Nothing matches: the list says so, with the words as plain text.
        search->clear();
        QTest::keyClicks(search, QStringLiteral("zzqx <b>"));
        QTRY_VERIFY(listedIds(*list).isEmpty() && list->count() == 1);
        QVERIFY(list->item(0)->text().contains(QStringLiteral("zzqx <b>")));
        // Without a database the articles' text is searched.
        LibraryPage plain(m_context->content->articles(), glossaryId());
        auto* plainSearch = plain.findChild<QLineEdit*>(QStringLiteral("librarySearch"));
        auto* plainList = plain.findChild<QListWidget*>(QStringLiteral("articleList"));
        QSignalSpy plainShown(&plain, &LibraryPage::searchShown);
        QTest::keyClicks(plainSearch, QStringLiteral("discography"));
        QTRY_VERIFY(plainShown.count() > 0);
        QVERIFY(listedIds(*plainList).contains(QStringLiteral("tests-your-doctor-may-order")));
    }
};

QTEST_MAIN(TestLibraryPage)
#include "test_LibraryPage.moc"
