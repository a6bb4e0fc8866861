#include "core/jsonlogic/Rule.h"

#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/jsonlogic/Node.h"

#include <charconv>
#include <cstring>
#include <limits>
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
        // Only canonical indexes ("0", "12", not "012", "+1" or "-0") address array elements.
        if (!key.empty() && key.size() < 16 && key[0] >= '0' && key[0] <= '9' &&
            (key.size() == 1 || key[0] != '0')) {
            std::int64_t parsed = 0;
            const auto result = std::from_chars(key.data(), key.data() + key.size(), parsed);
            if (result.ec == std::errc() && result.ptr == key.data() + key.size() && parsed >= 0)
                index = parsed;
        }
        new (segments + i++) PathSegment(key, index);
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
    Compiler(Arena& storage, const OperatorRegistry& operators)
        : m_storage(storage)
        , m_operators(operators)
    {}

    const Node* compile(const nlohmann::json& logic)
    {
        Node* root = m_storage.allocateArray<Node>(1);
        new (root) Node();
        compileInto(*root, logic, 0);
        return root;
    }

    // How many distinct static var paths the rule reads.
    [[nodiscard]] std::uint32_t pathCount() const { return narrowCount(m_paths.size()); }
    // How many shared subtrees it has.
    [[nodiscard]] std::uint32_t memoCount() const { return m_memoCount; }

