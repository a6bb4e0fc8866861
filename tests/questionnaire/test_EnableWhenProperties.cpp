// Property test of enableWhen (issue 19): random questionnaires (every item
// type that enableWhen compares, every operator, enableBehavior any and all,
// chains of items that depend on each other, groups and items nested under a
// question) and random answer sets, checked against a small reference
// evaluator written here from the R4 text. The generator writes dates,
// times and numbers in one fixed form each, so that the reference can
// compare them plainly. The seed is printed; SPINEPATH_TEST_SEED=N replays it.
#include "QuestionnaireTestSupport.h"
#include "support/TestSeed.h"

#include "core/questionnaire/Questionnaire.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace spinepath::questionnaire;
using nlohmann::json;

namespace {

const std::vector<std::string> kTypes{"boolean",  "integer", "decimal", "string",  "date",
                                      "dateTime", "time",    "choice",  "quantity"};
const std::vector<std::string> kOperators{"exists", "=", "!=", ">", "<", ">=", "<="};
constexpr const char* kSystem = "http://example.org/codes";
constexpr const char* kUnits = "http://unitsofmeasure.org";

// One generated question, as the reference sees it.
struct Spec
{
    std::string linkId;
    std::string type;
    bool repeats = false;
    int parent = -1; // index of the group or question it sits under, or -1
    bool parentIsQuestion = false;
    std::vector<json> conditions; // {"question", "operator", "answer"} (flat answer)
    bool any = false;
};

class Generator final
{
public:
    explicit Generator(std::uint32_t seed)
        : m_random(seed)
    {}

    int pick(int below) { return std::uniform_int_distribution<int>(0, below - 1)(m_random); }
    bool chance(int percent) { return pick(100) < percent; }

    // A flat value of the type: few distinct values, so that = and the
    // orderings hit often.
    json value(const std::string& type)
    {
        const int n = pick(4);
        if (type == "boolean")
            return n % 2 == 0;
        if (type == "integer")
            return n - 1;
        if (type == "decimal")
            return 0.5 * n;
        if (type == "string")
            return std::string(1, static_cast<char>('a' + n));
        if (type == "date")
            return "2026-0" + std::to_string(n + 1) + "-15";
        if (type == "dateTime")
            return "2026-03-1" + std::to_string(n) + "T10:00:00+00:00";
        if (type == "time")
            return "1" + std::to_string(n) + ":30:00";
        if (type == "choice")
            return "c" + std::to_string(n);
        // quantity: one of two coded units
        return json{{"value", n}, {"unit", "u"}, {"system", kUnits}, {"code", pick(3) == 0 ? "lb" : "kg"}};
    }

    std::vector<Spec> questions()
    {
        std::vector<Spec> specs;
        const int count = 3 + pick(8);
        for (int i = 0; i < count; ++i) {
            Spec spec;
            spec.linkId = "q" + std::to_string(i);
            const bool group = i > 0 && chance(12);
            spec.type =
                group ? "group" : kTypes[static_cast<std::size_t>(pick(static_cast<int>(kTypes.size())))];
            spec.repeats = !group && spec.type != "boolean" && chance(20);
            // Under an earlier group or question, now and then.
            if (i > 0 && chance(30)) {
                const int parent = pick(i);
                if (specs[static_cast<std::size_t>(parent)].type == "group" || chance(50)) {
                    spec.parent = parent;
                    spec.parentIsQuestion = specs[static_cast<std::size_t>(parent)].type != "group";
                }
            }
            // Conditions on earlier questions only (no cycles), so chains form.
            if (i > 0 && chance(70)) {
                const int conditions = 1 + pick(3);
                for (int c = 0; c < conditions; ++c) {
                    const int target = pick(i);
                    const Spec& on = specs[static_cast<std::size_t>(target)];
                    if (on.type == "group")
                        continue;
                    std::string op =
                        kOperators[static_cast<std::size_t>(pick(static_cast<int>(kOperators.size())))];
                    const bool orderable = on.type != "boolean" && on.type != "choice";
                    if (!orderable && op != "exists" && op != "=" && op != "!=")
                        op = "=";
                    spec.conditions.push_back(
                        {{"question", on.linkId},
                         {"operator", op},
                         {"type", on.type},
                         {"answer", op == "exists" ? json(chance(50)) : value(on.type)}});
                }
                spec.any = chance(50);
            }
            specs.push_back(std::move(spec));
        }
        return specs;
    }

