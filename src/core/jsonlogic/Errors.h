#pragma once

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

} // namespace spinepath::jsonlogic
