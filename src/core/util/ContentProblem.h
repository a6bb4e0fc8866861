#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace spinepath {

// One thing wrong with a content file, precise enough to fix it: which file,
// where in it (a JSON pointer, or a line for Markdown), and what is wrong.
struct ContentProblem
{
    std::string file;
    std::string pointer;
    std::string message;

    [[nodiscard]] std::string describe() const
    {
        return file + (pointer.empty() ? std::string() : " at " + pointer) + ": " + message;
    }
};

// Content that cannot be used. The program refuses it and says why.
class ContentError final : public std::runtime_error
{
public:
    explicit ContentError(std::vector<ContentProblem> problems)
        : std::runtime_error(summarize(problems))
        , m_problems(std::move(problems))
    {}
    explicit ContentError(ContentProblem problem)
        : ContentError(std::vector<ContentProblem>{std::move(problem)})
    {}

    [[nodiscard]] const std::vector<ContentProblem>& problems() const noexcept { return m_problems; }

private:
    static std::string summarize(const std::vector<ContentProblem>& problems)
    {
        std::string text;
        for (const ContentProblem& problem : problems)
            text += (text.empty() ? "" : "\n") + problem.describe();
        return text;
    }

    std::vector<ContentProblem> m_problems;
};

} // namespace spinepath
