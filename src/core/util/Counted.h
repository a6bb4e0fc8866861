#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace spinepath::util {

// "1 line", "3 lines": a count with its noun for the command line's English
// messages (the GUI's counts go through tr() with %n instead).
[[nodiscard]] inline std::string counted(std::size_t count, std::string_view one, std::string_view many)
{
    return std::to_string(count) + ' ' + std::string(count == 1 ? one : many);
}

} // namespace spinepath::util
