#pragma once

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/DocumentParser.h"
#include "core/scoring/ScreeningContent.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>
#include <string>

namespace spinepath::scoring::test {

inline std::string contentDirectory()
{
    return std::string(SPINEPATH_SOURCE_DIR) + "/content";
}

inline std::string rulesetPath()
{
    return contentDirectory() + "/" + ScreeningContent::kRulesetFile;
}

inline std::string interfacePath()
{
    return contentDirectory() + "/" + ScreeningContent::kInterfaceFile;
}

inline std::string casesDirectory()
{
    return std::string(SPINEPATH_TEST_DATA_DIR) + "/screening/cases";
}

inline nlohmann::json readJson(const std::string& path)
{
    std::ifstream stream(path);
    if (!stream)
        throw std::runtime_error("cannot read " + path);
    return nlohmann::json::parse(stream);
}

// The real ruleset as JSON, for tests that mutate it.
inline nlohmann::json coreRules()
{
    static const nlohmann::json rules = readJson(rulesetPath());
    return rules;
}

// The index of the entry with `id` in one of the ruleset's arrays.
inline std::size_t indexOf(const nlohmann::json& rules, const char* stage, const std::string& id)
{
    const nlohmann::json& list = rules.at(stage);
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].value("id", "") == id)
            return i;
    throw std::logic_error(std::string("no ") + stage + " entry " + id);
}

// The JSON pointer of an entry of one of the ruleset's arrays, and below it.
inline std::string pointerTo(const char* stage, std::size_t index, const std::string& rest = {})
{
    return "/" + std::string(stage) + "/" + std::to_string(index) + rest;
}

// The worked examples of clinical spec v2 (section 5), as the spec ships them.
inline const nlohmann::json& workedExamples()
{
    static const nlohmann::json examples =
        readJson(std::string(SPINEPATH_TEST_DATA_DIR) + "/screening/clinical-examples-v2.json")
            .at("examples");
    return examples;
}

// The answers of one worked example, by its id ("E3").
inline nlohmann::json workedExample(const std::string& id)
{
    for (const nlohmann::json& example : workedExamples())
        if (example.at("id") == id)
            return example.at("answers");
    throw std::runtime_error("no worked example " + id);
}

// The real content folder, loaded once per test executable.
inline const ScreeningContent& content()
{
    static const ScreeningContent loaded = ScreeningContent::load(contentDirectory());
    return loaded;
}

// The streaming path as spinepath-cli score --jsonl drives it: the answers as
// JSON text, parsed by simdjson into Values, scored without nlohmann::json.
class FastPath final
{
public:
    explicit FastPath(const Scorer& scorer)
        : m_scorer(scorer)
    {}

    [[nodiscard]] ScreeningResult score(const nlohmann::json& answers) { return score(answers.dump()); }

    [[nodiscard]] ScreeningResult score(const std::string& text)
    {
        m_arena.reset();
        return m_scorer.score(m_parser.parse(text, m_arena), m_arena);
    }

private:
    const Scorer& m_scorer;
    jsonlogic::DocumentParser m_parser;
    jsonlogic::Arena m_arena;
};

// The AnswerError thrown by `action`; throws std::logic_error if none was.
template <typename Action> AnswerError answerErrorOf(Action&& action)
{
    try {
        action();
    } catch (const AnswerError& error) {
        return error;
    }
    throw std::logic_error("expected an AnswerError");
}

} // namespace spinepath::scoring::test
