#include "core/content/SpanishReadingEase.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace spinepath {

namespace {

enum class Vowel
{
    None,
    Weak,
    Strong
};

Vowel vowelOf(QChar c)
{
    switch (c.unicode()) {
    case u'a':
    case u'e':
    case u'o':
    case u'á':
    case u'é':
    case u'ó':
    case u'í': // a stressed i or u breaks the diphthong: dí-a, re-ú-ne
    case u'ú':
    case u'à':
    case u'è':
    case u'ò':
        return Vowel::Strong;
    case u'i':
    case u'u':
    case u'ü':
        return Vowel::Weak;
    default:
        return Vowel::None;
    }
}

} // namespace

int SpanishReadingEase::syllables(const QString& word)
{
    const QString lower = word.toLower();
    bool digits = !lower.isEmpty();
    for (const QChar c : lower)
        digits = digits && c.isDigit();
    if (digits)
        return 2;
    if (lower == QStringLiteral("y"))
        return 1;
    int count = 0;
    Vowel previous = Vowel::None;
    for (const QChar c : lower) {
        const Vowel vowel = vowelOf(c);
        // A new nucleus after a consonant, or between two strong vowels (le-er);
        // a weak vowel joins its neighbour (ciu-dad, bue-no, pie).
        if (vowel != Vowel::None &&
            (previous == Vowel::None || (previous == Vowel::Strong && vowel == Vowel::Strong)))
            ++count;
        previous = vowel;
    }
    return count > 0 ? count : 1;
}

std::optional<SpanishReadingEase::Measure> SpanishReadingEase::measure(const std::string& plainText)
{
    static const QRegularExpression wordPattern(QStringLiteral("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*"));
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?:]+(?=\\s|$)"));
    const QString text = QString::fromStdString(plainText);
    Measure result;
    for (auto words = wordPattern.globalMatch(text); words.hasNext();) {
        const QString word = words.next().captured();
        ++result.words;
        static const QRegularExpression joiner(QStringLiteral("[-']"));
        for (const QString& part : word.split(joiner))
            result.syllables += syllables(part);
    }
    if (result.words == 0)
        return std::nullopt;
    for (auto ends = sentenceEnd.globalMatch(text); ends.hasNext(); ends.next())
        ++result.sentences;
    result.sentences = std::max(result.sentences, 1);
    result.score = 206.84 - 60.0 * result.syllables / result.words - 1.02 * result.words / result.sentences;
    return result;
}

std::string SpanishReadingEase::band(double score)
{
    if (score >= 90)
        return "very easy";
    if (score >= 80)
        return "easy";
    if (score >= 70)
        return "fairly easy";
    if (score >= 60)
        return "standard";
    if (score >= 50)
        return "fairly difficult";
    if (score >= 30)
        return "difficult";
    return "very difficult";
}

} // namespace spinepath
