#include "core/scoring/RulesetLint.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/RepeatingGroups.h"
#include "core/scoring/RuleAnswers.h"
#include "core/scoring/Ruleset.h"

#include <algorithm>

namespace spinepath::scoring {

using nlohmann::json;

namespace {

// What a condition may refer to besides answers, at its stage of scoring.
struct Scope
{
    std::set<std::string> derived;
    bool flags = false;
    bool category = false;
};

class ReferenceWalker final
{
public:
    ReferenceWalker(const Ruleset& ruleset, const questionnaire::Questionnaire& questionnaire,
                    const std::string& file, std::vector<ContentProblem>& problems)
        : m_ruleset(ruleset)
        , m_questionnaire(questionnaire)
        , m_ruleAnswers(questionnaire)
        , m_file(file)
        , m_problems(problems)
    {}

    void walk(const json& node, const std::string& pointer, const Scope& scope)
    {
        if (node.is_array()) {
            for (std::size_t i = 0; i < node.size(); ++i)
                walk(node[i], pointer + "/" + std::to_string(i), scope);
            return;
        }
        if (!node.is_object() || node.size() != 1)
            return;
        const auto only = node.begin();
        const std::string& op = only.key();
        const json& arguments = only.value();
        const std::string here = pointer + "/" + op;
        if (op == "var") {
            const json& path = arguments.is_array() ? (arguments.empty() ? json() : arguments[0]) : arguments;
            if (path.is_string())
                checkPath(path.get<std::string>(), arguments.is_array() ? here + "/0" : here, scope);
        } else if (arguments.is_array() && arguments.size() == 2) {
            checkComparison(op, arguments, here);
        }
        walk(arguments, here, scope);
    }

private:
    void problem(const std::string& pointer, const std::string& message)
    {
        m_problems.push_back({m_file, pointer, message});
    }

    static const std::string* answerPath(const json& node)
    {
        if (!node.is_object() || node.size() != 1 || !node.contains("var"))
            return nullptr;
        const json& path = node["var"].is_array() && !node["var"].empty() ? node["var"][0] : node["var"];
        return path.is_string() ? &path.get_ref<const std::string&>() : nullptr;
    }

    void checkPath(const std::string& path, const std::string& pointer, const Scope& scope)
    {
        if (path == "flags" || path == "severity" || path == "category") {
            if (!(path == "category" ? scope.category : scope.flags))
                problem(pointer, "\"" + path + "\" is not known yet at this stage");
            return;
        }
        if (path.starts_with("derived.")) {
            const std::string name = path.substr(8);
            if (!scope.derived.contains(name))
                problem(pointer, "no derived concept \"" + name + "\" is defined before this point");
            return;
        }
        const questionnaire::Item* item = m_questionnaire.find(path);
        if (!item)
            problem(pointer, "no question of the questionnaire has the linkId \"" + path + "\"");
        else if (questionnaire::isRepeatingGroup(*item))
            return; // the list of its instances
        else if (const auto* group = questionnaire::enclosingRepeatingGroup(*item))
            problem(pointer, "\"" + path + "\" is inside the repeating group \"" + group->linkId() +
                                 "\", which has an answer per instance: read the list of instances with "
                                 "{\"var\": \"" +
                                 group->linkId() + "\"}");
        else if (!item->isQuestion())
            problem(
                pointer,
                "\"" + path + "\" is a " +
                    std::string(item->type() == questionnaire::ItemType::Group ? "group" : "display item") +
                    ", not a question");
        else if (const std::string why = m_ruleAnswers.unreadable(path); !why.empty())
            problem(pointer, "a rule cannot read the answer of \"" + path + "\": " + why);
    }

    // "severity", "category" and "flags" hold the ruleset's own ids: a typo
    // there would silently never match.
    bool checkOutcomeId(const std::string& path, const json& code, const std::string& pointer)
    {
        const bool known = path == "severity"   ? m_ruleset.findSeverity(code.get<std::string>()) != nullptr
                           : path == "category" ? m_ruleset.findCategory(code.get<std::string>()) != nullptr
                           : path == "flags"    ? m_ruleset.findFlag(code.get<std::string>()) != nullptr
                                                : true;
        if (!known)
            problem(pointer, "\"" + code.get<std::string>() + "\" is not a " +
                                 (path == "flags" ? std::string("flag") : path) + " id of this ruleset");
        return path == "severity" || path == "category" || path == "flags";
    }

