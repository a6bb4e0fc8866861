#pragma once

#include <nlohmann/json.hpp>

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
    int regenerativeScore = 0;
    int fusionScore = 0;
    std::vector<std::string> flags; // ids, in the ruleset's order
    std::string severity;           // the highest severity of the flags (the ruleset's ids), or empty
    std::vector<FiredFactor> factors;
    std::vector<std::string> notes;
    std::optional<double> peg;
    std::string rulesetId;
    std::string rulesetVersion;

    [[nodiscard]] bool hasEmergency() const { return severity == "emergency"; }

    [[nodiscard]] nlohmann::json toJson() const;
    // Appends exactly toJson().dump(), without building the document: the
    // streaming path writes a hundred thousand of these a second.
    void appendJson(std::string& out) const;
    // Throws std::invalid_argument for a document that is not a stored result.
    [[nodiscard]] static ScreeningResult fromJson(const nlohmann::json& json);
};

} // namespace spinepath::scoring
