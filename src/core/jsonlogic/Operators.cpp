#include "core/jsonlogic/Operators.h"

#include "core/jsonlogic/Arena.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/jsonlogic/Json.h"

namespace spinepath::jsonlogic {
namespace {

using Args = std::span<const Value>;

Value equals(Args a, Arena& arena)
{
    return Value::boolean(js::looseEquals(a[0], a[1], arena));
}
Value notEquals(Args a, Arena& arena)
{
    return Value::boolean(!js::looseEquals(a[0], a[1], arena));
}
Value strictEquals(Args a, Arena&)
{
    return Value::boolean(js::strictEquals(a[0], a[1]));
}
Value strictNotEquals(Args a, Arena&)
{
    return Value::boolean(!js::strictEquals(a[0], a[1]));
}
Value negate(Args a, Arena&)
{
    return Value::boolean(!js::truthy(a[0]));
}
Value doubleNegate(Args a, Arena&)
{
    return Value::boolean(js::truthy(a[0]));
}

// a < b, or a < b < c with three arguments, as json-logic-js defines it.
Value less(Args a, Arena& arena)
{
    const bool first = js::lessThan(a[0], a[1], arena);
    return Value::boolean(a.size() == 3 ? first && js::lessThan(a[1], a[2], arena) : first);
}
Value lessOrEqual(Args a, Arena& arena)
{
    const bool first = js::lessOrEqual(a[0], a[1], arena);
    return Value::boolean(a.size() == 3 ? first && js::lessOrEqual(a[1], a[2], arena) : first);
}
Value greater(Args a, Arena& arena)
{
    return Value::boolean(js::lessThan(a[1], a[0], arena));
}
Value greaterOrEqual(Args a, Arena& arena)
{
    return Value::boolean(js::lessOrEqual(a[1], a[0], arena));
}

Value plus(Args a, Arena& arena)
{
    double sum = 0;
    for (const Value& v : a)
        sum += js::parseFloat(v, arena);
    return Value::number(sum);
}
// json-logic-js reduces without a start value: a single argument comes back unchanged.
Value times(Args a, Arena& arena)
{
    if (a.size() == 1)
        return a[0];
    double product = js::parseFloat(a[0], arena);
    for (const Value& v : a.subspan(1))
        product *= js::parseFloat(v, arena);
    return Value::number(product);
}
Value minus(Args a, Arena&)
{
    if (a.size() == 1)
        return Value::number(-js::toNumber(a[0]));
    return Value::number(js::toNumber(a[0]) - js::toNumber(a[1]));
}
Value divide(Args a, Arena&)
{
    return Value::number(js::toNumber(a[0]) / js::toNumber(a[1]));
}
Value modulo(Args a, Arena&)
{
    return Value::number(std::fmod(js::toNumber(a[0]), js::toNumber(a[1])));
}

template <bool Largest> Value extreme(Args a, Arena&)
{
    double best =
        Largest ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    for (const Value& v : a) {
        const double n = js::toNumber(v);
        if (std::isnan(n))
            return Value::number(n);
        best = Largest ? std::max(best, n) : std::min(best, n);
    }
    return Value::number(best);
}

// json-logic-js joins its arguments, so null contributes nothing (not "null").
// The parts are measured first and joined once in the arena: no temporary as
// long as the result, and a result past the arena's limit is refused before
// anything is copied (a reduce that doubles a string stops there).
Value concatenate(Args a, Arena& arena)
{
    if (a.size() == 1 && a[0].isString())
        return a[0];
    auto* parts = arena.allocateArray<std::string_view>(a.size());
    std::size_t total = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        parts[i] = a[i].isNull() ? std::string_view() : js::toString(a[i], arena);
        if (parts[i].size() > arena.limit() - std::min(arena.limit(), total))
            arena.throwLimitReached();
        total += parts[i].size();
    }
    char* text = arena.allocateArray<char>(total);
    std::size_t used = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!parts[i].empty())
            std::memcpy(text + used, parts[i].data(), parts[i].size());
        used += parts[i].size();
    }
    return Value::string({text, total});
}

// The byte offset of code point `index` (counted as JavaScript counts text in
// the Basic Multilingual Plane), or the end. Walks the text instead of keeping
// a table of offsets, which took eight bytes per byte of a long string.
std::size_t codePointOffset(std::string_view s, long long index)
{
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && index-- == 0)
            return i;
    return s.size();
}

