#include "core/jsonlogic/Arena.h"

#include "core/jsonlogic/Errors.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace spinepath::jsonlogic {

Arena::Arena(std::size_t firstBlockSize, std::size_t limit)
    : m_limit(limit)
{
    addBlock(std::min(firstBlockSize, limit));
}

void Arena::throwLimitReached() const
{
    throw LimitError(m_limit);
}

void Arena::addBlock(std::size_t minimumSize)
{
    const std::size_t available = m_reserved < m_limit ? m_limit - m_reserved : 0;
    if (minimumSize > available)
        throwLimitReached();
    const std::size_t previous = m_blocks.empty() ? 0 : m_blocks.back().size;
    // Doubling keeps the number of blocks small; near the limit the last
    // block takes what is left, so the bound is the limit, not twice it.
    const std::size_t size = std::min(std::max(minimumSize, previous * 2), available);
    Block block{std::make_unique_for_overwrite<std::byte[]>(std::max<std::size_t>(size, 1)), size};
    m_cursor = block.memory.get();
    m_end = m_cursor + size;
    m_reserved += size;
    m_blocks.push_back(std::move(block));
}

void* Arena::allocate(std::size_t size, std::size_t alignment)
{
    auto aligned = [&](std::byte* p) {
        const auto address = reinterpret_cast<std::uintptr_t>(p);
        return reinterpret_cast<std::byte*>((address + alignment - 1) & ~(alignment - 1));
    };
    // Compared as sizes, not pointers: start + size could point past any
    // object (undefined) or wrap for a size near SIZE_MAX.
    std::byte* start = aligned(m_cursor);
    if (start > m_end || size > static_cast<std::size_t>(m_end - start)) {
        if (size > m_limit - std::min(m_limit, alignment))
            throwLimitReached();
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
    m_reserved = m_blocks.front().size;
}

} // namespace spinepath::jsonlogic
