// ArticleView with hostile article text: a raw <img> line once
// blanked the rest of the article; file images and web links were shown.
// The article is rendered through the allow-list by the real widget.
#include "patient/library/ArticleView.h"

#include "core/content/ArticleLibrary.h"

#include <QDir>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

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
};

QTEST_MAIN(TestArticleView)
#include "test_ArticleView.moc"
