#include "core/questionnaire/QuestionnaireResponse.h"

#include "core/questionnaire/AnswerValue.h"
#include "core/questionnaire/FhirTemporal.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/RepeatingGroups.h"

#include <map>
#include <set>
#include <vector>

namespace spinepath::questionnaire {

namespace {

using nlohmann::json;
using Pointer = json::json_pointer;

std::string inQuotes(const std::string& text)
{
    return "'" + text + "'";
}

std::string answerPointer(const std::string& linkId)
{
    return (Pointer() / linkId).to_string();
}

// A response names the questionnaire it answers by canonical URL, with an
// optional "|version". Answers to another questionnaire must not be scored as
// the intake, even when their linkIds happen to fit. Another
// version of the same questionnaire is read: stored answers of an earlier
// version must still score, and the linkIds are a stable interface. A
// response that names no questionnaire (optional in FHIR R4) is read too.
void checkQuestionnaire(const Questionnaire& questionnaire, const json& response)
{
    const auto named = response.find("questionnaire");
    if (named == response.end() || questionnaire.url().empty())
        return;
    if (!named->is_string())
        throw QuestionnaireError("questionnaire must be the canonical URL of a questionnaire, as a text",
                                 "/questionnaire");
    const std::string& canonical = named->get_ref<const std::string&>();
    const std::string url = canonical.substr(0, canonical.find('|'));
    if (url != questionnaire.url())
        throw QuestionnaireError("the response answers another questionnaire, not " + questionnaire.url(),
                                 "/questionnaire");
}

void checkOptions(const ResponseOptions& options)
{
    static const std::set<std::string> statuses{"in-progress", "completed", "amended", "entered-in-error",
                                                "stopped"};
    if (!statuses.contains(options.status))
        throw QuestionnaireError("unknown QuestionnaireResponse status " + inQuotes(options.status));
    if (!options.authored.empty() && !isFhirDateTime(options.authored))
        throw QuestionnaireError("authored is not a FHIR dateTime such as 2026-03-01T09:30:00+01:00");
    for (const auto& [name, reference] :
         {std::pair{"subject", &options.subject}, {"author", &options.author}})
        if (!reference->is_null() && !reference->is_object())
            throw QuestionnaireError(std::string(name) + " must be a FHIR Reference (an object)");
}

void checkAnswers(const Questionnaire& questionnaire, const json& answers, const ResponseOptions& options)
{
    const auto result = questionnaire.validate(answers);
    const auto errors = result.errors();
    if (!errors.empty()) {
        const auto& first = errors.front();
        throw QuestionnaireError(first.message, answerPointer(first.linkId), first.linkId);
    }
    if (options.status == "completed" && !result.complete()) {
        const auto missing = result.missingLinkIds();
        throw QuestionnaireError("a completed response needs an answer to " + inQuotes(missing.front()) +
                                     (missing.size() > 1
                                          ? " and " + std::to_string(missing.size() - 1) + " more item(s)"
                                          : std::string()),
                                 answerPointer(missing.front()), missing.front());
    }
}

// Builds response items for `items` from answers that are valid and pruned.
class ResponseWriter final
{
public:
    explicit ResponseWriter(const json& answers)
        : m_answers(answers)
    {}

    json items(const std::vector<const Item*>& items) const
    {
        json result = json::array();
        for (const Item* item : items) {
            if (isRepeatingGroup(*item)) {
                // One response item per instance, in order; empty ones are left out.
                for (const json& instance : instancesOf(m_answers, *item)) {
                    json entry = ResponseWriter(instance).item(*item);
                    if (!entry.is_null())
                        result.push_back(std::move(entry));
                }
                continue;
            }
            json entry = this->item(*item);
            if (!entry.is_null())
                result.push_back(std::move(entry));
        }
        return result;
    }

private:
    // Null when the item has nothing to record.
    json item(const Item& item) const
    {
        if (item.type() == ItemType::Display)
            return nullptr;
        json children = items(item.children());

        json answers = json::array();
        if (const auto found = m_answers.find(item.linkId()); found != m_answers.end() && item.isQuestion()) {
            for (const auto& value : found->is_array() ? *found : json::array({*found}))
                answers.push_back(toFhirAnswer(item, value));
        }
        if (answers.empty() && children.empty())
            return nullptr;

        json entry{{"linkId", item.linkId()}};
        if (!item.text().empty())
            entry["text"] = item.text();
        if (!answers.empty()) {
            // Items nested under a question belong under its answer (R4 qrs-1).
            if (!children.empty())
                answers[0]["item"] = std::move(children);
            entry["answer"] = std::move(answers);
        } else {
            entry["item"] = std::move(children);
        }
        return entry;
    }

