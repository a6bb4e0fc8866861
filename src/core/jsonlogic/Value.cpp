#include "core/jsonlogic/Value.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace spinepath::jsonlogic::js {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

bool isSpace(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trimmed(std::string_view s, bool trailingToo) noexcept
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (trailingToo && !s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

bool isDigit(char c) noexcept
{
    return c >= '0' && c <= '9';
}

// Length of the longest prefix of s that is a JavaScript StrDecimalLiteral
// (sign, digits, fraction, exponent, or Infinity); 0 if there is none.
std::size_t decimalPrefix(std::string_view s, double& value)
{
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        negative = s[i++] == '-';
    if (s.substr(i).starts_with("Infinity")) {
        value = negative ? -kInfinity : kInfinity;
        return i + 8;
    }
    const std::size_t numberStart = i;
    std::size_t digits = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        std::size_t j = i + 1;
        std::size_t fraction = 0;
        while (j < s.size() && isDigit(s[j]))
            ++j, ++fraction;
        if (digits + fraction > 0) {
            digits += fraction;
            i = j;
        }
    }
    if (digits == 0)
        return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-'))
            ++j;
        const std::size_t exponentStart = j;
        while (j < s.size() && isDigit(s[j]))
            ++j;
        if (j > exponentStart)
            i = j;
    }
    // from_chars wants no leading '+', and accepts a trailing '.' only as part of
    // a longer literal, so parse a cleaned copy of the literal.
    std::string literal(s.substr(numberStart, i - numberStart));
    if (!literal.empty() && literal.back() == '.')
        literal.pop_back();
    if (!literal.empty() && literal.front() == '.')
        literal.insert(literal.begin(), '0');
    const auto dot = literal.find(".e");
    if (dot != std::string::npos)
        literal.erase(dot, 1);
    const auto dotE = literal.find(".E");
    if (dotE != std::string::npos)
        literal.erase(dotE, 1);
    double parsed = 0;
    const auto result = std::from_chars(literal.data(), literal.data() + literal.size(), parsed);
    if (result.ec == std::errc::result_out_of_range) {
        // Overflow is Infinity in JavaScript, underflow is zero.
        const bool tiny =
            literal.find_first_of("eE") != std::string::npos && literal.find("e-") != std::string::npos;
        parsed = tiny ? 0.0 : kInfinity;
    }
    value = negative ? -parsed : parsed;
    return i;
}

