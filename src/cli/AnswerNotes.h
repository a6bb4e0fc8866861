#pragma once

#include "core/scoring/Scorer.h"

#include <QtGlobal>

#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace spinepath::cli {

// Says on stderr what was left out of one answer set when it was accepted:
// how many answers were ignored because their questions are not shown, and
// for which linkIds, and that a response names another version of the
// questionnaire. Never a value. `source` is the file, or "line N".
void printAnswerNotes(const std::string& source, const scoring::InputNotes& notes);

// The same for a --jsonl run, summed over its lines and said once at the end,
// so a large run does not print a note per line. add() may be called from
// several workers at once.
class AnswerNotesTally final
{
public:
    AnswerNotesTally() = default;
    Q_DISABLE_COPY_MOVE(AnswerNotesTally)
    ~AnswerNotesTally() = default;

    void add(const scoring::InputNotes& notes);
    void print() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::size_t> m_ignored; // linkId -> answers ignored
    std::size_t m_linesWithIgnored = 0;
    std::map<std::string, std::size_t> m_versions; // other version -> lines
};

} // namespace spinepath::cli
