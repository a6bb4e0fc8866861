#include "core/content/SearchWords.h"

#include <algorithm>
#include <vector>

namespace spinepath::searchwords {

namespace {

constexpr qsizetype kShortestStem = 3;

bool isVowel(QChar letter)
{
    return QStringView(u"aeiouy").contains(letter);
}

// `word` without `ending`, if the rest can stand as a stem: three letters
// or more, with a vowel ("spring" and "used" stay whole).
bool strip(QString& word, QStringView ending)
{
    if (!word.endsWith(ending) || word.size() - ending.size() < kShortestStem)
        return false;
    const QStringView rest = QStringView(word).left(word.size() - ending.size());
    if (std::none_of(rest.begin(), rest.end(), isVowel))
        return false;
    word.chop(ending.size());
    return true;
}

} // namespace

QString stem(const QString& word)
{
    QString result = word;
    // Plurals: "therapies", "boxes"/"braces", "discs"; not "stress", "stenosis", "status".
    if (strip(result, u"ies"))
        return result;
    if (result.endsWith(u"sses") || result.endsWith(u"xes") || result.endsWith(u"ches") ||
        result.endsWith(u"shes") || result.endsWith(u"zes")) {
        strip(result, u"es");
        return result;
    }
    if (result.endsWith(u's') && !result.endsWith(u"ss") && !result.endsWith(u"us") &&
        !result.endsWith(u"is")) {
        strip(result, u"s");
        return result;
    }
    // "bending", "injected": then "stopp" -> "stop" ("swell" keeps its l's).
    if (strip(result, u"ing") || (!result.endsWith(u"eed") && strip(result, u"ed"))) {
        const qsizetype n = result.size();
        if (n > kShortestStem && result[n - 1] == result[n - 2] && !isVowel(result[n - 1]) &&
            !QStringView(u"lsz").contains(result[n - 1]))
            result.chop(1);
        return result;
    }
    // "therapy" like "therapies", "injury" like "injuries".
    // Five letters or more: "very" would become "ver" and find "vertebrae".
    if (result.size() >= 5 && result.endsWith(u'y') && !isVowel(result[result.size() - 2]))
        result.chop(1);
    return result;
}

QString stem(const QString& word, QStringView language)
{
    if (language.isEmpty() || language.startsWith(u"en"))
        return stem(word);
    if (!language.startsWith(u"es"))
        return word;
    static constexpr QStringView vowels = u"aeiouáéíóúü";
    const auto vowel = [](QChar letter) { return vowels.contains(letter); };
    const auto keeps = [&](const QString& rest) {
        return rest.size() >= kShortestStem && std::any_of(rest.begin(), rest.end(), vowel);
    };
    QString result = word;
    // Plurals: "lesiones" -> "lesion", "columnas" -> "columna"; "crisis" and
    // "dosis" keep their s ("-is" is no plural ending in Spanish).
    if (result.endsWith(u"es") && result.size() > 4 && !vowel(result[result.size() - 3]) &&
        keeps(result.left(result.size() - 2)))
        result.chop(2);
    else if (result.endsWith(u's') && !result.endsWith(u"is") && keeps(result.left(result.size() - 1)))
        result.chop(1);
    // Gender and the final vowel: "columna" and "médico" -> "column", "médic".
    // Four letters or more remain, so "dolor" and "uno" stay.
    if (result.size() >= 5 && QStringView(u"aoe").contains(result.back()) &&
        keeps(result.left(result.size() - 1)))
        result.chop(1);
    return result;
}

int editDistance(QStringView a, QStringView b, int limit)
{
    limit = std::max(limit, 0);
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (std::abs(n - m) > limit)
        return limit + 1;
    const int beyond = limit + 1;
    // Three rows: the one before the previous is needed for a swap.
    std::vector<int> before(static_cast<std::size_t>(m + 1), beyond);
    std::vector<int> previous(static_cast<std::size_t>(m + 1));
    std::vector<int> current(static_cast<std::size_t>(m + 1), beyond);
    for (qsizetype j = 0; j <= m; ++j)
        previous[static_cast<std::size_t>(j)] = static_cast<int>(std::min<qsizetype>(j, beyond));
    for (qsizetype i = 1; i <= n; ++i) {
        std::fill(current.begin(), current.end(), beyond);
        // Only the band |i - j| <= limit can stay within the limit.
        const qsizetype from = std::max<qsizetype>(1, i - limit);
        const qsizetype to = std::min<qsizetype>(m, i + limit);
        if (i <= limit)
            current[0] = static_cast<int>(i);
        int best = current[0];
        for (qsizetype j = from; j <= to; ++j) {
            const auto at = [](std::vector<int>& row, qsizetype k) -> int& {
                return row[static_cast<std::size_t>(k)];
            };
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({at(previous, j) + 1, at(current, j - 1) + 1, at(previous, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = std::min(value, at(before, j - 2) + 1);
            at(current, j) = std::min(value, beyond);
            best = std::min(best, at(current, j));
        }
        if (best > limit)
            return beyond;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[static_cast<std::size_t>(m)], beyond);
}

int allowedDistance(qsizetype length)
{
    if (length <= 4)
        return 1;
    return length <= 8 ? 2 : 3;
}

} // namespace spinepath::searchwords