private:
    [[noreturn]] void fail(const std::string& problem) const
    {
        std::string pointer;
        for (const std::string& token : m_pointer)
            pointer += '/' + escapePointerToken(token);
        throw RuleError(problem, pointer);
    }

    // Counts are kept in 32 bits in a Node: a larger one is refused, never wrapped.
    std::uint32_t narrowCount(std::size_t count) const
    {
        if (count > Value::kMaxSize)
            fail("has more than " + std::to_string(Value::kMaxSize) + " items");
        return static_cast<std::uint32_t>(count);
    }

    Node* allocateNodes(std::size_t count)
    {
        Node* nodes = m_storage.allocateArray<Node>(count);
        for (std::size_t i = 0; i < count; ++i)
            new (nodes + i) Node();
        return nodes;
    }

    // What the compiler knows of a subtree: its structure, as a number equal
    // for equal subtrees, and whether evaluating it has no side effects.
    struct Shape
    {
        std::uint32_t id;
        bool pure;
    };

    Shape compileInto(Node& node, const nlohmann::json& logic, int depth)
    {
        if (depth > kMaxJsonDepth)
            fail("rule is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
        if (logic.is_array())
            return compileArray(node, logic, depth);
        if (!logic.is_object() || logic.size() != 1) {
            // Objects with zero or several keys are data, as in json-logic-js.
            node.kind = Node::Kind::Literal;
            node.literal = fromJson(logic, m_storage);
            return {shapeId("L" + logic.dump()), true};
        }
        const auto only = logic.begin();
        const Shape shape = compileOperation(node, only.key(), only.value(), depth);
        if (shape.pure)
            shareRepeatedWork(node, shape.id);
        return shape;
    }

    Shape compileArray(Node& node, const nlohmann::json& logic, int depth)
    {
        Node* elements = allocateNodes(logic.size());
        bool allLiteral = true;
        bool pure = true;
        std::string key = "A(";
        for (std::size_t i = 0; i < logic.size(); ++i) {
            m_pointer.push_back(std::to_string(i));
            const Shape element = compileInto(elements[i], logic[i], depth + 1);
            m_pointer.pop_back();
            allLiteral = allLiteral && elements[i].kind == Node::Kind::Literal;
            pure = pure && element.pure;
            key += std::to_string(element.id) + ',';
        }
        if (allLiteral) {
            Value* items = m_storage.allocateArray<Value>(logic.size());
            for (std::size_t i = 0; i < logic.size(); ++i)
                items[i] = elements[i].literal;
            node.kind = Node::Kind::Literal;
            node.literal = Value::array({items, logic.size()});
            return {shapeId("L" + logic.dump()), true};
        }
        node.kind = Node::Kind::ArrayOf;
        node.arguments = elements;
        node.argumentCount = narrowCount(logic.size());
        return {shapeId(key), pure};
    }

    std::uint32_t shapeId(const std::string& key)
    {
        return m_shapes.try_emplace(key, narrowCount(m_shapes.size())).first->second;
    }

    // Rules repeat themselves ("chronic" feeds a category, a factor and a
    // note). The second time a pure subtree appears, both places become Memo
    // nodes sharing one cache slot; a scalar result is computed at most once
    // per evaluation.
    void shareRepeatedWork(Node& node, std::uint32_t shape)
    {
        if (node.kind == Node::Kind::Literal || node.kind == Node::Kind::VarStatic ||
            node.kind == Node::Kind::WholeData)
            return; // already as cheap as a memo lookup
        const auto [seen, first] = m_firstNodeOfShape.try_emplace(shape, &node);
        if (first)
            return;
        Node& original = *seen->second;
        if (original.kind != Node::Kind::Memo)
            wrapInMemo(original, m_memoCount++);
        // Each place keeps its own subtree and only the cache is shared: an
        // array or object it returns (a literal [] or {}) stays its own, as
        // == and === compare those by identity.
        wrapInMemo(node, original.slot);
    }

    void wrapInMemo(Node& node, std::uint32_t slot)
    {
        Node* own = allocateNodes(1);
        *own = node;
        node = Node();
        node.kind = Node::Kind::Memo;
        node.arguments = own;
        node.argumentCount = 1;
        node.slot = slot;
    }

    Shape compileOperation(Node& node, const std::string& name, const nlohmann::json& operand, int depth)
    {
        bool pure = true;
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
            pure = op->pure;
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
        std::string key = name + '(';
        Node* arguments = allocateNodes(count);
        for (std::size_t i = 0; i < count; ++i) {
            if (listed)
                m_pointer.push_back(std::to_string(i));
            const Shape argument = compileInto(arguments[i], listed ? operand[i] : operand, depth + 1);
            if (listed)
                m_pointer.pop_back();
            pure = pure && argument.pure;
            key += std::to_string(argument.id) + ',';
        }
        node.arguments = arguments;
        node.argumentCount = narrowCount(count);
        if (node.kind == Node::Kind::VarDynamic)
            resolveStaticVar(node);
        else if (node.kind == Node::Kind::Missing)
            resolveStaticMissing(node);
        m_pointer.pop_back();
        return {shapeId(key), pure};
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
        makeStaticVar(node, js::toString(literal, m_storage));
        // Keep only the default, if any, as the single argument.
        node.arguments = node.argumentCount == 2 ? node.arguments + 1 : nullptr;
        node.argumentCount = node.argumentCount == 2 ? 1 : 0;
    }

    void makeStaticVar(Node& node, std::string_view path)
    {
        const auto segments = splitPath(path, m_storage);
        node.kind = Node::Kind::VarStatic;
        node.segments = segments.data();
        node.segmentCount = narrowCount(segments.size());
        node.slot = m_paths.try_emplace(std::string(path), narrowCount(m_paths.size())).first->second;
    }

    // {"missing": ["a", "b.c"]} with literal keys becomes one static var per key.
    void resolveStaticMissing(Node& node)
    {
        const bool listed = node.argumentCount == 1 && node.arguments[0].kind == Node::Kind::Literal &&
                            node.arguments[0].literal.isArray();
        std::span<const Value> keys;
        if (listed) {
            keys = node.arguments[0].literal.asArray();
        } else {
            Value* literals = m_storage.allocateArray<Value>(node.argumentCount);
            for (std::uint32_t i = 0; i < node.argumentCount; ++i) {
                if (node.arguments[i].kind != Node::Kind::Literal)
                    return;
                literals[i] = node.arguments[i].literal;
            }
            keys = {literals, node.argumentCount};
        }
        for (const Value& key : keys)
            if (!key.isString() || key.asString().empty())
                return; // rare forms keep the general path
        Node* lookups = allocateNodes(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i)
            makeStaticVar(lookups[i], keys[i].asString());
        node.kind = Node::Kind::MissingStatic;
        node.literal = Value::array(keys);
        node.arguments = lookups;
        node.argumentCount = narrowCount(keys.size());
    }

    Arena& m_storage;
    const OperatorRegistry& m_operators;
    std::vector<std::string> m_pointer;
    std::unordered_map<std::string, std::uint32_t> m_paths;
    std::unordered_map<std::string, std::uint32_t> m_shapes;
    std::unordered_map<std::uint32_t, Node*> m_firstNodeOfShape;
    std::uint32_t m_memoCount = 0;
};

