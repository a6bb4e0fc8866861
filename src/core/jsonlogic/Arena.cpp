#include "core/jsonlogic/Arena.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace spinepath::jsonlogic {

Arena::Arena(std::size_t firstBlockSize)
{
    addBlock(firstBlockSize);
}

void Arena::addBlock(std::size_t minimumSize)
{
    const std::size_t previous = m_blocks.empty() ? 0 : m_blocks.back().size;
    const std::size_t size = std::max(minimumSize, previous * 2);
    Block block{std::make_unique_for_overwrite<std::byte[]>(size), size};
    m_cursor = block.memory.get();
    m_end = m_cursor + size;
    m_blocks.push_back(std::move(block));
}

void* Arena::allocate(std::size_t size, std::size_t alignment)
{
    auto aligned = [&](std::byte* p) {
        const auto address = reinterpret_cast<std::uintptr_t>(p);
        return reinterpret_cast<std::byte*>((address + alignment - 1) & ~(alignment - 1));
    };
    std::byte* start = aligned(m_cursor);
    if (start + size > m_end) {
        addBlock(size + alignment);
        start = aligned(m_cursor);
    }
    m_cursor = start + size;
    return start;
}

std::string_view Arena::copy(std::string_view text)
{
    if (text.empty())
        return {};
    char* target = allocateArray<char>(text.size());
    std::memcpy(target, text.data(), text.size());
    return {target, text.size()};
}

void Arena::reset() noexcept
{
    if (m_blocks.size() > 1) {
        auto largest = std::max_element(m_blocks.begin(), m_blocks.end(),
                                        [](const Block& a, const Block& b) { return a.size < b.size; });
        Block keep = std::move(*largest);
        m_blocks.clear();
        m_blocks.push_back(std::move(keep));
    }
    m_cursor = m_blocks.front().memory.get();
    m_end = m_cursor + m_blocks.front().size;
}

} // namespace spinepath::jsonlogic
