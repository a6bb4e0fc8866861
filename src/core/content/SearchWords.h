#pragma once

#include <QString>

namespace spinepath::searchwords {

// The stem of a lower-case search word: plural and simple English endings
// taken off ("fusions" -> "fusion", "injected" -> "inject", "therapies" and
// "therapy" -> "therap"). Only endings are removed, never replaced, so the
// stem of a word is a prefix of the word: searching for the stem as a
// prefix finds every form of it in the index, which is the same as stemming
// both the index and the query, and a word typed half-way still matches.
// Stems keep at least three letters ("used" and "ring" stay as they are).
[[nodiscard]] QString stem(const QString& word);

// The stem of a lower-case word in `language`: stem() for English; for
// Spanish ("es") a light stemmer of plurals and gender, ending-only as
// above: "columnas" and "columna" -> "column", "lesiones" -> "lesion",
// "médicas" -> "médic". Accents stay: the index folds them in both the text
// and the query, so "cirugia" finds "cirugía". Other languages: the word.
[[nodiscard]] QString stem(const QString& word, QStringView language);

// The Damerau-Levenshtein distance (optimal string alignment: insert,
// delete, substitute, or swap two neighbouring letters, each costing 1), so
// "fusoin" is 1 from "fusion". Stops early: any distance above `limit` is
// returned as limit + 1, and the work is bounded by the shorter word times
// (2 * limit + 1).
[[nodiscard]] int editDistance(QStringView a, QStringView b, int limit);

// How far a misspelling of a word this long may be from the word it stands
// for: 1 up to 4 letters, 2 up to 8, then 3. Short words get little room, or
// every typo would look like some other word.
[[nodiscard]] int allowedDistance(qsizetype length);

} // namespace spinepath::searchwords
