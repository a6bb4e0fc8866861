#pragma once

#include <QString>

#include <optional>
#include <string>

namespace spinepath {

// How easy Spanish patient text is to read: the Fernández-Huerta formula
// (1959), Spanish's adaptation of Flesch's reading ease, in its corrected
// form (Law, 2011), since the often-quoted one multiplies by sentences per
// 100 words and so rewards long sentences:
//
//     L = 206.84 - 60 * (syllables / words) - 1.02 * (words / sentences)
//
// 100 is very easy; 70 to 80 is "fairly easy" ("bastante fácil"), the
// clinic's target for patients. GNU style has no Spanish, so this counts
// Spanish syllables itself (ReadingLevel does the English grade).
class SpanishReadingEase final
{
public:
    // "Fairly easy" or easier.
    static constexpr double kMinimum = 70.0;

    struct Measure
    {
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        double score = 0.0;
    };

    SpanishReadingEase() = delete;

    // Text as ReadingLevel::plainText gives it (one sentence per line where it
    // can); nothing when it has no words.
    [[nodiscard]] static std::optional<Measure> measure(const std::string& plainText);
    // The syllables of one Spanish word: its vowel nuclei, where a weak vowel
    // (i, u, ü, unstressed) beside another vowel forms one diphthong with it
    // and two strong vowels (a, e, o, or a stressed í, ú) are a hiatus.
    // A word of digits counts as two, about what a number reads as.
    [[nodiscard]] static int syllables(const QString& word);
    // The band of a score in Fernández-Huerta's table ("fairly easy").
    [[nodiscard]] static std::string band(double score);
};

} // namespace spinepath