    json answers(const std::vector<Spec>& specs)
    {
        json result = json::object();
        for (const Spec& spec : specs) {
            if (spec.type == "group" || chance(25))
                continue;
            if (!spec.repeats) {
                result[spec.linkId] = value(spec.type);
                continue;
            }
            json list = json::array();
            for (int n = 1 + pick(3); n > 0; --n)
                if (json one = value(spec.type); std::find(list.begin(), list.end(), one) == list.end())
                    list.push_back(std::move(one));
            result[spec.linkId] = list;
        }
        return result;
    }

private:
    std::mt19937 m_random;
};

json answerElement(const std::string& type, const json& value)
{
    if (type == "boolean")
        return {{"answerBoolean", value}};
    if (type == "integer")
        return {{"answerInteger", value}};
    if (type == "decimal")
        return {{"answerDecimal", value}};
    if (type == "string")
        return {{"answerString", value}};
    if (type == "date")
        return {{"answerDate", value}};
    if (type == "dateTime")
        return {{"answerDateTime", value}};
    if (type == "time")
        return {{"answerTime", value}};
    if (type == "choice")
        return {{"answerCoding", {{"system", kSystem}, {"code", value}}}};
    return {{"answerQuantity", value}};
}

// The Questionnaire resource of the specs.
json resourceOf(const std::vector<Spec>& specs)
{
    std::vector<json> nodes(specs.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const Spec& spec = specs[i];
        json node{{"linkId", spec.linkId}, {"type", spec.type}, {"text", spec.linkId}};
        if (spec.repeats)
            node["repeats"] = true;
        if (spec.type == "choice")
            for (int n = 0; n < 4; ++n)
                node["answerOption"].push_back(
                    {{"valueCoding", {{"system", kSystem}, {"code", "c" + std::to_string(n)}}}});
        for (const json& condition : spec.conditions) {
            json element{{"question", condition["question"]}, {"operator", condition["operator"]}};
            const json answer = condition["operator"] == "exists"
                                    ? json{{"answerBoolean", condition["answer"]}}
                                    : answerElement(condition["type"], condition["answer"]);
            element.update(answer);
            node["enableWhen"].push_back(element);
        }
        if (spec.conditions.size() > 1)
            node["enableBehavior"] = spec.any ? "any" : "all";
        nodes[i] = std::move(node);
    }
    // Children into their parents, last first so that each parent is whole.
    for (std::size_t i = specs.size(); i-- > 0;)
        if (specs[i].parent >= 0) {
            json& parent = nodes[static_cast<std::size_t>(specs[i].parent)];
            if (!parent.contains("item"))
                parent["item"] = json::array();
            parent["item"].insert(parent["item"].begin(), nodes[i]);
        }
    json items = json::array();
    for (std::size_t i = 0; i < specs.size(); ++i)
        if (specs[i].parent < 0)
            items.push_back(nodes[i]);
    // A group without items is legal R4 but pointless; give it a display.
    std::function<void(json&)> fill = [&](json& list) {
        for (json& node : list) {
            if (node["type"] == "group" && !node.contains("item"))
                node["item"] = json::array({{{"linkId", node["linkId"].get<std::string>() + ".note"},
                                             {"type", "display"},
                                             {"text", "note"}}});
            if (node.contains("item"))
                fill(node["item"]);
        }
    };
    fill(items);
    return {{"resourceType", "Questionnaire"}, {"status", "draft"}, {"item", items}};
}

// ---- The reference: R4's enableWhen, over the generated forms only. ----

// -1, 0 or 1; the generated forms make plain comparison exact.
int compare(const std::string& type, const json& value, const json& answer)
{
    if (type == "integer" || type == "decimal") {
        const double a = value.get<double>();
        const double b = answer.get<double>();
        return a < b ? -1 : a > b ? 1 : 0;
    }
    if (type == "quantity")
        return compare("decimal", value["value"], answer["value"]);
    const std::string a = value.get<std::string>();
    const std::string b = answer.get<std::string>();
    return a < b ? -1 : a > b ? 1 : 0;
}

class Reference final
{
public:
    Reference(const std::vector<Spec>& specs, const json& answers)
        : m_specs(specs)
        , m_answers(answers)
    {
        for (std::size_t i = 0; i < specs.size(); ++i)
            m_index[specs[i].linkId] = static_cast<int>(i);
    }