double stringToNumber(std::string_view s)
{
    s = trimmed(s, true);
    if (s.empty())
        return 0;
    if (s.size() > 2 && s[0] == '0' &&
        (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B')) {
        const int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
        double value = 0;
        for (char c : s.substr(2)) {
            int digit = isDigit(c)               ? c - '0'
                        : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                 : 99;
            if (digit >= base)
                return kNaN;
            value = value * base + digit;
        }
        return value;
    }
    double value = 0;
    return decimalPrefix(s, value) == s.size() ? value : kNaN;
}

// ToPrimitive for the coercions above: arrays and objects become strings.
Value toPrimitive(const Value& v, Arena& arena)
{
    if (v.isArray() || v.isObject())
        return Value::string(toString(v, arena));
    return v;
}

// String(x) of an array or object. Items can share one string, so an array of
// a million references to a large string would make a text far larger than
// the arena holds: the text stops at `limit` bytes with LimitError. The depth
// is bounded for the same reason as in JSON: a reduce can nest arrays deeper
// than any parsed document, and the recursion must not exhaust the stack.
void appendString(std::string& out, const Value& v, std::size_t limit, int depth = 0)
{
    char buffer[32];
    switch (v.type()) {
    case Value::Type::Null:
        out += "null";
        break;
    case Value::Type::Bool:
        out += v.asBool() ? "true" : "false";
        break;
    case Value::Type::Number:
        out += formatNumber(v.asNumber(), buffer);
        break;
    case Value::Type::String:
        if (v.asString().size() > limit - std::min(limit, out.size()))
            throw LimitError(limit);
        out += v.asString();
        break;
    case Value::Type::Array: {
        if (depth > kMaxJsonDepth)
            throw LimitError("a value is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
        bool first = true;
        for (const Value& item : v.asArray()) {
            if (!first)
                out += ',';
            first = false;
            if (!item.isNull())
                appendString(out, item, limit, depth + 1);
            if (out.size() > limit)
                throw LimitError(limit);
        }
        break;
    }
    case Value::Type::Object:
        out += "[object Object]";
        break;
    }
}

} // namespace

bool truthy(const Value& v) noexcept
{
    switch (v.type()) {
    case Value::Type::Null:
        return false;
    case Value::Type::Bool:
        return v.asBool();
    case Value::Type::Number:
        return v.asNumber() != 0 && !std::isnan(v.asNumber());
    case Value::Type::String:
        return !v.asString().empty();
    case Value::Type::Array:
        return !v.asArray().empty();
    case Value::Type::Object:
        return true;
    }
    return false;
}

double toNumber(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return 0;
    case Value::Type::Bool:
        return v.asBool() ? 1 : 0;
    case Value::Type::Number:
        return v.asNumber();
    case Value::Type::String:
        return stringToNumber(v.asString());
    case Value::Type::Array: {
        const auto items = v.asArray();
        if (items.empty())
            return 0;
        // String() of two or more items holds a comma, which no number has;
        // so no text is built (it could be far larger than any arena).
        if (items.size() > 1)
            return kNaN;
        const Value& item = items[0];
        if (item.isNull())
            return 0; // String([null]) is ""
        if (item.isBool() || item.isObject())
            return kNaN; // "true", "[object Object]"
        if (item.isArray()) {
            // String([x]) is String(x): unwrapped in a loop, however deep.
            const Value* inner = &item;
            while (inner->isArray() && inner->asArray().size() == 1)
                inner = &inner->asArray()[0];
            return inner->isArray() ? toNumber(*inner) : toNumber(Value::array({inner, 1}));
        }
        return toNumber(item);
    }
    case Value::Type::Object:
        return kNaN;
    }
    return kNaN;
}

double parseFloat(const Value& v, Arena& arena)
{
    if (v.isNumber())
        return v.asNumber() + 0.0; // String(-0) is "0", so parseFloat(-0) is 0
    const std::string_view text = trimmed(toString(v, arena), false);
    double value = 0;
    return decimalPrefix(text, value) > 0 ? value : kNaN;
}

std::string_view toString(const Value& v, Arena& arena)
{
    switch (v.type()) {
    case Value::Type::Null:
        return "null";
    case Value::Type::Bool:
        return v.asBool() ? "true" : "false";
    case Value::Type::String:
        return v.asString();
    case Value::Type::Number: {
        char buffer[32];
        return arena.copy(formatNumber(v.asNumber(), buffer));
    }
    case Value::Type::Array:
    case Value::Type::Object: {
        std::string text;
        appendString(text, v, arena.limit());
        return arena.copy(text);
    }
    }
    return {};
}

