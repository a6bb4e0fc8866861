#pragma once

#include "core/jsonlogic/Value.h"

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

namespace spinepath::jsonlogic {

class Arena;

// An operation over already-evaluated arguments. Results that need memory
// (strings, arrays) take it from the arena.
using OperatorFunction = Value (*)(std::span<const Value> arguments, Arena& arena);

struct Operator
{
    OperatorFunction function = nullptr;
    int minArguments = 0;
    int maxArguments = -1; // -1: no limit
    // False for operations with side effects (log): their results are never
    // shared between places in a rule that look alike.
    bool pure = true;
};

// The table of eager operations a compiled rule may call. The control forms
// that decide which arguments to evaluate (if, and, or, var, missing,
// missing_some, map, filter, reduce, all, none, some) belong to the compiler;
// everything else is looked up here once, at compile time. Add operations to a
// copy of standard() to extend the language without touching the engine.
class OperatorRegistry final
{
public:
    OperatorRegistry() = default;

    // The standard JsonLogic operations, with json-logic-js semantics.
    [[nodiscard]] static const OperatorRegistry& standard();

    // Adds or replaces an operation.
    void add(std::string name, Operator op);
    [[nodiscard]] const Operator* find(std::string_view name) const;

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Operator, Hash, std::equal_to<>> m_operators;
};

} // namespace spinepath::jsonlogic
