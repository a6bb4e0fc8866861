#include "core/jsonlogic/Rule.h"

#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/jsonlogic/Node.h"

#include <charconv>
#include <string>
#include <unordered_map>
#include <vector>

namespace spinepath::jsonlogic {
namespace {

struct ControlForm
{
    Node::Kind kind;
    int minArguments;
    int maxArguments; // -1: no limit
};

const std::unordered_map<std::string_view, ControlForm>& controlForms()
{
    static const std::unordered_map<std::string_view, ControlForm> forms = {
        {"var", {Node::Kind::VarDynamic, 0, 2}},
        {"if", {Node::Kind::If, 0, -1}},
        {"?:", {Node::Kind::If, 0, -1}},
        {"and", {Node::Kind::And, 0, -1}},
        {"or", {Node::Kind::Or, 0, -1}},
        {"missing", {Node::Kind::Missing, 0, -1}},
        {"missing_some", {Node::Kind::MissingSome, 2, 2}},
        {"map", {Node::Kind::Map, 2, 2}},
        {"filter", {Node::Kind::Filter, 2, 2}},
        {"reduce", {Node::Kind::Reduce, 2, 3}},
        {"all", {Node::Kind::All, 2, 2}},
        {"none", {Node::Kind::None, 2, 2}},
        {"some", {Node::Kind::Some, 2, 2}},
    };
    return forms;
}

std::string escapePointerToken(std::string_view token)
{
    std::string escaped;
    for (char c : token) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return escaped;
}

std::string describeArity(int minArguments, int maxArguments)
{
    if (minArguments == maxArguments)
        return std::to_string(minArguments) + (minArguments == 1 ? " argument" : " arguments");
    if (maxArguments < 0)
        return "at least " + std::to_string(minArguments) + (minArguments == 1 ? " argument" : " arguments");
    return std::to_string(minArguments) + " to " + std::to_string(maxArguments) + " arguments";
}

// Splits "a.0.b" into segments whose text lives in the given arena.
std::span<PathSegment> splitPath(std::string_view path, Arena& arena)
{
    std::size_t count = 1;
    for (char c : path)
        count += c == '.';
    PathSegment* segments = arena.allocateArray<PathSegment>(count);
    std::size_t i = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        const std::string_view key =
            path.substr(start, dot == std::string_view::npos ? path.npos : dot - start);
        std::int64_t index = -1;
        // Only canonical indexes ("0", "12", not "012" or "+1") address array elements.
        if (!key.empty() && key.size() < 16 && (key.size() == 1 || key[0] != '0')) {
            std::int64_t parsed = 0;
            const auto result = std::from_chars(key.data(), key.data() + key.size(), parsed);
            if (result.ec == std::errc() && result.ptr == key.data() + key.size() && parsed >= 0)
                index = parsed;
        }
        segments[i++] = {key, index};
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    return {segments, count};
}

} // namespace

// Turns JSON into a tree of Nodes held in the rule's own arena.
class Compiler final
{
public:
    Compiler(Arena& storage, const OperatorRegistry& operators) : m_storage(storage), m_operators(operators)
    {}

    const Node* compile(const nlohmann::json& logic)
    {
        Node* root = m_storage.allocateArray<Node>(1);
        new (root) Node();
        compileInto(*root, logic, 0);
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& problem) const
    {
        std::string pointer;
        for (const std::string& token : m_pointer)
            pointer += '/' + escapePointerToken(token);
        throw RuleError(problem, pointer);
    }

    Node* allocateNodes(std::size_t count)
    {
        Node* nodes = m_storage.allocateArray<Node>(count);
        for (std::size_t i = 0; i < count; ++i)
            new (nodes + i) Node();
        return nodes;
    }

