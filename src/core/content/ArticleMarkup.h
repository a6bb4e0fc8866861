#pragma once

#include <QString>

#include <string>
#include <vector>

class QTextDocument;

namespace spinepath {

// The allow-list of article Markdown. Articles are content, but
// content can be edited by mistake or by someone hostile, and the library runs
// at the kiosk: an article may hold text, headings, lists, tables, emphasis,
// the program's own illustrations (![alt](illustrations/NAME.svg)) and links
// to other articles and glossary terms ([text](article:ID), [text](glossary:TERM)).
// Raw HTML, other images (files, remote, data:) and other links are dropped.
class ArticleMarkup final
{
public:
    // Something the renderer drops, with the 1-based line of the body.
    struct Problem
    {
        int line = 0;
        std::string message;
    };

    struct Sanitized
    {
        QString markdown;              // what is rendered
        std::vector<Problem> problems; // what was dropped from it
    };

    ArticleMarkup() = delete;

    // The Markdown without anything outside the allow-list, and what was
    // dropped. check-content reports the problems; the library renders the rest.
    [[nodiscard]] static Sanitized sanitize(const QString& markdown);

    // Renders sanitized Markdown into `document` (no HTML, no autolinks) and
    // then removes any link or image the allow-list does not name, whatever
    // Markdown form produced it. Returns how many were removed there (zero for
    // text that went through sanitize()).
    static int render(const QString& markdown, QTextDocument& document);

    // The words of the article as the patient reads them, without any markup:
    // no heading or list markers, emphasis, table rules, link targets or
    // images (a link keeps its text). Paragraphs, headings and list items
    // are lines. This is what the search indexes and quotes, so a snippet
    // never shows "**" or "##" and a link target is not a hit.
    [[nodiscard]] static QString plainText(const QString& markdown);

    [[nodiscard]] static bool isAllowedLink(const QString& target);
    [[nodiscard]] static bool isAllowedImage(const QString& source);
};

} // namespace spinepath
