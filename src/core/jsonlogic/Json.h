#pragma once

#include "core/jsonlogic/Value.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <string>
#include <string_view>

namespace spinepath::jsonlogic {

// Deeper JSON than this is refused: recursion over it could exhaust the stack,
// and no rule or answer set comes anywhere near it.
inline constexpr int kMaxJsonDepth = 512;

// Parses JSON text with the depth limit; throws JsonError naming the problem.
[[nodiscard]] nlohmann::json parseJson(std::string_view text);

// Converts between nlohmann::json and Value. fromJson copies strings into the
// arena; numbers become doubles as in JavaScript.
[[nodiscard]] Value fromJson(const nlohmann::json& json, Arena& arena);
[[nodiscard]] nlohmann::json toJson(const Value& value);

// Appends the value as compact JSON, byte for byte what JSON.stringify writes
// (NaN and Infinity become null), so results compare with JavaScript engines.
// Throws LimitError when `out` would grow past `limit` bytes (the items of an
// evaluated result may share one long string), or for nesting deeper than
// kMaxJsonDepth; what was appended before stays in `out`.
void appendJson(std::string& out, const Value& value,
                std::size_t limit = std::numeric_limits<std::size_t>::max());

} // namespace spinepath::jsonlogic
