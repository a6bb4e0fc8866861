#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace spinepath::jsonlogic {

// A bump allocator for the values of one evaluation. Everything a rule builds
// while it runs (arrays, strings, objects) lives here and is released in one
// step by reset(), so evaluation never calls malloc per value. The first block
// is kept across resets, which makes a streaming loop allocation-free.
//
// The arena is also the memory bound of an evaluation: its blocks never add up
// to more than limit() bytes, and an allocation past it throws LimitError. A
// rule that doubles a string in a reduce stops there with a clear message
// instead of growing until the machine runs out of memory.
class Arena final
{
public:
    // The default bound of one evaluation: far above what the clinical rules
    // need (a few kilobytes), far below what a kiosk or a server can spare.
    static constexpr std::size_t kDefaultLimit = std::size_t{256} * 1024 * 1024;

    explicit Arena(std::size_t firstBlockSize = 16 * 1024, std::size_t limit = kDefaultLimit);
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    Arena(Arena&&) noexcept = default;
    Arena& operator=(Arena&&) noexcept = default;
    ~Arena() = default;

    // Throws LimitError when the arena would grow past limit().
    [[nodiscard]] void* allocate(std::size_t size, std::size_t alignment);

    template <typename T> [[nodiscard]] T* allocateArray(std::size_t count)
    {
        if (count > limit() / sizeof(T))
            throwLimitReached(); // sizeof(T) * count would pass the limit, or wrap
        return static_cast<T*>(allocate(sizeof(T) * (count ? count : 1), alignof(T)));
    }

    // Copies the characters into the arena; the view stays valid until reset().
    [[nodiscard]] std::string_view copy(std::string_view text);

    // Frees everything allocated since construction, keeping the largest block.
    void reset() noexcept;

    // The most memory the blocks may hold together, in bytes. A smaller limit
    // than what is already held applies from the next allocation on.
    [[nodiscard]] std::size_t limit() const noexcept { return m_limit; }
    void setLimit(std::size_t bytes) noexcept { m_limit = bytes; }
    // The memory the blocks hold now, in bytes.
    [[nodiscard]] std::size_t reserved() const noexcept { return m_reserved; }

    // Throws the LimitError of this arena ("needs more than N MiB").
    [[noreturn]] void throwLimitReached() const;

private:
    struct Block
    {
        std::unique_ptr<std::byte[]> memory;
        std::size_t size = 0;
    };

    void addBlock(std::size_t minimumSize);

    std::vector<Block> m_blocks;
    std::byte* m_cursor = nullptr;
    std::byte* m_end = nullptr;
    std::size_t m_limit = kDefaultLimit;
    std::size_t m_reserved = 0;
};

} // namespace spinepath::jsonlogic
