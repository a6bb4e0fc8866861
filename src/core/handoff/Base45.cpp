#include "core/handoff/Base45.h"

#include <array>

namespace spinepath::handoff {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

constexpr std::array<signed char, 256> makeIndex()
{
    std::array<signed char, 256> index{};
    index.fill(-1);
    for (std::size_t i = 0; i < kAlphabet.size(); ++i)
        index[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    return index;
}

constexpr std::array<signed char, 256> kIndex = makeIndex();

} // namespace

std::string toBase45(std::string_view bytes)
{
    std::string text;
    text.reserve(bytes.size() / 2 * 3 + 2);
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        unsigned value =
            static_cast<unsigned char>(bytes[i]) * 256U + static_cast<unsigned char>(bytes[i + 1]);
        for (int digit = 0; digit < 3; ++digit) {
            text.push_back(kAlphabet[value % 45]);
            value /= 45;
        }
    }
    if (i < bytes.size()) {
        unsigned value = static_cast<unsigned char>(bytes[i]);
        text.push_back(kAlphabet[value % 45]);
        text.push_back(kAlphabet[value / 45]);
    }
    return text;
}

std::optional<std::string> fromBase45(std::string_view text)
{
    if (text.size() % 3 == 1)
        return std::nullopt;
    std::string bytes;
    bytes.reserve(text.size() / 3 * 2 + 1);
    for (std::size_t i = 0; i < text.size(); i += 3) {
        const std::size_t count = std::min<std::size_t>(3, text.size() - i);
        unsigned value = 0;
        unsigned weight = 1;
        for (std::size_t digit = 0; digit < count; ++digit) {
            const int index = kIndex[static_cast<unsigned char>(text[i + digit])];
            if (index < 0)
                return std::nullopt;
            value += static_cast<unsigned>(index) * weight;
            weight *= 45;
        }
        if (count == 3) {
            if (value > 0xFFFF)
                return std::nullopt;
            bytes.push_back(static_cast<char>(value >> 8));
            bytes.push_back(static_cast<char>(value & 0xFF));
        } else {
            if (value > 0xFF)
                return std::nullopt;
            bytes.push_back(static_cast<char>(value));
        }
    }
    return bytes;
}

} // namespace spinepath::handoff