    void checkCode(const std::string& linkId, const json& code, const std::string& pointer)
    {
        if (code.is_string() && checkOutcomeId(linkId, code, pointer))
            return;
        const questionnaire::Item* item = m_questionnaire.find(linkId);
        if (!item || code.is_structured())
            return; // another rule or answer: nothing to check here
        // A yes/no answer compared with "true" (a string) can never match.
        using questionnaire::ItemType;
        const bool numeric = item->type() == ItemType::Integer || item->type() == ItemType::Decimal;
        if ((item->type() == ItemType::Boolean && !code.is_boolean() && !code.is_null()) ||
            (numeric && !code.is_number() && !code.is_null())) {
            problem(pointer,
                    "compares the " + std::string(item->type() == ItemType::Boolean ? "yes/no" : "number") +
                        " answer of \"" + linkId + "\" with " + code.dump() + ", which it can never equal");
            return;
        }
        if (!code.is_string() || item->answerOptions().empty())
            return;
        const auto& options = item->answerOptions();
        const bool known =
            std::any_of(options.begin(), options.end(), [&](const questionnaire::AnswerOption& o) {
                return o.kind == questionnaire::AnswerOption::Kind::Coding
                           ? o.coding.code == code.get_ref<const std::string&>()
                           : o.value == code;
            });
        if (!known)
            problem(pointer,
                    "\"" + code.get<std::string>() + "\" is not an answer option of \"" + linkId + "\"");
    }

    // {"==": [{"var": L}, "code"]}, {"in": ["code", {"var": L}]}, {"in": [{"var": L}, ["a", "b"]]}.
    void checkComparison(const std::string& op, const json& arguments, const std::string& pointer)
    {
        static const std::set<std::string> equality = {"==", "!=", "===", "!=="};
        if (equality.contains(op)) {
            for (int side = 0; side < 2; ++side)
                if (const std::string* linkId = answerPath(arguments[side]))
                    checkCode(*linkId, arguments[1 - side], pointer + "/" + std::to_string(1 - side));
        } else if (op == "in") {
            if (const std::string* linkId = answerPath(arguments[1]))
                checkCode(*linkId, arguments[0], pointer + "/0");
            if (const std::string* linkId = answerPath(arguments[0]); linkId && arguments[1].is_array())
                for (std::size_t i = 0; i < arguments[1].size(); ++i)
                    checkCode(*linkId, arguments[1][i], pointer + "/1/" + std::to_string(i));
        }
    }

