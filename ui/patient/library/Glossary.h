#pragma once

#include <QString>

#include <map>

namespace spinepath {
struct Article;
}

namespace spinepath::ui {

// The terms of the glossary article ("**Term**: explanation." paragraphs),
// used to explain a word where a patient meets it in any article.
class Glossary final
{
public:
    Glossary() = default;
    explicit Glossary(const spinepath::Article& glossaryArticle);

    [[nodiscard]] bool isEmpty() const noexcept { return m_terms.empty(); }
    [[nodiscard]] QString meaning(const QString& term) const;
    // Links the first mention of each term in the Markdown to "glossary:Term",
    // leaving headings, images and the glossary itself alone.
    [[nodiscard]] QString linkTerms(const QString& markdown) const;

private:
    std::map<QString, QString> m_terms; // lower-case term -> "Term: explanation"
};

} // namespace spinepath::ui
