#include "core/questionnaire/AnswerValue.h"

#include "core/questionnaire/FhirTemporal.h"
#include "core/questionnaire/QuestionnaireError.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <compare>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <set>
#include <string_view>

namespace spinepath::questionnaire {

namespace {

using nlohmann::json;

std::string inQuotes(const std::string& linkId)
{
    return "'" + linkId + "'";
}

bool isInt32(const json& value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>() <=
               static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max());
    if (value.is_number_integer()) {
        const auto number = value.get<std::int64_t>();
        return number >= std::numeric_limits<std::int32_t>::min() &&
               number <= std::numeric_limits<std::int32_t>::max();
    }
    return false;
}

bool isBlank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// maxLength counts characters, not UTF-8 bytes.
std::size_t characterCount(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// "a number", "a text": what kind of JSON value an answer is, without its value.
std::string describeType(const json& value)
{
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "true or false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return "a whole number";
    case json::value_t::number_float:
        return "a decimal number";
    case json::value_t::string:
        return "a text";
    case json::value_t::array:
        return "a list";
    case json::value_t::object:
        return "an object";
    default:
        return "another kind of value";
    }
}

std::string describeOptions(const Item& item)
{
    std::string list;
    for (const auto& option : item.answerOptions()) {
        if (!list.empty())
            list += ", ";
        list += option.value.is_string() ? option.value.get<std::string>() : option.value.dump();
    }
    return list;
}

bool hasOptionOfKind(const Item& item, AnswerOption::Kind kind)
{
    return std::any_of(item.answerOptions().begin(), item.answerOptions().end(),
                       [kind](const AnswerOption& option) { return option.kind == kind; });
}

// Messages name the item and the rule, never the value: they reach stderr and
// logs, and a value can be a birth date or a phone number. The
// JSON type of a wrong value is not patient data, and helps find the mistake.
std::optional<ValueProblem> wrongType(const Item& item, const json& value, std::string_view expected)
{
    if (value.is_string())
        return ValueProblem{IssueCode::WrongType, inQuotes(item.linkId()) + " expects " +
                                                      std::string(expected) + "; the text given is not one"};
    return ValueProblem{IssueCode::WrongType, inQuotes(item.linkId()) + " expects " + std::string(expected) +
                                                  ", not " + describeType(value)};
}

// The elements of a FHIR datatype an answer may hold, and what each must be.
enum class Element
{
    Text,
    Number,
    WholeNumber,
    Object,
};

std::optional<ValueProblem> checkElements(const Item& item, const json& value, std::string_view type,
                                          std::initializer_list<std::pair<std::string_view, Element>> allowed)
{
    if (!value.is_object())
        return wrongType(item, value, "a FHIR " + std::string(type));
    for (const auto& entry : value.items()) {
        // Named, not a structured binding: clang before 16 cannot capture one.
        const std::string& key = entry.key();
        const json& element = entry.value();
        if (key == "id" || key == "extension")
            continue;
        const auto rule = std::find_if(allowed.begin(), allowed.end(),
                                       [&key](const auto& option) { return option.first == key; });
        if (rule == allowed.end())
            return ValueProblem{IssueCode::WrongType, inQuotes(item.linkId()) + " has a " +
                                                          std::string(type) + " with the unknown element \"" +
                                                          key + "\""};
        bool fits = false;
        switch (rule->second) {
        case Element::Text:
            fits = element.is_string() && !isBlank(element.get<std::string>());
            break;
        case Element::Number:
            fits = element.is_number();
            break;
        case Element::WholeNumber:
            fits = element.is_number_unsigned() ||
                   (element.is_number_integer() && element.get<std::int64_t>() >= 0);
            break;
        case Element::Object:
            fits = element.is_object();
            break;
        }
        if (!fits)
            return ValueProblem{IssueCode::WrongType,
                                inQuotes(item.linkId()) + " has a " + std::string(type) + " whose " + key +
                                    " is not " +
                                    (rule->second == Element::Text          ? "a non-empty text"
                                     : rule->second == Element::Number      ? "a number"
                                     : rule->second == Element::WholeNumber ? "a whole number of 0 or more"
                                                                            : "an object")};
    }
    return std::nullopt;
}

std::optional<ValueProblem> checkQuantity(const Item& item, const json& value)
{
    if (auto problem = checkElements(item, value, "Quantity",
                                     {{"value", Element::Number},
                                      {"comparator", Element::Text},
                                      {"unit", Element::Text},
                                      {"system", Element::Text},
                                      {"code", Element::Text}}))
        return problem;
    if (!value.contains("value"))
        return ValueProblem{IssueCode::WrongType,
                            inQuotes(item.linkId()) + " has a Quantity without a value"};
    static const std::set<std::string> comparators{"<", "<=", ">=", ">"};
    if (value.contains("comparator") && !comparators.contains(value["comparator"].get<std::string>()))
        return ValueProblem{IssueCode::WrongType,
                            inQuotes(item.linkId()) +
                                " has a Quantity whose comparator is not <, <=, >= or >"};
    // R4 qty-3: a coded unit names its code system.
    if (value.contains("code") && !value.contains("system"))
        return ValueProblem{IssueCode::WrongType,
                            inQuotes(item.linkId()) + " has a Quantity with a unit code but no system"};
    return std::nullopt;
}

std::optional<ValueProblem> checkAttachment(const Item& item, const json& value)
{
    if (auto problem = checkElements(item, value, "Attachment",
                                     {{"contentType", Element::Text},
                                      {"language", Element::Text},
                                      {"data", Element::Text},
                                      {"url", Element::Text},
                                      {"size", Element::WholeNumber},
                                      {"hash", Element::Text},
                                      {"title", Element::Text},
                                      {"creation", Element::Text}}))
        return problem;
    if (!value.contains("data") && !value.contains("url") && !value.contains("title"))
        return ValueProblem{IssueCode::WrongType,
                            inQuotes(item.linkId()) + " has an Attachment with none of data, url and title"};
    // R4 att-1: inline data says what it is.
    if (value.contains("data") && !value.contains("contentType"))
        return ValueProblem{IssueCode::WrongType,
                            inQuotes(item.linkId()) + " has an Attachment with data but no contentType"};
    if (value.contains("creation") && !isFhirDateTime(value["creation"].get<std::string>()))
        return ValueProblem{IssueCode::WrongType,
                            inQuotes(item.linkId()) +
                                " has an Attachment whose creation is not a FHIR dateTime"};
    return std::nullopt;
}

std::optional<ValueProblem> checkReference(const Item& item, const json& value)
{
    if (auto problem = checkElements(item, value, "Reference",
                                     {{"reference", Element::Text},
                                      {"type", Element::Text},
                                      {"identifier", Element::Object},
                                      {"display", Element::Text}}))
        return problem;
    // R4 ref-1, and a reference that names nothing is no answer.
    if (!value.contains("reference") && !value.contains("identifier") && !value.contains("display"))
        return ValueProblem{IssueCode::WrongType, inQuotes(item.linkId()) +
                                                      " has a Reference with none of reference, identifier "
                                                      "and display"};
    return std::nullopt;
}

// A Coding written out in flat answers: the code of a value set outside the
// resource keeps its system and display that way. R4 allows a Coding
// without a code (display only) as an answer too.
std::optional<ValueProblem> checkCoding(const Item& item, const json& value)
{
    if (auto problem = checkElements(item, value, "Coding",
                                     {{"system", Element::Text},
                                      {"version", Element::Text},
                                      {"code", Element::Text},
                                      {"display", Element::Text}}))
        return problem;
    if (!value.contains("code") && !value.contains("display"))
        return ValueProblem{IssueCode::WrongType,
                            inQuotes(item.linkId()) + " has a Coding with neither a code nor a display"};
    return std::nullopt;
}

// The base check of a value against the item type, before options and limits.
std::optional<ValueProblem> checkKind(const Item& item, const json& value)
{
    const auto nonEmptyString = [&](std::string_view expected) -> std::optional<ValueProblem> {
        if (!value.is_string())
            return wrongType(item, value, expected);
        if (isBlank(value.get<std::string>()))
            return ValueProblem{IssueCode::WrongType,
                                inQuotes(item.linkId()) + " has an empty text; leave the key out instead"};
        return std::nullopt;
    };

    switch (item.type()) {
    case ItemType::Group:
    case ItemType::Display:
        return ValueProblem{IssueCode::WrongType, inQuotes(item.linkId()) + " is a " +
                                                      std::string(toString(item.type())) +
                                                      " and takes no answer"};
    case ItemType::Boolean:
        return value.is_boolean() ? std::nullopt : wrongType(item, value, "true or false");
    case ItemType::Integer:
        return isInt32(value) ? std::nullopt : wrongType(item, value, "a whole number");
    case ItemType::Decimal:
        return value.is_number() ? std::nullopt : wrongType(item, value, "a number");
    case ItemType::Date:
        return value.is_string() && isFhirDate(value.get<std::string>())
                   ? std::nullopt
                   : wrongType(item, value, "a date written YYYY-MM-DD");
    case ItemType::DateTime:
        return value.is_string() && isFhirDateTime(value.get<std::string>())
                   ? std::nullopt
                   : wrongType(item, value, "a date and time written YYYY-MM-DDThh:mm:ss+zz:zz");
    case ItemType::Time:
        return value.is_string() && isFhirTime(value.get<std::string>())
                   ? std::nullopt
                   : wrongType(item, value, "a time written hh:mm:ss");
    case ItemType::String:
    case ItemType::Text:
        return nonEmptyString("a text");
    case ItemType::Url:
        return nonEmptyString("a URL");
    case ItemType::Choice:
        if (item.findOption(value))
            return std::nullopt;
        if (value.is_number_integer() && hasOptionOfKind(item, AnswerOption::Kind::Integer))
            return std::nullopt; // a number, just not one of the options
        // Where the options are known an answer is one of their codes; a
        // Coding written out is for a value set outside the resource.
        if (value.is_object() && !item.restrictedToOptions())
            return checkCoding(item, value);
        return nonEmptyString("a code");
    case ItemType::OpenChoice:
        if (item.findOption(value))
            return std::nullopt;
        if (value.is_object())
            return checkCoding(item, value);
        return nonEmptyString("a code or a text");
    case ItemType::Attachment:
        return checkAttachment(item, value);
    case ItemType::Reference:
        return checkReference(item, value);
    case ItemType::Quantity:
        return checkQuantity(item, value);
    }
    return std::nullopt;
}

std::partial_ordering compareWithLimit(const Item& item, const json& value, const json& limit)
{
    switch (item.type()) {
    case ItemType::Integer:
        if (limit.is_number_integer())
            return value.get<std::int64_t>() <=> limit.get<std::int64_t>();
        return value.get<double>() <=> limit.get<double>();
    case ItemType::Decimal:
        return value.get<double>() <=> limit.get<double>();
    case ItemType::Date:
    case ItemType::DateTime:
    case ItemType::Time:
        return compareTemporal(value.get<std::string>(), limit.get<std::string>());
    default:
        return std::partial_ordering::unordered;
    }
}

std::string limitText(const json& limit)
{
    return limit.is_string() ? limit.get<std::string>() : limit.dump();
}

json optionAnswer(const AnswerOption& option)
{
    switch (option.kind) {
    case AnswerOption::Kind::Coding: {
        json coding = json::object();
        if (!option.coding.system.empty())
            coding["system"] = option.coding.system;
        if (!option.coding.code.empty())
            coding["code"] = option.coding.code;
        if (!option.coding.display.empty())
            coding["display"] = option.coding.display;
        return {{"valueCoding", std::move(coding)}};
    }
    case AnswerOption::Kind::String:
        return {{"valueString", option.value}};
    case AnswerOption::Kind::Integer:
        return {{"valueInteger", option.value}};
    case AnswerOption::Kind::Date:
        return {{"valueDate", option.value}};
    case AnswerOption::Kind::Time:
        return {{"valueTime", option.value}};
    }
    return json::object();
}

std::string_view optionElement(AnswerOption::Kind kind)
{
    switch (kind) {
    case AnswerOption::Kind::Coding:
        return "valueCoding";
    case AnswerOption::Kind::String:
        return "valueString";
    case AnswerOption::Kind::Integer:
        return "valueInteger";
    case AnswerOption::Kind::Date:
        return "valueDate";
    case AnswerOption::Kind::Time:
        return "valueTime";
    }
    return {};
}

// The value[x] elements an answer to `item` may use.
std::set<std::string_view> acceptedElements(const Item& item)
{
    switch (item.type()) {
    case ItemType::Group:
    case ItemType::Display:
        return {};
    case ItemType::Boolean:
        return {"valueBoolean"};
    case ItemType::Decimal:
        return {"valueDecimal"};
    case ItemType::Integer:
        return {"valueInteger"};
    case ItemType::Date:
        return {"valueDate"};
    case ItemType::DateTime:
        return {"valueDateTime"};
    case ItemType::Time:
        return {"valueTime"};
    case ItemType::String:
    case ItemType::Text:
        return {"valueString"};
    case ItemType::Url:
        return {"valueUri"};
    case ItemType::Attachment:
        return {"valueAttachment"};
    case ItemType::Reference:
        return {"valueReference"};
    case ItemType::Quantity:
        return {"valueQuantity"};
    case ItemType::Choice:
    case ItemType::OpenChoice: {
        std::set<std::string_view> accepted{"valueCoding"};
        if (item.type() == ItemType::OpenChoice)
            accepted.insert("valueString");
        for (const auto& option : item.answerOptions())
            accepted.insert(optionElement(option.kind));
        return accepted;
    }
    }
    return {};
}

// What hasElementShape() asks of an element, in words.
std::string elementShape(std::string_view element)
{
    if (element == "valueBoolean")
        return "true or false";
    if (element == "valueDecimal")
        return "a number";
    if (element == "valueInteger")
        return "a whole number";
    if (element == "valueCoding")
        return "a Coding object (its \"code\" a text)";
    if (element == "valueAttachment" || element == "valueReference" || element == "valueQuantity")
        return "an object";
    return "a text";
}

bool hasElementShape(std::string_view element, const json& value)
{
    if (element == "valueBoolean")
        return value.is_boolean();
    if (element == "valueDecimal")
        return value.is_number();
    if (element == "valueInteger")
        return value.is_number_integer();
    if (element == "valueCoding")
        return value.is_object() && (!value.contains("code") || value["code"].is_string());
    if (element == "valueAttachment" || element == "valueReference" || element == "valueQuantity")
        return value.is_object();
    return value.is_string();
}

} // namespace

