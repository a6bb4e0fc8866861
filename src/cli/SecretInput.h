#pragma once

#include <optional>
#include <string>

namespace spinepath::cli {

// A PIN typed at the command line is read from standard input, never taken
// from the arguments, which any user of the computer can see (ps,
// /proc/PID/cmdline) and the shell keeps in its history.

// True when standard input is a terminal that a person types into.
[[nodiscard]] bool inputIsTerminal();

// One line of standard input without its line end. On a terminal `prompt`
// goes to standard error and what is typed is not shown (echo is off until
// the line ends, and is restored if the program is interrupted). Nothing
// when input ends before a line, or the line is longer than `longest` bytes.
[[nodiscard]] std::optional<std::string> readSecretLine(const char* prompt, std::size_t longest);

} // namespace spinepath::cli
