// The library's search: the bounded query, the search thread and its
// superseding, stems, "Did you mean ...?" and plain snippets, through the
// real search box and list. With SPINEPATH_SCREENSHOT_DIR set it saves
// docs/screenshots/library-suggestion.png and library-search-plural.png.
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "patient/library/ArticleListDelegate.h"
#include "patient/library/ArticleSearch.h"
#include "patient/library/LibraryPage.h"

#include "support/Screenshot.h"

#include <QAccessible>
#include <QClipboard>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QThread>
#include <QToolButton>
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

    // A library page on the test database, shown, at a size a kiosk has.
    [[nodiscard]] std::unique_ptr<LibraryPage> shownPage() const
    {
        auto page = std::make_unique<LibraryPage>(m_context->content->articles(), glossaryId());
        page->setDatabasePath(m_context->database->path());
        page->resize(1280, 800);
        page->show();
        return page;
    }

    // Types `words` as a patient would and waits for the list to show their hits.
    static void search(LibraryPage& page, const QString& words)
    {
        auto* box = page.findChild<QLineEdit*>(QStringLiteral("librarySearch"));
        QSignalSpy shown(&page, &LibraryPage::searchShown);
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, words);
        // The box waits for typing to pause, so one search runs, for the whole text.
        QTRY_VERIFY(shown.count() > 0);
    }

