#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace spinepath::cli {

// The words after the command name. Options are taken out by name; what is
// left are the positional arguments, and anything unknown is a usage error.
class Arguments final
{
public:
    explicit Arguments(std::vector<std::string> words);

    // Removes "--name" and reports whether it was there.
    bool takeFlag(const std::string& name);
    // Removes "--name VALUE" or "--name=VALUE"; throws UsageError without a value.
    std::optional<std::string> takeOption(const std::string& name);
    // The remaining words; throws UsageError for a leftover "--option".
    [[nodiscard]] std::vector<std::string> positionals() const;

private:
    std::vector<std::string> m_words;
};

// A command line that does not make sense; main prints it with the usage.
class UsageError final : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace spinepath::cli
