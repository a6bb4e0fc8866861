#include "core/handoff/PayloadBits.h"

namespace spinepath::handoff {

void PayloadBitWriter::bits(std::uint32_t value, int count)
{
    for (int bit = count - 1; bit >= 0; --bit) {
        if (m_used == 8) {
            m_bytes.push_back('\0');
            m_used = 0;
        }
        if ((value >> bit) & 1U)
            m_bytes.back() =
                static_cast<char>(static_cast<unsigned char>(m_bytes.back()) | (0x80U >> m_used));
        ++m_used;
    }
}

void PayloadBitWriter::varint(std::uint64_t value)
{
    while (value >= 0x80) {
        bits(static_cast<std::uint32_t>((value & 0x7F) | 0x80), 8);
        value >>= 7;
    }
    bits(static_cast<std::uint32_t>(value), 8);
}

void PayloadBitWriter::signedVarint(std::int64_t value)
{
    varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
}

void PayloadBitWriter::text(std::string_view bytes)
{
    varint(bytes.size());
    for (const char byte : bytes)
        bits(static_cast<unsigned char>(byte), 8);
}

std::uint32_t PayloadBitReader::bits(int count)
{
    if (m_position + static_cast<std::size_t>(count) > m_bytes.size() * 8)
        throw PayloadTruncated("the payload ends too early");
    std::uint32_t value = 0;
    for (int bit = 0; bit < count; ++bit, ++m_position) {
        const auto byte = static_cast<unsigned char>(m_bytes[m_position / 8]);
        value = (value << 1) | ((byte >> (7 - m_position % 8)) & 1U);
    }
    return value;
}

std::uint64_t PayloadBitReader::varint()
{
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        const std::uint32_t group = bits(8);
        value |= static_cast<std::uint64_t>(group & 0x7F) << shift;
        if (!(group & 0x80))
            return value;
    }
    throw PayloadTruncated("a number in the payload is too long");
}

std::int64_t PayloadBitReader::signedVarint()
{
    const std::uint64_t value = varint();
    return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

std::string PayloadBitReader::text()
{
    const std::uint64_t length = varint();
    if (length > m_bytes.size())
        throw PayloadTruncated("a text in the payload is longer than the payload");
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(length));
    for (std::uint64_t i = 0; i < length; ++i)
        bytes.push_back(static_cast<char>(bits(8)));
    return bytes;
}

bool PayloadBitReader::atEnd() const
{
    if (m_bytes.size() * 8 - m_position >= 8)
        return false;
    for (std::size_t bit = m_position; bit < m_bytes.size() * 8; ++bit)
        if ((static_cast<unsigned char>(m_bytes[bit / 8]) >> (7 - bit % 8)) & 1U)
            return false;
    return true;
}

int bitsFor(std::size_t count) noexcept
{
    int bits = 0;
    while ((std::size_t{1} << bits) < count)
        ++bits;
    return bits;
}

} // namespace spinepath::handoff
