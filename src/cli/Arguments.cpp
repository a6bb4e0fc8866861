#include "Arguments.h"

#include <algorithm>
#include <stdexcept>

namespace spinepath::cli {

Arguments::Arguments(std::vector<std::string> words)
    : m_words(std::move(words))
{}

bool Arguments::takeFlag(const std::string& name)
{
    const auto it = std::find(m_words.begin(), m_words.end(), name);
    if (it == m_words.end())
        return false;
    m_words.erase(it);
    return true;
}

std::optional<std::string> Arguments::takeOption(const std::string& name)
{
    for (auto it = m_words.begin(); it != m_words.end(); ++it) {
        if (*it == name) {
            if (it + 1 == m_words.end())
                throw UsageError(name + " needs a value");
            std::string value = *(it + 1);
            m_words.erase(it, it + 2);
            return value;
        }
        if (it->starts_with(name + "=")) {
            std::string value = it->substr(name.size() + 1);
            m_words.erase(it);
            return value;
        }
    }
    return std::nullopt;
}

std::vector<std::string> Arguments::positionals() const
{
    for (const std::string& word : m_words)
        if (word.size() > 1 && word.starts_with("--"))
            throw UsageError("unknown option " + word);
    return m_words;
}

} // namespace spinepath::cli
