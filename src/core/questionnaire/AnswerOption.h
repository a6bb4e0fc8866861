#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace spinepath::questionnaire {

struct Coding
{
    std::string system;
    std::string code;
    std::string display;

    bool operator==(const Coding&) const = default;
};

// One permitted answer of an item, from answerOption or from a contained ValueSet.
struct AnswerOption
{
    enum class Kind
    {
        Coding,
        String,
        Integer,
        Date,
        Time,
    };

    Kind kind = Kind::Coding;
    // How the answer is written in flat answers: the code of a Coding, otherwise
    // the string, integer, date or time itself.
    nlohmann::json value;
    Coding coding; // Kind::Coding only
    bool initialSelected = false;
    // The questionnaire-optionExclusive extension: picking this option (such as
    // "None of these") clears the others of a repeating item, and the reverse.
    bool exclusive = false;
};

} // namespace spinepath::questionnaire
