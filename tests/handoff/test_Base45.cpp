#include "core/handoff/Base45.h"

#include "support/TestSeed.h"

#include <catch2/catch.hpp>

#include <random>

using namespace spinepath::handoff;

TEST_CASE("Base45 matches the examples of RFC 9285")
{
    CHECK(toBase45("AB") == "BB8");
    CHECK(toBase45("Hello!!") == "%69 VD92EX0");
    CHECK(toBase45("base-45") == "UJCLQE7W581");
    CHECK(toBase45("ietf!") == "QED8WEX0");
    CHECK(fromBase45("QED8WEX0") == std::string("ietf!"));
    CHECK(fromBase45("%69 VD92EX0") == std::string("Hello!!"));
    CHECK(fromBase45("") == std::string());
}

TEST_CASE("Base45 refuses what it cannot be")
{
    CHECK_FALSE(fromBase45("GGW")); // 65536 + ... : more than two bytes hold
    CHECK_FALSE(fromBase45("ZZZ"));
    CHECK_FALSE(fromBase45("BB8A")); // one character over
    CHECK_FALSE(fromBase45("bb8"));  // small letters are no Base45
    CHECK_FALSE(fromBase45("B#8"));
    CHECK_FALSE(fromBase45(":Z")); // one byte cannot be more than 255
}

TEST_CASE("Base45 round-trips any bytes")
{
    std::mt19937 rng(spinepath::test::testSeed("Base45 round trip", 45));
    for (int run = 0; run < 2000; ++run) {
        std::string bytes(static_cast<std::size_t>(rng() % 64), '\0');
        for (char& byte : bytes)
            byte = static_cast<char>(rng() & 0xFF);
        const std::string text = toBase45(bytes);
        REQUIRE(text.size() == bytes.size() / 2 * 3 + (bytes.size() % 2) * 2);
        REQUIRE(fromBase45(text) == bytes);
    }
}
