#pragma once

#include "core/jsonlogic/Operators.h"
#include "core/jsonlogic/Value.h"

#include <atomic>
#include <cstdint>
#include <string_view>

namespace spinepath::jsonlogic {

// One step of a var path, split at compile time: "a.0.b" is three segments.
struct PathSegment
{
    PathSegment(std::string_view k, std::int64_t i) noexcept
        : key(k)
        , index(i)
    {}

    std::string_view key;
    std::int64_t index = -1; // the key as an array index, or -1 if it is not one
    // Where this key was found in the last object looked at. Answer sets of a
    // stream share one shape, so the next lookup usually hits at once. Only a
    // hint: a relaxed atomic keeps concurrent evaluations of one rule safe.
    mutable std::atomic<std::uint32_t> memberHint{0};
};

// A node of a compiled rule. Which fields matter depends on the kind.
struct Node
{
    enum class Kind : std::uint8_t
    {
        Literal,    // literal
        ArrayOf,    // arguments: the elements of a rule that is an array
        Call,       // function(arguments)
        VarStatic,  // segments; arguments[0] is the default if count > 0
        VarDynamic, // arguments[0] the path, arguments[1] the default
        WholeData,  // {"var": ""}: the data itself
        Memo,       // arguments[0]: a subtree that appears more than once; slot: its cache
        If,         // condition, value pairs and an optional else
        And,
        Or,
        Missing,
        MissingStatic, // arguments: a VarStatic per key; literal: the keys
        MissingSome,
        Map,
        Filter,
        Reduce,
        All,
        None,
        Some,
    };

    Kind kind = Kind::Literal;
    std::uint32_t argumentCount = 0;
    std::uint32_t segmentCount = 0;
    std::uint32_t slot = 0; // VarStatic, Memo: index into the per-evaluation caches
    const Node* arguments = nullptr;
    const PathSegment* segments = nullptr;
    OperatorFunction function = nullptr;
    Value literal;
};

} // namespace spinepath::jsonlogic