    const json& m_answers;
};

// Collects flat answers from the items of a response, wherever they sit.
class ResponseReader final
{
public:
    // `scope`: the repeating group whose one instance this reader reads, or null.
    explicit ResponseReader(const Questionnaire& questionnaire, const Item* scope = nullptr)
        : m_questionnaire(questionnaire)
        , m_scope(scope)
    {}

    void readItems(const json& items, const Pointer& at)
    {
        if (!items.is_array())
            throw QuestionnaireError("item must be an array", at.to_string());
        for (std::size_t i = 0; i < items.size(); ++i)
            readItem(items[i], at / i);
    }

    json answers() const
    {
        json result = json::object();
        for (const auto& [linkId, values] : m_values) {
            const Item* item = m_questionnaire.find(linkId);
            if (!values.empty())
                result[linkId] = item->repeats() ? json(values) : values.front();
        }
        for (const auto& [linkId, instances] : m_instances)
            result[linkId] = instances;
        return result;
    }

private:
    void readItem(const json& node, const Pointer& at)
    {
        if (!node.is_object())
            throw QuestionnaireError("a response item must be an object", at.to_string());
        const auto linkIdNode = node.find("linkId");
        if (linkIdNode == node.end() || !linkIdNode->is_string())
            throw QuestionnaireError("a response item needs a string linkId", (at / "linkId").to_string());
        const std::string linkId = linkIdNode->get<std::string>();
        const Item* item = m_questionnaire.find(linkId);
        if (!item)
            throw QuestionnaireError("the response has an item with unknown linkId " + inQuotes(linkId),
                                     (at / "linkId").to_string(), linkId);

        if (m_scope && (item == m_scope || !isWithin(*item, *m_scope)))
            throw QuestionnaireError("the response has " + inQuotes(linkId) +
                                         " inside an instance of the repeating group " +
                                         inQuotes(m_scope->linkId()) + ", to which it does not belong",
                                     (at / "linkId").to_string(), linkId);
        if (const Item* group = enclosingRepeatingGroup(*item); group && !m_scope)
            throw QuestionnaireError("the response has " + inQuotes(linkId) +
                                         " outside the repeating group " + inQuotes(group->linkId()) +
                                         "; its answers belong in one instance of that group",
                                     (at / "linkId").to_string(), linkId);
        // Each instance of a repeating group is read on its own, so that two
        // instances are kept apart and never merged.
        if (isRepeatingGroup(*item)) {
            if (const auto answers = node.find("answer"); answers != node.end())
                readAnswers(*item, *answers, at / "answer");
            ResponseReader instance(m_questionnaire, item);
            if (const auto children = node.find("item"); children != node.end())
                instance.readItems(*children, at / "item");
            m_instances[linkId].push_back(instance.answers());
            return;
        }
        // A group that does not repeat has one instance: listed twice, its
        // answers would merge.
        if (item->type() == ItemType::Group && !m_groups.insert(linkId).second)
            throw QuestionnaireError("the group " + inQuotes(linkId) +
                                         " does not repeat but appears twice in the response",
                                     at.to_string(), linkId);

        if (const auto answers = node.find("answer"); answers != node.end())
            readAnswers(*item, *answers, at / "answer");
        if (const auto children = node.find("item"); children != node.end())
            readItems(*children, at / "item");
    }

