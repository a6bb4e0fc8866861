#pragma once

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

namespace spinepath::questionnaire::test {

inline std::string intakePath()
{
    return std::string(SPINEPATH_SOURCE_DIR) + "/content/questionnaire/spinepath-intake.json";
}

inline std::string testDataPath(const std::string& name)
{
    return std::string(SPINEPATH_TEST_DATA_DIR) + "/questionnaire/" + name;
}

inline nlohmann::json readJson(const std::string& path)
{
    std::ifstream stream(path);
    return nlohmann::json::parse(stream);
}

inline const Questionnaire& intake()
{
    static const Questionnaire questionnaire = Questionnaire::fromFile(intakePath());
    return questionnaire;
}

// A synthetic questionnaire in the style of a third party's: nested groups,
// contained value sets, every enableWhen operator, initial values and limits.
inline const Questionnaire& sleepAndWork()
{
    static const Questionnaire questionnaire = Questionnaire::fromFile(testDataPath("sleep-and-work.json"));
    return questionnaire;
}

// The QuestionnaireError thrown by `action`, for checking its details.
template <typename Action> QuestionnaireError errorOf(Action&& action)
{
    try {
        action();
    } catch (const QuestionnaireError& error) {
        return error;
    }
    throw std::logic_error("expected a QuestionnaireError");
}

} // namespace spinepath::questionnaire::test
