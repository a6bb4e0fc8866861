#include "core/content/ArticleMarkup.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace spinepath {

namespace {

// GitHub Markdown as Qt reads it (tables, strikethrough, task lists,
// underline), without raw HTML and without turning bare addresses
// (www.example.org, https://..., mail addresses) into links.
// md4c's flags, as Qt passes them on.
constexpr int kTables = 0x0100;
constexpr int kStrikethrough = 0x0200;
constexpr int kTaskLists = 0x0800;
constexpr int kUnderline = 0x4000;
const QTextDocument::MarkdownFeatures kFeatures(static_cast<int>(QTextDocument::MarkdownNoHTML) | kTables |
                                                kStrikethrough | kTaskLists | kUnderline);

int lineAt(const QString& text, qsizetype position)
{
    return static_cast<int>(QStringView(text).left(position).count(u'\n')) + 1;
}

// A short quote of what was dropped, for the author to find it.
std::string quote(const QString& text)
{
    QString shown = text.simplified();
    if (shown.size() > 48)
        shown = shown.left(45) + QStringLiteral("...");
    return "\"" + shown.toStdString() + "\"";
}

// Replaces the matches of `pattern` that `decide` finds a problem with (a
// message) by what it says stands in their place, recording the problem.
template <typename Decide>
void dropMatches(QString& text, const QRegularExpression& pattern,
                 std::vector<ArticleMarkup::Problem>& problems, Decide&& decide)
{
    QString result;
    qsizetype last = 0;
    bool changed = false;
    auto matches = pattern.globalMatch(text);
    // Lines are counted in the original text, so they match the file.
    while (matches.hasNext()) {
        const auto match = matches.next();
        auto [replacement, problem] = decide(match);
        if (problem.empty())
            continue;
        result += QStringView(text).mid(last, match.capturedStart() - last);
        result += replacement;
        last = match.capturedEnd();
        changed = true;
        problems.push_back({lineAt(text, match.capturedStart()), std::move(problem)});
    }
    if (!changed)
        return;
    result += QStringView(text).mid(last);
    text = result;
}

} // namespace

bool ArticleMarkup::isAllowedLink(const QString& target)
{
    static const QRegularExpression allowed(
        QStringLiteral("^(article:[a-z0-9][a-z0-9-]*|glossary:[^\\s()<>\"']+)$"));
    return allowed.match(target).hasMatch();
}

bool ArticleMarkup::isAllowedImage(const QString& source)
{
    static const QRegularExpression allowed(QStringLiteral("^illustrations/[a-z0-9][a-z0-9-]*\\.svg$"));
    return allowed.match(source).hasMatch();
}

ArticleMarkup::Sanitized ArticleMarkup::sanitize(const QString& markdown)
{
    Sanitized out;
    QString text = markdown;
    // Problems are found in order of the checks, then sorted by line.
    std::vector<Problem> problems;

    // A glossary term of several words, [fisura anular](glossary:Fisura anular),
    // as authors write it: Markdown ends a link's target at a space, so the
    // spaces are percent-encoded (as Glossary::linkTerms writes its links).
    static const QRegularExpression glossaryTerm(
        QStringLiteral("(?<!!)(\\[[^\\]]*\\]\\(glossary:)([^()<>\"'\\n]+)\\)"));
    for (auto match = glossaryTerm.match(text); match.hasMatch();
         match = glossaryTerm.match(text, match.capturedStart() + 1)) {
        const QString term = match.captured(2).trimmed();
        if (!term.contains(u' '))
            continue;
        text.replace(match.capturedStart(2), match.capturedLength(2),
                     QString(term).replace(u' ', QStringLiteral("%20")));
    }

    // Until nothing more is dropped: removing one construct can join the
    // text around it into another ("<<b>b>" leaves "<b>").
    for (std::size_t before = SIZE_MAX; before != problems.size();) {
        before = problems.size();
        // 1. Raw HTML, comments and <...> autolinks: a tag is "<" and a letter,
        //    "/", "!" or "?", up to the next ">" (on any line).
        static const QRegularExpression html(QStringLiteral("<[A-Za-z/!?][^>]*>"));
        dropMatches(text, html, problems, [](const QRegularExpressionMatch& match) {
            // Its line breaks stay, so the lines of later problems still match the file.
            return std::pair{QString(match.captured().count(u'\n'), u'\n'),
                             "raw HTML is not allowed in an article: " + quote(match.captured()) +
                                 " is dropped"};
        });

        // 2. Images: only the program's own illustrations.
        static const QRegularExpression image(QStringLiteral("!\\[([^\\]]*)\\]\\(([^)]*)\\)"));
        dropMatches(text, image, problems, [](const QRegularExpressionMatch& match) {
            if (isAllowedImage(match.captured(2)))
                return std::pair{QString(), std::string()};
            return std::pair{QString(), "the image " + quote(match.captured(2)) +
                                            " is not one of the program's illustrations "
                                            "(illustrations/NAME.svg); it is dropped"};
        });

        // 3. Links: only to articles and glossary terms; others keep their text.
        static const QRegularExpression link(QStringLiteral("(?<!!)\\[([^\\]]*)\\]\\(([^)]*)\\)"));
        dropMatches(text, link, problems, [](const QRegularExpressionMatch& match) {
            if (isAllowedLink(match.captured(2)))
                return std::pair{QString(), std::string()};
            return std::pair{match.captured(1), "the link to " + quote(match.captured(2)) +
                                                    " is not allowed (only article:ID and glossary:TERM); "
                                                    "its text is kept without the link"};
        });

        // 4. Reference definitions ("[name]: target") would make [text][name]
        //    a link that step 3 does not see; articles use inline links only.
        static const QRegularExpression reference(QStringLiteral("^ {0,3}\\[[^\\]]+\\]:[^\\n]*$"),
                                                  QRegularExpression::MultilineOption);
        dropMatches(text, reference, problems, [](const QRegularExpressionMatch& match) {
            return std::pair{QString(), "link reference definitions are not allowed in an article: " +
                                            quote(match.captured()) + " is dropped"};
        });
    }

    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    out.markdown = text;
    out.problems = std::move(problems);
    return out;
}

