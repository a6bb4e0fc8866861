// ArticleMarkup: the allow-list of article Markdown. Articles
// with raw HTML, a file image and links elsewhere, sanitised and rendered as
// the library renders them.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "report/GuiApplicationListener.h"

#include "core/content/ArticleMarkup.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>

#include <string>
#include <vector>

using spinepath::ArticleMarkup;
using spinepath::report::test::GuiApplicationListener;

CATCH_REGISTER_LISTENER(GuiApplicationListener)

namespace {

struct Rendered
{
    QString text;
    std::vector<QString> links;
    std::vector<QString> images;
    int removed = 0;
};

// What a patient would see: the text, and every link and image left in it.
Rendered render(const QString& markdown)
{
    QTextDocument document;
    Rendered out;
    out.removed = ArticleMarkup::render(markdown, document);
    out.text = document.toPlainText();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                out.images.push_back(format.toImageFormat().name());
            else if (format.isAnchor())
                out.links.push_back(format.anchorHref());
        }
    return out;
}

bool mentions(const std::vector<ArticleMarkup::Problem>& problems, int line, const std::string& part)
{
    for (const auto& problem : problems)
        if (problem.line == line && problem.message.find(part) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("ArticleMarkup keeps what articles use", "[content][ArticleMarkup]")
{
    const QString markdown =
        QStringLiteral("## Why discs hurt\n\nA disc has a **tough** outer wall and a *soft* center.\n\n"
                       "![A disc seen from above.](illustrations/disc-healthy-vs-torn.svg)\n\n"
                       "- Rest can help.\n- Movement can help too.\n\n"
                       "Read about [fusion](article:spinal-fusion) and the [annulus](glossary:annulus).\n");
    const auto sanitized = ArticleMarkup::sanitize(markdown);
    CHECK(sanitized.problems.empty());
    CHECK(sanitized.markdown == markdown);
    const Rendered shown = render(sanitized.markdown);
    CHECK(shown.removed == 0);
    CHECK(shown.images == std::vector<QString>{QStringLiteral("illustrations/disc-healthy-vs-torn.svg")});
    CHECK(shown.links ==
          std::vector<QString>{QStringLiteral("article:spinal-fusion"), QStringLiteral("glossary:annulus")});
    CHECK(shown.text.contains(QStringLiteral("Movement can help too.")));
}

TEST_CASE("ArticleMarkup drops raw HTML, and the text after it stays", "[content][ArticleMarkup]")
{
    // A raw <img> line blanked everything after it in the library.
    const QString markdown = QStringLiteral(
        "First paragraph.\n\n<img src=\"file:///etc/hostname\">\n\nThe text after the picture.\n\n"
        "<p style=\"color:red\">URGENT</p> and <!-- a comment --> end.\n\n<script>alert(1)</script>\n\n"
        "Last paragraph.\n");
    const auto sanitized = ArticleMarkup::sanitize(markdown);
    CHECK(mentions(sanitized.problems, 3, "raw HTML is not allowed"));
    CHECK(mentions(sanitized.problems, 7, "<p style="));
    CHECK(mentions(sanitized.problems, 7, "<!-- a comment -->"));
    CHECK(mentions(sanitized.problems, 9, "<script>"));
    const Rendered shown = render(sanitized.markdown);
    CHECK(shown.images.empty());
    CHECK(shown.text.contains(QStringLiteral("The text after the picture.")));
    CHECK(shown.text.contains(QStringLiteral("Last paragraph.")));
    CHECK_FALSE(shown.text.contains(QStringLiteral("<")));

    // Even unsanitised, the renderer reads no HTML: the rest stays.
    const Rendered raw = render(markdown);
    CHECK(raw.images.empty());
    CHECK(raw.text.contains(QStringLiteral("Last paragraph.")));
}

TEST_CASE("ArticleMarkup drops file and remote images", "[content][ArticleMarkup]")
{
    const QString markdown =
        QStringLiteral("Before.\n\n![secret](file:///etc/hostname)\n\n"
                       "![tracker](https://evil.example/pixel.png)\n\n"
                       "![up](../../../etc/x.svg)\n\n![data](data:image/png;base64,AAAA)\n\n"
                       "![ok](illustrations/spine-segment.svg)\n\nAfter.\n");
    const auto sanitized = ArticleMarkup::sanitize(markdown);
    CHECK(sanitized.problems.size() == 4);
    CHECK(mentions(sanitized.problems, 3,
                   "\"file:///etc/hostname\" is not one of the program's illustrations"));
    CHECK(mentions(sanitized.problems, 5, "https://evil.example/pixel.png"));
    CHECK(mentions(sanitized.problems, 7, "../../../etc/x.svg"));
    CHECK(mentions(sanitized.problems, 9, "data:image/png"));
    const Rendered shown = render(sanitized.markdown);
    CHECK(shown.images == std::vector<QString>{QStringLiteral("illustrations/spine-segment.svg")});
    CHECK(shown.text.contains(QStringLiteral("After.")));
}

TEST_CASE("ArticleMarkup keeps only article: and glossary: links", "[content][ArticleMarkup]")
{
    const QString markdown = QStringLiteral(
        "Call [the clinic](https://evil.example/phish) or [mail us](mailto:a@example.org).\n"
        "Open [a file](file:///etc/passwd), or <https://evil.example/auto>.\n"
        "Visit www.evil.example or https://evil.example/bare today.\n"
        "Read [more][ref] and [fusion](article:spinal-fusion).\n\n[ref]: https://evil.example/ref\n");
    const auto sanitized = ArticleMarkup::sanitize(markdown);
    CHECK(mentions(sanitized.problems, 1, "the link to \"https://evil.example/phish\" is not allowed"));
    CHECK(mentions(sanitized.problems, 1, "mailto:"));
    CHECK(mentions(sanitized.problems, 2, "file:///etc/passwd"));
    CHECK(mentions(sanitized.problems, 2, "<https://evil.example/auto>"));
    CHECK(mentions(sanitized.problems, 6, "link reference definitions are not allowed"));
    const Rendered shown = render(sanitized.markdown);
    CHECK(shown.links == std::vector<QString>{QStringLiteral("article:spinal-fusion")});
    // The words of a dropped link stay, as text.
    CHECK(shown.text.contains(QStringLiteral("Call the clinic or mail us.")));
    CHECK(shown.text.contains(QStringLiteral("www.evil.example"))); // text, not a link

    // The renderer's own pass removes a link that reached it some other way.
    const Rendered raw = render(QStringLiteral("Read [more][ref].\n\n[ref]: https://evil.example/ref\n"));
    CHECK(raw.links.empty());
    CHECK(raw.removed == 1);
    CHECK(raw.text.contains(QStringLiteral("Read more.")));
}

TEST_CASE("ArticleMarkup links a glossary term of several words, as authors write it",
          "[content][ArticleMarkup]")
{
    // Markdown ends a link's target at a space: the term's spaces are encoded,
    // so the link is kept, with no problem, and opens the whole term.
    const QString markdown =
        QStringLiteral("Una [fisura anular](glossary:Fisura anular) y una [vértebra](glossary:Vértebra).\n"
                       "An [annular tear](glossary:annular tear) heals.\n");
    const auto sanitized = ArticleMarkup::sanitize(markdown);
    CHECK(sanitized.problems.empty());
    CHECK(sanitized.markdown.contains(QStringLiteral("(glossary:Fisura%20anular)")));
    CHECK(sanitized.markdown.contains(QStringLiteral("(glossary:annular%20tear)")));
    const Rendered shown = render(sanitized.markdown);
    CHECK(shown.removed == 0);
    REQUIRE(shown.links.size() == 3);
    for (const QString& link : shown.links)
        CHECK(ArticleMarkup::isAllowedLink(link));
    CHECK(QUrl(shown.links[0]).path() == QStringLiteral("Fisura anular"));
    CHECK(QUrl(shown.links[1]).path() == QStringLiteral("Vértebra"));
    CHECK(shown.text.contains(QStringLiteral("Una fisura anular y una vértebra.")));
}

TEST_CASE("ArticleMarkup allow-lists are exact", "[content][ArticleMarkup]")
{
    CHECK(ArticleMarkup::isAllowedLink(QStringLiteral("article:how-your-spine-works")));
    CHECK(ArticleMarkup::isAllowedLink(QStringLiteral("glossary:annular%20tear")));
    CHECK_FALSE(ArticleMarkup::isAllowedLink(QStringLiteral("article:../x")));
    CHECK_FALSE(ArticleMarkup::isAllowedLink(QStringLiteral("Article:x")));
    CHECK_FALSE(ArticleMarkup::isAllowedLink(QStringLiteral("javascript:alert(1)")));
    CHECK_FALSE(ArticleMarkup::isAllowedLink(QString()));
    CHECK(ArticleMarkup::isAllowedImage(QStringLiteral("illustrations/fusion-hardware.svg")));
    CHECK_FALSE(ArticleMarkup::isAllowedImage(QStringLiteral("illustrations/../x.svg")));
    CHECK_FALSE(ArticleMarkup::isAllowedImage(QStringLiteral("/illustrations/x.svg")));
    CHECK_FALSE(ArticleMarkup::isAllowedImage(QStringLiteral("illustrations/x.png")));
    CHECK_FALSE(ArticleMarkup::isAllowedImage(QStringLiteral("qrc:/illustrations/x.svg")));
}

TEST_CASE("ArticleMarkup's plain text has the words a patient reads and no markup",
          "[content][ArticleMarkup]")
{
    const auto [markdown, plain] = GENERATE(table<const char*, const char*>({
        {"## How fusion works", "How fusion works"},
        {"# Title #", "Title"},
        {"A **tough** outer wall and a *soft* center.", "A tough outer wall and a soft center."},
        {"__Bold__ and _slanted_ and ~~struck~~ and `code`", "Bold and slanted and struck and code"},
        {"snake_case stays", "snake_case stays"},
        {"Read about [spinal fusion](article:spinal-fusion).", "Read about spinal fusion."},
        {"The [**annulus**](glossary:annulus) tears.", "The annulus tears."},
        {"![Two vertebrae joined.](illustrations/fusion-hardware.svg)", ""},
        {"- **A bone that has slipped.** Doctors call it that.",
         "A bone that has slipped. Doctors call it that."},
        {"* one\n+ two\n3. three\n4) four", "one\ntwo\nthree\nfour"},
        {"- [ ] a task\n- [x] done", "a task\ndone"},
        {"> A quote", "A quote"},
        {"| Test | Shows |\n|---|:---:|\n| MRI | discs |", "Test Shows\nMRI discs"},
        {"Above\n\n---\n\nBelow", "Above\nBelow"},
        {"Grade 3 or higher is a 1. large slip", "Grade 3 or higher is a 1. large slip"},
        {"5 \\* 3 and \\_under\\_", "5 * 3 and _under_"},
        {"<b>raw</b> html", "raw html"},
        {"[elsewhere](https://example.org) text", "elsewhere text"},
    }));
    CAPTURE(markdown);
    CHECK(ArticleMarkup::plainText(QString::fromUtf8(markdown)) == QString::fromUtf8(plain));
}
