#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace spinepath::handoff {

// The handoff payload packs answers bit by bit: a Yes/No is one bit, a choice
// among five options three. Numbers are varints (7 bits and a "more" bit per
// group), so small ones stay small; text is a varint length and its bytes.

class PayloadBitWriter final
{
public:
    // The low `count` bits of `value`, most significant first (count <= 32).
    void bits(std::uint32_t value, int count);
    void varint(std::uint64_t value);
    // Zig-zag: small negative numbers stay small too.
    void signedVarint(std::int64_t value);
    void text(std::string_view bytes);
    // The bytes so far, the last one padded with zero bits.
    [[nodiscard]] const std::string& bytes() const noexcept { return m_bytes; }

private:
    std::string m_bytes;
    int m_used = 8; // bits used in the last byte
};

// Reading past the end, or a varint or length that cannot be right, throws
// PayloadTruncated: the decoder turns it into "damaged".
class PayloadTruncated final : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class PayloadBitReader final
{
public:
    explicit PayloadBitReader(std::string_view bytes)
        : m_bytes(bytes)
    {}
    [[nodiscard]] std::uint32_t bits(int count);
    [[nodiscard]] std::uint64_t varint();
    [[nodiscard]] std::int64_t signedVarint();
    [[nodiscard]] std::string text();
    // Whether only the padding of the last byte (all zero) is left.
    [[nodiscard]] bool atEnd() const;

private:
    std::string_view m_bytes;
    std::size_t m_position = 0; // in bits
};

// How many bits hold a choice among `count` options (0 for one option).
[[nodiscard]] int bitsFor(std::size_t count) noexcept;

} // namespace spinepath::handoff