namespace {

bool sameKey(std::string_view a, std::string_view b) noexcept
{
    return a.size() == b.size() &&
           (a.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0));
}

const Value* findMember(const Value& object, const PathSegment& segment) noexcept
{
    const auto members = object.asObject();
    const std::uint32_t hint = segment.memberHint.load(std::memory_order_relaxed);
    if (hint < members.size() && sameKey(members[hint].key, segment.key))
        return &members[hint].value;
    for (std::uint32_t i = 0; i < members.size(); ++i) {
        if (sameKey(members[i].key, segment.key)) {
            segment.memberHint.store(i, std::memory_order_relaxed);
            return &members[i].value;
        }
    }
    return nullptr;
}

// data[key] for one path step, as JavaScript property access sees JSON.
bool step(const Value& current, const PathSegment& segment, Value& next)
{
    switch (current.type()) {
    case Value::Type::Object:
        if (const Value* member = findMember(current, segment)) {
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
        // JavaScript counts UTF-16 code units: a character outside the Basic
        // Multilingual Plane (a 4-byte UTF-8 sequence) counts twice. Indexes
        // pick whole characters, as substr does.
        const std::string_view text = current.asString();
        std::size_t units = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if ((byte & 0xC0) == 0x80)
                continue;
            if (units == static_cast<std::size_t>(segment.index)) {
                std::size_t end = i + 1;
                while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
                    ++end;
                next = Value::string(text.substr(i, end - i));
                return true;
            }
            units += byte >= 0xF0 ? 2 : 1;
        }
        if (segment.key == "length") {
            next = Value::number(static_cast<double>(units));
            return true;
        }
        return false;
    }
    default:
        return false;
    }
}

// Follows a var path; false when a step is missing (the caller's default applies).
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

bool isMissing(bool present, const Value& found) noexcept
{
    return !present || found.isNull() || (found.isString() && found.asString().empty());
}

// One evaluation of a rule over one data value. Static var paths read from the
// root data are resolved once and remembered, since rules test the same
// answer many times.
class Evaluator final
{
public:
    Evaluator(Arena& arena, const Value& root, std::uint32_t pathCount, std::uint32_t memoCount)
        : m_arena(arena)
        , m_root(root)
        , m_paths(arena.allocateArray<CachedPath>(pathCount))
        , m_memos(arena.allocateArray<Memo>(memoCount))
    {
        for (std::uint32_t i = 0; i < pathCount; ++i)
            m_paths[i].state = CachedPath::State::Unknown;
        for (std::uint32_t i = 0; i < memoCount; ++i)
            m_memos[i].known = false;
    }