    const Ruleset& m_ruleset;
    const questionnaire::Questionnaire& m_questionnaire;
    const RuleAnswers m_ruleAnswers;
    const std::string& m_file;
    std::vector<ContentProblem>& m_problems;
};

} // namespace

RulesetLint::RulesetLint(const Ruleset& ruleset, const questionnaire::Questionnaire& questionnaire)
    : m_ruleset(ruleset)
    , m_questionnaire(questionnaire)
{}

std::vector<ContentProblem> RulesetLint::checkReferences() const
{
    std::vector<ContentProblem> problems;
    ReferenceWalker walker(m_ruleset, m_questionnaire, m_ruleset.file(), problems);
    const json& source = m_ruleset.source();
    Scope scope;
    if (source.contains("derived")) {
        for (std::size_t i = 0; i < source["derived"].size(); ++i) {
            const json& entry = source["derived"][i];
            walker.walk(entry.value("value", json()), "/derived/" + std::to_string(i) + "/value", scope);
            scope.derived.insert(entry.value("id", ""));
        }
    }
    const auto walkStage = [&](const char* stage) {
        for (std::size_t i = 0; i < source[stage].size(); ++i)
            walker.walk(source[stage][i].value("when", json()),
                        "/" + std::string(stage) + "/" + std::to_string(i) + "/when", scope);
    };
    walkStage("flags");
    scope.flags = true;
    walkStage("categories");
    scope.category = true;
    walkStage("factors");
    walkStage("notes");
    return problems;
}

std::vector<ContentProblem> RulesetLint::checkInterface(const json& interface,
                                                        const std::string& interfaceFile) const
{
    std::vector<ContentProblem> problems;
    const auto require = [&](const char* kind, auto defined) {
        if (!interface.contains(kind) || !interface[kind].is_array()) {
            problems.push_back({interfaceFile, std::string("/") + kind, "must list the required ids"});
            return;
        }
        for (const json& id : interface[kind])
            if (id.is_string() && !defined(id.get<std::string>()))
                problems.push_back({m_ruleset.file(), std::string("/") + kind,
                                    std::string("the ") + kind + " id \"" + id.get<std::string>() +
                                        "\" of the interface (" + interfaceFile + ") is not defined"});
    };
    require("severities", [&](const std::string& id) { return m_ruleset.findSeverity(id) != nullptr; });
    require("categories", [&](const std::string& id) { return m_ruleset.findCategory(id) != nullptr; });
    require("flags", [&](const std::string& id) { return m_ruleset.findFlag(id) != nullptr; });
    require("factors", [&](const std::string& id) { return m_ruleset.findFactor(id) != nullptr; });
    require("notes", [&](const std::string& id) { return m_ruleset.findNote(id) != nullptr; });
    require("pathways", [&](const std::string& id) { return m_ruleset.hasPathway(id); });
    return problems;
}

std::vector<ContentProblem> RulesetLint::checkArticles(const std::set<std::string>& articleIds) const
{
    std::vector<ContentProblem> problems;
    const auto check = [&](const char* stage, std::size_t index, const std::vector<std::string>& articles) {
        // "id#Heading" points into an article at a section; the id must exist.
        for (std::size_t i = 0; i < articles.size(); ++i)
            if (!articleIds.contains(articles[i].substr(0, articles[i].find('#'))))
                problems.push_back({m_ruleset.file(),
                                    "/" + std::string(stage) + "/" + std::to_string(index) + "/articles/" +
                                        std::to_string(i),
                                    "no article has the id \"" + articles[i] + "\""});
    };
    for (std::size_t i = 0; i < m_ruleset.flags().size(); ++i)
        check("flags", i, m_ruleset.flags()[i].articles);
    for (std::size_t i = 0; i < m_ruleset.factors().size(); ++i)
        check("factors", i, m_ruleset.factors()[i].articles);
    for (std::size_t i = 0; i < m_ruleset.notes().size(); ++i)
        check("notes", i, m_ruleset.notes()[i].articles);
    return problems;
}

namespace {

// `the role "peg.score" (the derived concept reported as the PEG score) names "peg"`
std::string roleNames(const ContentRoles::RoleInfo& info, const std::string& id)
{
    return "the role \"" + std::string(info.name) + "\" (" + std::string(info.what) + ") names \"" + id +
           "\"";
}

std::string typeList(const std::vector<questionnaire::ItemType>& types)
{
    std::string list;
    for (std::size_t i = 0; i < types.size(); ++i)
        list += (i == 0 ? "" : i + 1 == types.size() ? " or " : ", ") + std::string(toString(types[i]));
    return list;
}

} // namespace

std::vector<ContentProblem> RulesetLint::checkRoles(const ContentRoles& roles) const
{
    using Kind = ContentRoles::Kind;
    std::vector<ContentProblem> problems;
    const std::string questionnaire =
        "the questionnaire \"" +
        (m_questionnaire.url().empty() ? m_questionnaire.id() : m_questionnaire.url()) + "\"";
    for (const ContentRoles::RoleInfo& info : ContentRoles::all()) {
        const std::string pointer = "/roles/" + std::string(info.name);
        for (const std::string& id : roles.ids(info.role)) {
            const auto problem = [&](const std::string& what) {
                problems.push_back({roles.file(), pointer, roleNames(info, id) + ", " + what});
            };
            if (info.kind == Kind::Question) {
                const questionnaire::Item* item = m_questionnaire.find(id);
                if (!item)
                    problem("which is no linkId of " + questionnaire);
                else if (std::find(info.types.begin(), info.types.end(), item->type()) == info.types.end())
                    problem("a question of type " + std::string(toString(item->type())) + " in " +
                            questionnaire + "; it must be of type " + typeList(info.types));
            } else if (info.kind == Kind::Section) {
                const auto& top = m_questionnaire.items();
                const auto found = std::find_if(top.begin(), top.end(), [&](const questionnaire::Item* item) {
                    return item->linkId() == id;
                });
                if (found == top.end() || (*found)->type() != questionnaire::ItemType::Group)
                    problem("which is no top-level group of " + questionnaire);
            } else if (info.kind == Kind::DerivedConcept) {
                const auto& derived = m_ruleset.derived();
                if (std::none_of(derived.begin(), derived.end(),
                                 [&](const Ruleset::Derived& known) { return known.name == id; }))
                    problem("which is no derived concept of the rules (" + m_ruleset.file() + ")");
            }
        }
    }
    return problems;
}

std::vector<ContentProblem> RulesetLint::checkRoleArticles(const ContentRoles& roles,
                                                           const std::set<std::string>& articleIds)
{
    std::vector<ContentProblem> problems;
    for (const ContentRoles::RoleInfo& info : ContentRoles::all())
        if (info.kind == ContentRoles::Kind::Article)
            for (const std::string& id : roles.ids(info.role))
                if (!articleIds.contains(id))
                    problems.push_back({roles.file(), "/roles/" + std::string(info.name),
                                        roleNames(info, id) + ", which is no article's id"});
    return problems;
}

} // namespace spinepath::scoring
