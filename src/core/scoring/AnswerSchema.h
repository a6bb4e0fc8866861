#pragma once

#include "core/jsonlogic/Value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace spinepath::jsonlogic {
class Arena;
}
namespace spinepath::questionnaire {
class Questionnaire;
}

namespace spinepath::scoring {

// The questionnaire compiled for the streaming hot path: checks flat answers
// held as jsonlogic::Values, drops the answers to hidden questions and nests
// the rest by linkId for the rules, without building nlohmann::json.
//
// It only ever says yes when the questionnaire's own validation (the
// reference, in core/questionnaire) would: anything unusual (an unknown key, a
// wrong value, a date, an item type it does not handle) returns nullopt, and
// the caller takes the reference path, which also words the error message.
class AnswerSchema final
{
public:
    explicit AnswerSchema(const questionnaire::Questionnaire& questionnaire);
    AnswerSchema(const AnswerSchema&) = delete; // m_index points into m_items
    AnswerSchema& operator=(const AnswerSchema&) = delete;
    AnswerSchema(AnswerSchema&&) noexcept = default;
    AnswerSchema& operator=(AnswerSchema&&) noexcept = default;
    ~AnswerSchema() = default;

    // Nested answers for the rules, or nullopt to defer to the reference path.
    // `ignored`, if given, receives the linkIds of answers dropped because
    // their questions are not shown.
    [[nodiscard]] std::optional<jsonlogic::Value> accept(const jsonlogic::Value& flatAnswers,
                                                         jsonlogic::Arena& arena,
                                                         std::vector<std::string>* ignored = nullptr) const;

private:
    enum class Kind : std::uint8_t
    {
        Boolean,
        Integer,
        Decimal,
        Text,
        Code,
        Unsupported
    };
    enum class Operator : std::uint8_t
    {
        Exists,
        Equal,
        NotEqual,
        Greater,
        Less,
        GreaterOrEqual,
        LessOrEqual
    };

    struct Condition
    {
        std::uint32_t question; // item index
        Operator op;
        jsonlogic::Value answer; // a bool or a number
        bool exists = false;     // for Exists
        bool canMatch = true;    // false when a Coding's system rules every answer out
        std::string text;        // a string or a code to compare with
        bool isText = false;
        bool isCode = false;
    };

    struct ItemRule
    {
        std::string linkId;
        std::int32_t parent = -1;
        bool question = false;
        bool repeats = false;
        Kind kind = Kind::Unsupported;
        std::vector<std::string> codes;
        std::optional<double> minValue, maxValue;
        std::optional<std::size_t> maxLength;
        std::vector<Condition> conditions;
        bool any = false; // enableBehavior any
    };

    // The nesting of linkIds by their dots: "pain.duration" under "pain".
    struct NestNode
    {
        std::string key;
        std::int32_t item = -1; // a leaf: the answer of this item
        std::vector<std::uint32_t> children;
    };

    bool valueAccepted(const ItemRule& rule, const jsonlogic::Value& value) const;
    bool enabled(std::uint32_t item, const jsonlogic::Value* answers, std::uint8_t* state) const;
    bool holds(const Condition& condition, const jsonlogic::Value* answers, std::uint8_t* state) const;
    jsonlogic::Value nest(std::uint32_t node, const jsonlogic::Value* answers, const bool* keep,
                          jsonlogic::Arena& arena) const;
    std::uint32_t nestNode(std::uint32_t parent, const std::string& key);

    std::vector<ItemRule> m_items;
    std::vector<NestNode> m_nest;                                // [0] is the root
    std::unordered_map<std::string_view, std::uint32_t> m_index; // linkId -> item; views into m_items
    bool m_usable = true;                                        // false: always defer to the reference path
};

} // namespace spinepath::scoring
