#pragma once

#include "core/util/ContentProblem.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace spinepath::scoring {

class Ruleset;

// The texts of the rules that a patient reads (category titles and texts,
// flag texts, factor reasons, note texts) in one language. English is the
// ruleset's own; another language is a file of content/rules/translations/
// named after it (es.json) that keys each text by the id of its rule, so the
// conditions, weights and ids stay in one place. See docs/content-authoring.md.
class RuleTexts final
{
public:
    static constexpr const char* kFolder = "rules/translations";

    // The texts in `language` ("es", "es-US"); the ruleset's own when the
    // folder has no file for it. A text the file lacks is the ruleset's
    // (check() reports it, so shipped content never does this).
    [[nodiscard]] static RuleTexts load(const std::string& contentDirectory, const Ruleset& ruleset,
                                        std::string_view language);
    // "en" and the language of every file in kFolder.
    [[nodiscard]] static std::set<std::string> languages(const std::string& contentDirectory);
    // Every file of kFolder against the ruleset: a malformed file, a rule
    // without its text, a text for no rule.
    [[nodiscard]] static std::vector<ContentProblem> check(const std::string& contentDirectory,
                                                           const Ruleset& ruleset);

    [[nodiscard]] const std::string& language() const noexcept { return m_language; }
    // Each by the rule's id; empty when the ruleset has no such rule.
    [[nodiscard]] std::string categoryTitle(const std::string& id) const;
    [[nodiscard]] std::string categoryText(const std::string& id) const;
    [[nodiscard]] std::string flag(const std::string& id) const;
    [[nodiscard]] std::string reason(const std::string& id) const;
    [[nodiscard]] std::string note(const std::string& id) const;

private:
    RuleTexts(const Ruleset& ruleset, std::string language, nlohmann::json texts);
    [[nodiscard]] std::string translated(const char* part, const std::string& id, const char* key) const;

    const Ruleset* m_ruleset;
    std::string m_language;
    nlohmann::json m_texts; // the translation file, null for the ruleset's own language
};

} // namespace spinepath::scoring
