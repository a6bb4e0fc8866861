#include "core/jsonlogic/Json.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Errors.h"

#include <algorithm>
#include <cmath>

namespace spinepath::jsonlogic {
namespace {

Value fromJsonAt(const nlohmann::json& json, Arena& arena, int depth)
{
    if (depth > kMaxJsonDepth)
        throw JsonError("JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    switch (json.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
        return Value::null();
    case nlohmann::json::value_t::boolean:
        return Value::boolean(json.get<bool>());
    case nlohmann::json::value_t::number_integer:
        return Value::integerLiteral(static_cast<double>(json.get<std::int64_t>()));
    case nlohmann::json::value_t::number_unsigned:
        return Value::integerLiteral(static_cast<double>(json.get<std::uint64_t>()));
    case nlohmann::json::value_t::number_float:
        return Value::decimalLiteral(json.get<double>());
    case nlohmann::json::value_t::string:
        return Value::string(arena.copy(json.get_ref<const std::string&>()));
    case nlohmann::json::value_t::binary:
        throw JsonError("binary JSON values are not supported");
    case nlohmann::json::value_t::array: {
        Value* items = arena.allocateArray<Value>(json.size());
        std::size_t i = 0;
        for (const auto& item : json)
            items[i++] = fromJsonAt(item, arena, depth + 1);
        return Value::array({items, json.size()});
    }
    case nlohmann::json::value_t::object: {
        auto* members = arena.allocateArray<Value::Member>(json.size());
        std::size_t i = 0;
        for (const auto& [key, item] : json.items())
            members[i++] = {arena.copy(key), fromJsonAt(item, arena, depth + 1)};
        return Value::object({members, json.size()});
    }
    }
    return Value::null();
}

void appendEscaped(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    out.append(text.data() + runStart, text.size() - runStart);
    out += '"';
}

} // namespace

nlohmann::json parseJson(std::string_view text)
{
    // The callback sees every value with its depth; throwing from it stops the
    // parse before a hostile document can build an absurdly deep tree.
    const nlohmann::json::parser_callback_t limitDepth = [](int depth, nlohmann::json::parse_event_t,
                                                            nlohmann::json&) {
        if (depth > kMaxJsonDepth)
            throw JsonError("JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
        return true;
    };
    try {
        return nlohmann::json::parse(text.begin(), text.end(), limitDepth);
    } catch (const nlohmann::json::exception& error) {
        // A syntax error (parse_error), or a number too large for a double
        // (out_of_range.406, "number overflow parsing '1e999'": found by
        // fuzzing). nlohmann's message starts with
        // "[json.exception.parse_error.101] parse error at ...".
        std::string message = error.what();
        const auto start = message.find("] ");
        if (start != std::string::npos)
            message.erase(0, start + 2);
        // "...; last read: '555-12'" repeats the text around the error, which
        // can be an answer (a phone number, a birth date): the line and column
        // say where it is without it.
        if (const auto echo = message.find("; last read: "); echo != std::string::npos)
            message.erase(echo);
        if (const auto echo = message.find("number overflow parsing '"); echo != std::string::npos)
            message = message.substr(0, echo) + "a number too large to be read";
        throw JsonError(message);
    }
}

Value fromJson(const nlohmann::json& json, Arena& arena)
{
    return fromJsonAt(json, arena, 0);
}

namespace {

nlohmann::json toJsonAt(const Value& value, int depth)
{
    if (depth > kMaxJsonDepth)
        throw LimitError("a value is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    switch (value.type()) {
    case Value::Type::Null:
        return nullptr;
    case Value::Type::Bool:
        return value.asBool();
    case Value::Type::Number: {
        const double n = value.asNumber();
        if (!std::isfinite(n))
            return nullptr;
        // "5.0" read from JSON stays a decimal, so validation sees what was written.
        if (!value.isDecimalLiteral() && n == std::floor(n) && std::abs(n) < 9007199254740992.0)
            return static_cast<std::int64_t>(n);
        return n;
    }
    case Value::Type::String:
        return std::string(value.asString());
    case Value::Type::Array: {
        nlohmann::json array = nlohmann::json::array();
        for (const Value& item : value.asArray())
            array.push_back(toJsonAt(item, depth + 1));
        return array;
    }
    case Value::Type::Object: {
        nlohmann::json object = nlohmann::json::object();
        for (const Value::Member& member : value.asObject())
            object[std::string(member.key)] = toJsonAt(member.value, depth + 1);
        return object;
    }
    }
    return nullptr;
}

} // namespace

nlohmann::json toJson(const Value& value)
{
    return toJsonAt(value, 0);
}

namespace {

// appendJson's recursion, bounded in depth (a reduce can nest arrays deeper
// than any parsed document) and in size: the items of a result may all point
// to one long string, and its text must not grow without end.
void appendJsonAt(std::string& out, const Value& value, std::size_t limit, int depth)
{
    using namespace std::string_view_literals;
    switch (value.type()) {
    case Value::Type::Null:
        out += "null"sv;
        return;
    case Value::Type::Bool:
        out += value.asBool() ? "true"sv : "false"sv;
        return;
    case Value::Type::Number: {
        const double n = value.asNumber();
        if (!std::isfinite(n)) {
            out += "null"sv;
            return;
        }
        char buffer[32];
        out += js::formatNumber(n, buffer);
        return;
    }
    case Value::Type::String:
        if (value.asString().size() > limit - std::min(limit, out.size()))
            throw LimitError("the result is longer than " + std::to_string(limit) + " bytes");
        appendEscaped(out, value.asString());
        return;
    case Value::Type::Array: {
        if (depth > kMaxJsonDepth)
            throw LimitError("the result is nested more than " + std::to_string(kMaxJsonDepth) +
                             " levels deep");
        out += '[';
        bool first = true;
        for (const Value& item : value.asArray()) {
            if (!first)
                out += ',';
            first = false;
            appendJsonAt(out, item, limit, depth + 1);
            if (out.size() > limit)
                throw LimitError("the result is longer than " + std::to_string(limit) + " bytes");
        }
        out += ']';
        return;
    }
    case Value::Type::Object: {
        if (depth > kMaxJsonDepth)
            throw LimitError("the result is nested more than " + std::to_string(kMaxJsonDepth) +
                             " levels deep");
        out += '{';
        bool first = true;
        for (const Value::Member& member : value.asObject()) {
            if (!first)
                out += ',';
            first = false;
            appendEscaped(out, member.key);
            out += ':';
            appendJsonAt(out, member.value, limit, depth + 1);
            if (out.size() > limit)
                throw LimitError("the result is longer than " + std::to_string(limit) + " bytes");
        }
        out += '}';
        return;
    }
    }
}

} // namespace

void appendJson(std::string& out, const Value& value, std::size_t limit)
{
    appendJsonAt(out, value, limit, 0);
}

} // namespace spinepath::jsonlogic