std::optional<ValueProblem> checkAnswerValue(const Item& item, const json& value)
{
    if (value.is_null())
        return ValueProblem{IssueCode::WrongType,
                            inQuotes(item.linkId()) + " has a null answer; leave the key out instead"};
    if (auto problem = checkKind(item, value))
        return problem;

    if (item.restrictedToOptions() && !item.findOption(value))
        return ValueProblem{IssueCode::UnknownCode, inQuotes(item.linkId()) +
                                                        " has an answer that is not one of its options; "
                                                        "expected one of: " +
                                                        describeOptions(item)};

    if (value.is_string() && item.maxLength() && !item.findOption(value) &&
        characterCount(value.get<std::string>()) > static_cast<std::size_t>(*item.maxLength())) {
        return ValueProblem{IssueCode::TooLong, inQuotes(item.linkId()) + " allows at most " +
                                                    std::to_string(*item.maxLength()) + " characters"};
    }

    if (value.is_string() && item.minLength() && !item.findOption(value) &&
        characterCount(value.get<std::string>()) < static_cast<std::size_t>(*item.minLength())) {
        return ValueProblem{IssueCode::TooShort, inQuotes(item.linkId()) + " needs at least " +
                                                     std::to_string(*item.minLength()) + " characters"};
    }
    if (value.is_string() && !item.regex().empty() && !item.findOption(value)) {
        // The loader checked the pattern; the answer must match it as a whole.
        const QRegularExpression pattern(
            QRegularExpression::anchoredPattern(QString::fromStdString(item.regex())));
        if (!pattern.match(QString::fromStdString(value.get<std::string>())).hasMatch())
            return ValueProblem{IssueCode::NoMatch, inQuotes(item.linkId()) +
                                                        " has an answer that is not in the form its regex "
                                                        "extension asks for"};
    }

    if (!item.minValue().is_null() && compareWithLimit(item, value, item.minValue()) < 0)
        return ValueProblem{IssueCode::OutOfRange, inQuotes(item.linkId()) +
                                                       " has an answer below the minimum " +
                                                       limitText(item.minValue())};
    if (!item.maxValue().is_null() && compareWithLimit(item, value, item.maxValue()) > 0)
        return ValueProblem{IssueCode::OutOfRange, inQuotes(item.linkId()) +
                                                       " has an answer above the maximum " +
                                                       limitText(item.maxValue())};
    return std::nullopt;
}

