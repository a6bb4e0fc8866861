#pragma once

// The seed of a randomised test. Every such test prints the seed it uses, and
// SPINEPATH_TEST_SEED=N replays a failure with seed N.

#include <catch2/catch.hpp>

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>

namespace spinepath::test {

// SPINEPATH_TEST_SEED when set; else `fallback` (a fixed seed keeps a property
// run the same every time), or, without one, a fresh seed so that each run
// tries new cases. `what` names the test in the printed line.
inline std::uint32_t testSeed(std::string_view what, std::optional<std::uint32_t> fallback = std::nullopt)
{
    std::uint32_t seed = 0;
    const char* text = std::getenv("SPINEPATH_TEST_SEED");
    const std::string_view given = text ? std::string_view(text) : std::string_view();
    if (!given.empty()) {
        const auto [end, error] = std::from_chars(given.data(), given.data() + given.size(), seed);
        if (error != std::errc() || end != given.data() + given.size())
            throw std::invalid_argument(
                "SPINEPATH_TEST_SEED must be a whole number from 0 to 4294967295, not \"" +
                std::string(given) + "\"");
    } else {
        seed = fallback ? *fallback : std::random_device{}();
    }
    // On stdout, so that ctest --output-on-failure shows it with the failure.
    std::cout << what << ": seed " << seed << " (SPINEPATH_TEST_SEED=" << seed << " replays it)" << std::endl;
    return seed;
}

} // namespace spinepath::test