long long codePointCount(std::string_view s)
{
    return static_cast<long long>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

long long clampIndex(double position, long long length)
{
    if (std::isnan(position))
        return 0;
    if (position < 0)
        return std::max(0LL, length + static_cast<long long>(std::max(position, -1e18)));
    return std::min(length, static_cast<long long>(std::min(position, 1e18)));
}

Value substring(Args a, Arena& arena)
{
    const std::string_view source = js::toString(a[0], arena);
    const long long length = codePointCount(source);
    const long long start = clampIndex(std::trunc(js::toNumber(a[1])), length);
    long long end = length;
    if (a.size() == 3) {
        const double count = js::toNumber(a[2]);
        if (count < 0) {
            // json-logic-js: temp = substr(start); temp.substr(0, temp.length + end).
            // A string (or array) end makes that + a concatenation, which keeps nothing.
            const double kept = a[2].isNumber() ? std::trunc(static_cast<double>(length - start) + count) : 0;
            end = start + static_cast<long long>(std::clamp(kept, 0.0, static_cast<double>(length - start)));
        } else if (!std::isnan(count)) {
            end = std::min(length, start + static_cast<long long>(std::min(std::trunc(count), 1e18)));
        } else {
            end = start;
        }
    }
    const std::size_t from = codePointOffset(source, start);
    const std::size_t to = from + codePointOffset(source.substr(from), std::max(start, end) - start);
    return Value::string(source.substr(from, to - from));
}

Value contains(Args a, Arena& arena)
{
    // json-logic-js starts with if (!b) return false, so "" contains nothing.
    if (a[1].isString())
        return Value::boolean(!a[1].asString().empty() &&
                              a[1].asString().find(js::toString(a[0], arena)) != std::string_view::npos);
    if (a[1].isArray()) {
        const auto items = a[1].asArray();
        return Value::boolean(std::any_of(items.begin(), items.end(),
                                          [&](const Value& item) { return js::strictEquals(item, a[0]); }));
    }
    return Value::boolean(false);
}

Value merge(Args a, Arena& arena)
{
    std::size_t count = 0;
    for (const Value& v : a)
        count += v.isArray() ? v.asArray().size() : 1;
    Value* items = arena.allocateArray<Value>(count);
    std::size_t i = 0;
    for (const Value& v : a) {
        if (v.isArray())
            for (const Value& item : v.asArray())
                items[i++] = item;
        else
            items[i++] = v;
    }
    return Value::array({items, count});
}

// Writes to stderr only: a log file must never receive answer values.
Value logValue(Args a, Arena&)
{
    std::string text;
    appendJson(text, a[0]);
    text += '\n';
    std::fputs(text.c_str(), stderr);
    return a[0];
}

OperatorRegistry makeStandard()
{
    OperatorRegistry r;
    r.add("==", {equals, 2, 2});
    r.add("!=", {notEquals, 2, 2});
    r.add("===", {strictEquals, 2, 2});
    r.add("!==", {strictNotEquals, 2, 2});
    r.add("!", {negate, 1, 1});
    r.add("!!", {doubleNegate, 1, 1});
    r.add("<", {less, 2, 3});
    r.add("<=", {lessOrEqual, 2, 3});
    r.add(">", {greater, 2, 2});
    r.add(">=", {greaterOrEqual, 2, 2});
    r.add("+", {plus, 0, -1});
    r.add("*", {times, 1, -1});
    r.add("-", {minus, 1, 2});
    r.add("/", {divide, 2, 2});
    r.add("%", {modulo, 2, 2});
    r.add("max", {extreme<true>, 0, -1});
    r.add("min", {extreme<false>, 0, -1});
    r.add("cat", {concatenate, 0, -1});
    r.add("substr", {substring, 2, 3});
    r.add("in", {contains, 2, 2});
    r.add("merge", {merge, 0, -1});
    r.add("log", {logValue, 1, 1, false});
    return r;
}

} // namespace

const OperatorRegistry& OperatorRegistry::standard()
{
    static const OperatorRegistry registry = makeStandard();
    return registry;
}

void OperatorRegistry::add(std::string name, Operator op)
{
    m_operators.insert_or_assign(std::move(name), op);
}

const Operator* OperatorRegistry::find(std::string_view name) const
{
    const auto it = m_operators.find(name);
    return it == m_operators.end() ? nullptr : &it->second;
}

} // namespace spinepath::jsonlogic
