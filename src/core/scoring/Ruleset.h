#pragma once

#include "core/jsonlogic/Rule.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace spinepath::scoring {

// How serious a flag is, and what that means for the patient. The ruleset
// lists its severities highest first (clinical spec v2: emergency, urgent,
// review); a result's severity is the highest among its fired flags.
struct SeverityRule
{
    std::string id;
    bool interrupts = false; // the questionnaire stops at once to say what to do now
    bool alert = false;      // the patient is told to act; otherwise a physician simply looks first
};

struct FlagRule
{
    std::string id;
    std::string severity; // the id of one of the ruleset's severities
    std::string title;
    std::string clinical; // for the physician
    std::string patient;  // plain language
    std::vector<std::string> articles;
};

struct CategoryRule
{
    std::string id;
    std::string title;    // plain language, for the results page
    std::string patient;  // what it means, in plain language
    std::string clinical; // for the physician summary
};

struct FactorRule
{
    std::string id;
    std::string pathway; // the score it counts toward, one of the ruleset's pathways; "none" is listed only
    int weight = 0;      // negative weights count against the pathway
    std::string reason;  // plain language
    std::vector<std::string> articles;
};

struct NoteRule
{
    std::string id;
    std::string text;     // plain language
    std::string clinical; // for the physician
    std::vector<std::string> articles;
};

// The clinical rules of content/rules/*.json, checked and compiled once.
// Every condition is JsonLogic; this class only knows the file's layout and
// the order of the stages: derived concepts, flags, category (first match),
// factors, notes. See docs/content-authoring.md.
class Ruleset final
{
public:
    // Throws ContentError naming the file, the JSON pointer and the problem.
    [[nodiscard]] static Ruleset fromJson(const nlohmann::json& source, const std::string& file);
    [[nodiscard]] static Ruleset fromFile(const std::string& path);

    Ruleset(Ruleset&&) noexcept = default;
    Ruleset& operator=(Ruleset&&) noexcept = default;
    Ruleset(const Ruleset&) = delete;
    Ruleset& operator=(const Ruleset&) = delete;
    ~Ruleset() = default;

    [[nodiscard]] const std::string& id() const noexcept { return m_id; }
    [[nodiscard]] const std::string& version() const noexcept { return m_version; }
    [[nodiscard]] const std::string& title() const noexcept { return m_title; }
    [[nodiscard]] const std::string& questionnaire() const noexcept { return m_questionnaire; }
    [[nodiscard]] const std::string& file() const noexcept { return m_file; }
    [[nodiscard]] const nlohmann::json& source() const noexcept { return m_source; }
    [[nodiscard]] int scoreMin() const noexcept { return m_scoreMin; }
    [[nodiscard]] int scoreMax() const noexcept { return m_scoreMax; }

    struct Derived
    {
        std::string name;
        jsonlogic::Rule rule;
    };
    [[nodiscard]] const std::vector<Derived>& derived() const noexcept { return m_derived; }

    // The pathways, each with its own score, in the order listed; a factor
    // of pathway "none" counts toward none of them.
    [[nodiscard]] const std::vector<std::string>& pathways() const noexcept { return m_pathways; }
    [[nodiscard]] bool hasPathway(const std::string& id) const;

    // Highest first.
    [[nodiscard]] const std::vector<SeverityRule>& severities() const noexcept { return m_severities; }
    [[nodiscard]] const std::vector<FlagRule>& flags() const noexcept { return m_flags; }
    [[nodiscard]] const std::vector<CategoryRule>& categories() const noexcept { return m_categories; }
    [[nodiscard]] const std::vector<FactorRule>& factors() const noexcept { return m_factors; }
    [[nodiscard]] const std::vector<NoteRule>& notes() const noexcept { return m_notes; }

    // Each stage's conditions compiled as one array rule, in the order above.
    [[nodiscard]] const jsonlogic::Rule& flagConditions() const noexcept { return m_flagConditions; }
    [[nodiscard]] const jsonlogic::Rule& categoryConditions() const noexcept { return m_categoryConditions; }
    [[nodiscard]] const jsonlogic::Rule& factorConditions() const noexcept { return m_factorConditions; }
    [[nodiscard]] const jsonlogic::Rule& noteConditions() const noexcept { return m_noteConditions; }

    [[nodiscard]] const SeverityRule* findSeverity(std::string_view id) const;
    [[nodiscard]] const CategoryRule* findCategory(std::string_view id) const;
    [[nodiscard]] const FlagRule* findFlag(std::string_view id) const;
    [[nodiscard]] const FactorRule* findFactor(std::string_view id) const;
    [[nodiscard]] const NoteRule* findNote(std::string_view id) const;

    // The operations rules may use: the standard ones and "round".
    [[nodiscard]] static const jsonlogic::OperatorRegistry& operators();

private:
    Ruleset() = default;

    std::string m_id, m_version, m_title, m_questionnaire, m_file;
    nlohmann::json m_source;
    int m_scoreMin = 0;
    int m_scoreMax = 100;
    std::vector<Derived> m_derived;
    std::vector<SeverityRule> m_severities;
    std::vector<FlagRule> m_flags;
    std::vector<CategoryRule> m_categories;
    std::vector<FactorRule> m_factors;
    std::vector<NoteRule> m_notes;
    std::vector<std::string> m_pathways;
    jsonlogic::Rule m_flagConditions, m_categoryConditions, m_factorConditions, m_noteConditions;

    friend class RulesetReader;
};

} // namespace spinepath::scoring
