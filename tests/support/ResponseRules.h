#pragma once

// A test-side checker of the FHIR R4 rules that apply to the
// QuestionnaireResponses SpinePath writes (issue 19). The official HL7
// validator (Java, downloaded at run time) cannot run offline, so this
// checks, from the R4 specification, what it would check of them:
// - the resource: resourceType, a status of the value set, item an array;
// - qrs-1: an item has answers or items, never both (items under a question
//   go under its answer);
// - qrs-2: answers to one question are one item, not siblings with the same linkId;
// - every linkId is an item of the questionnaire, and the nesting mirrors
//   it: top-level items at the top, a group's items in the group, a
//   question's items under its answer; siblings in the questionnaire's order;
// - no answer to a group or display item, and no display item at all;
// - each answer holds exactly one value[x], of a type that fits the item's
//   type (valueCoding for a choice, valueString also for open-choice, ...),
//   with the JSON shape R4 gives that type;
// - several answers only where the item repeats, and a group given more
//   than once among its siblings only where it repeats.
#include "core/questionnaire/Questionnaire.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace spinepath::test {

class ResponseRules final
{
public:
    explicit ResponseRules(const questionnaire::Questionnaire& form)
        : m_form(form)
    {}

    // Every rule broken, each as "pointer: what"; empty when the response keeps them all.
    [[nodiscard]] std::vector<std::string> problems(const nlohmann::json& response)
    {
        m_problems.clear();
        if (!response.is_object() ||
            response.value("resourceType", nlohmann::json()) != "QuestionnaireResponse") {
            add("", "resourceType is not QuestionnaireResponse");
            return m_problems;
        }
        static const std::set<std::string> statuses{"in-progress", "completed", "amended", "entered-in-error",
                                                    "stopped"};
        const auto status = response.find("status");
        if (status == response.end() || !status->is_string() ||
            !statuses.contains(status->get<std::string>()))
            add("/status", "status is missing or not a QuestionnaireResponse status");
        if (const auto items = response.find("item"); items != response.end())
            checkItems(*items, nullptr, "/item");
        return m_problems;
    }

private:
    void add(const std::string& at, const std::string& what) { m_problems.push_back(at + ": " + what); }