    Value evaluate(const Node& node, const Value& data)
    {
        switch (node.kind) {
        case Node::Kind::Literal:
            return node.literal;
        case Node::Kind::Call:
            return call(node, data);
        case Node::Kind::VarStatic: {
            Value found;
            if (staticLookup(node, data, found))
                return found;
            return node.argumentCount ? evaluate(node.arguments[0], data) : Value::null();
        }
        case Node::Kind::Memo: {
            // Inside map, filter and reduce the data changes: no memo there.
            if (!isRoot(data))
                return evaluate(node.arguments[0], data);
            Memo& memo = m_memos[node.slot];
            if (memo.known)
                return memo.value;
            const Value value = evaluate(node.arguments[0], data);
            // Arrays and objects are not shared: JavaScript builds new ones each
            // time, and ==, === and in compare them by identity.
            if (!value.isArray() && !value.isObject()) {
                memo.value = value;
                memo.known = true;
            }
            return value;
        }
        case Node::Kind::If: {
            std::uint32_t i = 0;
            for (; i + 1 < node.argumentCount; i += 2)
                if (js::truthy(operand(node.arguments[i], data)))
                    return operand(node.arguments[i + 1], data);
            return i + 1 == node.argumentCount ? operand(node.arguments[i], data) : Value::null();
        }
        case Node::Kind::And:
        case Node::Kind::Or: {
            // Both return the value that decided, not a boolean.
            const bool stopWhen = node.kind == Node::Kind::Or;
            Value current;
            for (std::uint32_t i = 0; i < node.argumentCount; ++i) {
                current = operand(node.arguments[i], data);
                if (js::truthy(current) == stopWhen)
                    return current;
            }
            return current;
        }
        case Node::Kind::VarDynamic: {
            Value found;
            if (dynamicLookup(data, evaluate(node.arguments[0], data), found))
                return found;
            return node.argumentCount > 1 ? evaluate(node.arguments[1], data) : Value::null();
        }
        case Node::Kind::WholeData:
            return data;
        case Node::Kind::ArrayOf:
            return Value::array(evaluateAll(node, data));
        case Node::Kind::Missing: {
            const auto values = evaluateAll(node, data);
            return missingKeys(!values.empty() && values[0].isArray() ? values[0].asArray() : values, data);
        }
        case Node::Kind::MissingStatic: {
            const auto keys = node.literal.asArray();
            Value* missing = m_arena.allocateArray<Value>(keys.size());
            std::size_t count = 0;
            for (std::uint32_t i = 0; i < node.argumentCount; ++i) {
                Value found;
                if (isMissing(staticLookup(node.arguments[i], data, found), found))
                    missing[count++] = keys[i];
            }
            return Value::array({missing, count});
        }
        case Node::Kind::MissingSome: {
            const double needed = js::toNumber(evaluate(node.arguments[0], data));
            const Value options = evaluate(node.arguments[1], data);
            const auto keys = options.isArray() ? options.asArray() : std::span<const Value>(&options, 1);
            const Value missing = missingKeys(keys, data);
            const auto present = static_cast<double>(keys.size() - missing.asArray().size());
            // A new empty array: [] === [] is false in JavaScript.
            return present >= needed ? Value::array({m_arena.allocateArray<Value>(0), 0}) : missing;
        }
        case Node::Kind::Map: {
            const auto items = scopedItems(node, data);
            Value* mapped = m_arena.allocateArray<Value>(items.size());
            for (std::size_t i = 0; i < items.size(); ++i)
                mapped[i] = evaluate(node.arguments[1], items[i]);
            return Value::array({mapped, items.size()});
        }
        case Node::Kind::Filter:
            return filtered(node, data);
        case Node::Kind::Reduce:
            return reduce(node, data);
        case Node::Kind::All: {
            const auto items = scopedItems(node, data);
            if (items.empty())
                return Value::boolean(false);
            for (const Value& item : items)
                if (!js::truthy(evaluate(node.arguments[1], item)))
                    return Value::boolean(false);
            return Value::boolean(true);
        }
        case Node::Kind::None:
            return Value::boolean(filtered(node, data).asArray().empty());
        case Node::Kind::Some:
            return Value::boolean(!filtered(node, data).asArray().empty());
        }
        return Value::null();
    }

private:
    // Most operands are literals and answers: read those without a recursive call.
    Value operand(const Node& node, const Value& data)
    {
        if (node.kind == Node::Kind::Literal)
            return node.literal;
        if (node.kind == Node::Kind::VarStatic && node.argumentCount == 0) {
            Value found;
            return staticLookup(node, data, found) ? found : Value::null();
        }
        return evaluate(node, data);
    }

    struct Memo
    {
        Value value;
        bool known;
    };

    struct CachedPath
    {
        enum class State : std::uint8_t
        {
            Unknown,
            Found,
            Missing
        };
        Value value;
        State state;
    };

    Value call(const Node& node, const Value& data)
    {
        // Most operations take a few arguments: keep them on the stack.
        constexpr std::uint32_t kInline = 4;
        if (node.argumentCount <= kInline) {
            Value values[kInline];
            for (std::uint32_t i = 0; i < node.argumentCount; ++i)
                values[i] = operand(node.arguments[i], data);
            return node.function({values, node.argumentCount}, m_arena);
        }
        return node.function(evaluateAll(node, data), m_arena);
    }

    std::span<const Value> evaluateAll(const Node& node, const Value& data)
    {
        Value* values = m_arena.allocateArray<Value>(node.argumentCount);
        for (std::uint32_t i = 0; i < node.argumentCount; ++i)
            values[i] = evaluate(node.arguments[i], data);
        return {values, node.argumentCount};
    }

    bool isRoot(const Value& data) const noexcept
    {
        // Storage alone is not enough: "a", the first letter of a root "abc",
        // starts at the same address.
        return data.type() == m_root.type() && data.identity() == m_root.identity() &&
               (!data.isString() || data.asString().size() == m_root.asString().size()) &&
               (!data.isArray() || data.asArray().size() == m_root.asArray().size());
    }

