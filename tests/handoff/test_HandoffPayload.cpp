#include "core/handoff/HandoffPayload.h"

#include "core/handoff/Base45.h"
#include "questionnaire/QuestionnaireTestSupport.h"
#include "support/ExampleAnswers.h"
#include "support/RandomHomeAnswers.h"
#include "support/TestSeed.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

#include <iostream>
#include <random>

using namespace spinepath::handoff;
using nlohmann::json;
using spinepath::questionnaire::test::intake;
using Kind = HandoffError::Kind;

namespace {

const QDateTime kFinished(QDate(2026, 11, 30), QTime(18, 42), QTimeZone::utc());

Kind refusal(std::string_view text, const spinepath::questionnaire::Questionnaire& questionnaire = intake())
{
    try {
        (void)decodePayload(text, questionnaire);
    } catch (const HandoffError& error) {
        return error.kind();
    }
    FAIL("the payload was accepted: " << text);
    return Kind::NotAPayload;
}

// Example 3 with every "about you" detail: the answer set of a typical patient.
json fullExample()
{
    return spinepath::test::with(spinepath::test::example3Answers(),
                                 {{"about.name", "Zoë Ångström-Łukasiewicz"},
                                  {"about.birth_date", "1961-04-23"},
                                  {"about.phone", "+1 555 0100"},
                                  {"about.email", "zoe.angstrom@example.org"},
                                  {"about.contact_ok", true}});
}

} // namespace

TEST_CASE("A payload holds the answers, the questionnaire and the time they were finished")
{
    const json answers = fullExample();
    const std::string payload = encodePayload(intake(), answers, kFinished);
    CHECK(payload.starts_with("SP1:"));
    CHECK(payload.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:") == std::string::npos);
    std::cout << "payload of a typical full answer set: " << payload.size() << " characters" << std::endl;
    CHECK(payload.size() < 200); // a version 7 QR code (45 modules) at level M holds 180

    const HandoffAnswers decoded = decodePayload(payload, intake());
    CHECK(decoded.answers == answers);
    CHECK(decoded.questionnaireId == intake().id());
    CHECK(decoded.questionnaireVersion == intake().version());
    CHECK(decoded.completedAt == kFinished);
}

TEST_CASE("Payloads round-trip many generated home answer sets")
{
    const std::uint32_t seed = spinepath::test::testSeed("handoff payload round trip");
    spinepath::test::RandomHomeAnswers random(intake(), seed);
    std::size_t longest = 0;
    for (int run = 0; run < 2000; ++run) {
        const json answers = random.next();
        const QDateTime finished = kFinished.addSecs(60LL * random.uniform(-500000, 500000));
        const std::string payload = encodePayload(intake(), answers, finished);
        longest = std::max(longest, payload.size());
        const HandoffAnswers decoded = decodePayload(payload, intake());
        INFO("answers " << answers.dump());
        REQUIRE(decoded.answers == answers);
        REQUIRE(decoded.completedAt == finished);
        REQUIRE(handoffKey(intake(), decoded.answers, decoded.completedAt) ==
                handoffKey(intake(), answers, finished));
    }
    std::cout << "longest generated payload: " << longest << " characters" << std::endl;
}

TEST_CASE("Surrounding white space, line ends and small letters do not matter")
{
    const std::string payload = encodePayload(intake(), fullExample(), kFinished);
    CHECK(decodePayload("  " + payload + "\r\n", intake()).answers == fullExample());
    std::string lower = payload;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(decodePayload(lower, intake()).answers == fullExample());
}

TEST_CASE("A payload with any one character changed is refused")
{
    const std::string payload = encodePayload(intake(), fullExample(), kFinished);
    const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    std::mt19937 rng(spinepath::test::testSeed("handoff payload one character changed", 22));
    for (std::size_t position = 0; position < payload.size(); ++position) {
        for (int tries = 0; tries < 6; ++tries) {
            std::string changed = payload;
            char replacement = payload[position];
            while (replacement == payload[position])
                replacement = alphabet[rng() % alphabet.size()];
            changed[position] = replacement;
            INFO("position " << position << " changed to '" << replacement << "'");
            const Kind kind = refusal(changed);
            if (position >= 4)
                CHECK(kind == Kind::Damaged);
        }
    }
}

TEST_CASE("A truncated or lengthened payload is refused as damaged")
{
    const std::string payload = encodePayload(intake(), fullExample(), kFinished);
    for (std::size_t length = 5; length < payload.size(); ++length)
        CHECK(refusal(payload.substr(0, length)) == Kind::Damaged);
    CHECK(refusal(payload + "0") == Kind::Damaged);
    CHECK(refusal(payload + "00") == Kind::Damaged);
    CHECK(refusal(payload + "000") == Kind::Damaged);
    CHECK(refusal("SP1:") == Kind::Damaged);
}

TEST_CASE("Foreign text and codes are refused with their reason")
{
    CHECK(refusal("") == Kind::NotAPayload);
    CHECK(refusal("HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA") ==
          Kind::NotAPayload);
    CHECK(refusal("https://example.org/") == Kind::NotAPayload);
    CHECK(refusal("{\"resourceType\": \"QuestionnaireResponse\"}") == Kind::NotAPayload);
    CHECK(refusal("SP2:ABCDEF") == Kind::UnsupportedFormat);

    // A well-formed payload whose checksum is right but whose format is newer.
    std::string body = fromBase45(encodePayload(intake(), fullExample(), kFinished).substr(4)).value();
    body[0] = 2;
    CHECK(refusal("SP1:" + toBase45(body)) == Kind::Damaged); // the checksum covers the format byte
}

TEST_CASE("Answers to a questionnaire version the clinic does not have are refused clearly")
{
    json other = spinepath::questionnaire::test::readJson(spinepath::questionnaire::test::intakePath());
    other["version"] = "9.9.9";
    const auto newer = spinepath::questionnaire::Questionnaire::fromJson(other);
    const std::string payload = encodePayload(newer, fullExample(), kFinished);
    try {
        (void)decodePayload(payload, intake());
        FAIL("accepted");
    } catch (const HandoffError& error) {
        CHECK(error.kind() == Kind::UnknownQuestionnaire);
        CHECK_THAT(error.what(), Catch::Contains("9.9.9") && Catch::Contains(intake().version()));
        CHECK_THAT(error.what(), !Catch::Contains("Zo"));
    }
}

TEST_CASE("Answers that do not validate are never encoded, and messages never show an answer")
{
    json bad = fullExample();
    bad["peg.pain"] = 42;
    try {
        (void)encodePayload(intake(), bad, kFinished);
        FAIL("encoded");
    } catch (const HandoffError& error) {
        CHECK(error.kind() == Kind::InvalidAnswers);
        CHECK_THAT(error.what(), Catch::Contains("peg.pain") && !Catch::Contains("42"));
    }
    CHECK_THROWS_AS(encodePayload(intake(), json{{"no.such.item", true}}, kFinished), HandoffError);
}

TEST_CASE("The key of an answer set does not depend on how it travelled, and tells answer sets apart")
{
    const json answers = fullExample();
    CHECK(handoffKey(intake(), answers, kFinished) == handoffKey(intake(), answers, kFinished.addSecs(30)));
    CHECK(handoffKey(intake(), answers, kFinished) != handoffKey(intake(), answers, kFinished.addSecs(60)));
    json other = answers;
    other["peg.pain"] = answers["peg.pain"].get<int>() == 5 ? 6 : 5;
    CHECK(handoffKey(intake(), answers, kFinished) != handoffKey(intake(), other, kFinished));
    CHECK(handoffKey(intake(), answers, kFinished).size() == 64);
}
