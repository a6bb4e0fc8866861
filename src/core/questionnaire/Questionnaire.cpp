#include "core/questionnaire/Questionnaire.h"

#include "core/questionnaire/AnswerValidator.h"
#include "core/questionnaire/Enablement.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireLoader.h"
#include "core/questionnaire/RepeatingGroups.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

namespace spinepath::questionnaire {

namespace {

using nlohmann::json;

void requireObject(const json& answers)
{
    if (!answers.is_object())
        throw QuestionnaireError("answers must be a JSON object keyed by linkId, not " +
                                 std::string(answers.type_name()));
}

} // namespace

Questionnaire::Questionnaire(std::shared_ptr<const QuestionnaireData> data)
    : m_data(std::move(data))
{}

Questionnaire Questionnaire::fromJson(const json& resource, const ValueSets& valueSets)
{
    return Questionnaire(QuestionnaireLoader::load(resource, valueSets));
}

Questionnaire Questionnaire::fromFile(const std::string& path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        throw QuestionnaireError("cannot open questionnaire file " + path);
    json resource;
    try {
        resource = json::parse(stream);
    } catch (const json::exception& error) { // parse_error, or out_of_range for a number like 1e999
        throw QuestionnaireError(path + ": malformed JSON: " + error.what());
    }
    const ValueSets valueSets = valueSetsBeside(path);
    try {
        return fromJson(resource, valueSets);
    } catch (const QuestionnaireError& error) {
        throw error.withContext(path);
    }
}

Questionnaire::ValueSets Questionnaire::valueSetsBeside(const std::string& path)
{
    return valueSetsIn((std::filesystem::path(path).parent_path() / kValueSetFolder).string());
}

Questionnaire::ValueSets Questionnaire::valueSetsIn(const std::string& folder)
{
    namespace fs = std::filesystem;
    ValueSets valueSets;
    std::error_code error;
    if (!fs::is_directory(folder, error))
        return valueSets;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end()); // the same error first on every computer
    std::map<std::string, std::string> fileOf;
    for (const fs::path& file : files) {
        std::ifstream stream(file, std::ios::binary);
        json resource;
        try {
            resource = json::parse(stream);
        } catch (const json::exception& parseError) {
            throw QuestionnaireError(file.string() + ": malformed JSON: " + parseError.what());
        }
        if (!resource.is_object() || resource.value("resourceType", json()) != "ValueSet")
            throw QuestionnaireError(file.string() + ": is not a FHIR ValueSet", "/resourceType");
        const auto url = resource.find("url");
        if (url == resource.end() || !url->is_string() || url->get<std::string>().empty())
            throw QuestionnaireError(file.string() + ": a ValueSet needs the url that answerValueSet names",
                                     "/url");
        const std::string canonical = url->get<std::string>().substr(0, url->get<std::string>().find('|'));
        if (const auto [first, added] = fileOf.emplace(canonical, file.string()); !added)
            throw QuestionnaireError(
                file.string() + ": the url " + canonical + " is also the url of " + first->second, "/url");
        valueSets.emplace(canonical, std::move(resource));
    }
    return valueSets;
}

const std::string& Questionnaire::id() const noexcept
{
    return m_data->id;
}

const std::string& Questionnaire::url() const noexcept
{
    return m_data->url;
}

const std::string& Questionnaire::version() const noexcept
{
    return m_data->version;
}

const std::string& Questionnaire::name() const noexcept
{
    return m_data->name;
}

const std::string& Questionnaire::title() const noexcept
{
    return m_data->title;
}

const std::string& Questionnaire::status() const noexcept
{
    return m_data->status;
}

std::string Questionnaire::canonical() const
{
    // Without a url there is nothing to name (R4 makes the url optional).
    if (m_data->url.empty())
        return {};
    return m_data->version.empty() ? m_data->url : m_data->url + "|" + m_data->version;
}

const json& Questionnaire::source() const noexcept
{
    return m_data->source;
}

const std::vector<const Item*>& Questionnaire::items() const noexcept
{
    return m_data->roots;
}

const std::vector<const Item*>& Questionnaire::allItems() const noexcept
{
    return m_data->all;
}

