#pragma once

#include "core/util/ContentProblem.h"

#include <optional>
#include <string>
#include <vector>

namespace spinepath {

struct ArticleGrade
{
    std::string id;
    std::string file;
    std::optional<double> grade; // Flesch-Kincaid, when it could be measured
    std::string language = "en";
    // Spanish: Fernández-Huerta reading ease (SpanishReadingEase), higher is easier.
    std::optional<double> ease;
};

struct ContentReport
{
    std::vector<ContentProblem> problems;
    std::vector<ArticleGrade> grades;
};

// Everything `spinepath-cli check-content` checks in a content folder: the
// questionnaire and rules (with their lint), clinic.json, every article's
// front matter, markup (what ArticleMarkup would drop is a problem) and reading
// grade (at most grade 8), every patient text of the rules (at most grade 6
// each), and that every article a rule or a link points to exists. Each other
// language (articles/es/) has every article, each "fairly easy" or easier
// by Fernández-Huerta, and a glossary with every term its articles link to.
[[nodiscard]] ContentReport checkContent(const std::string& contentDirectory);

} // namespace spinepath
