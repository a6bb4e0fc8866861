#include "core/scoring/ScreeningResult.h"

#include "core/jsonlogic/Json.h"

#include <cmath>
#include <stdexcept>

namespace spinepath::scoring {

using nlohmann::json;

json ScreeningResult::toJson() const
{
    json out = json::object();
    out["category"] = category;
    out["scores"] = json::object();
    for (const auto& [pathway, score] : scores)
        out["scores"][pathway] = score;
    out["flags"] = flags;
    out["severity"] = severity.empty() ? json(nullptr) : json(severity);
    out["factors"] = json::array();
    for (const FiredFactor& factor : factors)
        out["factors"].push_back({{"id", factor.id},
                                  {"pathway", factor.pathway},
                                  {"weight", factor.weight},
                                  {"reason", factor.reason}});
    out["notes"] = notes;
    // A whole PEG score prints as 6, not 6.0, as JavaScript would print it.
    if (peg && *peg == std::floor(*peg) && std::abs(*peg) < 9007199254740992.0)
        out["peg"] = static_cast<std::int64_t>(*peg);
    else
        out["peg"] = peg ? json(*peg) : json(nullptr);
    out["ruleset"] = {{"id", rulesetId}, {"version", rulesetVersion}};
    return out;
}

namespace {

void appendString(std::string& out, std::string_view text)
{
    jsonlogic::appendJson(out, jsonlogic::Value::string(text));
}

void appendStrings(std::string& out, const std::vector<std::string>& list)
{
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, list[i]);
    }
    out += ']';
}

} // namespace

// Keys in nlohmann's (sorted) order, so both writers agree byte for byte.
void ScreeningResult::appendJson(std::string& out) const
{
    out += "{\"category\":";
    appendString(out, category);
    out += ",\"factors\":[";
    for (std::size_t i = 0; i < factors.size(); ++i) {
        out += i > 0 ? ",{\"id\":" : "{\"id\":";
        appendString(out, factors[i].id);
        out += ",\"pathway\":";
        appendString(out, factors[i].pathway);
        out += ",\"reason\":";
        appendString(out, factors[i].reason);
        out += ",\"weight\":";
        out += std::to_string(factors[i].weight);
        out += '}';
    }
    out += "],\"flags\":";
    appendStrings(out, flags);
    out += ",\"notes\":";
    appendStrings(out, notes);
    out += ",\"peg\":";
    jsonlogic::appendJson(out, peg ? jsonlogic::Value::number(*peg) : jsonlogic::Value::null());
    out += ",\"ruleset\":{\"id\":";
    appendString(out, rulesetId);
    out += ",\"version\":";
    appendString(out, rulesetVersion);
    out += "},\"scores\":{";
    // std::map's order is nlohmann's sorted key order.
    for (auto it = scores.begin(); it != scores.end(); ++it) {
        if (it != scores.begin())
            out += ',';
        appendString(out, it->first);
        out += ':';
        out += std::to_string(it->second);
    }
    out += "},\"severity\":";
    if (severity.empty())
        out += "null";
    else
        appendString(out, severity);
    out += '}';
}

std::optional<int> ScreeningResult::score(const std::string& pathway) const
{
    const auto found = scores.find(pathway);
    return found == scores.end() ? std::nullopt : std::optional<int>(found->second);
}

ScreeningResult ScreeningResult::fromJson(const json& in)
{
    try {
        ScreeningResult result;
        result.category = in.at("category").get<std::string>();
        const json& scores = in.at("scores");
        if (!scores.is_object())
            throw std::invalid_argument("not a screening result: \"scores\" must be an object");
        for (const auto& [pathway, score] : scores.items())
            result.scores[pathway] = score.get<int>();
        for (const json& factor : in.at("factors"))
            result.factors.push_back({factor.at("id").get<std::string>(),
                                      factor.at("pathway").get<std::string>(), factor.at("weight").get<int>(),
                                      factor.value("reason", "")});
        result.notes = in.at("notes").get<std::vector<std::string>>();
        result.flags = in.at("flags").get<std::vector<std::string>>();
        if (in.contains("severity") && in["severity"].is_string())
            result.severity = in["severity"].get<std::string>();
        if (in.contains("peg") && in["peg"].is_number()) {
            // The PEG score is a mean of three 0-10 ratings.
            result.peg = in["peg"].get<double>();
            if (*result.peg < 0 || *result.peg > 10)
                throw std::invalid_argument("not a screening result: the PEG score must be from 0 to 10");
        }
        result.rulesetId = in.at("ruleset").at("id").get<std::string>();
        result.rulesetVersion = in.at("ruleset").at("version").get<std::string>();
        return result;
    } catch (const json::exception& error) {
        throw std::invalid_argument(std::string("not a screening result: ") + error.what());
    }
}

} // namespace spinepath::scoring
