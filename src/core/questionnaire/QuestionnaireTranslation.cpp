#include "core/questionnaire/QuestionnaireTranslation.h"

#include "core/questionnaire/QuestionnaireError.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

namespace spinepath::questionnaire {

namespace {

using nlohmann::json;
using Pointer = json::json_pointer;

// One translatable primitive: `owner[key]` with its translations in `owner["_" + key]`.
using Visit =
    std::function<void(json& owner, const std::string& key, const Pointer& at, const std::string& linkId)>;

void visitItems(json& items, const Pointer& at, const Visit& visit)
{
    if (!items.is_array())
        return; // the loader reports it
    for (std::size_t i = 0; i < items.size(); ++i) {
        json& item = items[i];
        if (!item.is_object())
            continue;
        const Pointer here = at / i;
        const std::string linkId =
            item.value("linkId", json()).is_string() ? item["linkId"].get<std::string>() : "";
        for (const char* key : {"text", "prefix"})
            visit(item, key, here, linkId);
        if (auto options = item.find("answerOption"); options != item.end() && options->is_array())
            for (std::size_t o = 0; o < options->size(); ++o) {
                json& option = (*options)[o];
                if (option.is_object() && option.contains("valueCoding") && option["valueCoding"].is_object())
                    visit(option["valueCoding"], "display", here / "answerOption" / o / "valueCoding",
                          linkId);
            }
        if (auto children = item.find("item"); children != item.end())
            visitItems(*children, here / "item", visit);
    }
}

void visitAll(json& resource, const Visit& visit)
{
    if (!resource.is_object())
        return;
    visit(resource, "title", Pointer(), "");
    if (auto items = resource.find("item"); items != resource.end())
        visitItems(*items, Pointer() / "item", visit);
}

// The translations of `owner[key]`, by primary language. Throws on a malformed one.
std::map<std::string, std::string> translationsOf(const json& owner, const std::string& key,
                                                  const Pointer& at, const std::string& linkId)
{
    std::map<std::string, std::string> found;
    const auto element = owner.find("_" + key);
    if (element == owner.end())
        return found;
    const Pointer where = at / ("_" + key);
    if (!element->is_object())
        throw QuestionnaireError("_" + key + " must be an object", where.to_string(), linkId);
    const auto extensions = element->find("extension");
    if (extensions == element->end())
        return found;
    if (!extensions->is_array())
        throw QuestionnaireError("extension must be an array", (where / "extension").to_string(), linkId);
    for (std::size_t i = 0; i < extensions->size(); ++i) {
        const json& extension = (*extensions)[i];
        if (!extension.is_object() || extension.value("url", json()) != QuestionnaireTranslation::kUrl)
            continue;
        const Pointer here = where / "extension" / i;
        std::string language;
        std::string content;
        if (const auto parts = extension.find("extension"); parts != extension.end() && parts->is_array())
            for (const json& part : *parts) {
                if (!part.is_object())
                    continue;
                if (part.value("url", json()) == "lang" && part.value("valueCode", json()).is_string())
                    language = part["valueCode"].get<std::string>();
                if (part.value("url", json()) == "content" && part.value("valueString", json()).is_string())
                    content = part["valueString"].get<std::string>();
            }
        if (language.empty() || content.empty())
            throw QuestionnaireError("a translation of " + key +
                                         " needs a \"lang\" valueCode and a \"content\" valueString",
                                     here.to_string(), linkId);
        const std::string primary = QuestionnaireTranslation::primary(language);
        if (found.contains(primary))
            throw QuestionnaireError("the " + key + " has two translations into \"" + primary + "\"",
                                     here.to_string(), linkId);
        found.emplace(primary, content);
    }
    return found;
}

json translationExtension(const std::string& language, const std::string& content)
{
    return json{{"url", QuestionnaireTranslation::kUrl},
                {"extension", json::array({json{{"url", "lang"}, {"valueCode", language}},
                                           json{{"url", "content"}, {"valueString", content}}})}};
}

} // namespace

std::string QuestionnaireTranslation::primary(std::string_view language)
{
    std::string result(language.substr(0, language.find_first_of("-_")));
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

std::string QuestionnaireTranslation::baseLanguage(const json& resource)
{
    if (resource.is_object() && resource.value("language", json()).is_string())
        return primary(resource["language"].get<std::string>());
    return "en";
}

std::set<std::string> QuestionnaireTranslation::languages(const json& resource)
{
    std::set<std::string> result{baseLanguage(resource)};
    json copy = resource;
    visitAll(copy, [&](json& owner, const std::string& key, const Pointer& at, const std::string& linkId) {
        for (const auto& [language, text] : translationsOf(owner, key, at, linkId))
            result.insert(language);
    });
    return result;
}

json QuestionnaireTranslation::localized(const json& resource, std::string_view language)
{
    const std::string base = baseLanguage(resource);
    const std::string wanted = primary(language);
    json copy = resource;
    if (wanted.empty() || wanted == base || !copy.is_object())
        return copy;
    visitAll(copy, [&](json& owner, const std::string& key, const Pointer& at, const std::string& linkId) {
        const auto translations = translationsOf(owner, key, at, linkId);
        const auto chosen = translations.find(wanted);
        if (chosen == translations.end() || !owner.contains(key) || !owner[key].is_string())
            return; // the whole text stays in the base language
        if (!translations.contains(base))
            owner["_" + key]["extension"].push_back(
                translationExtension(base, owner[key].get<std::string>()));
        owner[key] = chosen->second;
    });
    copy["language"] = wanted;
    return copy;
}

Questionnaire QuestionnaireTranslation::translate(const Questionnaire& questionnaire,
                                                  std::string_view language,
                                                  const Questionnaire::ValueSets& valueSets)
{
    if (primary(language) == baseLanguage(questionnaire.source()))
        return questionnaire;
    return Questionnaire::fromJson(localized(questionnaire.source(), language), valueSets);
}

std::vector<QuestionnaireTranslation::Missing> QuestionnaireTranslation::missing(const json& resource)
{
    const std::set<std::string> all = languages(resource);
    const std::string base = baseLanguage(resource);
    std::vector<Missing> result;
    json copy = resource;
    visitAll(copy, [&](json& owner, const std::string& key, const Pointer& at, const std::string& linkId) {
        if (!owner.contains(key) || !owner[key].is_string() || owner[key].get<std::string>().empty())
            return;
        const auto translations = translationsOf(owner, key, at, linkId);
        for (const std::string& language : all)
            if (language != base && !translations.contains(language))
                result.push_back({(at / key).to_string(), linkId, language});
    });
    return result;
}

} // namespace spinepath::questionnaire
