#include "AnswerNotes.h"
#include "core/util/Counted.h"

#include <cstdio>

namespace spinepath::cli {

namespace {

// A version as the input wrote it, safe for a terminal: no control characters
// (an escape sequence could rewrite what is on screen), and not too long.
std::string printable(const std::string& text)
{
    std::string safe;
    for (const char c : text.substr(0, 64))
        safe += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    return text.size() > 64 ? safe + "..." : safe;
}

std::string joined(const std::map<std::string, std::size_t>& counts, bool withCounts)
{
    std::string text;
    for (const auto& [key, count] : counts)
        text += (text.empty() ? "" : ", ") + key + (withCounts ? " (" + std::to_string(count) + ")" : "");
    return text;
}

} // namespace

void printAnswerNotes(const std::string& source, const scoring::InputNotes& notes)
{
    if (!notes.ignored.empty()) {
        std::string linkIds;
        for (const std::string& linkId : notes.ignored)
            linkIds += (linkIds.empty() ? "" : ", ") + linkId;
        std::fprintf(stderr, "spinepath-cli: %s: %s ignored because their questions are not shown: %s\n",
                     source.c_str(), util::counted(notes.ignored.size(), "answer", "answers").c_str(),
                     linkIds.c_str());
    }
    if (!notes.answeredVersion.empty())
        std::fprintf(stderr,
                     "spinepath-cli: %s: the response was written for version %s of the questionnaire; "
                     "it was read with the current version\n",
                     source.c_str(), printable(notes.answeredVersion).c_str());
}

void AnswerNotesTally::add(const scoring::InputNotes& notes)
{
    if (notes.ignored.empty() && notes.answeredVersion.empty())
        return;
    const std::lock_guard lock(m_mutex);
    if (!notes.ignored.empty())
        ++m_linesWithIgnored;
    for (const std::string& linkId : notes.ignored)
        ++m_ignored[linkId];
    if (!notes.answeredVersion.empty())
        ++m_versions[notes.answeredVersion];
}

void AnswerNotesTally::print() const
{
    const std::lock_guard lock(m_mutex);
    std::size_t answers = 0;
    for (const auto& [linkId, count] : m_ignored)
        answers += count;
    if (answers > 0)
        std::fprintf(stderr, "spinepath-cli: %s on %s ignored because their questions are not shown: %s\n",
                     util::counted(answers, "answer", "answers").c_str(),
                     util::counted(m_linesWithIgnored, "line", "lines").c_str(),
                     joined(m_ignored, true).c_str());
    for (const auto& [version, lines] : m_versions)
        std::fprintf(stderr,
                     "spinepath-cli: %s written for version %s of the questionnaire; read with the current "
                     "version\n",
                     util::counted(lines, "line was", "lines were").c_str(), printable(version).c_str());
}

} // namespace spinepath::cli
