#include "core/report/ClinicalLabels.h"

#include "core/jsonlogic/Json.h"
#include "core/util/TextFile.h"

#include <algorithm>
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

void overlayMap(std::map<std::string, std::string>& base, const std::map<std::string, std::string>& over)
{
    for (const auto& [key, value] : over)
        if (!value.empty())
            base[key] = value;
}

void missingKeys(const std::map<std::string, std::string>& base,
                 const std::map<std::string, std::string>& other, const std::string& pointer,
                 std::vector<std::string>& missing)
{
    for (const auto& [key, value] : base)
        if (!value.empty() && lookup(other, key).empty())
            missing.push_back(pointer + "/" + key);
}

} // namespace

ClinicalLabels ClinicalLabels::load(const std::string& contentDirectory, const std::string& language)
{
    ClinicalLabels labels = load(contentDirectory);
    if (language.empty() || language == "en")
        return labels;
    const std::string path = contentDirectory + "/" + kTranslations + "/" + language + ".json";
    if (!std::filesystem::exists(path))
        return labels;
    std::string text;
    try {
        text = readTextFile(path);
    } catch (const std::exception& error) {
        throw ContentError(ContentProblem{path, "", error.what()});
    }
    labels.overlay(fromJson(text, path));
    return labels;
}

std::vector<std::string> ClinicalLabels::languages(const std::string& contentDirectory)
{
    std::vector<std::string> result{"en"};
    std::error_code error;
    for (const auto& entry :
         std::filesystem::directory_iterator(contentDirectory + "/" + kTranslations, error))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            result.push_back(entry.path().stem().string());
    std::sort(result.begin() + 1, result.end());
    return result;
}

void ClinicalLabels::overlay(const ClinicalLabels& translation)
{
    if (!translation.m_disclaimer.empty())
        m_disclaimer = translation.m_disclaimer;
    overlayMap(m_values, translation.m_values);
    overlayMap(m_sections, translation.m_sections);
    overlayMap(m_categories, translation.m_categories);
    overlayMap(m_factors, translation.m_factors);
    overlayMap(m_pathways, translation.m_pathways);
    overlayMap(m_scores, translation.m_scores);
    overlayMap(m_severities, translation.m_severities);
    overlayMap(m_categoryClinical, translation.m_categoryClinical);
    overlayMap(m_flagTitles, translation.m_flagTitles);
    overlayMap(m_flagClinical, translation.m_flagClinical);
    overlayMap(m_noteClinical, translation.m_noteClinical);
    for (const auto& [linkId, item] : translation.m_items) {
        ItemLabel& own = m_items[linkId];
        if (!item.label.empty())
            own.label = item.label;
        if (!item.shortLabel.empty())
            own.shortLabel = item.shortLabel;
        overlayMap(own.answers, item.answers);
    }
}

std::vector<std::string> ClinicalLabels::missingIn(const ClinicalLabels& translation) const
{
    std::vector<std::string> missing;
    if (!m_disclaimer.empty() && translation.m_disclaimer.empty())
        missing.emplace_back("/disclaimer");
    missingKeys(m_values, translation.m_values, "/values", missing);
    missingKeys(m_sections, translation.m_sections, "/sections", missing);
    missingKeys(m_categories, translation.m_categories, "/categories", missing);
    missingKeys(m_factors, translation.m_factors, "/factors", missing);
    missingKeys(m_pathways, translation.m_pathways, "/pathways", missing);
    missingKeys(m_scores, translation.m_scores, "/scores", missing);
    missingKeys(m_severities, translation.m_severities, "/severities", missing);
    for (const auto& [linkId, item] : m_items) {
        const ItemLabel* other = translation.item(linkId);
        if (!other || other->label.empty()) {
            missing.push_back("/items/" + linkId + "/label");
            continue;
        }
        if (!item.shortLabel.empty() && other->shortLabel.empty())
            missing.push_back("/items/" + linkId + "/short");
        missingKeys(item.answers, other->answers, "/items/" + linkId + "/answers", missing);
    }
    return missing;
}

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
    // A translation's wording of the rules' clinical texts.
    if (source.contains("clinical")) {
        const nlohmann::json& clinical = source["clinical"];
        if (!clinical.is_object()) {
            problems.push_back({file, "/clinical", "must be an object"});
        } else {
            labels.m_categoryClinical = stringMap(clinical, "categories", "/clinical", file, problems);
            labels.m_noteClinical = stringMap(clinical, "notes", "/clinical", file, problems);
            if (clinical.contains("flags")) {
                if (!clinical["flags"].is_object())
                    problems.push_back({file, "/clinical/flags", "must be an object keyed by flag id"});
                else
                    for (const auto& [id, node] : clinical["flags"].items()) {
                        const std::string pointer = "/clinical/flags/" + id;
                        if (!node.is_object() || !node.value("title", nlohmann::json()).is_string() ||
                            !node.value("text", nlohmann::json()).is_string()) {
                            problems.push_back(
                                {file, pointer, "must be an object with \"title\" and \"text\" strings"});
                            continue;
                        }
                        labels.m_flagTitles[id] = node["title"].get<std::string>();
                        labels.m_flagClinical[id] = node["text"].get<std::string>();
                    }
            }
        }
    }

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

std::string ClinicalLabels::categoryClinical(const std::string& id) const
{
    return lookup(m_categoryClinical, id);
}

std::string ClinicalLabels::flagTitle(const std::string& id) const
{
    return lookup(m_flagTitles, id);
}

std::string ClinicalLabels::flagClinical(const std::string& id) const
{
    return lookup(m_flagClinical, id);
}

std::string ClinicalLabels::noteClinical(const std::string& id) const
{
    return lookup(m_noteClinical, id);
}

} // namespace spinepath::report
