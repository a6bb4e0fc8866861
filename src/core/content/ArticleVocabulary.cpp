#include "core/content/ArticleVocabulary.h"

#include "core/content/ArticleLibrary.h"
#include "core/content/ArticleMarkup.h"
#include "core/content/SearchWords.h"

#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace spinepath {

namespace {

constexpr qsizetype kShortestCorrected = 3;

} // namespace

QString ArticleVocabulary::fold(const QString& word)
{
    QString folded;
    for (const QChar letter : word.toLower().normalized(QString::NormalizationForm_D))
        if (letter.category() != QChar::Mark_NonSpacing)
            folded += letter;
    return folded;
}

ArticleVocabulary ArticleVocabulary::of(const ArticleLibrary& library)
{
    ArticleVocabulary vocabulary;
    for (const auto& [id, article] : library.articles()) {
        vocabulary.add(QString::fromStdString(article.title));
        vocabulary.add(ArticleMarkup::plainText(QString::fromStdString(article.body)));
    }
    return vocabulary;
}

void ArticleVocabulary::add(const QString& plainText)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    for (const QString& word : fold(plainText).split(separators, Qt::SkipEmptyParts))
        ++m_words[word];
}

bool ArticleVocabulary::matches(const QString& term) const
{
    const QString prefix = searchwords::stem(fold(term));
    const auto next = m_words.lower_bound(prefix);
    return next != m_words.end() && next->first.startsWith(prefix);
}

QString ArticleVocabulary::correction(const QString& term) const
{
    const QString word = fold(term);
    if (word.size() < kShortestCorrected ||
        std::any_of(word.begin(), word.end(), [](QChar letter) { return letter.isDigit(); }) || matches(word))
        return {};
    const int allowed = searchwords::allowedDistance(word.size());
    // Best: the smallest distance, then the most frequent, then the first in order.
    const QString* best = nullptr;
    std::tuple<int, int> bestRank{allowed + 1, 0};
    for (const auto& [candidate, count] : m_words) {
        if (std::abs(candidate.size() - word.size()) > allowed)
            continue;
        const int distance = searchwords::editDistance(word, candidate, std::get<0>(bestRank));
        const std::tuple<int, int> rank{distance, -count};
        if (distance <= allowed && rank < bestRank) {
            bestRank = rank;
            best = &candidate;
        }
    }
    return best ? *best : QString();
}

QString ArticleVocabulary::suggestion(const QStringList& terms) const
{
    QStringList corrected;
    bool changed = false;
    for (const QString& term : terms) {
        const QString better = correction(term);
        changed = changed || !better.isEmpty();
        corrected << (better.isEmpty() ? term : better);
    }
    return changed ? corrected.join(u' ') : QString();
}

} // namespace spinepath
