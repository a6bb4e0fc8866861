// The Fernández-Huerta reading ease of Spanish text, and its syllable count.
#include "core/content/SpanishReadingEase.h"

#include <catch2/catch.hpp>

using spinepath::SpanishReadingEase;

TEST_CASE("Spanish syllables: diphthongs join, strong vowels and a stressed i or u part", "[reading][es]")
{
    const auto count = [](const char* word) {
        return SpanishReadingEase::syllables(QString::fromUtf8(word));
    };
    CHECK(count("columna") == 3);
    CHECK(count("ciudad") == 2);  // ciu-dad: two weak vowels are one nucleus
    CHECK(count("bueno") == 2);   // bue-no
    CHECK(count("leer") == 2);    // le-er: two strong vowels
    CHECK(count("día") == 2);     // dí-a: the stress breaks the diphthong
    CHECK(count("aún") == 2);     // a-ún
    CHECK(count("que") == 1);     // the u of "que" is silent
    CHECK(count("cirugía") == 4); // ci-ru-gí-a
    CHECK(count("espondilolistesis") == 7);
    CHECK(count("y") == 1);
    CHECK(count("hay") == 1);
    CHECK(count("12") == 2);
    CHECK(count("PRP") == 1);
}

TEST_CASE("Fernández-Huerta: short sentences of short words read as easy", "[reading][es]")
{
    // la es-pal-da due-le / su mé-di-co le a-yu-da: 7 words, 14 syllables, 2 sentences.
    const auto easy = SpanishReadingEase::measure("La espalda duele.\nSu médico le ayuda.");
    REQUIRE(easy);
    CHECK(easy->words == 7);
    CHECK(easy->sentences == 2);
    CHECK(easy->syllables == 14);
    CHECK(easy->score == Approx(206.84 - 60.0 * 14 / 7 - 1.02 * 3.5));
    CHECK(easy->score >= SpanishReadingEase::kMinimum);

    const auto hard = SpanishReadingEase::measure(
        "La espondilolistesis degenerativa intervertebral condiciona frecuentemente manifestaciones "
        "neurológicas radiculares bilaterales, particularmente durante la deambulación prolongada.");
    REQUIRE(hard);
    CHECK(hard->score < SpanishReadingEase::kMinimum);
    CHECK(SpanishReadingEase::band(hard->score) != "fairly easy");

    CHECK_FALSE(SpanishReadingEase::measure("  .  "));
}

TEST_CASE("the bands of Fernández-Huerta's table", "[reading][es]")
{
    CHECK(SpanishReadingEase::band(95) == "very easy");
    CHECK(SpanishReadingEase::band(85) == "easy");
    CHECK(SpanishReadingEase::band(70) == "fairly easy");
    CHECK(SpanishReadingEase::band(65) == "standard");
    CHECK(SpanishReadingEase::band(10) == "very difficult");
}