private slots:
    void initTestCase()
    {
        applyAppearance(*qApp);
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

    void pluralsAndEndingsFindTheArticleFirst_data()
    {
        QTest::addColumn<QString>("words");
        QTest::addColumn<QString>("article");
        QTest::addColumn<bool>("first");
        QTest::newRow("plural") << QStringLiteral("spinal fusions") << QStringLiteral("spinal-fusion")
                                << true;
        QTest::newRow("plural alone") << QStringLiteral("fusions") << QStringLiteral("spinal-fusion") << true;
        QTest::newRow("capitals") << QStringLiteral("Spinal Fusions") << QStringLiteral("spinal-fusion")
                                  << true;
        QTest::newRow("ending -ies") << QStringLiteral("discographies")
                                     << QStringLiteral("tests-your-doctor-may-order") << false;
        QTest::newRow("ending -ed") << QStringLiteral("fused") << QStringLiteral("spinal-fusion") << false;
    }

    void pluralsAndEndingsFindTheArticleFirst()
    {
        QFETCH(QString, words);
        QFETCH(QString, article);
        QFETCH(bool, first);
        const auto page = shownPage();
        search(*page, words);
        const QStringList ids = listedIds(*page->findChild<QListWidget*>(QStringLiteral("articleList")));
        QVERIFY2(ids.contains(article), qPrintable(ids.join(u',')));
        if (first)
            QCOMPARE(ids.first(), article);
        QVERIFY(page->findChild<QPushButton*>(QStringLiteral("librarySuggestion"))->isHidden());
        if (words == QStringLiteral("spinal fusions"))
            saveScreenshot(*page, QStringLiteral("library-search-plural"));
    }

    void aMisspellingOffersTheWordMeantAndTheKeyboardRunsIt_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("meant");
        QTest::newRow("swapped letters") << QStringLiteral("fusoin") << QStringLiteral("fusion");
        QTest::newRow("doubled letter") << QStringLiteral("fussion") << QStringLiteral("fusion");
        QTest::newRow("one of two words")
            << QStringLiteral("spinal fusoin") << QStringLiteral("spinal fusion");
        QTest::newRow("missing letter") << QStringLiteral("sciatca") << QStringLiteral("sciatica");
    }

    void aMisspellingOffersTheWordMeantAndTheKeyboardRunsIt()
    {
        QFETCH(QString, typed);
        QFETCH(QString, meant);
        const auto page = shownPage();
        auto* box = page->findChild<QLineEdit*>(QStringLiteral("librarySearch"));
        auto* list = page->findChild<QListWidget*>(QStringLiteral("articleList"));
        auto* suggestion = page->findChild<QPushButton*>(QStringLiteral("librarySuggestion"));
        search(*page, typed);
        QTRY_VERIFY(suggestion->isVisible());
        QVERIFY(listedIds(*list).isEmpty());
        QVERIFY2(suggestion->text().contains(u'"' + meant + u'"'), qPrintable(suggestion->text()));
        // What a screen reader reads: the box the patient is typing in
        // describes the suggestion (the page also sends the description change
        // and an alert, which the offscreen platform, with no screen reader,
        // does not pass on), and the suggestion is a button named by its text.
        QAccessibleInterface* boxAccessible = QAccessible::queryAccessibleInterface(box);
        QVERIFY2(boxAccessible->text(QAccessible::Description).contains(u'"' + meant + u'"'),
                 qPrintable(boxAccessible->text(QAccessible::Description)));
        QAccessibleInterface* suggestionAccessible = QAccessible::queryAccessibleInterface(suggestion);
        QCOMPARE(suggestionAccessible->role(), QAccessible::Button);
        QCOMPARE(suggestionAccessible->text(QAccessible::Name), suggestion->text());
        if (typed == QStringLiteral("fusoin"))
            saveScreenshot(*page, QStringLiteral("library-suggestion"));

        // Tab from the box reaches the suggestion; Space runs the corrected search.
        QTest::keyClick(box, Qt::Key_Tab);
        QTRY_VERIFY(suggestion->hasFocus());
        QSignalSpy shown(page.get(), &LibraryPage::searchShown);
        QTest::keyClick(suggestion, Qt::Key_Space);
        QCOMPARE(box->text(), meant);
        QTRY_VERIFY(shown.count() > 0);
        QVERIFY(!listedIds(*list).isEmpty());
        if (meant.contains(QStringLiteral("fusion")))
            QCOMPARE(listedIds(*list).first(), QStringLiteral("spinal-fusion"));
        QVERIFY(suggestion->isHidden());
        QVERIFY(box->accessibleDescription().isEmpty());
    }

    void wordsThatMatchNeedNoSuggestionAndClearingHidesIt()
    {
        const auto page = shownPage();
        auto* suggestion = page->findChild<QPushButton*>(QStringLiteral("librarySuggestion"));
        search(*page, QStringLiteral("zzqx"));
        QVERIFY(suggestion->isHidden()); // nothing close enough to offer
        search(*page, QStringLiteral("fusoin"));
        QTRY_VERIFY(suggestion->isVisible());
        page->clear();
        QVERIFY(suggestion->isHidden());
    }

    void snippetsArePlainTextWithTheMatchesMarked_data()
    {
        QTest::addColumn<QString>("words");
        // Each lands in Markdown the articles have: headings, bold list items, links, pictures.
        QTest::newRow("heading") << QStringLiteral("how fusion works");
        QTest::newRow("bold list item") << QStringLiteral("slipped");
        QTest::newRow("glossary entries") << QStringLiteral("spacer");
        QTest::newRow("link text") << QStringLiteral("graft");
        QTest::newRow("common word") << QStringLiteral("pain");
    }

    void snippetsArePlainTextWithTheMatchesMarked()
    {
        QFETCH(QString, words);
        const auto page = shownPage();
        search(*page, words);
        auto* list = page->findChild<QListWidget*>(QStringLiteral("articleList"));
        QVERIFY(!listedIds(*list).isEmpty());
        static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
        for (int row = 0; row < list->count(); ++row) {
            const QString html = list->item(row)->data(ArticleListDelegate::kHtmlRole).toString();
            QVERIFY2(html.contains(QStringLiteral("<b style")), qPrintable(html)); // a match is marked
            QTextDocument shown;
            shown.setHtml(html);
            const QString text = shown.toPlainText();
            for (const char* markup : {"**", "##", "](", "![", "article:", "glossary:", ".svg", "\n- "})
                QVERIFY2(!text.contains(QLatin1String(markup)), qPrintable(text));
            QVERIFY2(!QString(html).remove(tag).contains(u'<'), qPrintable(html));
        }
    }

    void theLibraryListTextIsAtLeastTwelvePoints()
    {
        const auto page = shownPage();
        auto* list = page->findChild<QListWidget*>(QStringLiteral("articleList"));
        QVERIFY(list->count() > 5);
        const auto smallestPoints = [&](const QFont& listFont) {
            qreal smallest = 1000;
            for (int row = 0; row < list->count(); ++row) {
                QTextDocument document;
                ArticleListDelegate::layOut(document, listFont, list->model()->index(row, 0), 300);
                for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
                    for (auto it = block.begin(); !it.atEnd(); ++it) {
                        const QTextCharFormat format = it.fragment().charFormat();
                        smallest = std::min(smallest, format.hasProperty(QTextFormat::FontPointSize)
                                                          ? format.fontPointSize()
                                                          : document.defaultFont().pointSizeF());
                    }
            }
            return smallest;
        };
        // Topics, then search hits and the "no match" line, from the list's own font and from a small one.
        QFont small = list->font();
        small.setPointSizeF(9);
        QVERIFY(smallestPoints(list->font()) >= ArticleListDelegate::kMinimumPoints);
        QVERIFY(smallestPoints(small) >= 12.0);
        search(*page, QStringLiteral("fusion"));
        QVERIFY(smallestPoints(small) >= 12.0);
        search(*page, QStringLiteral("zzqx"));
        QCOMPARE(list->count(), 1);
        QVERIFY(smallestPoints(small) >= 12.0);
    }

    void everyLibraryControlHasAName()
    {
        const auto page = shownPage();
        search(*page, QStringLiteral("fusoin")); // the suggestion shows too
        auto* box = page->findChild<QLineEdit*>(QStringLiteral("librarySearch"));
        QList<QWidget*> controls;
        for (auto* widget : page->findChildren<QWidget*>())
            if (widget->isVisibleTo(page.get()) && widget->focusPolicy() != Qt::NoFocus)
                controls << widget;
        // The box's clear button takes no focus, but a screen reader lists it.
        const auto buttons = box->findChildren<QToolButton*>();
        QVERIFY(!buttons.isEmpty());
        controls << QList<QWidget*>(buttons.begin(), buttons.end());
        for (QWidget* control : controls) {
            QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(control);
            QVERIFY(accessible);
            if (accessible->role() == QAccessible::Client || accessible->role() == QAccessible::Grouping)
                continue; // containers (the splitter's halves), not controls
            QVERIFY2(!accessible->text(QAccessible::Name).trimmed().isEmpty(),
                     qPrintable(QString::fromLatin1(control->metaObject()->className()) + u' ' +
                                control->objectName()));
        }
        QCOMPARE(QAccessible::queryAccessibleInterface(buttons.first())->text(QAccessible::Name),
                 QStringLiteral("Clear the search"));
    }
};

QTEST_MAIN(TestLibraryPage)
#include "test_LibraryPage.moc"
