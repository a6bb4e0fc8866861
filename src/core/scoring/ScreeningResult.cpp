#include "core/scoring/ScreeningResult.h"

#include <stdexcept>

namespace spinepath::scoring {

using nlohmann::json;

json ScreeningResult::toJson() const
{
    json out = json::object();
    out["category"] = category;
    out["scores"] = {{"regenerative", regenerativeScore}, {"fusion", fusionScore}};
    out["flags"] = flags;
    out["severity"] = severity.empty() ? json(nullptr) : json(severity);
    out["factors"] = json::array();
    for (const FiredFactor& factor : factors)
        out["factors"].push_back({{"id", factor.id},
                                  {"pathway", factor.pathway},
                                  {"weight", factor.weight},
                                  {"reason", factor.reason}});
    out["notes"] = notes;
    out["peg"] = peg ? json(*peg) : json(nullptr);
    out["ruleset"] = {{"id", rulesetId}, {"version", rulesetVersion}};
    return out;
}

ScreeningResult ScreeningResult::fromJson(const json& in)
{
    try {
        ScreeningResult result;
        result.category = in.at("category").get<std::string>();
        result.regenerativeScore = in.at("scores").at("regenerative").get<int>();
        result.fusionScore = in.at("scores").at("fusion").get<int>();
        for (const json& factor : in.at("factors"))
            result.factors.push_back({factor.at("id").get<std::string>(),
                                      factor.at("pathway").get<std::string>(), factor.at("weight").get<int>(),
                                      factor.value("reason", "")});
        result.notes = in.at("notes").get<std::vector<std::string>>();
        result.flags = in.at("flags").get<std::vector<std::string>>();
        if (in.contains("severity") && in["severity"].is_string())
            result.severity = in["severity"].get<std::string>();
        if (in.contains("peg") && in["peg"].is_number())
            result.peg = in["peg"].get<double>();
        result.rulesetId = in.at("ruleset").at("id").get<std::string>();
        result.rulesetVersion = in.at("ruleset").at("version").get<std::string>();
        return result;
    } catch (const json::exception& error) {
        throw std::invalid_argument(std::string("not a screening result: ") + error.what());
    }
}

} // namespace spinepath::scoring
