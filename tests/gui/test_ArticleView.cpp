// ArticleView with hostile article text: a raw <img> line once
// blanked the rest of the article; file images and web links were shown.
// The article is rendered through the allow-list by the real widget.
#include "patient/library/ArticleView.h"

#include "core/content/ArticleLibrary.h"

#include <QDir>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QUrl>

#include <fstream>

using namespace spinepath::ui;

class TestArticleView final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;

    void write(const QString& name, const std::string& text)
    {
        QVERIFY(QDir(m_folder.path()).mkpath(QStringLiteral("articles")));
        std::ofstream(m_folder.filePath(QStringLiteral("articles/") + name).toStdString()) << text;
    }

private slots:
    void hostileArticleIsShownThroughTheAllowList()
    {
        write(QStringLiteral("hostile.md"),
              "---\nid: hostile\ntitle: <h1 style=\"color:red\">URGENT</h1>\nsummary: A test.\nminutes: 1\n"
              "version: 1.0.0\nreviewed: 2026-12-01\n---\n"
              "First paragraph.\n\n<img src=\"file:///etc/hostname\">\n\nThe text after the picture.\n\n"
              "![secret](file:///etc/hostname)\n\n![ok](illustrations/spine-segment.svg)\n\n"
              "Call [the clinic](https://evil.example/phish) or read [more](article:glossary).\n\n"
              "Last paragraph.\n");
        write(QStringLiteral("glossary.md"),
              "---\nid: glossary\ntitle: Glossary\nsummary: Words.\nminutes: 1\n"
              "version: 1.0.0\nreviewed: 2026-12-01\n---\n"
              "## A\n\n**Annulus**: the <b>tough</b> outer wall of a disc.\n");
        const auto library = spinepath::ArticleLibrary::load(m_folder.path().toStdString());
        QVERIFY(library.problems().empty());

        ArticleView view(library, "glossary"); // the glossary written above
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.showArticle(QStringLiteral("hostile")));

        auto* title = view.findChild<QLabel*>(QStringLiteral("articleTitle"));
        QVERIFY(title);
        QCOMPARE(title->textFormat(), Qt::PlainText);

        const QTextDocument* document = view.browser()->document();
        const QString text = document->toPlainText();
        QVERIFY(text.contains(QStringLiteral("The text after the picture.")));
        QVERIFY(text.contains(QStringLiteral("Last paragraph.")));
        QVERIFY(text.contains(QStringLiteral("Call the clinic or read more.")));
        QStringList links;
        QStringList images;
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                if (format.isImageFormat())
                    images << format.toImageFormat().name();
                else if (format.isAnchor())
                    links << format.anchorHref();
            }
        QCOMPARE(images, QStringList{QStringLiteral("illustrations/spine-segment.svg")});
        QCOMPARE(links, QStringList{QStringLiteral("article:glossary")});
        // A file named by anything else is never read.
        QVERIFY(view.browser()
                    ->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/hostname")))
                    .isNull());
        QVERIFY(!view.browser()
                     ->loadResource(QTextDocument::ImageResource,
                                    QUrl(QStringLiteral("illustrations/spine-segment.svg")))
                     .isNull());
    }

    // Title, text and related links scroll together; the text box never
    // scrolls on its own, so a small screen with large text still shows
    // whole lines. The reading keys and a section link move the page.
    void articleScrollsAsOnePage()
    {
        std::string body;
        for (int i = 1; i <= 40; ++i)
            body += "Paragraph " + std::to_string(i) + " of a long article.\n\n";
        body += "## The middle part\n\n";
        for (int i = 41; i <= 80; ++i)
            body += "Paragraph " + std::to_string(i) + " of a long article.\n\n";
        write(QStringLiteral("long.md"), "---\nid: long\ntitle: A long article\nsummary: Long.\nminutes: 3\n"
                                         "version: 1.0.0\nreviewed: 2026-12-01\nrelated: short\n---\n" +
                                             body);
        write(QStringLiteral("short.md"), "---\nid: short\ntitle: A short one\nsummary: Short.\nminutes: 1\n"
                                          "version: 1.0.0\nreviewed: 2026-12-01\n---\nShort.\n");
        const auto library = spinepath::ArticleLibrary::load(m_folder.path().toStdString());
        QVERIFY(library.problems().empty());

        ArticleView view(library, "glossary");
        view.resize(500, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.showArticle(QStringLiteral("long")));

        auto* scroll = view.findChild<QScrollArea*>(QStringLiteral("articleScroll"));
        QVERIFY(scroll);
        QScrollBar* page = scroll->verticalScrollBar();
        for (const char* name : {"articleTitle", "articleBrowser", "relatedArticles"}) {
            auto* part = view.findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(part && scroll->widget()->isAncestorOf(part), name);
        }
        QTRY_VERIFY(page->maximum() > 0);
        QTextBrowser* text = view.browser();
        QCOMPARE(text->verticalScrollBar()->maximum(), 0); // all of the text, at its full height
        QVERIFY(text->height() > scroll->viewport()->height());

        text->setFocus();
        QTest::keyClick(text, Qt::Key_PageDown);
        QVERIFY(page->value() > 0);
        QTest::keyClick(text, Qt::Key_End);
        QCOMPARE(page->value(), page->maximum());
        QTest::keyClick(text, Qt::Key_Home);
        QCOMPARE(page->value(), 0);

        // Opened at a section: its heading comes into view at the top.
        QVERIFY(view.showArticle(QStringLiteral("long"), QStringLiteral("The middle part")));
        const QTextCursor heading = text->textCursor();
        QCOMPARE(heading.block().text(), QStringLiteral("The middle part"));
        const auto headingTop = [&] {
            return text->viewport()->mapTo(scroll->viewport(), text->cursorRect(heading).topLeft()).y();
        };
        QTRY_VERIFY2(headingTop() >= 0 && headingTop() < 20, qPrintable(QString::number(headingTop())));

        // Another article starts at its top.
        QVERIFY(view.showArticle(QStringLiteral("short")));
        QCOMPARE(page->value(), 0);
    }

    // The rules link to a section by its English heading; a Spanish article
    // names its own ("sections:" in its front matter) and opens there, and a
    // glossary term of several words or with accents shows its meaning.
    void spanishArticleOpensAtTheSection()
    {
        const std::string content = SPINEPATH_SOURCE_DIR "/content";
        const auto library = spinepath::ArticleLibrary::load(content, "es");
        ArticleView view(library, "glossary");
        view.resize(500, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* scroll = view.findChild<QScrollArea*>(QStringLiteral("articleScroll"));
        QVERIFY(scroll);
        QTextBrowser* text = view.browser();
        const std::pair<const char*, const char*> sections[] = {
            {"Bulging and herniated discs", "Disco abultado y hernia de disco"},
            {"Tears in the outer wall", "Roturas en la pared del disco"}};
        for (const auto& [english, spanish] : sections) {
            QVERIFY(view.showArticle(QStringLiteral("disc-pain"), QLatin1String(english)));
            const QTextCursor heading = text->textCursor();
            QCOMPARE(heading.block().text(), QString::fromUtf8(spanish));
            const auto headingTop = [&] {
                return text->viewport()->mapTo(scroll->viewport(), text->cursorRect(heading).topLeft()).y();
            };
            QTRY_VERIFY2(headingTop() >= 0 && headingTop() < 20, qPrintable(QString::number(headingTop())));
        }

        auto* definition = view.findChild<QLabel*>(QStringLiteral("glossaryDefinition"));
        QVERIFY(definition);
        for (const char* term : {"glossary:Disco%20contenido", "glossary:V%C3%A9rtebra"}) {
            emit text->anchorClicked(QUrl(QLatin1String(term)));
            QVERIFY2(definition->isVisibleTo(&view), term);
            QVERIFY2(!definition->text().isEmpty(), term);
        }
        QVERIFY(definition->text().startsWith(QStringLiteral("Vértebra")));
    }
};

QTEST_MAIN(TestArticleView)
#include "test_ArticleView.moc"