    void compileInto(Node& node, const nlohmann::json& logic, int depth)
    {
        if (depth > kMaxJsonDepth)
            fail("rule is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
        if (logic.is_array()) {
            compileArray(node, logic, depth);
            return;
        }
        if (!logic.is_object() || logic.size() != 1) {
            // Objects with zero or several keys are data, as in json-logic-js.
            node.kind = Node::Kind::Literal;
            node.literal = fromJson(logic, m_storage);
            return;
        }
        const auto only = logic.begin();
        compileOperation(node, only.key(), only.value(), depth);
    }

    void compileArray(Node& node, const nlohmann::json& logic, int depth)
    {
        Node* elements = allocateNodes(logic.size());
        bool allLiteral = true;
        for (std::size_t i = 0; i < logic.size(); ++i) {
            m_pointer.push_back(std::to_string(i));
            compileInto(elements[i], logic[i], depth + 1);
            m_pointer.pop_back();
            allLiteral = allLiteral && elements[i].kind == Node::Kind::Literal;
        }
        if (allLiteral) {
            Value* items = m_storage.allocateArray<Value>(logic.size());
            for (std::size_t i = 0; i < logic.size(); ++i)
                items[i] = elements[i].literal;
            node.kind = Node::Kind::Literal;
            node.literal = Value::array({items, logic.size()});
            return;
        }
        node.kind = Node::Kind::ArrayOf;
        node.arguments = elements;
        node.argumentCount = static_cast<std::uint32_t>(logic.size());
    }

    void compileOperation(Node& node, const std::string& name, const nlohmann::json& operand, int depth)
    {
        const bool listed = operand.is_array();
        const std::size_t count = listed ? operand.size() : 1;

        int minArguments = 0;
        int maxArguments = -1;
        if (const auto form = controlForms().find(name); form != controlForms().end()) {
            node.kind = form->second.kind;
            minArguments = form->second.minArguments;
            maxArguments = form->second.maxArguments;
        } else if (const Operator* op = m_operators.find(name)) {
            node.kind = Node::Kind::Call;
            node.function = op->function;
            minArguments = op->minArguments;
            maxArguments = op->maxArguments;
        } else {
            fail("unknown operator \"" + name + "\"");
        }
        if (static_cast<int>(count) < minArguments ||
            (maxArguments >= 0 && static_cast<int>(count) > maxArguments))
            fail("\"" + name + "\" takes " + describeArity(minArguments, maxArguments) + ", not " +
                 std::to_string(count));

        m_pointer.push_back(name);
        Node* arguments = allocateNodes(count);
        for (std::size_t i = 0; i < count; ++i) {
            if (listed)
                m_pointer.push_back(std::to_string(i));
            compileInto(arguments[i], listed ? operand[i] : operand, depth + 1);
            if (listed)
                m_pointer.pop_back();
        }
        node.arguments = arguments;
        node.argumentCount = static_cast<std::uint32_t>(count);
        if (node.kind == Node::Kind::VarDynamic)
            resolveStaticVar(node);
        m_pointer.pop_back();
    }

    // A var whose path is a literal is resolved now, so evaluation never splits strings.
    void resolveStaticVar(Node& node)
    {
        if (node.argumentCount == 0) {
            node.kind = Node::Kind::WholeData;
            return;
        }
        const Node& path = node.arguments[0];
        if (path.kind != Node::Kind::Literal)
            return;
        const Value& literal = path.literal;
        if (literal.isNull() || (literal.isString() && literal.asString().empty())) {
            node.kind = Node::Kind::WholeData;
            return;
        }
        const std::string_view text = js::toString(literal, m_storage);
        const auto segments = splitPath(text, m_storage);
        node.kind = Node::Kind::VarStatic;
        node.segments = segments.data();
        node.segmentCount = static_cast<std::uint32_t>(segments.size());
        // Keep only the default, if any, as the single argument.
        node.arguments = node.argumentCount == 2 ? node.arguments + 1 : nullptr;
        node.argumentCount = node.argumentCount == 2 ? 1 : 0;
    }

    Arena& m_storage;
    const OperatorRegistry& m_operators;
    std::vector<std::string> m_pointer;
};

namespace {

Value evaluateNode(const Node& node, const Value& data, Arena& arena);

// data[key] for one path step, as JavaScript property access sees JSON.
bool step(const Value& current, const PathSegment& segment, Value& next)
{
    switch (current.type()) {
    case Value::Type::Object:
        if (const Value* member = current.find(segment.key)) {
            next = *member;
            return true;
        }
        return false;
    case Value::Type::Array: {
        const auto items = current.asArray();
        if (segment.index >= 0 && static_cast<std::size_t>(segment.index) < items.size()) {
            next = items[static_cast<std::size_t>(segment.index)];
            return true;
        }
        if (segment.key == "length") {
            next = Value::number(static_cast<double>(items.size()));
            return true;
        }
        return false;
    }
    case Value::Type::String: {
        const std::string_view text = current.asString();
        if (segment.index >= 0 && static_cast<std::size_t>(segment.index) < text.size()) {
            next = Value::string(text.substr(static_cast<std::size_t>(segment.index), 1));
            return true;
        }
        if (segment.key == "length") {
            next = Value::number(static_cast<double>(text.size()));
            return true;
        }
        return false;
    }
    default:
        return false;
    }
}

// Follows a var path; a missing step yields nullopt (the caller's default).
bool lookup(const Value& data, std::span<const PathSegment> path, Value& found)
{
    Value current = data;
    for (const PathSegment& segment : path) {
        if (current.isNull())
            return false;
        Value next;
        if (!step(current, segment, next))
            return false;
        current = next;
    }
    found = current;
    return true;
}

bool lookupDynamic(const Value& data, const Value& path, Arena& arena, Value& found)
{
    if (path.isNull() || (path.isString() && path.asString().empty())) {
        found = data;
        return true;
    }
    return lookup(data, splitPath(js::toString(path, arena), arena), found);
}

Value missingKeys(std::span<const Value> keys, const Value& data, Arena& arena)
{
    Value* missing = arena.allocateArray<Value>(keys.size());
    std::size_t count = 0;
    for (const Value& key : keys) {
        Value found;
        const bool present = lookupDynamic(data, key, arena, found);
        if (!present || found.isNull() || (found.isString() && found.asString().empty()))
            missing[count++] = key;
    }
    return Value::array({missing, count});
}

std::span<const Value> evaluateArguments(const Node& node, const Value& data, Arena& arena)
{
    Value* values = arena.allocateArray<Value>(node.argumentCount);
    for (std::uint32_t i = 0; i < node.argumentCount; ++i)
        values[i] = evaluateNode(node.arguments[i], data, arena);
    return {values, node.argumentCount};
}

// The array a map, filter, reduce, all, none or some runs over; not an array: none.
std::span<const Value> scopedItems(const Node& node, const Value& data, Arena& arena)
{
    const Value scoped = evaluateNode(node.arguments[0], data, arena);
    return scoped.isArray() ? scoped.asArray() : std::span<const Value>();
}

Value filtered(const Node& node, const Value& data, Arena& arena)
{
    const auto items = scopedItems(node, data, arena);
    Value* kept = arena.allocateArray<Value>(items.size());
    std::size_t count = 0;
    for (const Value& item : items)
        if (js::truthy(evaluateNode(node.arguments[1], item, arena)))
            kept[count++] = item;
    return Value::array({kept, count});
}

Value evaluateNode(const Node& node, const Value& data, Arena& arena)
{
    switch (node.kind) {
    case Node::Kind::Literal:
        return node.literal;
    case Node::Kind::Call: {
        // Most operations take a few arguments: keep them on the stack.
        constexpr std::uint32_t kInline = 4;
        if (node.argumentCount <= kInline) {
            Value values[kInline];
            for (std::uint32_t i = 0; i < node.argumentCount; ++i)
                values[i] = evaluateNode(node.arguments[i], data, arena);
            return node.function({values, node.argumentCount}, arena);
        }
        return node.function(evaluateArguments(node, data, arena), arena);
    }
    case Node::Kind::VarStatic: {
        Value found;
        if (lookup(data, {node.segments, node.segmentCount}, found))
            return found;
        return node.argumentCount ? evaluateNode(node.arguments[0], data, arena) : Value::null();
    }
    case Node::Kind::VarDynamic: {
        Value found;
        if (lookupDynamic(data, evaluateNode(node.arguments[0], data, arena), arena, found))
            return found;
        return node.argumentCount > 1 ? evaluateNode(node.arguments[1], data, arena) : Value::null();
    }
    case Node::Kind::WholeData:
        return data;
    case Node::Kind::ArrayOf:
        return Value::array(evaluateArguments(node, data, arena));
    case Node::Kind::If: {
        std::uint32_t i = 0;
        for (; i + 1 < node.argumentCount; i += 2)
            if (js::truthy(evaluateNode(node.arguments[i], data, arena)))
                return evaluateNode(node.arguments[i + 1], data, arena);
        return i + 1 == node.argumentCount ? evaluateNode(node.arguments[i], data, arena) : Value::null();
    }
    case Node::Kind::And: {
        Value current;
        for (std::uint32_t i = 0; i < node.argumentCount; ++i) {
            current = evaluateNode(node.arguments[i], data, arena);
            if (!js::truthy(current))
                return current;
        }
        return current;
    }
    case Node::Kind::Or: {
        Value current;
        for (std::uint32_t i = 0; i < node.argumentCount; ++i) {
            current = evaluateNode(node.arguments[i], data, arena);
            if (js::truthy(current))
                return current;
        }
        return current;
    }
    case Node::Kind::Missing: {
        const auto values = evaluateArguments(node, data, arena);
        const auto keys = !values.empty() && values[0].isArray() ? values[0].asArray() : values;
        return missingKeys(keys, data, arena);
    }
    case Node::Kind::MissingSome: {
        const double needed = js::toNumber(evaluateNode(node.arguments[0], data, arena));
        Value options = evaluateNode(node.arguments[1], data, arena);
        const auto keys = options.isArray() ? options.asArray() : std::span<const Value>(&options, 1);
        const Value missing = missingKeys(keys, data, arena);
        const auto present = static_cast<double>(keys.size() - missing.asArray().size());
        return present >= needed ? Value::array({}) : missing;
    }
    case Node::Kind::Map: {
        const auto items = scopedItems(node, data, arena);
        Value* mapped = arena.allocateArray<Value>(items.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            mapped[i] = evaluateNode(node.arguments[1], items[i], arena);
        return Value::array({mapped, items.size()});
    }
    case Node::Kind::Filter:
        return filtered(node, data, arena);
    case Node::Kind::Reduce: {
        const Value scoped = evaluateNode(node.arguments[0], data, arena);
        Value accumulator =
            node.argumentCount > 2 ? evaluateNode(node.arguments[2], data, arena) : Value::null();
        if (!scoped.isArray())
            return accumulator;
        for (const Value& item : scoped.asArray()) {
            auto* context = arena.allocateArray<Value::Member>(2);
            context[0] = {"current", item};
            context[1] = {"accumulator", accumulator};
            accumulator = evaluateNode(node.arguments[1], Value::object({context, 2}), arena);
        }
        return accumulator;
    }
    case Node::Kind::All: {
        const auto items = scopedItems(node, data, arena);
        if (items.empty())
            return Value::boolean(false);
        for (const Value& item : items)
            if (!js::truthy(evaluateNode(node.arguments[1], item, arena)))
                return Value::boolean(false);
        return Value::boolean(true);
    }
    case Node::Kind::None:
        return Value::boolean(filtered(node, data, arena).asArray().empty());
    case Node::Kind::Some:
        return Value::boolean(!filtered(node, data, arena).asArray().empty());
    }
    return Value::null();
}

} // namespace

Rule::Rule() : m_storage(std::make_unique<Arena>(4096)) {}

Rule::Rule(Rule&&) noexcept = default;
Rule& Rule::operator=(Rule&&) noexcept = default;
Rule::~Rule() = default;

Rule Rule::compile(const nlohmann::json& logic, const OperatorRegistry& operators)
{
    Rule rule;
    rule.m_root = Compiler(*rule.m_storage, operators).compile(logic);
    return rule;
}

Rule Rule::parse(std::string_view jsonText, const OperatorRegistry& operators)
{
    return compile(parseJson(jsonText), operators);
}

Value Rule::evaluate(const Value& data, Arena& arena) const
{
    return evaluateNode(*m_root, data, arena);
}

nlohmann::json Rule::apply(const nlohmann::json& data) const
{
    Arena arena;
    return toJson(evaluate(fromJson(data, arena), arena));
}

} // namespace spinepath::jsonlogic