std::string_view formatNumber(double n, char* buffer) noexcept
{
    if (std::isnan(n)) {
        std::memcpy(buffer, "NaN", 3);
        return {buffer, 3};
    }
    if (n == 0) {
        buffer[0] = '0';
        return {buffer, 1};
    }
    char* out = buffer;
    if (n < 0) {
        *out++ = '-';
        n = -n;
    }
    if (std::isinf(n)) {
        std::memcpy(out, "Infinity", 8);
        return {buffer, static_cast<std::size_t>(out + 8 - buffer)};
    }
    // Integers below 2^53 are the common case and print as themselves.
    if (n < 9007199254740992.0 && n == std::floor(n)) {
        const auto result = std::to_chars(out, out + 20, static_cast<std::int64_t>(n));
        return {buffer, static_cast<std::size_t>(result.ptr - buffer)};
    }
    char scientific[32];
    const auto result =
        std::to_chars(scientific, scientific + sizeof scientific, n, std::chars_format::scientific);
    const std::string_view text(scientific, static_cast<std::size_t>(result.ptr - scientific));
    const std::size_t ePos = text.find('e');
    char digits[20];
    int k = 0;
    for (char c : text.substr(0, ePos))
        if (c != '.')
            digits[k++] = c;
    int exponent = 0;
    std::from_chars(text.data() + ePos + (text[ePos + 1] == '+' ? 2 : 1), text.data() + text.size(),
                    exponent);
    const int pointPosition = exponent + 1; // JavaScript's n
    if (k <= pointPosition && pointPosition <= 21) {
        std::memcpy(out, digits, static_cast<std::size_t>(k));
        out += k;
        for (int i = k; i < pointPosition; ++i)
            *out++ = '0';
    } else if (0 < pointPosition && pointPosition <= 21) {
        std::memcpy(out, digits, static_cast<std::size_t>(pointPosition));
        out += pointPosition;
        *out++ = '.';
        std::memcpy(out, digits + pointPosition, static_cast<std::size_t>(k - pointPosition));
        out += k - pointPosition;
    } else if (-6 < pointPosition && pointPosition <= 0) {
        *out++ = '0';
        *out++ = '.';
        for (int i = 0; i < -pointPosition; ++i)
            *out++ = '0';
        std::memcpy(out, digits, static_cast<std::size_t>(k));
        out += k;
    } else {
        *out++ = digits[0];
        if (k > 1) {
            *out++ = '.';
            std::memcpy(out, digits + 1, static_cast<std::size_t>(k - 1));
            out += k - 1;
        }
        *out++ = 'e';
        *out++ = pointPosition - 1 < 0 ? '-' : '+';
        const auto written = std::to_chars(out, out + 5, std::abs(pointPosition - 1));
        out = written.ptr;
    }
    return {buffer, static_cast<std::size_t>(out - buffer)};
}

bool strictEquals(const Value& a, const Value& b) noexcept
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Null:
        return true;
    case Value::Type::Bool:
        return a.asBool() == b.asBool();
    case Value::Type::Number:
        return a.asNumber() == b.asNumber();
    case Value::Type::String:
        return a.asString() == b.asString();
    case Value::Type::Array:
    case Value::Type::Object:
        return a.identity() == b.identity();
    }
    return false;
}

bool looseEquals(const Value& a, const Value& b, Arena& arena)
{
    using T = Value::Type;
    if (a.type() == b.type())
        return strictEquals(a, b);
    if (a.isNull() || b.isNull())
        return false;
    if (a.isBool())
        return looseEquals(Value::number(a.asBool() ? 1 : 0), b, arena);
    if (b.isBool())
        return looseEquals(a, Value::number(b.asBool() ? 1 : 0), arena);
    const bool aObject = a.type() == T::Array || a.type() == T::Object;
    const bool bObject = b.type() == T::Array || b.type() == T::Object;
    if (aObject && bObject)
        return false; // different kinds of object are never the same object
    if (aObject)
        return looseEquals(toPrimitive(a, arena), b, arena);
    if (bObject)
        return looseEquals(a, toPrimitive(b, arena), arena);
    // One number and one string remain.
    return toNumber(a) == toNumber(b);
}

bool lessThan(const Value& a, const Value& b, Arena& arena)
{
    const Value pa = toPrimitive(a, arena);
    const Value pb = toPrimitive(b, arena);
    if (pa.isString() && pb.isString())
        return pa.asString() < pb.asString();
    return toNumber(pa) < toNumber(pb);
}

bool lessOrEqual(const Value& a, const Value& b, Arena& arena)
{
    const Value pa = toPrimitive(a, arena);
    const Value pb = toPrimitive(b, arena);
    if (pa.isString() && pb.isString())
        return pa.asString() <= pb.asString();
    return toNumber(pa) <= toNumber(pb);
}

} // namespace spinepath::jsonlogic::js