json toFhirAnswer(const Item& item, const json& value)
{
    switch (item.type()) {
    case ItemType::Group:
    case ItemType::Display:
        return json::object();
    case ItemType::Boolean:
        return {{"valueBoolean", value}};
    case ItemType::Decimal:
        return {{"valueDecimal", value}};
    case ItemType::Integer:
        return {{"valueInteger", value}};
    case ItemType::Date:
        return {{"valueDate", value}};
    case ItemType::DateTime:
        return {{"valueDateTime", value}};
    case ItemType::Time:
        return {{"valueTime", value}};
    case ItemType::String:
    case ItemType::Text:
        return {{"valueString", value}};
    case ItemType::Url:
        return {{"valueUri", value}};
    case ItemType::Attachment:
        return {{"valueAttachment", value}};
    case ItemType::Reference:
        return {{"valueReference", value}};
    case ItemType::Quantity:
        return {{"valueQuantity", value}};
    case ItemType::Choice:
    case ItemType::OpenChoice:
        if (const auto* option = item.findOption(value))
            return optionAnswer(*option);
        // Not in the list: a Coding written out (a value set outside the
        // resource), a free text of an open-choice, or a bare code whose
        // system is unknown here.
        if (value.is_object())
            return {{"valueCoding", value}};
        if (item.type() == ItemType::OpenChoice)
            return {{"valueString", value}};
        return {{"valueCoding", {{"code", value}}}};
    }
    return json::object();
}