QString ArticleMarkup::plainText(const QString& markdown)
{
    // Line by line, with no Markdown parser: this runs for every article
    // saved and must not need a QGuiApplication (the CLI and the search
    // thread have none of their own).
    static const QRegularExpression heading(QStringLiteral("^\\s{0,3}#{1,6}(\\s+|$)"));
    static const QRegularExpression closingHashes(QStringLiteral("\\s+#+\\s*$"));
    static const QRegularExpression quote(QStringLiteral("^\\s*(>\\s?)+"));
    static const QRegularExpression listMarker(
        QStringLiteral("^\\s*([-*+]|\\d{1,9}[.)])\\s+(\\[[ xX]\\]\\s+)?"));
    static const QRegularExpression rule(QStringLiteral("^\\s*([-*_=]\\s*){3,}$"));
    static const QRegularExpression tableRule(
        QStringLiteral("^\\s*\\|?(\\s*:?-+:?\\s*\\|)+(\\s*:?-+:?\\s*)?$"));
    static const QRegularExpression image(QStringLiteral("!\\[[^\\]]*\\]\\([^)]*\\)"));
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]*)\\]\\([^)]*\\)"));
    // An escaped character is text (group 1); any other mark of emphasis,
    // code or strike-through goes. "_" inside a word is text.
    static const QRegularExpression marks(
        QStringLiteral("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])|\\*+|~~|`+|(?<!\\w)_+|_+(?!\\w)"));
    static const QRegularExpression tableCell(QStringLiteral("\\s*\\|\\s*"));
    static const QRegularExpression spaces(QStringLiteral("[ \\t]+"));

    QStringList lines;
    for (QString line : sanitize(markdown).markdown.split(u'\n')) {
        if (rule.match(line).hasMatch() || tableRule.match(line).hasMatch())
            continue;
        line.remove(quote);
        if (heading.match(line).hasMatch())
            line.remove(heading).remove(closingHashes);
        line.remove(listMarker).remove(image).replace(link, QStringLiteral("\\1"));
        line.replace(tableCell, QStringLiteral(" "));
        QString text;
        qsizetype last = 0;
        for (auto found = marks.globalMatch(line); found.hasNext();) {
            const auto match = found.next();
            text += QStringView(line).mid(last, match.capturedStart() - last);
            text += match.captured(1);
            last = match.capturedEnd();
        }
        text += QStringView(line).mid(last);
        text = text.replace(spaces, QStringLiteral(" ")).trimmed();
        if (!text.isEmpty())
            lines << text;
    }
    return lines.join(u'\n');
}

int ArticleMarkup::render(const QString& markdown, QTextDocument& document)
{
    document.setMarkdown(markdown, kFeatures);

    // Whatever form produced them, links and images outside the allow-list
    // go: collected first, then changed from the end so positions hold.
    struct Range
    {
        int start;
        int length;
        bool image;
    };
    std::vector<Range> ranges;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat() && !isAllowedImage(format.toImageFormat().name()))
                ranges.push_back({fragment.position(), fragment.length(), true});
            else if (format.isAnchor() && !isAllowedLink(format.anchorHref()))
                ranges.push_back({fragment.position(), fragment.length(), false});
        }
    }
    for (auto range = ranges.rbegin(); range != ranges.rend(); ++range) {
        QTextCursor cursor(&document);
        cursor.setPosition(range->start);
        cursor.setPosition(range->start + range->length, QTextCursor::KeepAnchor);
        if (range->image) {
            cursor.removeSelectedText();
            continue;
        }
        QTextCharFormat plain = cursor.charFormat();
        plain.setAnchor(false);
        plain.setAnchorHref(QString());
        plain.setAnchorNames({});
        plain.setFontUnderline(false);
        plain.clearForeground();
        cursor.setCharFormat(plain);
    }
    return static_cast<int>(ranges.size());
}

} // namespace spinepath