std::vector<const Item*> Questionnaire::answerableItems() const
{
    std::vector<const Item*> result;
    for (const Item* item : m_data->all) {
        if (item->isQuestion())
            result.push_back(item);
    }
    return result;
}

const Item* Questionnaire::find(std::string_view linkId) const
{
    const auto found = m_data->byLinkId.find(linkId);
    return found == m_data->byLinkId.end() ? nullptr : found->second;
}

bool Questionnaire::isEnabled(const Item& item, const json& answers) const
{
    requireObject(answers);
    if (find(item.linkId()) != &item)
        throw QuestionnaireError("item " + item.linkId() + " belongs to another questionnaire",
                                 item.pointer(), item.linkId());
    return Enablement(*m_data, answers).isEnabled(item);
}

std::set<std::string> Questionnaire::enabledLinkIds(const json& answers) const
{
    requireObject(answers);
    const Enablement enablement(*m_data, answers);
    std::set<std::string> result;
    for (const Item* item : m_data->all) {
        if (enablement.isEnabled(*item))
            result.insert(item->linkId());
    }
    return result;
}

ValidationResult Questionnaire::validate(const json& answers) const
{
    requireObject(answers);
    return AnswerValidator(*m_data).validate(answers);
}

json Questionnaire::pruneDisabled(const json& answers) const
{
    requireObject(answers);
    json current = answers;
    // Dropping one answer can disable another item. Enablement already ignores
    // answers of disabled items, so the first pass is normally final; repeating
    // until nothing changes keeps the result a fixed point whatever the rules.
    for (bool changed = true; changed;) {
        changed = false;
        const Enablement enablement(*m_data, current);
        json next = json::object();
        for (const auto& [linkId, value] : current.items()) {
            const Item* item = find(linkId);
            if (item && !enablement.isEnabled(*item))
                changed = true;
            else
                next[linkId] = value;
        }
        current = std::move(next);
    }
    // Each instance of a repeating group is pruned as answers of its own,
    // seeing the answers outside the group beside it. Instances stay where
    // they are, even when emptied, so that the second one stays the second.
    for (const Item* item : m_data->all) {
        if (!isRepeatingGroup(*item) || !current.contains(item->linkId()) ||
            !current[item->linkId()].is_array())
            continue;
        for (json& instance : current[item->linkId()]) {
            if (!instance.is_object())
                continue;
            json view = instanceView(current, *item, instance);
            const json pruned = pruneDisabled(view);
            json kept = json::object();
            for (const auto& [linkId, value] : instance.items()) {
                const Item* inner = find(linkId);
                if (!inner || pruned.contains(linkId))
                    kept[linkId] = value;
            }
            instance = std::move(kept);
        }
    }
    return current;
}

json Questionnaire::initialAnswers() const
{
    json answers = json::object();
    for (const Item* item : m_data->all) {
        const auto& values = item->initialValues();
        if (values.empty() || enclosingRepeatingGroup(*item))
            continue;
        answers[item->linkId()] = item->repeats() ? json(values) : values.front();
    }
    // A repeating group starts with one instance, holding its initial values.
    for (const Item* item : m_data->all)
        if (isRepeatingGroup(*item))
            if (json instance = newInstance(*item, answers); !instance.empty())
                answers[item->linkId()] = json::array({std::move(instance)});
    return pruneDisabled(answers);
}

json Questionnaire::newInstance(const Item& group, const json& answers) const
{
    json instance = json::object();
    for (const Item* item : m_data->all) {
        if (item == &group || !isWithin(*item, group) || item->initialValues().empty())
            continue;
        const auto& values = item->initialValues();
        instance[item->linkId()] = item->repeats() ? json(values) : values.front();
    }
    if (instance.empty())
        return instance;
    // Only the initial values of items the new instance asks.
    const json pruned = pruneDisabled(instanceView(answers, group, instance));
    json kept = json::object();
    for (const auto& [linkId, value] : instance.items())
        if (pruned.contains(linkId))
            kept[linkId] = value;
    return kept;
}

} // namespace spinepath::questionnaire