    bool staticLookup(const Node& node, const Value& data, Value& found)
    {
        if (!isRoot(data))
            return lookup(data, {node.segments, node.segmentCount}, found);
        CachedPath& cached = m_paths[node.slot];
        if (cached.state == CachedPath::State::Unknown) {
            const bool present = lookup(data, {node.segments, node.segmentCount}, cached.value);
            cached.state = present ? CachedPath::State::Found : CachedPath::State::Missing;
        }
        found = cached.value;
        return cached.state == CachedPath::State::Found;
    }

    bool dynamicLookup(const Value& data, const Value& path, Value& found)
    {
        if (path.isNull() || (path.isString() && path.asString().empty())) {
            found = data;
            return true;
        }
        return lookup(data, splitPath(js::toString(path, m_arena), m_arena), found);
    }

    Value missingKeys(std::span<const Value> keys, const Value& data)
    {
        Value* missing = m_arena.allocateArray<Value>(keys.size());
        std::size_t count = 0;
        for (const Value& key : keys) {
            Value found;
            bool present = false;
            if (key.isArray()) {
                // json-logic-js looks a key up as {"var": key}: a list is a path and a default.
                const auto parts = key.asArray();
                present = dynamicLookup(data, parts.empty() ? Value::null() : parts[0], found);
                if (!present && parts.size() > 1) {
                    found = parts[1];
                    present = true;
                }
            } else {
                present = dynamicLookup(data, key, found);
            }
            if (isMissing(present, found))
                missing[count++] = key;
        }
        return Value::array({missing, count});
    }

    // The array a map, filter, reduce, all, none or some runs over; not an array: none.
    std::span<const Value> scopedItems(const Node& node, const Value& data)
    {
        const Value scoped = evaluate(node.arguments[0], data);
        return scoped.isArray() ? scoped.asArray() : std::span<const Value>();
    }

    Value filtered(const Node& node, const Value& data)
    {
        const auto items = scopedItems(node, data);
        Value* kept = m_arena.allocateArray<Value>(items.size());
        std::size_t count = 0;
        for (const Value& item : items)
            if (js::truthy(evaluate(node.arguments[1], item)))
                kept[count++] = item;
        return Value::array({kept, count});
    }

    Value reduce(const Node& node, const Value& data)
    {
        const Value scoped = evaluate(node.arguments[0], data);
        Value accumulator = node.argumentCount > 2 ? evaluate(node.arguments[2], data) : Value::null();
        if (!scoped.isArray())
            return accumulator;
        for (const Value& item : scoped.asArray()) {
            auto* context = m_arena.allocateArray<Value::Member>(2);
            context[0] = {"current", item};
            context[1] = {"accumulator", accumulator};
            accumulator = evaluate(node.arguments[1], Value::object({context, 2}));
        }
        return accumulator;
    }

    Arena& m_arena;
    const Value m_root;
    CachedPath* m_paths;
    Memo* m_memos;
};

} // namespace

Rule::Rule()
    // The tree's size follows the rule's text, which is already in memory:
    // the bound of an evaluation does not apply to it.
    : m_storage(std::make_unique<Arena>(4096, std::numeric_limits<std::size_t>::max()))
{
    Node* literalNull = m_storage->allocateArray<Node>(1);
    new (literalNull) Node();
    m_root = literalNull;
}

Rule::Rule(Rule&&) noexcept = default;
Rule& Rule::operator=(Rule&&) noexcept = default;
Rule::~Rule() = default;

Rule Rule::compile(const nlohmann::json& logic, const OperatorRegistry& operators)
{
    Rule rule;
    Compiler compiler(*rule.m_storage, operators);
    rule.m_root = compiler.compile(logic);
    rule.m_pathCount = compiler.pathCount();
    rule.m_memoCount = compiler.memoCount();
    return rule;
}

Rule Rule::parse(std::string_view jsonText, const OperatorRegistry& operators)
{
    return compile(parseJson(jsonText), operators);
}

Value Rule::evaluate(const Value& data, Arena& arena) const
{
    return Evaluator(arena, data, m_pathCount, m_memoCount).evaluate(*m_root, data);
}

nlohmann::json Rule::apply(const nlohmann::json& data) const
{
    Arena arena;
    return toJson(evaluate(fromJson(data, arena), arena));
}

} // namespace spinepath::jsonlogic