json fromFhirAnswer(const Item& item, const json& answer, const std::string& pointer)
{
    const std::string& linkId = item.linkId();
    if (!answer.is_object())
        throw QuestionnaireError("the answer of " + inQuotes(linkId) + " must be an object", pointer, linkId);

    std::vector<std::string> elements;
    for (const auto& [key, unused] : answer.items()) {
        if (key.rfind("value", 0) == 0)
            elements.push_back(key);
    }
    if (elements.empty())
        throw QuestionnaireError("the answer of " + inQuotes(linkId) + " has no value[x] element", pointer,
                                 linkId);
    if (elements.size() > 1)
        throw QuestionnaireError("the answer of " + inQuotes(linkId) + " has several value[x] elements",
                                 pointer, linkId);

    const std::string& element = elements.front();
    const json& value = answer[element];
    const std::string valuePointer = pointer + "/" + element;
    const auto accepted = acceptedElements(item);
    if (!accepted.contains(element)) {
        std::string expected;
        for (const auto name : accepted)
            expected += (expected.empty() ? "" : " or ") + std::string(name);
        throw QuestionnaireError(
            inQuotes(linkId) + " is a " + std::string(toString(item.type())) + " item and takes " +
                (expected.empty() ? std::string("no answer") : expected) + ", not " + element,
            valuePointer, linkId);
    }
    if (!hasElementShape(element, value))
        throw QuestionnaireError(element + " of " + inQuotes(linkId) + " must be " + elementShape(element) +
                                     ", not " + describeType(value),
                                 valuePointer, linkId);

    if (element != "valueCoding")
        return value;

    // A Coding that is no option of the item (a value set outside the
    // resource, an open choice) is kept whole, system and display with it,
    // so that it is written back as it came. checkAnswerValue checks it.
    if (!value.contains("code"))
        return value; // a display only: an option without a code, or nothing the item offers
    if (!item.restrictedToOptions() && !item.findOption(value["code"]))
        return value.size() == 1 ? value["code"] : value;
    const auto code = value["code"].get<std::string>();
    const auto* option = item.findOption(code);
    // find, not value(): value() throws nlohmann's type_error for a system that is not a text.
    const auto systemAt = value.find("system");
    if (systemAt != value.end() && !systemAt->is_string())
        throw QuestionnaireError("the system of the code of " + inQuotes(linkId) + " must be a text",
                                 valuePointer + "/system", linkId);
    const std::string system = systemAt == value.end() ? std::string() : systemAt->get<std::string>();
    if (option && option->kind == AnswerOption::Kind::Coding && !system.empty() &&
        !option->coding.system.empty() && system != option->coding.system) {
        throw QuestionnaireError("the code of " + inQuotes(linkId) + " comes from another code system than " +
                                     option->coding.system,
                                 valuePointer + "/system", linkId);
    }
    return code;
}

} // namespace spinepath::questionnaire
