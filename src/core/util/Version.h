#pragma once

#include <string_view>

namespace spinepath {

// The program's version, from the CMake project version.
[[nodiscard]] std::string_view version() noexcept;

} // namespace spinepath
