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
class Arena final
{
public:
    explicit Arena(std::size_t firstBlockSize = 16 * 1024);
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    Arena(Arena&&) noexcept = default;
    Arena& operator=(Arena&&) noexcept = default;
    ~Arena() = default;

    [[nodiscard]] void* allocate(std::size_t size, std::size_t alignment);

    template <typename T> [[nodiscard]] T* allocateArray(std::size_t count)
    {
        return static_cast<T*>(allocate(sizeof(T) * (count ? count : 1), alignof(T)));
    }

    // Copies the characters into the arena; the view stays valid until reset().
    [[nodiscard]] std::string_view copy(std::string_view text);

    // Frees everything allocated since construction, keeping the largest block.
    void reset() noexcept;

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
};

} // namespace spinepath::jsonlogic
