// searchwords: the stems the library search matches and the edit distance
// its "Did you mean ...?" is chosen by.
#include "core/content/SearchWords.h"

#include <catch2/catch.hpp>

#include <tuple>

namespace searchwords = spinepath::searchwords;

TEST_CASE("A stem drops plural and simple endings and is a prefix of the word", "[search]")
{
    const auto [word, expected] = GENERATE(table<const char*, const char*>({
        {"fusions", "fusion"},
        {"fusion", "fusion"},
        {"discs", "disc"},
        {"nerves", "nerve"},
        {"boxes", "box"},
        {"classes", "class"},
        {"therapies", "therap"},
        {"therapy", "therap"},
        {"injuries", "injur"},
        {"injury", "injur"},
        {"injected", "inject"},
        {"injections", "injection"},
        {"bending", "bend"},
        {"stopped", "stop"},
        {"swelling", "swell"},
        // Left whole: too short, no vowel left, or not a plural.
        {"used", "used"},
        {"ring", "ring"},
        {"spring", "spring"},
        {"needed", "need"},
        {"feed", "feed"},
        {"stress", "stress"},
        {"stenosis", "stenosis"},
        {"status", "status"},
        {"very", "very"},
        {"body", "body"},
        {"key", "key"},
        {"degen", "degen"},
        {"a", "a"},
    }));
    CAPTURE(word);
    const QString stem = searchwords::stem(QString::fromUtf8(word));
    CHECK(stem == QString::fromUtf8(expected));
    CHECK(QString::fromUtf8(word).startsWith(stem));
}

TEST_CASE("The edit distance counts a swap of neighbours as one edit", "[search]")
{
    const auto [a, b, distance] = GENERATE(table<const char*, const char*, int>({
        {"fusion", "fusion", 0},
        {"fusoin", "fusion", 1},  // swap
        {"fussion", "fusion", 1}, // one letter too many
        {"fuson", "fusion", 1},   // one too few
        {"fusiom", "fusion", 1},  // one wrong
        {"ufsoin", "fusion", 2},  // two swaps
        {"", "abc", 3},
        {"abc", "", 3},
        {"sciatica", "sciatic", 1},
        {"kitten", "sitting", 3},
        {"ca", "abc", 3}, // optimal string alignment: no edit of a swapped pair
    }));
    CAPTURE(a, b);
    CHECK(searchwords::editDistance(QString::fromUtf8(a), QString::fromUtf8(b), 5) == distance);
    CHECK(searchwords::editDistance(QString::fromUtf8(b), QString::fromUtf8(a), 5) == distance);
}

TEST_CASE("The edit distance stops at its limit", "[search]")
{
    CHECK(searchwords::editDistance(u"fusion", u"injection", 2) == 3);
    CHECK(searchwords::editDistance(u"abcdef", u"uvwxyz", 1) == 2);
    CHECK(searchwords::editDistance(u"fusoin", u"fusion", 1) == 1);
    CHECK(searchwords::editDistance(u"fusoin", u"fusion", 0) == 1);
    CHECK(searchwords::editDistance(QString(100, u'a'), QString(100, u'b'), 3) == 4);
}

TEST_CASE("Longer words may be further from what was meant", "[search]")
{
    CHECK(searchwords::allowedDistance(3) == 1);
    CHECK(searchwords::allowedDistance(4) == 1);
    CHECK(searchwords::allowedDistance(6) == 2);
    CHECK(searchwords::allowedDistance(8) == 2);
    CHECK(searchwords::allowedDistance(12) == 3);
}

TEST_CASE("A Spanish stem drops plural and gender endings and stays a prefix", "[search][es]")
{
    const auto [word, expected] = GENERATE(table<const char*, const char*>({
        {"columnas", "column"},
        {"columna", "column"},
        {"lesiones", "lesion"},
        {"médicas", "médic"},
        {"médico", "médic"},
        {"nervios", "nervi"},
        {"dolores", "dolor"},
        {"discos", "disc"},
        {"cirugia", "cirugi"},
        {"cirugías", "cirugí"},
        {"inyecciones", "inyeccion"},
        // Left whole: short, or an -is that is no plural.
        {"dolor", "dolor"},
        {"uno", "uno"},
        {"dosis", "dosis"},
        {"crisis", "crisis"},
        {"pie", "pie"},
    }));
    const QString stem = searchwords::stem(QString::fromUtf8(word), u"es");
    INFO(word);
    CHECK(stem == QString::fromUtf8(expected));
    CHECK(QString::fromUtf8(word).startsWith(stem));
}

TEST_CASE("Both forms of a Spanish word share a stem", "[search][es]")
{
    const auto same = [](const char* a, const char* b) {
        return searchwords::stem(QString::fromUtf8(a), u"es") ==
               searchwords::stem(QString::fromUtf8(b), u"es");
    };
    CHECK(same("columnas", "columna"));
    CHECK(same("médicos", "médica"));
    CHECK(same("discos", "disco"));
    CHECK(searchwords::stem(QStringLiteral("fusions"), u"en") == QStringLiteral("fusion"));
    CHECK(searchwords::stem(QStringLiteral("colonnes"), u"fr") == QStringLiteral("colonnes"));
}
