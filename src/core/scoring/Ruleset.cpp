#include "core/scoring/Ruleset.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/util/ContentProblem.h"
#include "core/util/TextFile.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <utility>

namespace spinepath::scoring {

using nlohmann::json;

namespace {

// {"round": [value, digits]}: half up, like JavaScript's Math.round, so the
// PEG score reads the same here as in any JsonLogic tool.
jsonlogic::Value roundValue(std::span<const jsonlogic::Value> arguments, jsonlogic::Arena&)
{
    const double value = jsonlogic::js::toNumber(arguments[0]);
    const double digits = arguments.size() > 1 ? jsonlogic::js::toNumber(arguments[1]) : 0.0;
    if (!std::isfinite(value) || !std::isfinite(digits) || digits < 0 || digits > 15)
        return jsonlogic::Value::number(value);
    const double scale = std::pow(10.0, std::trunc(digits));
    return jsonlogic::Value::number(std::floor(value * scale + 0.5) / scale);
}

jsonlogic::OperatorRegistry makeOperators()
{
    jsonlogic::OperatorRegistry registry = jsonlogic::OperatorRegistry::standard();
    registry.add("round", {roundValue, 1, 2});
    return registry;
}

} // namespace

// Reads a ruleset document field by field, collecting every problem with its
// pointer instead of stopping at the first, so an author sees them all.
class RulesetReader final
{
public:
    RulesetReader(const json& source, std::string file)
        : m_source(source)
        , m_file(std::move(file))
    {}

    Ruleset read()
    {
        if (!m_source.is_object())
            throw ContentError(ContentProblem{m_file, "", "a ruleset must be a JSON object"});
        // find, not value(): value() throws nlohmann's type_error for
        // {"resourceType": 1}, which must be a problem like any other.
        const auto type = m_source.find("resourceType");
        if (type == m_source.end() || !type->is_string() || *type != "SpinePathRuleset")
            problem("/resourceType", "must be \"SpinePathRuleset\"");

        std::vector<json> flagConditions, categoryConditions, factorConditions, noteConditions;
        Ruleset ruleset;
        ruleset.m_file = m_file;
        ruleset.m_source = m_source;
        ruleset.m_id = text("/id", true);
        ruleset.m_version = text("/version", true);
        ruleset.m_title = text("/title", false);
        ruleset.m_questionnaire = text("/questionnaire", true);
        if (m_source.contains("scoreRange")) {
            ruleset.m_scoreMin = integer("/scoreRange/min");
            ruleset.m_scoreMax = integer("/scoreRange/max");
            if (ruleset.m_scoreMin >= ruleset.m_scoreMax)
                problem("/scoreRange", "min must be below max");
        }

        readDerived(ruleset);
        readPathways(ruleset);
        readSeverities(ruleset);
        for (const auto& [pointer, entry] : entries("/flags")) {
            FlagRule flag{text(pointer + "/id", true),      text(pointer + "/severity", true),
                          text(pointer + "/title", true),   text(pointer + "/clinical", true),
                          text(pointer + "/patient", true), articles(pointer)};
            if (!flag.severity.empty() && !ruleset.findSeverity(flag.severity))
                problem(pointer + "/severity",
                        "\"" + flag.severity + "\" is not one of the severities listed in /severities");
            unique(flag.id, pointer);
            flagConditions.push_back(condition(pointer));
            ruleset.m_flags.push_back(std::move(flag));
        }
        for (const auto& [pointer, entry] : entries("/categories")) {
            ruleset.m_categories.push_back({text(pointer + "/id", true), text(pointer + "/title", true),
                                            text(pointer + "/patient", true),
                                            text(pointer + "/clinical", true)});
            unique(ruleset.m_categories.back().id, pointer);
            categoryConditions.push_back(condition(pointer));
        }
        if (!categoryConditions.empty() && categoryConditions.back() != json(true))
            problem("/categories/" + std::to_string(categoryConditions.size() - 1) + "/when",
                    "the last category must apply to everything left (\"when\": true)");
        for (const auto& [pointer, entry] : entries("/factors")) {
            FactorRule factor{text(pointer + "/id", true), text(pointer + "/pathway", true),
                              integer(pointer + "/weight"), text(pointer + "/reason", true),
                              articles(pointer)};
            if (!factor.pathway.empty() && factor.pathway != "none" && !ruleset.hasPathway(factor.pathway))
                problem(pointer + "/pathway",
                        "\"" + factor.pathway +
                            "\" is not one of the pathways listed in /pathways, nor \"none\"");
            else if (factor.pathway == "none" && factor.weight != 0)
                problem(pointer + "/weight",
                        "a factor of pathway \"none\" counts toward no score: its weight must be 0");
            unique(factor.id, pointer);
            factorConditions.push_back(condition(pointer));
            ruleset.m_factors.push_back(std::move(factor));
        }
        for (const auto& [pointer, entry] : entries("/notes")) {
            NoteRule note{text(pointer + "/id", true), text(pointer + "/text", true),
                          text(pointer + "/clinical", true), articles(pointer)};
            unique(note.id, pointer);
            noteConditions.push_back(condition(pointer));
            ruleset.m_notes.push_back(std::move(note));
        }
        ruleset.m_flagConditions = compile("/flags", flagConditions);
        ruleset.m_categoryConditions = compile("/categories", categoryConditions);
        ruleset.m_factorConditions = compile("/factors", factorConditions);
        ruleset.m_noteConditions = compile("/notes", noteConditions);
        if (!m_problems.empty())
            throw ContentError(std::move(m_problems));
        return ruleset;
    }

private:
    void problem(const std::string& pointer, const std::string& message)
    {
        m_problems.push_back({m_file, pointer, message});
    }

