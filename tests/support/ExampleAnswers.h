#pragma once

// The answer sets of the clinical spec that the tests share, in one place:
// the base sets N (a negative safety screen) and R (worked example E3) come
// from tests/data/screening/bases.json, the file the screening cases build on.
// Header-only and free of Catch2 and QtTest, so that both kinds of test can
// include it. Synthetic data only: every value is invented.
#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace spinepath::test {

// A JSON file of tests/data, by its path there.
inline nlohmann::json testData(const std::string& relativePath)
{
    const std::string path = std::string(SPINEPATH_SOURCE_DIR) + "/tests/data/" + relativePath;
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read the test data " + path);
    return nlohmann::json::parse(in);
}

// One base answer set of tests/data/screening/bases.json ("N" or "R").
inline nlohmann::json baseAnswers(const std::string& name)
{
    static const nlohmann::json bases = testData("screening/bases.json");
    if (!bases.contains(name))
        throw std::invalid_argument("no base answer set \"" + name + "\" in bases.json");
    return bases.at(name);
}

// Base set N: age 42, every Yes/No safety question No, "None of these" for the two lists.
inline nlohmann::json negativeSafetyScreen()
{
    return baseAnswers("N");
}

// Base set R, worked example E3 (regenerative evaluation), without the "About
// you" answers; complete for questionnaire v2, so it makes a completed
// QuestionnaireResponse.
inline nlohmann::json example3Answers()
{
    return baseAnswers("R");
}

// `base` with the answers of `more` added or replaced.
inline nlohmann::json with(nlohmann::json base, const nlohmann::json& more)
{
    for (const auto& [key, value] : more.items())
        base[key] = value;
    return base;
}

// The 16 questions of the safety screen in the order the questionnaire asks
// them; all are required and none is ever assumed. The linkIds of set N.
inline const std::vector<std::string>& safetyLinkIds()
{
    static const std::vector<std::string> linkIds{"safety.age",
                                                  "redflag.bladder_bowel",
                                                  "redflag.saddle_numbness",
                                                  "redflag.sexual_function",
                                                  "redflag.both_legs",
                                                  "redflag.progressive_weakness",
                                                  "redflag.gait",
                                                  "redflag.recent_trauma",
                                                  "redflag.fever",
                                                  "redflag.weight_loss",
                                                  "redflag.cancer_history",
                                                  "redflag.infection_risk",
                                                  "redflag.procedure_then_worse",
                                                  "redflag.bone_risk",
                                                  "redflag.night_pain",
                                                  "redflag.thoracic_pain"};
    return linkIds;
}

} // namespace spinepath::test