    void readAnswers(const Item& item, const json& answers, const Pointer& at)
    {
        const std::string& linkId = item.linkId();
        if (!answers.is_array())
            throw QuestionnaireError("answer of " + inQuotes(linkId) + " must be an array", at.to_string(),
                                     linkId);
        if (!item.isQuestion() && !answers.empty())
            throw QuestionnaireError(inQuotes(linkId) + " is a " + std::string(toString(item.type())) +
                                         " and cannot have answers",
                                     at.to_string(), linkId);

        // A flat response may list a repeating item once per answer, so
        // entries add up; an item that takes one answer may appear once.
        auto& values = m_values[linkId];
        if (!item.repeats() && !values.empty() && !answers.empty())
            throw QuestionnaireError(inQuotes(linkId) + " takes one answer but appears twice in the response",
                                     at.to_string(), linkId);
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const Pointer answerAt = at / i;
            values.push_back(fromFhirAnswer(item, answers[i], answerAt.to_string()));
            if (!answers[i].is_object() || !answers[i].contains("item"))
                continue;
            // Items nested under an answer are kept once per question, as for a group.
            if (!m_answersWithItems.insert(linkId).second)
                throw QuestionnaireError("the response has items nested under more than one answer of " +
                                             inQuotes(linkId) +
                                             "; SpinePath keeps one set of them and will not merge their "
                                             "answers",
                                         (answerAt / "item").to_string(), linkId);
            readItems(answers[i]["item"], answerAt / "item");
        }
        if (!item.repeats() && values.size() > 1)
            throw QuestionnaireError(inQuotes(linkId) + " takes one answer but the response has " +
                                         std::to_string(values.size()),
                                     at.to_string(), linkId);
    }

    const Questionnaire& m_questionnaire;
    const Item* m_scope;
    std::map<std::string, std::vector<json>> m_values;
    std::map<std::string, json> m_instances;  // the instances of each repeating group, in order
    std::set<std::string> m_groups;           // groups read so far
    std::set<std::string> m_answersWithItems; // questions with items read under an answer
};

} // namespace

json toQuestionnaireResponse(const Questionnaire& questionnaire, const json& answers,
                             const ResponseOptions& options)
{
    checkOptions(options);
    checkAnswers(questionnaire, answers, options);
    const json kept = questionnaire.pruneDisabled(answers);

    json response{{"resourceType", "QuestionnaireResponse"}};
    if (!options.id.empty())
        response["id"] = options.id;
    if (!questionnaire.url().empty())
        response["questionnaire"] = questionnaire.canonical();
    response["status"] = options.status;
    if (!options.subject.is_null())
        response["subject"] = options.subject;
    if (!options.authored.empty())
        response["authored"] = options.authored;
    if (!options.author.is_null())
        response["author"] = options.author;
    json items = ResponseWriter(kept).items(questionnaire.items());
    if (!items.empty())
        response["item"] = std::move(items);
    return response;
}

ResponseOptions responseOptionsOf(const json& response)
{
    ResponseOptions options;
    // Flat answers are keyed by linkId, and "id" may well be one.
    if (!response.is_object() || response.value("resourceType", json()) != "QuestionnaireResponse")
        return options;
    const auto text = [&](const char* key) {
        const auto found = response.find(key);
        return found != response.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    options.id = text("id");
    if (const std::string status = text("status"); !status.empty())
        options.status = status;
    if (const std::string authored = text("authored"); isFhirDateTime(authored))
        options.authored = authored;
    for (const auto& [key, into] : {std::pair{"subject", &options.subject}, {"author", &options.author}}) {
        const auto found = response.find(key);
        if (found != response.end() && found->is_object())
            *into = *found;
    }
    return options;
}

std::string answeredVersion(const Questionnaire& questionnaire, const json& response)
{
    const auto named = response.is_object() ? response.find("questionnaire") : response.end();
    if (named == response.end() || !named->is_string())
        return {};
    const std::string& canonical = named->get_ref<const std::string&>();
    const auto bar = canonical.find('|');
    if (bar == std::string::npos || canonical.substr(bar + 1) == questionnaire.version())
        return {};
    return canonical.substr(bar + 1);
}

json fromQuestionnaireResponse(const Questionnaire& questionnaire, const json& response)
{
    if (!response.is_object())
        throw QuestionnaireError("a QuestionnaireResponse must be a JSON object, not " +
                                 std::string(response.type_name()));
    const auto type = response.find("resourceType");
    if (type == response.end() || *type != "QuestionnaireResponse")
        throw QuestionnaireError("resourceType is " +
                                     (type == response.end() ? std::string("missing") : type->dump()) +
                                     ", not \"QuestionnaireResponse\"",
                                 "/resourceType");

    checkQuestionnaire(questionnaire, response);
    ResponseReader reader(questionnaire);
    if (const auto items = response.find("item"); items != response.end())
        reader.readItems(*items, Pointer() / "item");
    return reader.answers();
}

} // namespace spinepath::questionnaire