    const json* at(const std::string& pointer) const
    {
        const json::json_pointer path(pointer);
        return m_source.contains(path) ? &m_source.at(path) : nullptr;
    }

    std::string text(const std::string& pointer, bool required)
    {
        const json* value = at(pointer);
        if (!value) {
            if (required)
                problem(pointer, "is missing");
            return {};
        }
        if (!value->is_string() || (required && value->get_ref<const std::string&>().empty())) {
            problem(pointer, "must be a non-empty string");
            return {};
        }
        return value->get<std::string>();
    }

    bool boolean(const std::string& pointer)
    {
        const json* value = at(pointer);
        if (!value)
            return false;
        if (!value->is_boolean()) {
            problem(pointer, "must be true or false");
            return false;
        }
        return value->get<bool>();
    }

    int integer(const std::string& pointer)
    {
        const json* value = at(pointer);
        if (!value || !value->is_number_integer()) {
            problem(pointer, value ? "must be a whole number" : "is missing");
            return 0;
        }
        // get<int>() would wrap 4294967297 to 1: a number an int cannot hold
        // is refused rather than read as another.
        const bool fits = value->is_number_unsigned() ? std::in_range<int>(value->get<std::uint64_t>())
                                                      : std::in_range<int>(value->get<std::int64_t>());
        if (!fits) {
            problem(pointer, "must be a whole number from " +
                                 std::to_string(std::numeric_limits<int>::min()) + " to " +
                                 std::to_string(std::numeric_limits<int>::max()));
            return 0;
        }
        return value->get<int>();
    }

    std::vector<std::string> articles(const std::string& entryPointer)
    {
        std::vector<std::string> ids;
        const json* list = at(entryPointer + "/articles");
        if (!list)
            return ids;
        if (!list->is_array()) {
            problem(entryPointer + "/articles", "must be an array of article ids");
            return ids;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            if ((*list)[i].is_string())
                ids.push_back((*list)[i].get<std::string>());
            else
                problem(entryPointer + "/articles/" + std::to_string(i), "must be an article id (a string)");
        }
        return ids;
    }

    // "pathways": ["regenerative", "fusion"], each id once; "none" is reserved.
    void readPathways(Ruleset& ruleset)
    {
        const json* array = at("/pathways");
        if (!array || !array->is_array() || array->empty()) {
            problem("/pathways", "must be a non-empty array of pathway ids");
            return;
        }
        for (std::size_t i = 0; i < array->size(); ++i) {
            const std::string pointer = "/pathways/" + std::to_string(i);
            const std::string id = text(pointer, true);
            if (id == "none")
                problem(pointer, "\"none\" is reserved for factors that count toward no pathway");
            else if (!id.empty() && ruleset.hasPathway(id))
                problem(pointer, "\"" + id + "\" is listed twice");
            else if (!id.empty())
                ruleset.m_pathways.push_back(id);
        }
    }

    std::vector<std::pair<std::string, const json*>> entries(const std::string& pointer)
    {
        std::vector<std::pair<std::string, const json*>> list;
        const json* array = at(pointer);
        if (!array || !array->is_array() || array->empty()) {
            problem(pointer, "must be a non-empty array");
            return list;
        }
        for (std::size_t i = 0; i < array->size(); ++i) {
            if ((*array)[i].is_object())
                list.emplace_back(pointer + "/" + std::to_string(i), &(*array)[i]);
            else
                problem(pointer + "/" + std::to_string(i), "must be an object");
        }
        return list;
    }

    void unique(const std::string& id, const std::string& pointer)
    {
        if (!id.empty() && !m_ids.insert(pointer.substr(0, pointer.find('/', 1)) + ":" + id).second)
            problem(pointer + "/id", "\"" + id + "\" is defined twice");
    }

