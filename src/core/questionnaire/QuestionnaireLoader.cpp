#include "core/questionnaire/QuestionnaireLoader.h"

#include "core/questionnaire/AnswerValue.h"
#include "core/questionnaire/FhirTemporal.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireTranslation.h"
#include "core/questionnaire/RepeatingGroups.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <compare>
#include <set>
#include <string_view>
#include <unordered_map>

namespace spinepath::questionnaire {

namespace {

using nlohmann::json;
using Pointer = json::json_pointer;

constexpr std::string_view kMinValueUrl = "http://hl7.org/fhir/StructureDefinition/minValue";
constexpr std::string_view kMaxValueUrl = "http://hl7.org/fhir/StructureDefinition/maxValue";
constexpr std::string_view kItemControlUrl =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
constexpr std::string_view kHiddenUrl = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden";
constexpr std::string_view kMinLengthUrl = "http://hl7.org/fhir/StructureDefinition/minLength";
constexpr std::string_view kRegexUrl = "http://hl7.org/fhir/StructureDefinition/regex";
constexpr std::string_view kEntryFormatUrl = "http://hl7.org/fhir/StructureDefinition/entryFormat";
constexpr std::string_view kUnitUrl = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
constexpr std::string_view kOptionExclusiveUrl =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive";

[[noreturn]] void fail(const std::string& message, const Pointer& at, const std::string& linkId = {})
{
    throw QuestionnaireError(message, at.to_string(), linkId);
}

std::string inQuotes(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

// An optional string element; absent gives "".
std::string optionalString(const json& node, const std::string& key, const Pointer& at,
                           const std::string& linkId = {})
{
    const auto found = node.find(key);
    if (found == node.end())
        return {};
    if (!found->is_string())
        fail(key + " must be a string", at / key, linkId);
    return found->get<std::string>();
}

bool optionalBool(const json& node, const std::string& key, const Pointer& at, const std::string& linkId)
{
    const auto found = node.find(key);
    if (found == node.end())
        return false;
    if (!found->is_boolean())
        fail(key + " of " + inQuotes(linkId) + " must be true or false", at / key, linkId);
    return found->get<bool>();
}

// The single element of `node` whose name starts with `prefix` ("value", "answer").
std::pair<std::string, const json*> choiceElement(const json& node, std::string_view prefix,
                                                  const Pointer& at, const std::string& linkId)
{
    std::pair<std::string, const json*> found{std::string(), nullptr};
    for (const auto& [key, value] : node.items()) {
        if (key.rfind(prefix, 0) != 0)
            continue;
        if (found.second)
            fail("has both " + found.first + " and " + key + "; only one " + std::string(prefix) +
                     "[x] is allowed",
                 at, linkId);
        found = {key, &value};
    }
    if (!found.second)
        fail("has no " + std::string(prefix) + "[x] element", at, linkId);
    return found;
}

// The valueBoolean of the extension with `url` in `node`, false when it has none.
// These switch how a question is shown, so a malformed one is an error rather
// than silently ignored.
bool booleanExtension(const json& node, std::string_view url, const Pointer& at, const std::string& linkId)
{
    const auto extensions = node.find("extension");
    if (extensions == node.end())
        return false;
    if (!extensions->is_array())
        fail("extension must be an array", at / "extension", linkId);
    for (std::size_t i = 0; i < extensions->size(); ++i) {
        const json& extension = (*extensions)[i];
        if (!extension.is_object() || !extension.contains("url") || !extension["url"].is_string())
            fail("an extension needs a url", at / "extension" / i, linkId);
        if (extension["url"] != url)
            continue;
        const auto value = extension.find("valueBoolean");
        if (value == extension.end() || !value->is_boolean())
            fail("the extension " + std::string(url) + " needs a valueBoolean", at / "extension" / i, linkId);
        return value->get<bool>();
    }
    return false;
}

std::optional<AnswerOption::Kind> optionKind(std::string_view element)
{
    if (element == "valueCoding")
        return AnswerOption::Kind::Coding;
    if (element == "valueString")
        return AnswerOption::Kind::String;
    if (element == "valueInteger")
        return AnswerOption::Kind::Integer;
    if (element == "valueDate")
        return AnswerOption::Kind::Date;
    if (element == "valueTime")
        return AnswerOption::Kind::Time;
    return std::nullopt;
}

bool optionValueFits(AnswerOption::Kind kind, const json& value)
{
    switch (kind) {
    case AnswerOption::Kind::Coding:
        return value.is_object();
    case AnswerOption::Kind::Integer:
        return value.is_number_integer();
    case AnswerOption::Kind::Date:
        return value.is_string() && isFhirDate(value.get<std::string>());
    case AnswerOption::Kind::Time:
        return value.is_string() && isFhirTime(value.get<std::string>());
    case AnswerOption::Kind::String:
        return value.is_string() && !value.get<std::string>().empty();
    }
    return false;
}

// R4 lets some non-choice items list their permitted values; the values must
// then be of the item's own kind.
std::optional<AnswerOption::Kind> naturalOptionKind(ItemType type)
{
    switch (type) {
    case ItemType::Integer:
        return AnswerOption::Kind::Integer;
    case ItemType::Date:
        return AnswerOption::Kind::Date;
    case ItemType::Time:
        return AnswerOption::Kind::Time;
    case ItemType::String:
        return AnswerOption::Kind::String;
    default:
        return std::nullopt;
    }
}

AnswerOption codingOption(const json& coding, const Pointer& at, const std::string& linkId,
                          const std::string& defaultSystem = {})
{
    if (!coding.is_object())
        fail("a Coding must be an object", at, linkId);
    AnswerOption option;
    option.kind = AnswerOption::Kind::Coding;
    option.coding.system = optionalString(coding, "system", at, linkId);
    if (option.coding.system.empty())
        option.coding.system = defaultSystem;
    option.coding.code = optionalString(coding, "code", at, linkId);
    option.coding.display = optionalString(coding, "display", at, linkId);
    if (!option.coding.code.empty()) {
        option.value = option.coding.code;
        return option;
    }
    // R4 allows a Coding without a code (a display only). Flat answers then
    // hold the Coding itself, as a QuestionnaireResponse does.
    if (option.coding.display.empty())
        fail("a Coding needs a code or a display", at, linkId);
    option.value = json{{"display", option.coding.display}};
    if (!option.coding.system.empty())
        option.value["system"] = option.coding.system;
    return option;
}

void collectExpansion(const json& contains, const Pointer& at, std::vector<AnswerOption>& into)
{
    if (!contains.is_array())
        fail("expansion.contains must be an array", at);
    for (std::size_t i = 0; i < contains.size(); ++i) {
        const json& entry = contains[i];
        if (!entry.is_object())
            fail("a ValueSet expansion entry must be an object", at / i);
        // Abstract entries only head a hierarchy; they cannot be picked.
        if (entry.contains("code") && !entry.value("abstract", false))
            into.push_back(codingOption(entry, at / i, {}));
        if (entry.contains("contains"))
            collectExpansion(entry["contains"], at / i / "contains", into);
    }
}

// The codes of a contained ValueSet, or nullopt when it defines them by
// reference to a whole code system or a filter that cannot be listed offline
// (`why` then says which).
std::optional<std::vector<AnswerOption>> valueSetOptions(const json& valueSet, const Pointer& at,
                                                         std::string& why)
{
    std::vector<AnswerOption> options;
    if (valueSet.contains("expansion") && valueSet["expansion"].contains("contains")) {
        collectExpansion(valueSet["expansion"]["contains"], at / "expansion" / "contains", options);
        return options;
    }
    if (!valueSet.contains("compose")) {
        why = "has neither compose nor expansion";
        return std::nullopt;
    }
    const json& compose = valueSet["compose"];
    const Pointer composeAt = at / "compose";
    if (!compose.contains("include") || !compose["include"].is_array())
        fail("a ValueSet compose needs an include array", composeAt);

    std::set<std::pair<std::string, std::string>> excluded;
    if (compose.contains("exclude") && compose["exclude"].is_array()) {
        for (const auto& exclude : compose["exclude"]) {
            // An exclude by filter or value set cannot be applied here, but
            // leaving codes in is safe only for lists; refuse it.
            if (!exclude.is_object() || !exclude.contains("concept") || !exclude["concept"].is_array() ||
                exclude.contains("filter") || exclude.contains("valueSet")) {
                why = "excludes codes by a filter or another value set";
                return std::nullopt;
            }
            const json system = exclude.value("system", json(""));
            for (const auto& entry : exclude["concept"])
                if (entry.is_object() && entry.contains("code") && entry["code"].is_string() &&
                    system.is_string())
                    excluded.emplace(system.get<std::string>(), entry["code"].get<std::string>());
        }
    }

    const json& includes = compose["include"];
    for (std::size_t i = 0; i < includes.size(); ++i) {
        const json& include = includes[i];
        const Pointer includeAt = composeAt / "include" / i;
        if (!include.is_object() || !include.contains("concept") || include.contains("filter") ||
            include.contains("valueSet")) {
            why = include.is_object() && include.contains("filter")     ? "includes codes by a filter"
                  : include.is_object() && include.contains("valueSet") ? "includes another value set"
                                                                        : "includes a whole code system";
            return std::nullopt;
        }
        const std::string system = optionalString(include, "system", includeAt);
        const json& concepts = include["concept"];
        if (!concepts.is_array())
            fail("concept must be an array", includeAt / "concept");
        for (std::size_t c = 0; c < concepts.size(); ++c) {
            auto option = codingOption(concepts[c], includeAt / "concept" / c, {}, system);
            if (!excluded.contains({option.coding.system, option.coding.code}))
                options.push_back(std::move(option));
        }
    }
    return options;
}

// The flat form of a minValue/maxValue extension value, checked against the item type.
json limitValue(const Item& item, const json& extension, const Pointer& at)
{
    const auto [element, value] = choiceElement(extension, "value", at, item.linkId());
    const Pointer valueAt = at / element;
    // A named copy: clang before 16 cannot capture a structured binding.
    const std::string& elementName = element;
    const auto mismatch = [&]() {
        fail(elementName + " does not fit a " + std::string(toString(item.type())) + " item " +
                 inQuotes(item.linkId()),
             valueAt, item.linkId());
    };
    switch (item.type()) {
    case ItemType::Integer:
    case ItemType::Decimal:
        if ((element != "valueInteger" && element != "valueDecimal") || !value->is_number())
            mismatch();
        break;
    case ItemType::Date:
    case ItemType::DateTime:
        if ((element != "valueDate" && element != "valueDateTime") || !value->is_string() ||
            !isFhirDateTime(value->get<std::string>()))
            mismatch();
        break;
    case ItemType::Time:
        if (element != "valueTime" || !value->is_string() || !isFhirTime(value->get<std::string>()))
            mismatch();
        break;
    default:
        mismatch();
    }
    return *value;
}

bool compatibleAnswerKind(const Item& target, AnswerKind kind)
{
    const auto hasOptionKind = [&](AnswerOption::Kind optionKind) {
        return std::any_of(target.answerOptions().begin(), target.answerOptions().end(),
                           [optionKind](const AnswerOption& option) { return option.kind == optionKind; });
    };
    switch (target.type()) {
    case ItemType::Boolean:
        return kind == AnswerKind::Boolean;
    case ItemType::Decimal:
    case ItemType::Integer:
        return kind == AnswerKind::Decimal || kind == AnswerKind::Integer;
    case ItemType::Date:
    case ItemType::DateTime:
        return kind == AnswerKind::Date || kind == AnswerKind::DateTime;
    case ItemType::Time:
        return kind == AnswerKind::Time;
    case ItemType::String:
    case ItemType::Text:
    case ItemType::Url:
        return kind == AnswerKind::String;
    case ItemType::Quantity:
        return kind == AnswerKind::Quantity;
    case ItemType::Reference:
        return kind == AnswerKind::Reference;
    case ItemType::Choice:
    case ItemType::OpenChoice:
        switch (kind) {
        case AnswerKind::Coding:
            return true;
        case AnswerKind::String:
            return target.type() == ItemType::OpenChoice || hasOptionKind(AnswerOption::Kind::String);
        case AnswerKind::Integer:
            return hasOptionKind(AnswerOption::Kind::Integer);
        case AnswerKind::Date:
            return hasOptionKind(AnswerOption::Kind::Date);
        case AnswerKind::Time:
            return hasOptionKind(AnswerOption::Kind::Time);
        default:
            return false;
        }
    default:
        return false;
    }
}

bool hasAnswerShape(AnswerKind kind, const json& value)
{
    switch (kind) {
    case AnswerKind::Boolean:
        return value.is_boolean();
    case AnswerKind::Decimal:
        return value.is_number();
    case AnswerKind::Integer:
        return value.is_number_integer();
    case AnswerKind::Date:
        return value.is_string() && isFhirDate(value.get<std::string>());
    case AnswerKind::DateTime:
        return value.is_string() && isFhirDateTime(value.get<std::string>());
    case AnswerKind::Time:
        return value.is_string() && isFhirTime(value.get<std::string>());
    case AnswerKind::String:
        return value.is_string();
    case AnswerKind::Coding:
        return value.is_object() && value.contains("code") && value["code"].is_string();
    case AnswerKind::Quantity:
        // Compared by its value, so it needs one.
        return value.is_object() && value.contains("value") && value["value"].is_number();
    case AnswerKind::Reference:
        return value.is_object();
    }
    return false;
}

bool isOrdering(EnableOperator op)
{
    return op != EnableOperator::Exists && op != EnableOperator::Equal && op != EnableOperator::NotEqual;
}

bool isOrderable(AnswerKind kind)
{
    // A quantity orders by its value (Enablement compares the units).
    return kind != AnswerKind::Boolean && kind != AnswerKind::Coding && kind != AnswerKind::Reference;
}

} // namespace

std::shared_ptr<const QuestionnaireData>
QuestionnaireLoader::load(const json& resource, const std::map<std::string, json, std::less<>>& valueSets)
{
    QuestionnaireLoader loader(resource, valueSets);
    try {
        loader.loadHeader();
        // A malformed translation is refused here, naming the item, rather
        // than when a patient picks the language.
        (void)QuestionnaireTranslation::languages(resource);
        loader.loadContainedValueSets();
        if (resource.contains("item"))
            loader.loadItems(resource["item"], Pointer() / "item", nullptr);
        loader.resolveEnableWhen();
        loader.checkNoCycles();
    } catch (const json::exception& error) {
        // A field of the wrong type that a check above read with json::value()
        // (a contained resourceType 1, "abstract": "yes", an exclude that is
        // no object: found by fuzzing) is a QuestionnaireError like the rest.
        std::string message = error.what();
        const auto start = message.find("] ");
        throw QuestionnaireError("a field has the wrong type: " +
                                 (start == std::string::npos ? message : message.substr(start + 2)));
    }
    return loader.m_data;
}

QuestionnaireLoader::QuestionnaireLoader(const json& resource,
                                         const std::map<std::string, json, std::less<>>& suppliedValueSets)
    : m_resource(resource)
    , m_suppliedValueSets(suppliedValueSets)
    , m_data(std::make_shared<QuestionnaireData>())
{}

void QuestionnaireLoader::loadHeader()
{
    if (!m_resource.is_object())
        fail("a Questionnaire must be a JSON object, not " + std::string(m_resource.type_name()), Pointer());
    const auto type = m_resource.find("resourceType");
    if (type == m_resource.end() || !type->is_string())
        fail("resourceType is missing; expected \"Questionnaire\"", Pointer() / "resourceType");
    if (*type != "Questionnaire")
        fail("resourceType is " + type->dump() + ", not \"Questionnaire\"", Pointer() / "resourceType");

    m_data->source = m_resource;
    m_data->id = optionalString(m_resource, "id", Pointer());
    m_data->url = optionalString(m_resource, "url", Pointer());
    m_data->version = optionalString(m_resource, "version", Pointer());
    m_data->name = optionalString(m_resource, "name", Pointer());
    m_data->title = optionalString(m_resource, "title", Pointer());
    m_data->status = optionalString(m_resource, "status", Pointer());
}

void QuestionnaireLoader::loadContainedValueSets()
{
    const auto contained = m_resource.find("contained");
    if (contained == m_resource.end())
        return;
    const Pointer at = Pointer() / "contained";
    if (!contained->is_array())
        fail("contained must be an array", at);
    for (std::size_t i = 0; i < contained->size(); ++i) {
        const json& resource = (*contained)[i];
        if (!resource.is_object() || resource.value("resourceType", std::string()) != "ValueSet")
            continue;
        const std::string id = optionalString(resource, "id", at / i);
        if (id.empty())
            fail("a contained ValueSet needs an id", at / i);
        std::string why;
        m_valueSets[id] = valueSetOptions(resource, at / i, why);
        m_valueSetProblems[id] = why;
    }
}

void QuestionnaireLoader::loadItems(const json& items, const Pointer& at, Item* parent)
{
    if (!items.is_array())
        fail("item must be an array", at, parent ? parent->linkId() : std::string());
    for (std::size_t i = 0; i < items.size(); ++i)
        loadItem(items[i], at / i, parent);
}

void QuestionnaireLoader::loadItem(const json& node, const Pointer& at, Item* parent)
{
    if (!node.is_object())
        fail("an item must be an object", at);

    const auto linkId = node.find("linkId");
    if (linkId == node.end() || !linkId->is_string() || linkId->get<std::string>().empty())
        fail("an item needs a non-empty string linkId", at / "linkId");

    auto item = std::unique_ptr<Item>(new Item());
    item->m_linkId = linkId->get<std::string>();
    item->m_pointer = at.to_string();
    item->m_parent = parent;
    item->m_source = node;
    const std::string& id = item->m_linkId;

    if (const auto first = m_data->byLinkId.find(id); first != m_data->byLinkId.end())
        fail("duplicate linkId " + inQuotes(id) + "; it is first used at " + first->second->pointer(),
             at / "linkId", id);

    const auto type = node.find("type");
    if (type == node.end() || !type->is_string())
        fail("item " + inQuotes(id) + " needs a type", at / "type", id);
    const auto itemType = itemTypeFromString(type->get<std::string>());
    if (!itemType)
        fail("item " + inQuotes(id) + " has unknown type " + type->dump(), at / "type", id);
    item->m_type = *itemType;
    item->m_text = optionalString(node, "text", at, id);
    item->m_prefix = optionalString(node, "prefix", at, id);

    loadFlags(*item, node, at);
    // Instances of a repeating group hold flat answers to the items inside it
    // (see RepeatingGroups.h); one inside another would need instances within
    // instances, which SpinePath does not keep.
    if (isRepeatingGroup(*item) && parent && (isRepeatingGroup(*parent) || enclosingRepeatingGroup(*parent)))
        fail("item " + inQuotes(id) + " is a repeating group inside the repeating group " +
                 inQuotes((isRepeatingGroup(*parent) ? parent : enclosingRepeatingGroup(*parent))->linkId()) +
                 ", which SpinePath does not support",
             at / "repeats", id);
    loadExtensions(*item, node, at);
    loadOptions(*item, node, at);
    loadInitial(*item, node, at);
    // A file cannot be given at the kiosk: a required attachment (that no
    // initial value answers) would leave the patient stuck, as a required
    // choice with nothing to pick would.
    if (item->m_type == ItemType::Attachment && item->m_required && item->m_initial.empty() &&
        !item->m_hidden)
        fail("item " + inQuotes(item->m_linkId) +
                 " is a required attachment, and a patient cannot give a file here: make it optional",
             at / "required", item->m_linkId);
    loadEnableBehavior(*item, node, at);

    Item* raw = item.get();
    m_data->byLinkId.emplace(id, raw);
    m_data->all.push_back(raw);
    m_data->storage.push_back(std::move(item));
    if (parent)
        parent->m_children.push_back(raw);
    else
        m_data->roots.push_back(raw);

    if (node.contains("item"))
        loadItems(node["item"], at / "item", raw);
}

void QuestionnaireLoader::loadFlags(Item& item, const json& node, const Pointer& at)
{
    item.m_required = optionalBool(node, "required", at, item.m_linkId);
    item.m_repeats = optionalBool(node, "repeats", at, item.m_linkId);
    item.m_readOnly = optionalBool(node, "readOnly", at, item.m_linkId);
    if (const auto maxLength = node.find("maxLength"); maxLength != node.end()) {
        if (!maxLength->is_number_integer() || maxLength->get<long long>() <= 0)
            fail("maxLength of " + inQuotes(item.m_linkId) + " must be a positive integer", at / "maxLength",
                 item.m_linkId);
        item.m_maxLength = maxLength->get<int>();
    }
}

void QuestionnaireLoader::loadExtensions(Item& item, const json& node, const Pointer& at)
{
    item.m_hidden = booleanExtension(node, kHiddenUrl, at, item.m_linkId);
    const auto extensions = node.find("extension");
    if (extensions == node.end())
        return;

    for (std::size_t i = 0; i < extensions->size(); ++i) {
        const json& extension = (*extensions)[i];
        const Pointer extensionAt = at / "extension" / i;
        if (!extension.is_object() || !extension.contains("url") || !extension["url"].is_string())
            fail("an extension needs a url", extensionAt, item.m_linkId);
        const std::string url = extension["url"].get<std::string>();
        if (url == kMinValueUrl) {
            item.m_minValue = limitValue(item, extension, extensionAt);
        } else if (url == kMaxValueUrl) {
            item.m_maxValue = limitValue(item, extension, extensionAt);
        } else if (url == kMinLengthUrl || url == kRegexUrl) {
            loadTextRule(item, extension, extensionAt, url == kRegexUrl);
        } else if (url == kEntryFormatUrl) {
            const auto value = extension.find("valueString");
            if (value == extension.end() || !value->is_string())
                fail("the entryFormat extension of " + inQuotes(item.m_linkId) + " needs a valueString",
                     extensionAt, item.m_linkId);
            item.m_entryFormat = value->get<std::string>();
        } else if (url == kUnitUrl) {
            const auto value = extension.find("valueCoding");
            if (value == extension.end())
                fail("the questionnaire-unit extension of " + inQuotes(item.m_linkId) +
                         " needs a valueCoding",
                     extensionAt, item.m_linkId);
            if (item.m_type != ItemType::Integer && item.m_type != ItemType::Decimal &&
                item.m_type != ItemType::Quantity)
                fail("the questionnaire-unit extension of " + inQuotes(item.m_linkId) +
                         " belongs on an integer, decimal or quantity item",
                     extensionAt, item.m_linkId);
            item.m_unit = codingOption(*value, extensionAt / "valueCoding", item.m_linkId).coding;
        } else if (url == kItemControlUrl) {
            const json codings =
                extension.value("valueCodeableConcept", json::object()).value("coding", json::array());
            if (!codings.empty() && codings[0].contains("code") && codings[0]["code"].is_string())
                item.m_itemControl = codings[0]["code"].get<std::string>();
        }
    }

    if (item.m_minLength && item.m_maxLength && *item.m_minLength > *item.m_maxLength)
        fail("minLength of " + inQuotes(item.m_linkId) + " is greater than its maxLength", at / "extension",
             item.m_linkId);
    if (item.m_minValue.is_null() || item.m_maxValue.is_null())
        return;
    const std::partial_ordering order =
        item.m_minValue.is_number()
            ? item.m_minValue.get<double>() <=> item.m_maxValue.get<double>()
            : compareTemporal(item.m_minValue.get<std::string>(), item.m_maxValue.get<std::string>());
    if (order > 0) {
        fail("minValue of " + inQuotes(item.m_linkId) + " is greater than its maxValue", at / "extension",
             item.m_linkId);
    }
}

void QuestionnaireLoader::loadTextRule(Item& item, const json& extension, const Pointer& at, bool regex)
{
    const std::string& id = item.m_linkId;
    const char* name = regex ? "regex" : "minLength";
    // SpinePath checks them on typed text; on a number or a date they would
    // be silently ignored, so they are refused there.
    if (item.m_type != ItemType::String && item.m_type != ItemType::Text && item.m_type != ItemType::Url)
        fail("the " + std::string(name) + " extension of " + inQuotes(id) +
                 " is supported on string, text and url items, not on a " +
                 std::string(toString(item.m_type)),
             at, id);
    if (!regex) {
        const auto value = extension.find("valueInteger");
        if (value == extension.end() || !value->is_number_integer() || value->get<long long>() <= 0 ||
            value->get<long long>() > 1'000'000)
            fail("the minLength extension of " + inQuotes(id) + " needs a positive valueInteger", at, id);
        item.m_minLength = value->get<int>();
        return;
    }
    const auto value = extension.find("valueString");
    if (value == extension.end() || !value->is_string() || value->get<std::string>().empty())
        fail("the regex extension of " + inQuotes(id) + " needs a valueString", at, id);
    const QRegularExpression pattern(QString::fromStdString(value->get<std::string>()));
    if (!pattern.isValid())
        fail("the regex extension of " + inQuotes(id) +
                 " is not a regular expression: " + pattern.errorString().toStdString(),
             at / "valueString", id);
    item.m_regex = value->get<std::string>();
}

void QuestionnaireLoader::loadOptions(Item& item, const json& node, const Pointer& at)
{
    const std::string& id = item.m_linkId;
    const bool hasOptions = node.contains("answerOption");
    const bool hasValueSet = node.contains("answerValueSet");
    if (hasOptions && hasValueSet)
        fail("item " + inQuotes(id) + " has both answerOption and answerValueSet", at / "answerValueSet", id);
    // STU3 named them "option" and "options"; R4 has no such elements, and
    // read as R4 the choice would have nothing to pick.
    for (const char* stu3 : {"option", "options"})
        if (!hasOptions && !hasValueSet && node.contains(stu3))
            fail("item " + inQuotes(id) + " lists its answers in \"" + stu3 +
                     "\", as FHIR STU3 did; an R4 Questionnaire names them answerOption or answerValueSet",
                 at / stu3, id);
    if (!hasOptions && !hasValueSet) {
        // A required choice with nothing to pick would leave the patient stuck.
        if (item.m_type == ItemType::Choice && item.m_required && !item.m_hidden && !item.m_readOnly)
            fail("item " + inQuotes(id) +
                     " is a required choice with no answerOption or answerValueSet, so a patient could not "
                     "answer it",
                 at / "required", id);
        return;
    }

    const bool isChoice = item.m_type == ItemType::Choice || item.m_type == ItemType::OpenChoice;
    const auto natural = naturalOptionKind(item.m_type);
    if (!isChoice && !natural)
        fail("a " + std::string(toString(item.m_type)) + " item cannot list answer options", at, id);

    if (hasValueSet) {
        item.m_answerValueSet = optionalString(node, "answerValueSet", at, id);
        if (!isChoice)
            fail("only choice and open-choice items can have an answerValueSet", at / "answerValueSet", id);
        loadValueSetOptions(item, at / "answerValueSet");
    } else {
        const json& options = node["answerOption"];
        const Pointer optionsAt = at / "answerOption";
        if (!options.is_array())
            fail("answerOption must be an array", optionsAt, id);
        for (std::size_t i = 0; i < options.size(); ++i) {
            const Pointer optionAt = optionsAt / i;
            if (!options[i].is_object())
                fail("an answerOption must be an object", optionAt, id);
            const auto [element, value] = choiceElement(options[i], "value", optionAt, id);
            const auto kind = optionKind(element);
            if (!kind && element == "valueReference")
                fail("item " + inQuotes(id) +
                         " lists answerOption valueReference, which SpinePath does not support yet; "
                         "offer the choices as valueCoding or valueString",
                     optionAt / element, id);
            if (!kind)
                fail(element + " is not an answerOption value type", optionAt / element, id);
            if (!isChoice && kind != natural)
                fail(element + " does not fit a " + std::string(toString(item.m_type)) + " item",
                     optionAt / element, id);
            AnswerOption option;
            if (*kind == AnswerOption::Kind::Coding) {
                option = codingOption(*value, optionAt / element, id);
            } else {
                if (!optionValueFits(*kind, *value))
                    fail(element + " is malformed: " + value->dump(), optionAt / element, id);
                option.kind = *kind;
                option.value = *value;
            }
            option.initialSelected = optionalBool(options[i], "initialSelected", optionAt, id);
            option.exclusive = booleanExtension(options[i], kOptionExclusiveUrl, optionAt, id);
            if (option.exclusive && !item.m_repeats)
                fail("only an item that repeats can have an exclusive answer option", optionAt / "extension",
                     id);
            item.m_options.push_back(std::move(option));
        }
    }

    // Flat answers hold the bare code, so two options with one code could not be told apart.
    std::set<std::string> seen;
    for (const auto& option : item.m_options) {
        if (!seen.insert(option.value.dump()).second)
            fail("item " + inQuotes(id) + " lists the answer " + option.value.dump() + " twice", at, id);
    }
}

void QuestionnaireLoader::loadValueSetOptions(Item& item, const Pointer& valueSetAt)
{
    const std::string& id = item.m_linkId;
    if (item.m_answerValueSet.rfind('#', 0) == 0) {
        const auto found = m_valueSets.find(std::string_view(item.m_answerValueSet).substr(1));
        if (found == m_valueSets.end())
            fail("no contained ValueSet has the id " + inQuotes(item.m_answerValueSet.substr(1)), valueSetAt,
                 id);
        if (!found->second)
            fail("item " + inQuotes(id) + " uses the contained ValueSet " + inQuotes(found->first) +
                     ", which " + m_valueSetProblems[found->first] +
                     "; SpinePath offers only codes the resource lists (compose.include.concept or "
                     "expansion.contains)",
                 valueSetAt, id);
        item.m_options = *found->second;
        return;
    }

    // A value set outside the resource: the clinic may supply it in content.
    const std::string canonical = item.m_answerValueSet.substr(0, item.m_answerValueSet.find('|'));
    if (const auto supplied = m_suppliedValueSets.find(canonical); supplied != m_suppliedValueSets.end()) {
        std::string why;
        std::optional<std::vector<AnswerOption>> options;
        try {
            options = valueSetOptions(supplied->second, Pointer(), why);
        } catch (const QuestionnaireError& error) {
            fail("item " + inQuotes(id) + " uses the ValueSet " + canonical + " supplied in content, at " +
                     error.pointer() + " of which: " + error.message(),
                 valueSetAt, id);
        }
        if (!options)
            fail("item " + inQuotes(id) + " uses the ValueSet " + canonical + " supplied in content, which " +
                     why + "; give its codes as expansion.contains or compose.include.concept",
                 valueSetAt, id);
        item.m_options = std::move(*options);
        return;
    }

    // Its codes are not known here. An optional question is kept (the patient
    // can leave it, and answers to it are not checked against the codes); a
    // required one would leave the patient stuck with nothing to pick.
    if (item.m_required)
        fail("item " + inQuotes(id) + " is required but its answerValueSet " + item.m_answerValueSet +
                 " is not in the questionnaire, so a patient could not answer it: contain the ValueSet "
                 "in the questionnaire, or put it with its codes in questionnaire/" +
                 std::string(Questionnaire::kValueSetFolder) + "/ of the content",
             valueSetAt, id);
}

void QuestionnaireLoader::loadInitial(Item& item, const json& node, const Pointer& at)
{
    const std::string& id = item.m_linkId;
    if (const auto initial = node.find("initial"); initial != node.end()) {
        const Pointer initialAt = at / "initial";
        if (!item.isQuestion())
            fail("a " + std::string(toString(item.m_type)) + " item cannot have an initial value", initialAt,
                 id);
        if (!initial->is_array())
            fail("initial must be an array", initialAt, id);
        if (initial->size() > 1 && !item.m_repeats)
            fail("item " + inQuotes(id) + " does not repeat but has several initial values", initialAt, id);
        for (std::size_t i = 0; i < initial->size(); ++i) {
            json value = fromFhirAnswer(item, (*initial)[i], (initialAt / i).to_string());
            // R4 lets an initial Quantity give only its unit (or comparator)
            // and no number: a hint for the field, not an answer. Checked as
            // one, then left out.
            if (item.m_type == ItemType::Quantity && value.is_object() && !value.contains("value")) {
                value["value"] = 0;
                if (const auto problem = checkAnswerValue(item, value))
                    fail("initial value: " + problem->message, initialAt / i, id);
                continue;
            }
            item.m_initial.push_back(std::move(value));
        }
    }
    for (const auto& option : item.m_options) {
        if (option.initialSelected)
            item.m_initial.push_back(option.value);
    }
    if (item.m_initial.size() > 1 && !item.m_repeats)
        fail("item " + inQuotes(id) + " does not repeat but has several initial values", at, id);
    for (const auto& value : item.m_initial) {
        if (const auto problem = checkAnswerValue(item, value))
            fail("initial value: " + problem->message, at, id);
    }
}

void QuestionnaireLoader::loadEnableBehavior(Item& item, const json& node, const Pointer& at)
{
    const std::string& id = item.m_linkId;
    const auto conditions = node.find("enableWhen");
    if (conditions != node.end()) {
        if (!conditions->is_array() || conditions->empty())
            fail("enableWhen must be a non-empty array", at / "enableWhen", id);
        m_pendingEnableWhen.emplace_back(&item, at / "enableWhen");
    }

    const std::string behavior = optionalString(node, "enableBehavior", at, id);
    if (behavior == "any") {
        item.m_enableBehavior = EnableBehavior::Any;
    } else if (behavior == "all") {
        item.m_enableBehavior = EnableBehavior::All;
    } else if (!behavior.empty()) {
        fail("enableBehavior must be \"all\" or \"any\", not " + inQuotes(behavior), at / "enableBehavior",
             id);
    } else if (conditions != node.end() && conditions->size() > 1) {
        // R4 (que-12) requires it; guessing could show a clinical question wrongly.
        fail("item " + inQuotes(id) + " has several enableWhen conditions but no enableBehavior",
             at / "enableWhen", id);
    }
}

void QuestionnaireLoader::resolveEnableWhen()
{
    for (const auto& [item, at] : m_pendingEnableWhen) {
        const json& conditions = m_resource.at(at);
        for (std::size_t i = 0; i < conditions.size(); ++i)
            item->m_enableWhen.push_back(loadCondition(*item, conditions[i], at / i));
    }
}

EnableWhen QuestionnaireLoader::loadCondition(const Item& owner, const json& node, const Pointer& at) const
{
    const std::string& id = owner.linkId();
    if (!node.is_object())
        fail("an enableWhen must be an object", at, id);

    EnableWhen condition;
    condition.pointer = at.to_string();
    condition.question = optionalString(node, "question", at, id);
    if (condition.question.empty())
        fail("enableWhen of " + inQuotes(id) + " needs a question", at / "question", id);
    const auto target = m_data->byLinkId.find(condition.question);
    if (target == m_data->byLinkId.end())
        fail("enableWhen of " + inQuotes(id) + " refers to unknown linkId " + inQuotes(condition.question),
             at / "question", id);
    const Item& question = *target->second;
    if (&question == &owner)
        fail("enableWhen of " + inQuotes(id) + " refers to the item itself", at / "question", id);
    // Inside a repeating group a condition reads the answer of its own
    // instance; from outside there is no one instance to read.
    if (const Item* group = enclosingRepeatingGroup(question); group && !isWithin(owner, *group))
        fail("enableWhen of " + inQuotes(id) + " refers to " + inQuotes(condition.question) +
                 ", which is inside the repeating group " + inQuotes(group->linkId()) +
                 ": from outside that group there is no one answer to read",
             at / "question", id);
    if (!question.isQuestion())
        fail("enableWhen of " + inQuotes(id) + " refers to " + inQuotes(condition.question) + ", a " +
                 std::string(toString(question.type())) + " that has no answer",
             at / "question", id);

    const std::string op = optionalString(node, "operator", at, id);
    const auto parsedOp = enableOperatorFromString(op);
    if (!parsedOp)
        fail("enableWhen of " + inQuotes(id) + " has unknown operator " + inQuotes(op), at / "operator", id);
    condition.op = *parsedOp;

    const auto [element, value] = choiceElement(node, "answer", at, id);
    const Pointer answerAt = at / element;
    const auto kind = answerKindFromElementName(element);
    if (!kind)
        fail(element + " is not an enableWhen answer type", answerAt, id);
    condition.answerKind = *kind;
    condition.answer = *value;

    if (condition.op == EnableOperator::Exists) {
        if (*kind != AnswerKind::Boolean)
            fail("the exists operator needs answerBoolean", answerAt, id);
    } else if (!compatibleAnswerKind(question, *kind)) {
        fail(element + " cannot be compared with " + inQuotes(question.linkId()) + ", a " +
                 std::string(toString(question.type())) + " item",
             answerAt, id);
    }
    if (!hasAnswerShape(*kind, *value))
        fail(element + " of the enableWhen of " + inQuotes(id) + " is malformed: " + value->dump(), answerAt,
             id);
    if (isOrdering(condition.op) && !isOrderable(*kind))
        fail("operator " + op + " cannot order " + element, at / "operator", id);

    // A code that is not an option of the question can never match: a typo.
    if (*kind == AnswerKind::Coding && !question.answerOptions().empty()) {
        const std::string code = (*value)["code"].get<std::string>();
        const auto* option = question.findOption(code);
        if (!option || option->kind != AnswerOption::Kind::Coding)
            fail("enableWhen of " + inQuotes(id) + " expects code " + inQuotes(code) + ", which " +
                     inQuotes(question.linkId()) + " does not offer",
                 answerAt / "code", id);
        const std::string system = value->value("system", std::string());
        if (!system.empty() && !option->coding.system.empty() && system != option->coding.system)
            fail("enableWhen of " + inQuotes(id) + " expects code " + inQuotes(code) + " from " + system +
                     ", but " + inQuotes(question.linkId()) + " uses " + option->coding.system,
                 answerAt / "system", id);
    }
    return condition;
}

void QuestionnaireLoader::checkNoCycles() const
{
    // Whether an item is enabled depends on its parent and on the items its
    // enableWhen reads (their answers count only when they are enabled), so
    // those links must not loop back.
    enum class Mark
    {
        Unvisited,
        Active,
        Done,
    };
    std::unordered_map<const Item*, Mark> marks;
    std::vector<const Item*> path;

    const auto dependencies = [this](const Item* item) {
        std::vector<std::pair<const Item*, std::string>> result;
        if (item->parent())
            result.emplace_back(item->parent(), item->pointer());
        for (const auto& condition : item->enableWhen())
            result.emplace_back(m_data->byLinkId.at(condition.question), condition.pointer);
        return result;
    };

    const auto visit = [&](const auto& self, const Item* item) -> void {
        marks[item] = Mark::Active;
        path.push_back(item);
        for (const auto& [next, pointer] : dependencies(item)) {
            if (marks[next] == Mark::Active) {
                std::string chain;
                const auto start = std::find(path.begin(), path.end(), next);
                for (auto it = start; it != path.end(); ++it)
                    chain += inQuotes((*it)->linkId()) + " -> ";
                chain += inQuotes(next->linkId());
                throw QuestionnaireError("enableWhen conditions form a cycle: " + chain, pointer,
                                         item->linkId());
            }
            if (marks[next] == Mark::Unvisited)
                self(self, next);
        }
        path.pop_back();
        marks[item] = Mark::Done;
    };

    for (const Item* item : m_data->all) {
        if (marks[item] == Mark::Unvisited)
            visit(visit, item);
    }
}

} // namespace spinepath::questionnaire
