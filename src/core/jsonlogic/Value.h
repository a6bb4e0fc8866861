#pragma once

#include "core/jsonlogic/Errors.h"

#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

namespace spinepath::jsonlogic {

class Arena;

// A JSON value as JsonLogic sees it. It is 16 bytes, trivially copyable and
// never owns memory: strings, arrays and objects point into an Arena (or into
// a parsed document, or a compiled rule) that outlives the evaluation. That is
// what lets a rule run without a single heap allocation per value.
class Value
{
public:
    enum class Type : std::uint8_t
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object
    };
    struct Member;

    constexpr Value() noexcept
        : m_number(0)
    {}

    static constexpr Value null() noexcept { return {}; }
    static constexpr Value boolean(bool b) noexcept
    {
        Value v;
        v.m_type = Type::Bool;
        v.m_bool = b;
        return v;
    }
    static constexpr Value number(double n) noexcept
    {
        Value v;
        v.m_type = Type::Number;
        v.m_number = n;
        return v;
    }
    // A number that the JSON text wrote without fraction or exponent ("5",
    // not "5.0"): FHIR integer answers must be written that way.
    static constexpr Value integerLiteral(double n) noexcept
    {
        Value v = number(n);
        v.m_size = 1;
        return v;
    }
    // A number the JSON text wrote with a fraction or exponent ("5.0", "1e1").
    static constexpr Value decimalLiteral(double n) noexcept
    {
        Value v = number(n);
        v.m_size = 2;
        return v;
    }
    // The most characters, items or members a value holds. Longer ones are
    // refused with LimitError: a 4 GiB string once wrapped to "".
    static constexpr std::size_t kMaxSize = std::numeric_limits<std::uint32_t>::max();

    // The characters are not copied: they must outlive the value.
    static Value string(std::string_view s)
    {
        Value v;
        v.m_type = Type::String;
        v.m_size = checkedSize(s.size());
        v.m_string = s.data();
        return v;
    }
    static Value array(std::span<const Value> items)
    {
        Value v;
        v.m_type = Type::Array;
        v.m_size = checkedSize(items.size());
        v.m_array = items.data();
        return v;
    }
    static Value object(std::span<const Member> members);

    [[nodiscard]] Type type() const noexcept { return m_type; }
    [[nodiscard]] bool isNull() const noexcept { return m_type == Type::Null; }
    [[nodiscard]] bool isBool() const noexcept { return m_type == Type::Bool; }
    [[nodiscard]] bool isNumber() const noexcept { return m_type == Type::Number; }
    [[nodiscard]] bool isIntegerLiteral() const noexcept { return m_type == Type::Number && m_size == 1; }
    [[nodiscard]] bool isDecimalLiteral() const noexcept { return m_type == Type::Number && m_size == 2; }
    [[nodiscard]] bool isString() const noexcept { return m_type == Type::String; }
    [[nodiscard]] bool isArray() const noexcept { return m_type == Type::Array; }
    [[nodiscard]] bool isObject() const noexcept { return m_type == Type::Object; }

    [[nodiscard]] bool asBool() const noexcept { return m_bool; }
    [[nodiscard]] double asNumber() const noexcept { return m_number; }
    [[nodiscard]] std::string_view asString() const noexcept { return {m_string, m_size}; }
    [[nodiscard]] std::span<const Value> asArray() const noexcept { return {m_array, m_size}; }
    [[nodiscard]] std::span<const Member> asObject() const noexcept;

    // Object member by key, or nullptr.
    [[nodiscard]] const Value* find(std::string_view key) const noexcept;

    // Identity, as JavaScript compares arrays and objects with === .
    [[nodiscard]] const void* identity() const noexcept { return m_array; }

private:
    static std::uint32_t checkedSize(std::size_t size)
    {
        if (size > kMaxSize)
            throw LimitError("a value of " + std::to_string(size) +
                             " characters or items is longer than the 4294967295 a value can hold");
        return static_cast<std::uint32_t>(size);
    }

    Type m_type = Type::Null;
    std::uint32_t m_size = 0;
    union {
        bool m_bool;
        double m_number;
        const char* m_string;
        const Value* m_array;
        const Member* m_object;
    };
};

struct Value::Member
{
    std::string_view key;
    Value value;
};

inline Value Value::object(std::span<const Member> members)
{
    Value v;
    v.m_type = Type::Object;
    v.m_size = checkedSize(members.size());
    v.m_object = members.data();
    return v;
}

inline std::span<const Value::Member> Value::asObject() const noexcept
{
    return {m_object, m_size};
}

inline const Value* Value::find(std::string_view key) const noexcept
{
    for (const Member& member : asObject())
        if (member.key == key)
            return &member.value;
    return nullptr;
}

// JavaScript semantics, as json-logic-js inherits them from the language.
namespace js {

// JsonLogic truthiness: JavaScript's, except that an empty array is falsy.
[[nodiscard]] bool truthy(const Value& v) noexcept;
// ToNumber (Number(x)): "" and null are 0, "abc" is NaN, [5] is 5.
[[nodiscard]] double toNumber(const Value& v);
// parseFloat(String(x)): the longest numeric prefix, NaN if there is none.
[[nodiscard]] double parseFloat(const Value& v, Arena& arena);
// String(x); arrays join with ",", objects are "[object Object]".
[[nodiscard]] std::string_view toString(const Value& v, Arena& arena);
// Number.prototype.toString: shortest round-trip digits, exponent past 1e21.
// Writes at most 32 characters into buffer and returns them.
std::string_view formatNumber(double n, char* buffer) noexcept;
// ==, ===, <, <= with JavaScript's coercions.
[[nodiscard]] bool looseEquals(const Value& a, const Value& b, Arena& arena);
[[nodiscard]] bool strictEquals(const Value& a, const Value& b) noexcept;
[[nodiscard]] bool lessThan(const Value& a, const Value& b, Arena& arena);
[[nodiscard]] bool lessOrEqual(const Value& a, const Value& b, Arena& arena);

} // namespace js
} // namespace spinepath::jsonlogic
