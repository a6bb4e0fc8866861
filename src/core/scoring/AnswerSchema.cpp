#include "core/scoring/AnswerSchema.h"

#include "core/jsonlogic/Arena.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/scoring/RuleAnswers.h"

#include <algorithm>
#include <cmath>
#include <compare>
#include <cstring>
#include <unordered_map>

namespace spinepath::scoring {

using jsonlogic::Arena;
using jsonlogic::Value;
namespace q = questionnaire;

namespace {

enum : std::uint8_t
{
    kUnknown = 0,
    kEnabled = 1,
    kDisabled = 2
};

std::optional<double> numericLimit(const nlohmann::json& limit, bool& usable)
{
    if (limit.is_null())
        return std::nullopt;
    if (!limit.is_number()) {
        usable = false; // a date or time limit: the reference path handles those
        return std::nullopt;
    }
    return limit.get<double>();
}

bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

AnswerSchema::AnswerSchema(const q::Questionnaire& questionnaire)
{
    // Linkids the rules cannot read (RuleAnswers) are left to the reference path.
    if (!RuleAnswers(questionnaire).allReadable())
        m_usable = false;
    const auto& all = questionnaire.allItems();
    std::unordered_map<const q::Item*, std::uint32_t> indexOf;
    for (std::uint32_t i = 0; i < all.size(); ++i)
        indexOf[all[i]] = i;
    std::unordered_map<std::string, std::uint32_t> indexOfLinkId;
    for (std::uint32_t i = 0; i < all.size(); ++i)
        indexOfLinkId[all[i]->linkId()] = i;

    m_items.resize(all.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) {
        const q::Item& item = *all[i];
        ItemRule& rule = m_items[i];
        rule.linkId = item.linkId();
        rule.parent = item.parent() ? static_cast<std::int32_t>(indexOf.at(item.parent())) : -1;
        rule.question = item.isQuestion();
        rule.repeats = item.repeats();
        rule.any = item.enableBehavior() == q::EnableBehavior::Any;
        bool usable = true;
        rule.minValue = numericLimit(item.minValue(), usable);
        rule.maxValue = numericLimit(item.maxValue(), usable);
        if (item.maxLength())
            rule.maxLength = static_cast<std::size_t>(*item.maxLength());
        const auto& options = item.answerOptions();
        const bool allCodings =
            !options.empty() && std::all_of(options.begin(), options.end(), [](const auto& o) {
                // A Coding without a code is answered with the Coding itself.
                return o.kind == q::AnswerOption::Kind::Coding && !o.coding.code.empty();
            });
        switch (item.type()) {
        case q::ItemType::Boolean:
            rule.kind = Kind::Boolean;
            break;
        case q::ItemType::Integer:
            rule.kind = options.empty() ? Kind::Integer : Kind::Unsupported;
            break;
        case q::ItemType::Decimal:
            rule.kind = options.empty() ? Kind::Decimal : Kind::Unsupported;
            break;
        case q::ItemType::String:
        case q::ItemType::Text:
            rule.kind = options.empty() ? Kind::Text : Kind::Unsupported;
            break;
        case q::ItemType::Choice:
            rule.kind = allCodings ? Kind::Code : Kind::Unsupported;
            break;
        default:
            rule.kind = Kind::Unsupported;
        }
        if (!usable)
            rule.kind = Kind::Unsupported;
        if (rule.kind == Kind::Code)
            for (const auto& option : options)
                rule.codes.push_back(option.coding.code);

        for (const q::EnableWhen& when : item.enableWhen()) {
            Condition condition{indexOfLinkId.at(when.question), Operator::Exists, Value(), false, true, {}};
            const q::Item& question = *all[condition.question];
            switch (when.op) {
            case q::EnableOperator::Exists:
                condition.op = Operator::Exists;
                break;
            case q::EnableOperator::Equal:
                condition.op = Operator::Equal;
                break;
            case q::EnableOperator::NotEqual:
                condition.op = Operator::NotEqual;
                break;
            case q::EnableOperator::Greater:
                condition.op = Operator::Greater;
                break;
            case q::EnableOperator::Less:
                condition.op = Operator::Less;
                break;
            case q::EnableOperator::GreaterOrEqual:
                condition.op = Operator::GreaterOrEqual;
                break;
            case q::EnableOperator::LessOrEqual:
                condition.op = Operator::LessOrEqual;
                break;
            }
            if (condition.op == Operator::Exists) {
                condition.exists = when.answer.is_boolean() && when.answer.get<bool>();
            } else if (when.answerKind == q::AnswerKind::Boolean && when.answer.is_boolean()) {
                condition.answer = Value::boolean(when.answer.get<bool>());
            } else if ((when.answerKind == q::AnswerKind::Integer ||
                        when.answerKind == q::AnswerKind::Decimal) &&
                       when.answer.is_number()) {
                condition.answer = Value::number(when.answer.get<double>());
            } else if (when.answerKind == q::AnswerKind::String && when.answer.is_string()) {
                condition.text = when.answer.get<std::string>();
                condition.isText = true;
            } else if (when.answerKind == q::AnswerKind::Coding && when.answer.contains("code") &&
                       when.answer["code"].is_string()) {
                condition.text = when.answer["code"].get<std::string>();
                condition.isText = true;
                condition.isCode = true;
                const std::string system = when.answer.value("system", std::string());
                const auto* option = question.findOption(nlohmann::json(condition.text));
                condition.canMatch =
                    !(option && option->kind == q::AnswerOption::Kind::Coding && !system.empty() &&
                      !option->coding.system.empty() && option->coding.system != system);
            } else {
                m_usable = false; // dates, quantities, references: the reference path decides
            }
            rule.conditions.push_back(std::move(condition));
        }
    }

    m_nest.push_back({});
    for (std::uint32_t i = 0; i < m_items.size(); ++i) {
        if (!m_items[i].question)
            continue;
        std::uint32_t node = 0;
        const std::string& linkId = m_items[i].linkId;
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = linkId.find('.', start);
            node = nestNode(node,
                            linkId.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
            if (dot == std::string::npos)
                break;
            start = dot + 1;
        }
        // One linkId may not be a path prefix of another ("a" and "a.b").
        if (m_nest[node].item >= 0 || !m_nest[node].children.empty())
            m_usable = false;
        m_nest[node].item = static_cast<std::int32_t>(i);
    }
    for (std::uint32_t i = 0; i < m_nest.size(); ++i)
        if (m_nest[i].item >= 0 && !m_nest[i].children.empty())
            m_usable = false;

    for (std::uint32_t i = 0; i < m_items.size(); ++i)
        m_index.emplace(m_items[i].linkId, i);
}

std::uint32_t AnswerSchema::nestNode(std::uint32_t parent, const std::string& key)
{
    for (std::uint32_t child : m_nest[parent].children)
        if (m_nest[child].key == key)
            return child;
    m_nest.push_back({key, -1, {}});
    const auto index = static_cast<std::uint32_t>(m_nest.size() - 1);
    m_nest[parent].children.push_back(index);
    return index;
}

bool AnswerSchema::valueAccepted(const ItemRule& rule, const Value& value) const
{
    const auto scalar = [&](const Value& v) {
        switch (rule.kind) {
        case Kind::Boolean:
            return v.isBool();
        case Kind::Integer:
        case Kind::Decimal: {
            if (!v.isNumber() || !std::isfinite(v.asNumber()))
                return false;
            const double n = v.asNumber();
            if (rule.kind == Kind::Integer && (!v.isIntegerLiteral() || std::abs(n) > 2147483647.0))
                return false;
            return (!rule.minValue || n >= *rule.minValue) && (!rule.maxValue || n <= *rule.maxValue);
        }
        case Kind::Text:
            return v.isString() && !isBlank(v.asString()) &&
                   (!rule.maxLength || v.asString().size() <= *rule.maxLength);
        case Kind::Code:
            return v.isString() &&
                   std::find(rule.codes.begin(), rule.codes.end(), v.asString()) != rule.codes.end();
        case Kind::Unsupported:
            return false;
        }
        return false;
    };
    if (!rule.repeats)
        return !value.isArray() && scalar(value);
    if (!value.isArray())
        return false;
    const auto items = value.asArray();
    return std::all_of(items.begin(), items.end(), scalar);
}

bool AnswerSchema::holds(const Condition& condition, const Value* answers, std::uint8_t* state) const
{
    const Value* raw = enabled(condition.question, answers, state) ? &answers[condition.question] : nullptr;
    std::span<const Value> values;
    if (raw && raw->isArray())
        values = raw->asArray();
    else if (raw && !raw->isNull())
        values = {raw, 1};
    if (condition.op == Operator::Exists)
        return !values.empty() == condition.exists;

    const auto order = [&](const Value& value) -> std::partial_ordering {
        if (condition.isText) {
            if (!value.isString() || !condition.canMatch)
                return std::partial_ordering::unordered;
            if (condition.isCode)
                return value.asString() == condition.text ? std::partial_ordering::equivalent
                                                          : std::partial_ordering::unordered;
            return value.asString() <=> std::string_view(condition.text);
        }
        if (condition.answer.isBool())
            return value.isBool() && value.asBool() == condition.answer.asBool()
                       ? std::partial_ordering::equivalent
                       : std::partial_ordering::unordered;
        if (!value.isNumber())
            return std::partial_ordering::unordered;
        return value.asNumber() <=> condition.answer.asNumber();
    };
    const auto any = [&](auto test) {
        return std::any_of(values.begin(), values.end(), [&](const Value& v) { return test(order(v)); });
    };
    switch (condition.op) {
    case Operator::Exists:
        break;
    case Operator::Equal:
        return any([](std::partial_ordering o) { return o == 0; });
    case Operator::NotEqual:
        return !any([](std::partial_ordering o) { return o == 0; });
    case Operator::Greater:
        return any([](std::partial_ordering o) { return o > 0; });
    case Operator::Less:
        return any([](std::partial_ordering o) { return o < 0; });
    case Operator::GreaterOrEqual:
        return any([](std::partial_ordering o) { return o >= 0; });
    case Operator::LessOrEqual:
        return any([](std::partial_ordering o) { return o <= 0; });
    }
    return false;
}

// An item is shown when its group is and its conditions hold; the loader has
// rejected cycles, so the recursion ends.
bool AnswerSchema::enabled(std::uint32_t item, const Value* answers, std::uint8_t* state) const
{
    if (state[item] != kUnknown)
        return state[item] == kEnabled;
    const ItemRule& rule = m_items[item];
    bool on = rule.parent < 0 || enabled(static_cast<std::uint32_t>(rule.parent), answers, state);
    if (on && !rule.conditions.empty()) {
        const auto check = [&](const Condition& c) { return holds(c, answers, state); };
        on = rule.any ? std::any_of(rule.conditions.begin(), rule.conditions.end(), check)
                      : std::all_of(rule.conditions.begin(), rule.conditions.end(), check);
    }
    state[item] = on ? kEnabled : kDisabled;
    return on;
}

Value AnswerSchema::nest(std::uint32_t node, const Value* answers, const bool* keep, Arena& arena) const
{
    const NestNode& group = m_nest[node];
    auto* members = arena.allocateArray<Value::Member>(group.children.size());
    std::size_t count = 0;
    for (std::uint32_t child : group.children) {
        const NestNode& entry = m_nest[child];
        if (entry.item >= 0) {
            if (keep[entry.item])
                members[count++] = {entry.key, answers[entry.item]};
            continue;
        }
        const Value inner = nest(child, answers, keep, arena);
        if (!inner.asObject().empty())
            members[count++] = {entry.key, inner};
    }
    return Value::object({members, count});
}

std::optional<Value> AnswerSchema::accept(const Value& flatAnswers, Arena& arena,
                                          std::vector<std::string>* ignored) const
{
    if (!m_usable || !flatAnswers.isObject())
        return std::nullopt;
    const std::size_t n = m_items.size();
    Value* answers = arena.allocateArray<Value>(n);
    bool* present = arena.allocateArray<bool>(n);
    auto* state = arena.allocateArray<std::uint8_t>(n);
    std::fill_n(answers, n, Value());
    std::fill_n(present, n, false);
    std::fill_n(state, n, kUnknown);

    for (const Value::Member& member : flatAnswers.asObject()) {
        const auto found = m_index.find(member.key);
        if (found == m_index.end())
            return std::nullopt;
        const ItemRule& rule = m_items[found->second];
        if (!rule.question || present[found->second] || !valueAccepted(rule, member.value))
            return std::nullopt;
        answers[found->second] = member.value;
        present[found->second] = true;
    }
    // FHIR drops the answers to questions that are not shown.
    for (std::uint32_t i = 0; i < n; ++i) {
        const bool shown = !present[i] || enabled(i, answers, state);
        if (!shown && ignored)
            ignored->push_back(m_items[i].linkId);
        present[i] = present[i] && shown;
    }
    return nest(0, answers, present, arena);
}

} // namespace spinepath::scoring
