// Arena: the bump allocator behind every evaluation.
#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Value.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

using spinepath::jsonlogic::Arena;
using spinepath::jsonlogic::Value;

namespace {

bool aligned(const void* p, std::size_t alignment)
{
    return reinterpret_cast<std::uintptr_t>(p) % alignment == 0;
}

} // namespace

TEST_CASE("Arena aligns every allocation as asked", "[jsonlogic][Arena]")
{
    Arena arena(256);
    for (std::size_t alignment : {1u, 2u, 4u, 8u, 16u, 32u, 64u}) {
        for (std::size_t size : {1u, 3u, 7u, 13u, 100u}) {
            // An odd-sized allocation first, so the cursor is misaligned.
            (void)arena.allocate(1, 1);
            void* p = arena.allocate(size, alignment);
            INFO("size " << size << ", alignment " << alignment);
            CHECK(aligned(p, alignment));
            std::memset(p, 0xAB, size);
        }
    }
    CHECK(aligned(arena.allocateArray<Value>(3), alignof(Value)));
    CHECK(aligned(arena.allocateArray<Value::Member>(5), alignof(Value::Member)));
    CHECK(aligned(arena.allocateArray<double>(1), alignof(double)));
}

TEST_CASE("Arena allocations do not overlap", "[jsonlogic][Arena]")
{
    Arena arena(128);
    std::vector<std::pair<unsigned char*, std::size_t>> blocks;
    for (std::size_t i = 0; i < 500; ++i) {
        const std::size_t size = 1 + (i * 37) % 200;
        auto* p = static_cast<unsigned char*>(arena.allocate(size, 8));
        std::memset(p, static_cast<int>(i % 251), size);
        blocks.emplace_back(p, size);
    }
    for (std::size_t i = 0; i < blocks.size(); ++i)
        for (std::size_t j = 0; j < blocks[i].second; ++j)
            REQUIRE(blocks[i].first[j] == static_cast<unsigned char>(i % 251));
}

TEST_CASE("Arena serves allocations larger than its first block", "[jsonlogic][Arena]")
{
    Arena arena(64);
    const std::size_t big = 1 << 20;
    auto* p = static_cast<unsigned char*>(arena.allocate(big, 16));
    REQUIRE(p != nullptr);
    CHECK(aligned(p, 16));
    p[0] = 1;
    p[big - 1] = 2;
    // A small allocation after it still works, and neither overwrites the other.
    auto* q = static_cast<unsigned char*>(arena.allocate(8, 8));
    std::memset(q, 7, 8);
    CHECK(p[0] == 1);
    CHECK(p[big - 1] == 2);
    // Larger than every block so far, with a large alignment.
    auto* r = static_cast<unsigned char*>(arena.allocate(3 * big, 64));
    CHECK(aligned(r, 64));
    r[3 * big - 1] = 3;
    CHECK(p[big - 1] == 2);
}

TEST_CASE("Arena::copy keeps its own copy of the text", "[jsonlogic][Arena]")
{
    Arena arena(32);
    std::string source = "answer: lumbar";
    const std::string_view copy = arena.copy(source);
    source[0] = 'X';
    CHECK(copy == "answer: lumbar");
    CHECK(copy.data() != source.data());
    CHECK(arena.copy("").empty());

    // Text longer than the first block.
    const std::string longText(10000, 'q');
    CHECK(arena.copy(longText) == longText);
    const std::string withNul("a\0b", 3);
    CHECK(arena.copy(withNul) == withNul);
}

TEST_CASE("Arena::reset reuses the memory", "[jsonlogic][Arena]")
{
    Arena arena(1024);
    void* first = arena.allocate(16, 8);
    (void)arena.allocate(100, 8);
    arena.reset();
    CHECK(arena.allocate(16, 8) == first);

    // After growing past the first block, reset keeps the largest block and
    // starts over at its beginning.
    for (int i = 0; i < 50; ++i)
        (void)arena.allocate(1000, 8);
    arena.reset();
    void* start = arena.allocate(1000, 8);
    for (int i = 0; i < 10; ++i)
        (void)arena.allocate(1000, 8);
    arena.reset();
    CHECK(arena.allocate(1000, 8) == start);

    // Many rounds of the same work do not grow without bound.
    for (int round = 0; round < 1000; ++round) {
        arena.reset();
        for (int i = 0; i < 20; ++i)
            std::memset(arena.allocate(4000, 16), round & 0xFF, 4000);
    }
    arena.reset();
    void* steady = arena.allocate(8, 8);
    arena.reset();
    CHECK(arena.allocate(8, 8) == steady);
}

TEST_CASE("Arena can be moved", "[jsonlogic][Arena]")
{
    Arena arena(64);
    const std::string_view text = arena.copy("kept");
    Arena moved = std::move(arena);
    CHECK(text == "kept");
    CHECK(moved.copy("more") == "more");
}

TEST_CASE("Arena never holds more than its limit and says so", "[jsonlogic][Arena]")
{
    constexpr std::size_t kLimit = 1024 * 1024;
    Arena arena(1024, kLimit);
    CHECK(arena.limit() == kLimit);
    // Doubling blocks stop at the limit instead of overshooting it.
    for (int i = 0; i < 1000; ++i) {
        try {
            std::memset(arena.allocate(10000, 8), 1, 10000);
        } catch (const spinepath::jsonlogic::LimitError& error) {
            CHECK(std::string(error.what()) ==
                  "the evaluation needs more than 1 MiB of memory, the limit for one evaluation");
            break;
        }
        REQUIRE(arena.reserved() <= kLimit);
    }
    CHECK(arena.reserved() <= kLimit);
    CHECK(arena.reserved() > kLimit / 2);

    // A single allocation past the limit, and sizes that would wrap.
    CHECK_THROWS_AS(arena.allocate(kLimit + 1, 8), spinepath::jsonlogic::LimitError);
    CHECK_THROWS_AS(arena.allocate(SIZE_MAX, 8), spinepath::jsonlogic::LimitError);
    CHECK_THROWS_AS(arena.allocateArray<Value>(SIZE_MAX / 8), spinepath::jsonlogic::LimitError);
    CHECK_THROWS_AS((void)arena.copy(std::string(kLimit + 1, 'x')), spinepath::jsonlogic::LimitError);

    // After a reset the memory is there again.
    arena.reset();
    CHECK(arena.reserved() <= kLimit);
    CHECK(arena.copy("again") == "again");
}

TEST_CASE("Arena limits are configurable and default to 256 MiB", "[jsonlogic][Arena]")
{
    CHECK(Arena().limit() == Arena::kDefaultLimit);
    CHECK(Arena::kDefaultLimit == 256u * 1024 * 1024);
    Arena small(64, 4096);
    CHECK_NOTHROW(small.allocate(4000, 1));
    CHECK_THROWS_WITH(small.allocate(4000, 1),
                      "the evaluation needs more than 4096 bytes of memory, the limit for one evaluation");
    small.setLimit(64 * 1024);
    CHECK_NOTHROW(small.allocate(4000, 1));
}
