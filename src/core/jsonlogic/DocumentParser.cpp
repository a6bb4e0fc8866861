#include "core/jsonlogic/DocumentParser.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"

#include <simdjson.h>

#include <string>

namespace spinepath::jsonlogic {

static_assert(DocumentParser::kPadding >= simdjson::SIMDJSON_PADDING);

struct DocumentParser::Private
{
    simdjson::dom::parser parser;
    std::string paddedCopy;
};

namespace {

Value convert(simdjson::dom::element element, Arena& arena)
{
    using simdjson::dom::element_type;
    switch (element.type()) {
    case element_type::OBJECT: {
        const simdjson::dom::object object = element.get_object().value_unsafe();
        const std::size_t count = object.size();
        auto* members = arena.allocateArray<Value::Member>(count);
        std::size_t i = 0;
        for (const auto field : object) {
            // A repeated key keeps its first place and takes the last value,
            // as JSON.parse and nlohmann::json (the reference path) do; the
            // first value used to win here (found by fuzzing). Objects are
            // small, so the pairwise check costs little.
            Value::Member* same = nullptr;
            for (std::size_t j = 0; j < i && !same; ++j)
                if (members[j].key.size() == field.key.size() && members[j].key == field.key)
                    same = &members[j];
            if (same)
                same->value = convert(field.value, arena);
            else
                members[i++] = {field.key, convert(field.value, arena)};
        }
        return Value::object({members, i});
    }
    case element_type::ARRAY: {
        const simdjson::dom::array array = element.get_array().value_unsafe();
        const std::size_t count = array.size();
        Value* items = arena.allocateArray<Value>(count);
        std::size_t i = 0;
        for (const auto item : array)
            items[i++] = convert(item, arena);
        return Value::array({items, i});
    }
    case element_type::STRING:
        return Value::string(element.get_string().value_unsafe());
    case element_type::INT64:
        return Value::integerLiteral(static_cast<double>(element.get_int64().value_unsafe()));
    case element_type::UINT64:
        return Value::integerLiteral(static_cast<double>(element.get_uint64().value_unsafe()));
    case element_type::DOUBLE:
        return Value::decimalLiteral(element.get_double().value_unsafe());
    case element_type::BOOL:
        return Value::boolean(element.get_bool().value_unsafe());
    case element_type::NULL_VALUE:
        return Value::null();
    }
    return Value::null();
}

} // namespace

DocumentParser::DocumentParser()
    : d(std::make_unique<Private>())
{
    // The depth limit matches the rest of the engine, so recursion stays bounded.
    if (d->parser.allocate(64 * 1024, kMaxJsonDepth) != simdjson::SUCCESS)
        throw std::bad_alloc();
}

DocumentParser::~DocumentParser() = default;

Value DocumentParser::parsePadded(std::string_view text, Arena& arena)
{
    simdjson::dom::element root;
    const auto error = d->parser.parse(text.data(), text.size(), false).get(root);
    // simdjson refuses integers beyond 64 bits, which JSON.parse reads as
    // doubles; such rare documents take the slower path (which also names a
    // number that is really malformed).
    if (error == simdjson::NUMBER_ERROR) {
        try {
            return fromJson(parseJson(text), arena);
        } catch (const JsonError& slowPathError) {
            throw JsonError(std::string("not valid JSON: ") + slowPathError.what());
        }
    }
    if (error != simdjson::SUCCESS)
        throw JsonError(std::string("not valid JSON: ") + simdjson::error_message(error));
    return convert(root, arena);
}

Value DocumentParser::parse(std::string_view text, Arena& arena)
{
    d->paddedCopy.assign(text);
    d->paddedCopy.append(kPadding, '\0');
    return parsePadded({d->paddedCopy.data(), text.size()}, arena);
}

} // namespace spinepath::jsonlogic
