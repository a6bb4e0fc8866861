#pragma once

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Operators.h"
#include "core/jsonlogic/Value.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string_view>

namespace spinepath::jsonlogic {

struct Node;

// A JsonLogic rule compiled once into an evaluation tree: operators are bound
// to functions and var paths split into segments at compile time, so
// evaluation does no parsing and no operator lookups. A Rule is immutable and
// may be evaluated from several threads, each with its own Arena.
class Rule final
{
public:
    // Compiles a rule; throws RuleError with the JSON pointer of a bad node
    // (unknown operator, wrong number of arguments, nesting too deep).
    [[nodiscard]] static Rule compile(const nlohmann::json& logic,
                                      const OperatorRegistry& operators = OperatorRegistry::standard());
    // Parses JSON text, then compiles it; malformed JSON throws JsonError.
    [[nodiscard]] static Rule parse(std::string_view jsonText,
                                    const OperatorRegistry& operators = OperatorRegistry::standard());

    // A rule that evaluates to null.
    Rule();
    Rule(Rule&&) noexcept;
    Rule& operator=(Rule&&) noexcept;
    Rule(const Rule&) = delete;
    Rule& operator=(const Rule&) = delete;
    ~Rule();

    // The result points into the arena, the data and the rule: use it (print
    // it, copy it) before resetting the arena.
    [[nodiscard]] Value evaluate(const Value& data, Arena& arena) const;

    // Convenience for code off the hot path.
    [[nodiscard]] nlohmann::json apply(const nlohmann::json& data) const;

private:
    std::unique_ptr<Arena> m_storage; // the tree and its constants
    const Node* m_root = nullptr;
    std::uint32_t m_pathCount = 0; // distinct static var paths, cached per evaluation
    std::uint32_t m_memoCount = 0; // repeated subtrees, shared within an evaluation

    friend class Compiler;
};

} // namespace spinepath::jsonlogic
