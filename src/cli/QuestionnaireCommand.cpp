// questionnaire check FILE: a content author's check of any FHIR R4
// Questionnaire before it goes into content/. Problems (what stops the form
// from loading) make the exit code non-zero; warnings (what loads but will
// not work as the author may expect in SpinePath) do not.
#include "Commands.h"

#include "core/jsonlogic/Json.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireTranslation.h"
#include "core/scoring/RuleAnswers.h"
#include "core/util/TextFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace spinepath::cli {

namespace {

using nlohmann::json;
namespace q = spinepath::questionnaire;

struct Finding
{
    std::string pointer;
    std::string linkId;
    std::string message;
};

// The item node that holds `pointer` ("/item/0/item/3/type" -> "/item/0/item/3"),
// or "" when the pointer is not inside an item.
std::string itemOf(const std::string& pointer)
{
    std::string item;
    std::size_t at = 0;
    while ((at = pointer.find("/item/", at)) != std::string::npos) {
        const std::size_t end = pointer.find('/', at + 6);
        item = pointer.substr(0, end);
        at += 6;
    }
    return item;
}

// Every problem of the resource, not only the first: the loader stops at the
// first, so the item at fault is replaced by a blank (or its enableWhen
// taken out) and the rest loaded again, until it loads. Follow-on errors about items taken out (an
// enableWhen naming one) are not repeated.
std::vector<Finding> problemsOf(json resource, const q::Questionnaire::ValueSets& valueSets,
                                std::set<std::string>& removed)
{
    std::vector<Finding> problems;
    for (int round = 0; round < 500; ++round) {
        try {
            (void)q::Questionnaire::fromJson(resource, valueSets);
            return problems;
        } catch (const q::QuestionnaireError& error) {
            // Taking the node out did not help: stop rather than say it again.
            if (!problems.empty() && problems.back().pointer == error.pointer() &&
                problems.back().message == error.message())
                return problems;
            bool followOn = false;
            for (const std::string& linkId : removed)
                if (error.message().find("'" + linkId + "'") != std::string::npos &&
                    error.message().find("unknown linkId") != std::string::npos)
                    followOn = true;
            if (!followOn)
                problems.push_back({error.pointer(), error.linkId(), error.message()});
            // Take out what is at fault and try again.
            const std::string& pointer = error.pointer();
            const auto enableWhen = pointer.find("/enableWhen");
            std::string cut =
                enableWhen != std::string::npos ? pointer.substr(0, enableWhen + 11) : itemOf(pointer);
            if (cut.empty() && pointer.rfind("/contained", 0) == 0)
                cut = pointer.substr(0, pointer.find('/', 12));
            if (cut.empty())
                return problems; // the resource itself is at fault: nothing more can be checked
            try {
                const json::json_pointer at(cut);
                if (!resource.contains(at))
                    return problems;
                json& node = resource.at(at);
                if (cut.find("/enableWhen") != std::string::npos) {
                    json& owner = resource.at(at.parent_pointer());
                    owner.erase("enableWhen");
                    // It may still carry an enableBehavior that needs several conditions.
                    owner.erase("enableBehavior");
                } else {
                    // Replaced, not erased, so that the pointers of later problems
                    // still point into the file as the author wrote it.
                    if (node.is_object() && node.contains("linkId") && node["linkId"].is_string())
                        removed.insert(node["linkId"].get<std::string>());
                    node =
                        cut.rfind("/contained", 0) == 0
                            ? json{{"resourceType", "Basic"}}
                            : json{{"linkId", "\x1f removed " + std::to_string(round)}, {"type", "display"}};
                }
            } catch (const json::exception&) {
                return problems;
            }
        }
    }
    return problems;
}

// What loads but will not work as an author may expect.
std::vector<Finding> warningsOf(const q::Questionnaire& questionnaire)
{
    std::vector<Finding> warnings;
    if (questionnaire.url().empty())
        warnings.push_back({"", "",
                            "the questionnaire has no url: rules must name it by its id \"" +
                                questionnaire.id() + "\", and responses will name no questionnaire"});
    // A patient reading that language would see this one text in English.
    for (const auto& gap : q::QuestionnaireTranslation::missing(questionnaire.source()))
        warnings.push_back(
            {gap.pointer, gap.linkId,
             "has no \"" + gap.language + "\" translation, which other texts of the file have"});
    const spinepath::scoring::RuleAnswers ruleAnswers(questionnaire);
    for (const q::Item* item : questionnaire.allItems()) {
        const auto add = [&](const std::string& message) {
            warnings.push_back({item->pointer(), item->linkId(), message});
        };
        if (item->isQuestion() && item->answerOptions().empty() && !item->answerValueSet().empty())
            add("its answerValueSet " + item->answerValueSet() +
                " is not in the resource nor in the content's questionnaire/" +
                q::Questionnaire::kValueSetFolder + "/, so no answers can be offered to pick from");
        if (item->type() == q::ItemType::Attachment)
            add("an attachment cannot be given at the kiosk");
        if (const std::string why = ruleAnswers.unreadable(item->linkId()); !why.empty())
            add("rules cannot read its answer: " + why);
    }
    return warnings;
}

void print(std::FILE* stream, const std::string& file, const char* kind, const Finding& finding)
{
    std::string where = file;
    if (!finding.pointer.empty())
        where += " at " + finding.pointer;
    if (!finding.linkId.empty())
        where += " (linkId '" + finding.linkId + "')";
    std::fprintf(stream, "%s: %s: %s\n", where.c_str(), kind, finding.message.c_str());
}

} // namespace

int runQuestionnaire(Arguments arguments)
{
    const auto words = arguments.positionals();
    if (words.size() != 2 || words[0] != "check")
        throw UsageError("usage: spinepath-cli questionnaire check FILE");
    const std::string& file = words[1];
    // An unreadable file is an error of the command line (main says so, exit 2).
    const std::string text = readTextFile(file);
    json resource;
    try {
        resource = jsonlogic::parseJson(text);
    } catch (const std::exception& error) {
        std::printf("%s: problem: malformed JSON: %s\n", file.c_str(), error.what());
        std::fprintf(stderr, "spinepath-cli: 1 problem(s) in %s\n", file.c_str());
        return kSomeInputFailed;
    }

    // The clinic's ValueSets beside the file, as the program reads them.
    q::Questionnaire::ValueSets valueSets;
    try {
        valueSets = q::Questionnaire::valueSetsBeside(file);
    } catch (const q::QuestionnaireError& error) {
        std::printf("%s: problem: %s\n", file.c_str(), error.message().c_str());
        std::fprintf(stderr, "spinepath-cli: 1 problem in %s\n", file.c_str());
        return kSomeInputFailed;
    }
    std::set<std::string> removed;
    const std::vector<Finding> problems = problemsOf(resource, valueSets, removed);
    for (const Finding& problem : problems)
        print(stdout, file, "problem", problem);
    if (!problems.empty()) {
        std::fprintf(stderr, "spinepath-cli: %zu problem(s) in %s\n", problems.size(), file.c_str());
        return kSomeInputFailed;
    }
    const q::Questionnaire questionnaire = q::Questionnaire::fromJson(resource, valueSets);
    const std::vector<Finding> warnings = warningsOf(questionnaire);
    for (const Finding& warning : warnings)
        print(stdout, file, "warning", warning);
    std::printf("%s: the questionnaire can be used (%zu warning(s))\n", file.c_str(), warnings.size());
    return kSuccess;
}

} // namespace spinepath::cli
