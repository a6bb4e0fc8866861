#include "core/report/ClinicalLabels.h"

#include "core/jsonlogic/Json.h"
#include "core/util/TextFile.h"

#include <filesystem>

namespace spinepath::report {

namespace {

std::string lookup(const std::map<std::string, std::string>& map, const std::string& key)
{
    const auto found = map.find(key);
    return found == map.end() ? std::string() : found->second;
}

// Reads an object of strings at `key`; a missing key is an empty map.
std::map<std::string, std::string> stringMap(const nlohmann::json& source, const std::string& key,
                                             const std::string& pointer, const std::string& file,
                                             std::vector<ContentProblem>& problems)
{
    std::map<std::string, std::string> map;
    if (!source.contains(key))
        return map;
    const nlohmann::json& node = source.at(key);
    if (!node.is_object()) {
        problems.push_back({file, pointer + "/" + key, "must be an object of strings"});
        return map;
    }
    for (const auto& [name, value] : node.items()) {
        if (value.is_string())
            map[name] = value.get<std::string>();
        else
            problems.push_back({file, pointer + "/" + key + "/" + name, "must be a string"});
    }
    return map;
}

} // namespace

ClinicalLabels ClinicalLabels::load(const std::string& contentDirectory)
{
    const std::string path = contentDirectory + "/" + kFile;
    if (!std::filesystem::exists(path))
        return {};
    std::string text;
    try {
        text = readTextFile(path);
    } catch (const std::exception& error) {
        throw ContentError(ContentProblem{path, "", error.what()});
    }
    return fromJson(text, path);
}

ClinicalLabels ClinicalLabels::fromJson(const std::string& text, const std::string& file)
{
    nlohmann::json source;
    try {
        source = jsonlogic::parseJson(text);
    } catch (const std::exception& error) {
        throw ContentError(ContentProblem{file, "", error.what()});
    }
    if (!source.is_object())
        throw ContentError(ContentProblem{file, "", "must be a JSON object"});

    std::vector<ContentProblem> problems;
    ClinicalLabels labels;
    if (source.contains("disclaimer")) {
        if (source["disclaimer"].is_string())
            labels.m_disclaimer = source["disclaimer"].get<std::string>();
        else
            problems.push_back({file, "/disclaimer", "must be a string"});
    }
    labels.m_values = stringMap(source, "values", "", file, problems);
    labels.m_sections = stringMap(source, "sections", "", file, problems);
    labels.m_categories = stringMap(source, "categories", "", file, problems);
    labels.m_factors = stringMap(source, "factors", "", file, problems);
    labels.m_pathways = stringMap(source, "pathways", "", file, problems);
    labels.m_scores = stringMap(source, "scores", "", file, problems);
    labels.m_severities = stringMap(source, "severities", "", file, problems);

    if (source.contains("items")) {
        if (!source["items"].is_object())
            problems.push_back({file, "/items", "must be an object keyed by linkId"});
        else
            for (const auto& [linkId, node] : source["items"].items()) {
                const std::string pointer = "/items/" + linkId;
                if (!node.is_object() || !node.contains("label") || !node["label"].is_string()) {
                    problems.push_back({file, pointer, "must be an object with a \"label\" string"});
                    continue;
                }
                ItemLabel item;
                item.label = node["label"].get<std::string>();
                if (node.contains("short")) {
                    if (node["short"].is_string())
                        item.shortLabel = node["short"].get<std::string>();
                    else
                        problems.push_back({file, pointer + "/short", "must be a string"});
                }
                item.answers = stringMap(node, "answers", pointer, file, problems);
                labels.m_items.emplace(linkId, std::move(item));
            }
    }
    if (!problems.empty())
        throw ContentError(std::move(problems));
    return labels;
}

std::string ClinicalLabels::section(const std::string& linkId) const
{
    return lookup(m_sections, linkId);
}

const ClinicalLabels::ItemLabel* ClinicalLabels::item(const std::string& linkId) const
{
    const auto found = m_items.find(linkId);
    return found == m_items.end() ? nullptr : &found->second;
}

std::string ClinicalLabels::answer(const std::string& linkId, const std::string& code) const
{
    const ItemLabel* found = item(linkId);
    return found ? lookup(found->answers, code) : std::string();
}

std::string ClinicalLabels::value(const std::string& key) const
{
    return lookup(m_values, key);
}

std::string ClinicalLabels::category(const std::string& id) const
{
    return lookup(m_categories, id);
}

std::string ClinicalLabels::factor(const std::string& id) const
{
    return lookup(m_factors, id);
}

std::string ClinicalLabels::pathway(const std::string& id) const
{
    return lookup(m_pathways, id);
}

std::string ClinicalLabels::score(const std::string& pathway) const
{
    return lookup(m_scores, pathway);
}

std::string ClinicalLabels::severity(const std::string& id) const
{
    return lookup(m_severities, id);
}

} // namespace spinepath::report
