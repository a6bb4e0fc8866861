#pragma once

#include <string>

namespace spinepath {

// Reads a whole file ("-" is standard input). Throws std::runtime_error that
// names the file and the reason (missing, unreadable, a folder).
[[nodiscard]] std::string readTextFile(const std::string& path);

} // namespace spinepath