    json condition(const std::string& entryPointer, const std::string& key = "when")
    {
        const json* logic = at(entryPointer + "/" + key);
        if (!logic) {
            problem(entryPointer + "/" + key, "is missing");
            return false;
        }
        compileOne(entryPointer + "/" + key, *logic); // reports a bad node with its own pointer
        return *logic;
    }

    void compileOne(const std::string& pointer, const json& logic)
    {
        try {
            (void)jsonlogic::Rule::compile(logic, Ruleset::operators());
        } catch (const jsonlogic::RuleError& error) {
            problem(pointer + error.pointer(), error.problem());
        }
    }

    // One rule per stage; a bad condition was already reported with its pointer.
    jsonlogic::Rule compile(const std::string& stage, const std::vector<json>& conditions)
    {
        if (!m_problems.empty())
            return {};
        try {
            return jsonlogic::Rule::compile(json(conditions), Ruleset::operators());
        } catch (const jsonlogic::RuleError& error) {
            // The stage's array is one level more: a condition nested exactly
            // as deep as the limit compiled alone but not here. The error's
            // pointer is "/INDEX/..." in the array, "/STAGE/INDEX/when/..." here.
            const std::string& inArray = error.pointer();
            const std::size_t rest = std::min(inArray.find('/', 1), inArray.size());
            problem(stage + inArray.substr(0, rest) + (rest > 0 ? "/when" : "") + inArray.substr(rest),
                    error.problem());
            return {};
        }
    }

    // Highest first: the order is the meaning, so it is an array.
    void readSeverities(Ruleset& ruleset)
    {
        for (const auto& [pointer, entry] : entries("/severities")) {
            SeverityRule severity{text(pointer + "/id", true), boolean(pointer + "/interrupts"),
                                  boolean(pointer + "/alert")};
            unique(severity.id, pointer);
            ruleset.m_severities.push_back(std::move(severity));
        }
    }

    // An array, so the order is the author's: a concept may use earlier ones.
    void readDerived(Ruleset& ruleset)
    {
        if (!at("/derived"))
            return;
        for (const auto& [pointer, entry] : entries("/derived")) {
            const std::string name = text(pointer + "/id", true);
            unique(name, pointer);
            const json logic = condition(pointer, "value");
            if (m_problems.empty())
                ruleset.m_derived.push_back({name, jsonlogic::Rule::compile(logic, Ruleset::operators())});
        }
    }

    const json& m_source;
    std::string m_file;
    std::vector<ContentProblem> m_problems;
    std::set<std::string> m_ids;
};

const jsonlogic::OperatorRegistry& Ruleset::operators()
{
    static const jsonlogic::OperatorRegistry registry = makeOperators();
    return registry;
}

Ruleset Ruleset::fromJson(const json& source, const std::string& file)
{
    return RulesetReader(source, file).read();
}

Ruleset Ruleset::fromFile(const std::string& path)
{
    json source;
    try {
        source = jsonlogic::parseJson(readTextFile(path));
    } catch (const std::exception& error) {
        throw ContentError(ContentProblem{path, "", error.what()});
    }
    return fromJson(source, path);
}

const SeverityRule* Ruleset::findSeverity(std::string_view id) const
{
    const auto it = std::find_if(m_severities.begin(), m_severities.end(),
                                 [&](const SeverityRule& s) { return s.id == id; });
    return it == m_severities.end() ? nullptr : &*it;
}

const CategoryRule* Ruleset::findCategory(std::string_view id) const
{
    const auto it = std::find_if(m_categories.begin(), m_categories.end(),
                                 [&](const CategoryRule& c) { return c.id == id; });
    return it == m_categories.end() ? nullptr : &*it;
}

const FlagRule* Ruleset::findFlag(std::string_view id) const
{
    const auto it =
        std::find_if(m_flags.begin(), m_flags.end(), [&](const FlagRule& f) { return f.id == id; });
    return it == m_flags.end() ? nullptr : &*it;
}

const FactorRule* Ruleset::findFactor(std::string_view id) const
{
    const auto it =
        std::find_if(m_factors.begin(), m_factors.end(), [&](const FactorRule& f) { return f.id == id; });
    return it == m_factors.end() ? nullptr : &*it;
}

const NoteRule* Ruleset::findNote(std::string_view id) const
{
    const auto it =
        std::find_if(m_notes.begin(), m_notes.end(), [&](const NoteRule& n) { return n.id == id; });
    return it == m_notes.end() ? nullptr : &*it;
}

bool Ruleset::hasPathway(const std::string& id) const
{
    return std::find(m_pathways.begin(), m_pathways.end(), id) != m_pathways.end();
}

} // namespace spinepath::scoring
