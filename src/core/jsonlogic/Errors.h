#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace spinepath::jsonlogic {

// A rule that cannot be compiled. pointer() is the RFC 6901 JSON pointer of
// the offending node inside the rule, so an author can find it in the file.
class RuleError final : public std::runtime_error
{
public:
    RuleError(const std::string& problem, std::string pointer)
        : std::runtime_error(problem + " at " + (pointer.empty() ? std::string("/") : pointer))
        , m_problem(problem)
        , m_pointer(std::move(pointer))
    {}

    [[nodiscard]] const std::string& problem() const noexcept { return m_problem; }
    [[nodiscard]] const std::string& pointer() const noexcept { return m_pointer; }

private:
    std::string m_problem;
    std::string m_pointer;
};

// Text that is not JSON, or JSON nested too deeply to be handled safely.
class JsonError final : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// An evaluation that needs more memory than its Arena allows, or a value too
// long to be held (more than 4,294,967,295 characters, items or members). The
// evaluation stops; nothing is cut short or wraps around.
class LimitError final : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
    // "the evaluation needs more than 256 MiB of memory, the limit for one evaluation"
    explicit LimitError(std::size_t arenaLimit)
        : std::runtime_error("the evaluation needs more than " + describeBytes(arenaLimit) +
                             " of memory, the limit for one evaluation")
    {}

private:
    static std::string describeBytes(std::size_t bytes)
    {
        constexpr std::size_t kMiB = 1024 * 1024;
        return bytes >= kMiB && bytes % kMiB == 0 ? std::to_string(bytes / kMiB) + " MiB"
                                                  : std::to_string(bytes) + " bytes";
    }
};

} // namespace spinepath::jsonlogic
