#pragma once

#include <QString>
#include <QStringList>

#include <map>

namespace spinepath {

class ArticleLibrary;

// The words the patient can read in the articles (titles and text without
// markup), the same words the search index holds, with how often each
// occurs. It says whether a search word can match anything and, for one
// that cannot, which word of the articles was probably meant. Built once;
// afterwards only read, so any thread may use it.
class ArticleVocabulary final
{
public:
    ArticleVocabulary() = default;

    [[nodiscard]] static ArticleVocabulary of(const ArticleLibrary& library);
    // Adds the words of a plain text (lower-cased, accents removed).
    void add(const QString& plainText);

    // Some word starts with the term's stem: the search (every word matched
    // as a prefix of its stem) can find it.
    [[nodiscard]] bool matches(const QString& term) const;
    // The word of the articles closest to a term that matches none, by edit
    // distance within searchwords::allowedDistance of the term's length; the
    // more frequent word on a tie. Empty when the term matches, is shorter
    // than three letters or holds a digit, or nothing is close enough.
    [[nodiscard]] QString correction(const QString& term) const;
    // The terms with each that matches nothing replaced by its correction,
    // joined by spaces: what to offer as "Did you mean ...?". Empty when
    // there is nothing to correct.
    [[nodiscard]] QString suggestion(const QStringList& terms) const;

    [[nodiscard]] std::size_t size() const noexcept { return m_words.size(); }

    // How a word is compared: lower case, accents removed (as the index's
    // "remove_diacritics" tokenizer does).
    [[nodiscard]] static QString fold(const QString& word);

private:
    std::map<QString, int> m_words; // word -> occurrences; ordered for prefix look-ups
};

} // namespace spinepath
