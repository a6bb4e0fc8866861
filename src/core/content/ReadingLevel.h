#pragma once

#include <optional>
#include <string>

namespace spinepath {

// Measures the reading grade of patient text with GNU style (the diction
// package), the tool the clinic's content rules name. Markdown is turned into
// plain sentences first, so headings and list items count as sentences.
class ReadingLevel final
{
public:
    static constexpr double kMaximumGrade = 8.0;
    // Questions, reasons, flag and note texts: each short text on its own.
    static constexpr double kMaximumShortTextGrade = 6.0;

    // Markdown without syntax: headings, lists, emphasis, links and images
    // (alt text kept as a sentence), one sentence per line where it can.
    [[nodiscard]] static std::string plainText(const std::string& markdown);

    // The Flesch-Kincaid grade, or nothing with a reason in `error` (style
    // missing, or it failed).
    [[nodiscard]] static std::optional<double> fleschKincaid(const std::string& plainText,
                                                             std::string& error);
};

} // namespace spinepath