    bool enabled(int i)
    {
        if (const auto known = m_memo.find(i); known != m_memo.end())
            return known->second;
        const bool result = decide(i);
        m_memo[i] = result;
        return result;
    }

private:
    bool decide(int i)
    {
        const Spec& spec = m_specs[static_cast<std::size_t>(i)];
        // An item is enabled only when its parent is; under a question, only
        // when that question has an answer for it to hang under.
        if (spec.parent >= 0) {
            if (!enabled(spec.parent))
                return false;
            if (spec.parentIsQuestion && values(spec.parent).empty())
                return false;
        }
        if (spec.conditions.empty())
            return true;
        int holding = 0;
        for (const json& condition : spec.conditions)
            holding += holds(condition) ? 1 : 0;
        return spec.any ? holding > 0 : holding == static_cast<int>(spec.conditions.size());
    }

    // The answers of a question, none while it is disabled.
    std::vector<json> values(int i)
    {
        const Spec& spec = m_specs[static_cast<std::size_t>(i)];
        if (!enabled(i) || !m_answers.contains(spec.linkId))
            return {};
        const json& given = m_answers[spec.linkId];
        return given.is_array() ? std::vector<json>(given.begin(), given.end()) : std::vector<json>{given};
    }

    bool holds(const json& condition)
    {
        const int question = m_index.at(condition["question"].get<std::string>());
        const std::string type = condition["type"];
        const std::string op = condition["operator"];
        const json& answer = condition["answer"];
        const auto given = values(question);
        if (op == "exists")
            return !given.empty() == answer.get<bool>();
        bool equal = false;
        bool ordered = false;
        for (const json& value : given) {
            // Quantities in other coded units are neither equal nor ordered.
            if (type == "quantity" && value["code"] != answer["code"])
                continue;
            const int order = (type == "boolean" || type == "choice") ? (value == answer ? 0 : 2)
                                                                      : compare(type, value, answer);
            equal = equal || order == 0;
            ordered = ordered || (op == ">" && order == 1) || (op == "<" && order == -1) ||
                      (op == ">=" && (order == 1 || order == 0)) ||
                      (op == "<=" && (order == -1 || order == 0));
        }
        if (op == "=")
            return equal;
        if (op == "!=")
            return !equal;
        return ordered;
    }

    const std::vector<Spec>& m_specs;
    const json& m_answers;
    std::map<std::string, int> m_index;
    std::map<int, bool> m_memo;
};

} // namespace

TEST_CASE("enableWhen agrees with a reference evaluator on random questionnaires and answers",
          "[Questionnaire][enableWhen][property]")
{
    const auto seed = spinepath::test::testSeed("enableWhen properties", 20261204u);
    Generator generate(seed);
    int forms = 0;
    int enabledSeen = 0;
    int disabledSeen = 0;
    for (int round = 0; round < 400; ++round) {
        const auto specs = generate.questions();
        const json resource = resourceOf(specs);
        INFO("round " << round << ", seed " << seed << ": " << resource.dump());
        const auto form = Questionnaire::fromJson(resource);
        ++forms;
        for (int set = 0; set < 10; ++set) {
            const json answers = generate.answers(specs);
            INFO("answers " << answers.dump());
            REQUIRE(form.validate(answers).valid());
            const auto enabled = form.enabledLinkIds(answers);
            Reference reference(specs, answers);
            for (std::size_t i = 0; i < specs.size(); ++i) {
                const bool expected = reference.enabled(static_cast<int>(i));
                INFO("item " << specs[i].linkId);
                CHECK(enabled.contains(specs[i].linkId) == expected);
                (expected ? enabledSeen : disabledSeen) += 1;
            }
        }
    }
    CHECK(forms == 400);
    // The generator reaches both outcomes often.
    CHECK(enabledSeen > 1000);
    CHECK(disabledSeen > 1000);
}