    void checkItems(const nlohmann::json& items, const questionnaire::Item* parent, const std::string& at)
    {
        if (!items.is_array() || items.empty()) {
            add(at, "item must be a non-empty array");
            return;
        }
        std::set<std::string> answeredLinkIds;
        std::map<std::string, int> groupCount;
        int lastPosition = -1;
        const auto& expected = parent ? parent->children() : m_form.items();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string here = at + "/" + std::to_string(i);
            const nlohmann::json& node = items[i];
            if (!node.is_object() || !node.contains("linkId") || !node["linkId"].is_string()) {
                add(here, "an item needs a string linkId");
                continue;
            }
            const std::string linkId = node["linkId"];
            const questionnaire::Item* item = m_form.find(linkId);
            if (!item) {
                add(here, "linkId '" + linkId + "' is no item of the questionnaire");
                continue;
            }
            const auto place = std::find(expected.begin(), expected.end(), item);
            if (place == expected.end()) {
                add(here, "'" + linkId + "' is not an item of " +
                              (parent ? "'" + parent->linkId() + "'" : std::string("the top level")));
                continue;
            }
            const int position = static_cast<int>(place - expected.begin());
            if (position < lastPosition)
                add(here, "'" + linkId + "' comes before an item that precedes it in the questionnaire");
            lastPosition = position;
            if (node.contains("answer") && node.contains("item"))
                add(here, "qrs-1: '" + linkId + "' has both answer and item");
            if (item->type() == questionnaire::ItemType::Display)
                add(here, "'" + linkId + "' is a display item, which a response does not hold");
            if (item->type() == questionnaire::ItemType::Group) {
                if (node.contains("answer"))
                    add(here, "group '" + linkId + "' has answers");
                if (++groupCount[linkId] > 1 && !item->repeats())
                    add(here, "group '" + linkId + "' does not repeat but is given more than once");
                if (node.contains("item"))
                    checkItems(node["item"], item, here + "/item");
                continue;
            }
            if (node.contains("item"))
                add(here, "qrs-1: question '" + linkId + "' holds items beside its answers");
            if (!node.contains("answer"))
                continue;
            if (!answeredLinkIds.insert(linkId).second)
                add(here, "qrs-2: the answers of '" + linkId + "' are split over several items");
            checkAnswers(*item, node["answer"], here + "/answer");
        }
    }

    void checkAnswers(const questionnaire::Item& item, const nlohmann::json& answers, const std::string& at)
    {
        if (!answers.is_array() || answers.empty()) {
            add(at, "answer must be a non-empty array");
            return;
        }
        if (answers.size() > 1 && !item.repeats())
            add(at, "'" + item.linkId() + "' does not repeat but has " + std::to_string(answers.size()) +
                        " answers");
        const std::set<std::string> allowed = allowedValues(item);
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const std::string here = at + "/" + std::to_string(i);
            const nlohmann::json& answer = answers[i];
            if (!answer.is_object()) {
                add(here, "an answer must be an object");
                continue;
            }
            int values = 0;
            for (const auto& [key, value] : answer.items()) {
                if (key == "item") {
                    checkItems(value, &item, here + "/item");
                    continue;
                }
                if (key.rfind("value", 0) != 0) {
                    add(here, "unknown element " + key);
                    continue;
                }
                ++values;
                if (!allowed.contains(key))
                    add(here, key + " does not fit a " + std::string(questionnaire::toString(item.type())) +
                                  " item ('" + item.linkId() + "')");
                else if (!shapeFits(key, value))
                    add(here, key + " is malformed: " + value.dump());
            }
            if (values != 1)
                add(here, "an answer needs exactly one value[x], not " + std::to_string(values));
        }
    }

    static std::set<std::string> allowedValues(const questionnaire::Item& item)
    {
        using questionnaire::ItemType;
        switch (item.type()) {
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
            return {"valueCoding", "valueString", "valueInteger", "valueDate", "valueTime", "valueReference"};
        case ItemType::OpenChoice:
            return {"valueCoding", "valueString", "valueInteger", "valueDate", "valueTime", "valueReference"};
        default:
            return {};
        }
    }

    // The JSON shape of each R4 type (the regular expressions of the R4 datatypes).
    static bool shapeFits(const std::string& key, const nlohmann::json& value)
    {
        const auto matches = [&](const char* pattern) {
            return value.is_string() && std::regex_match(value.get<std::string>(), std::regex(pattern));
        };
        if (key == "valueBoolean")
            return value.is_boolean();
        if (key == "valueDecimal")
            return value.is_number();
        if (key == "valueInteger")
            return value.is_number_integer() && value.get<long long>() >= -2147483648LL &&
                   value.get<long long>() <= 2147483647LL;
        if (key == "valueDate")
            return matches(R"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)");
        if (key == "valueDateTime")
            return matches(
                R"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?)");
        if (key == "valueTime")
            return matches(R"(([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?)");
        if (key == "valueString" || key == "valueUri")
            return value.is_string() && !value.get<std::string>().empty();
        if (key == "valueCoding")
            return value.is_object() && (value.contains("code") || value.contains("display")) &&
                   (!value.contains("code") || value["code"].is_string()) &&
                   (!value.contains("system") || value["system"].is_string());
        if (key == "valueQuantity")
            return value.is_object() && (!value.contains("value") || value["value"].is_number()) &&
                   (!value.contains("code") || value.contains("system"));
        if (key == "valueReference")
            return value.is_object() &&
                   (value.contains("reference") || value.contains("identifier") || value.contains("display"));
        if (key == "valueAttachment")
            return value.is_object() && (!value.contains("data") || value.contains("contentType"));
        return false;
    }

    const questionnaire::Questionnaire& m_form;
    std::vector<std::string> m_problems;
};

// For a CHECK: the problems joined, empty when none.
inline std::string responseProblems(const questionnaire::Questionnaire& form, const nlohmann::json& response)
{
    std::string joined;
    for (const std::string& problem : ResponseRules(form).problems(response))
        joined += problem + "\n";
    return joined;
}

} // namespace spinepath::test
