// ArticleVocabulary: the words of the articles, which search words can
// match, and the "Did you mean ...?" for those that cannot, on made-up
// texts and on the real articles of content/.
#include "core/content/ArticleLibrary.h"
#include "core/content/ArticleVocabulary.h"

#include <catch2/catch.hpp>

using spinepath::ArticleLibrary;
using spinepath::ArticleVocabulary;

namespace {

ArticleVocabulary made()
{
    ArticleVocabulary vocabulary;
    vocabulary.add(QStringLiteral("Spinal fusion joins two bones. Fusion is major surgery."));
    vocabulary.add(QStringLiteral("An injection of steroid calms an inflamed nerve. Épidural injections."));
    vocabulary.add(QStringLiteral("Discs lose water with age: disc degeneration."));
    return vocabulary;
}

} // namespace

TEST_CASE("A word matches when a word of the articles starts with its stem", "[vocabulary]")
{
    const ArticleVocabulary vocabulary = made();
    const auto [term, matches] = GENERATE(table<const char*, bool>({
        {"fusion", true},
        {"fusions", true},  // stem "fusion"
        {"fus", true},      // typed half-way
        {"Fusion", true},   // case
        {"epidural", true}, // accents as the index folds them
        {"épidural", true},
        {"injected", true}, // stem "inject"
        {"degen", true},
        {"fusoin", false},
        {"fussion", false},
        {"zzqx", false},
    }));
    CAPTURE(term);
    CHECK(vocabulary.matches(QString::fromUtf8(term)) == matches);
}

TEST_CASE("A misspelling is corrected to the nearest word within the distance its length allows",
          "[vocabulary]")
{
    const ArticleVocabulary vocabulary = made();
    const auto [term, expected] = GENERATE(table<const char*, const char*>({
        {"fusoin", "fusion"},  // swapped letters: 1
        {"fussion", "fusion"}, // one too many: 1
        {"fuzion", "fusion"},  // one wrong
        {"injektion", "injection"},
        {"degenaration", "degeneration"}, // 12 letters, 1 edit
        {"spinl", "spinal"},
        {"dsic", "disc"},        // 4 letters, swap: 1
        {"xyzfusion", "fusion"}, // 9 letters may be 3 edits away
        // Nothing to correct: it matches, is too short, holds a digit, or nothing is close.
        {"fusion", ""},
        {"fusions", ""},
        {"zq", ""},
        {"l5s1", ""},
        {"zzqx", ""},
        {"xyzzyfusion", ""}, // 5 edits from "fusion": too far
    }));
    CAPTURE(term);
    CHECK(vocabulary.correction(QString::fromUtf8(term)) == QString::fromUtf8(expected));
}

TEST_CASE("On a tie the more frequent word is offered", "[vocabulary]")
{
    ArticleVocabulary vocabulary;
    vocabulary.add(QStringLiteral("cart cart cart card"));
    CHECK(vocabulary.correction(QStringLiteral("carx")) == QStringLiteral("cart"));
    vocabulary.add(QStringLiteral("card card card"));
    CHECK(vocabulary.correction(QStringLiteral("carx")) == QStringLiteral("card"));
}

TEST_CASE("The suggestion corrects only the words that match nothing", "[vocabulary]")
{
    const ArticleVocabulary vocabulary = made();
    CHECK(vocabulary.suggestion({QStringLiteral("spinal"), QStringLiteral("fusoin")}) ==
          QStringLiteral("spinal fusion"));
    CHECK(vocabulary.suggestion({QStringLiteral("fussion")}) == QStringLiteral("fusion"));
    CHECK(vocabulary.suggestion({QStringLiteral("spinal"), QStringLiteral("fusions")}).isEmpty());
    CHECK(vocabulary.suggestion({QStringLiteral("zzqx")}).isEmpty());
    CHECK(vocabulary.suggestion({}).isEmpty());
}

TEST_CASE("The real articles' words, without their Markdown, give the suggestions", "[vocabulary]")
{
    const ArticleLibrary library = ArticleLibrary::load(SPINEPATH_SOURCE_DIR "/content");
    REQUIRE(library.problems().empty());
    const ArticleVocabulary vocabulary = ArticleVocabulary::of(library);
    CHECK(vocabulary.size() > 500);
    CHECK(vocabulary.matches(QStringLiteral("fusion")));
    CHECK(vocabulary.matches(QStringLiteral("fusions")));
    // Link targets ("article:spinal-fusion") and image files are no words a patient reads.
    CHECK_FALSE(vocabulary.matches(QStringLiteral("illustrations")));
    CHECK_FALSE(vocabulary.matches(QStringLiteral("svg")));
    CHECK(vocabulary.suggestion({QStringLiteral("fusoin")}) == QStringLiteral("fusion"));
    CHECK(vocabulary.suggestion({QStringLiteral("fussion")}) == QStringLiteral("fusion"));
    CHECK(vocabulary.suggestion({QStringLiteral("spinal"), QStringLiteral("fusoin")}) ==
          QStringLiteral("spinal fusion"));
    CHECK(vocabulary.suggestion({QStringLiteral("sciatika")}) == QStringLiteral("sciatica"));
}
