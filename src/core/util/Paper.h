#pragma once

#include <optional>
#include <string_view>

namespace spinepath {

// The paper a clinic prints on. Reports lay out for it, and the clinic's
// settings store it; neither needs the other to name it.
enum class Paper
{
    A4,
    Letter
};

// "a4" or "letter": how a paper size is stored and given on the command line.
[[nodiscard]] constexpr std::string_view toString(Paper paper) noexcept
{
    return paper == Paper::Letter ? "letter" : "a4";
}

// The paper named by toString; nothing for anything else.
[[nodiscard]] constexpr std::optional<Paper> paperFromString(std::string_view text) noexcept
{
    if (text == toString(Paper::A4))
        return Paper::A4;
    if (text == toString(Paper::Letter))
        return Paper::Letter;
    return std::nullopt;
}

} // namespace spinepath
