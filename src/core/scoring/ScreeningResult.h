#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spinepath::scoring {

struct FiredFactor
{
    std::string id;
    std::string pathway;
    int weight = 0;
    std::string reason;
};

// What the rules made of one answer set: the output of clinical spec section 4.
struct ScreeningResult
{
    std::string category;
    // One score per pathway of the rules (spec: "scores"), by pathway id.
    std::map<std::string, int> scores;
    std::vector<std::string> flags; // ids, in the ruleset's order
    std::string severity;           // the highest severity of the flags (the ruleset's ids), or empty
    std::vector<FiredFactor> factors;
    std::vector<std::string> notes;
    std::optional<double> peg;
    std::string rulesetId;
    std::string rulesetVersion;

    [[nodiscard]] bool hasEmergency() const { return severity == "emergency"; }
    // The score of a pathway, or nullopt when this result has none for it
    // (a result stored by rules with other pathways).
    [[nodiscard]] std::optional<int> score(const std::string& pathway) const;

    [[nodiscard]] nlohmann::json toJson() const;
    // Appends exactly toJson().dump(), without building the document: the
    // streaming path writes a hundred thousand of these a second.
    void appendJson(std::string& out) const;
    // Throws std::invalid_argument for a document that is not a stored result.
    [[nodiscard]] static ScreeningResult fromJson(const nlohmann::json& json);
};

} // namespace spinepath::scoring
