#pragma once

// Shared by the fuzz targets. Each target is one LLVMFuzzerTestOneInput; the
// same function runs under libFuzzer (make fuzz, clang, build-fuzz) and under
// the replay main of the normal build (make test), which feeds it every file
// of the seed corpus and of the regression folder.

#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/scoring/ScreeningContent.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace spinepath::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// The real content folder (the questionnaire and rules the answers are
// checked against), loaded once per process.
inline const scoring::ScreeningContent& content()
{
    static const scoring::ScreeningContent loaded =
        scoring::ScreeningContent::load(std::string(SPINEPATH_SOURCE_DIR) + "/content");
    return loaded;
}

// A broken invariant: print it and abort, so libFuzzer keeps the input as a
// crash and the replay test fails.
[[noreturn]] inline void fail(const std::string& what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

// Errors shown to people must say something: a JSON pointer or a reason.
inline void requireMessage(const char* message, const char* kind)
{
    if (message == nullptr || message[0] == '\0')
        fail(std::string(kind) + " with an empty message");
}

// The input as JSON, or nothing when it is not JSON (which must then be
// refused with a message).
inline std::optional<nlohmann::json> parseInput(const std::uint8_t* data, std::size_t size)
{
    try {
        return jsonlogic::parseJson(bytes(data, size));
    } catch (const jsonlogic::JsonError& error) {
        requireMessage(error.what(), "JsonError");
        return std::nullopt;
    }
}

// Picks from the input's bytes, round and round: the same input gives the
// same choices.
class Picker final
{
public:
    explicit Picker(std::string_view bytes)
        : m_bytes(bytes)
    {}

    int next(int below)
    {
        if (m_bytes.empty() || below <= 1)
            return 0;
        const auto byte = static_cast<unsigned char>(m_bytes[m_at++ % m_bytes.size()]);
        return static_cast<int>(byte) % below;
    }

private:
    std::string_view m_bytes;
    std::size_t m_at = 0;
};

} // namespace spinepath::fuzz
