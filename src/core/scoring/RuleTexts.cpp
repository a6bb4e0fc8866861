#include "core/scoring/RuleTexts.h"

#include "core/jsonlogic/Json.h"
#include "core/scoring/Ruleset.h"
#include "core/util/TextFile.h"

#include <cctype>
#include <filesystem>

namespace spinepath::scoring {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string primary(std::string_view language)
{
    std::string result(language.substr(0, language.find_first_of("-_")));
    for (char& c : result)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
}

std::string fileOf(const std::string& directory, const std::string& language)
{
    return directory + "/" + RuleTexts::kFolder + "/" + language + ".json";
}

// One text of a translation file: a string, or a string under `key` of an object.
std::string textIn(const json& texts, const char* part, const std::string& id, const char* key)
{
    const auto group = texts.find(part);
    if (group == texts.end() || !group->is_object())
        return {};
    const auto entry = group->find(id);
    if (entry == group->end())
        return {};
    const json* value = &*entry;
    if (key) {
        if (!value->is_object() || !value->contains(key))
            return {};
        value = &(*value)[key];
    }
    return value->is_string() ? value->get<std::string>() : std::string();
}

struct Expected
{
    const char* part;
    const char* key; // null: the entry is the text itself
    std::vector<std::string> ids;
};

std::vector<Expected> expected(const Ruleset& ruleset)
{
    std::vector<Expected> all{{"categories", "title", {}},
                              {"categories", "patient", {}},
                              {"flags", nullptr, {}},
                              {"factors", nullptr, {}},
                              {"notes", nullptr, {}}};
    for (const auto& category : ruleset.categories()) {
        all[0].ids.push_back(category.id);
        all[1].ids.push_back(category.id);
    }
    for (const auto& flag : ruleset.flags())
        all[2].ids.push_back(flag.id);
    for (const auto& factor : ruleset.factors())
        all[3].ids.push_back(factor.id);
    for (const auto& note : ruleset.notes())
        all[4].ids.push_back(note.id);
    return all;
}

} // namespace

RuleTexts::RuleTexts(const Ruleset& ruleset, std::string language, json texts)
    : m_ruleset(&ruleset)
    , m_language(std::move(language))
    , m_texts(std::move(texts))
{}

RuleTexts RuleTexts::load(const std::string& contentDirectory, const Ruleset& ruleset,
                          std::string_view language)
{
    const std::string wanted = primary(language);
    const std::string file = fileOf(contentDirectory, wanted);
    std::error_code error;
    if (wanted.empty() || wanted == "en" || !fs::is_regular_file(file, error))
        return RuleTexts(ruleset, "en", json());
    try {
        json texts = jsonlogic::parseJson(readTextFile(file));
        if (texts.is_object())
            return RuleTexts(ruleset, wanted, std::move(texts));
    } catch (const std::exception&) {
        // check() names the problem; the patient reads the ruleset's own texts.
    }
    return RuleTexts(ruleset, "en", json());
}

std::set<std::string> RuleTexts::languages(const std::string& contentDirectory)
{
    std::set<std::string> result{"en"};
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(contentDirectory + "/" + kFolder, error))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            result.insert(entry.path().stem().string());
    return result;
}

std::vector<ContentProblem> RuleTexts::check(const std::string& contentDirectory, const Ruleset& ruleset)
{
    std::vector<ContentProblem> problems;
    for (const std::string& language : languages(contentDirectory)) {
        if (language == "en")
            continue;
        const std::string file = fileOf(contentDirectory, language);
        json texts;
        try {
            texts = jsonlogic::parseJson(readTextFile(file));
        } catch (const std::exception& error) {
            problems.push_back({file, "", std::string("cannot be read: ") + error.what()});
            continue;
        }
        if (!texts.is_object()) {
            problems.push_back({file, "", "must be a JSON object"});
            continue;
        }
        if (texts.value("language", json()) != language)
            problems.push_back({file, "/language", "must be \"" + language + "\", the name of the file"});
        for (const Expected& stage : expected(ruleset)) {
            for (const std::string& id : stage.ids)
                if (textIn(texts, stage.part, id, stage.key).empty())
                    problems.push_back({file,
                                        "/" + std::string(stage.part) + "/" + id +
                                            (stage.key ? "/" + std::string(stage.key) : ""),
                                        "has no " + language + " text for \"" + id + "\" of the rules (" +
                                            ruleset.file() + ")"});
        }
        for (const char* part : {"categories", "flags", "factors", "notes"}) {
            const auto group = texts.find(part);
            if (group == texts.end() || !group->is_object())
                continue;
            for (const auto& [id, value] : group->items()) {
                const bool known = (std::string_view(part) == "categories" && ruleset.findCategory(id)) ||
                                   (std::string_view(part) == "flags" && ruleset.findFlag(id)) ||
                                   (std::string_view(part) == "factors" && ruleset.findFactor(id)) ||
                                   (std::string_view(part) == "notes" && ruleset.findNote(id));
                if (!known)
                    problems.push_back(
                        {file, "/" + std::string(part) + "/" + id,
                         "names \"" + id + "\", which is no id of the rules (" + ruleset.file() + ")"});
            }
        }
    }
    return problems;
}

std::string RuleTexts::translated(const char* part, const std::string& id, const char* key) const
{
    return m_texts.is_object() ? textIn(m_texts, part, id, key) : std::string();
}

std::string RuleTexts::categoryTitle(const std::string& id) const
{
    std::string text = translated("categories", id, "title");
    if (text.empty())
        if (const auto* rule = m_ruleset->findCategory(id))
            text = rule->title;
    return text;
}

std::string RuleTexts::categoryText(const std::string& id) const
{
    std::string text = translated("categories", id, "patient");
    if (text.empty())
        if (const auto* rule = m_ruleset->findCategory(id))
            text = rule->patient;
    return text;
}

std::string RuleTexts::flag(const std::string& id) const
{
    std::string text = translated("flags", id, nullptr);
    if (text.empty())
        if (const auto* rule = m_ruleset->findFlag(id))
            text = rule->patient;
    return text;
}

std::string RuleTexts::reason(const std::string& id) const
{
    std::string text = translated("factors", id, nullptr);
    if (text.empty())
        if (const auto* rule = m_ruleset->findFactor(id))
            text = rule->reason;
    return text;
}

std::string RuleTexts::note(const std::string& id) const
{
    std::string text = translated("notes", id, nullptr);
    if (text.empty())
        if (const auto* rule = m_ruleset->findNote(id))
            text = rule->text;
    return text;
}

} // namespace spinepath::scoring
