// Fuzz target: answer import. The input is what `spinepath-cli score` and
// `store` read: flat answers keyed by linkId, or a FHIR QuestionnaireResponse,
// checked against the real questionnaire and scored by the real rules.
//
// Both scoring paths run: the reference (nlohmann::json) and the stream path
// (simdjson into Values, with its own fast checks). They must agree: both
// refuse the input with an AnswerError or QuestionnaireError, or both give
// byte-identical results. A QuestionnaireResponse is also converted to flat
// answers and back, as `convert` does.

#include "FuzzSupport.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/DocumentParser.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/scoring/Scorer.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace {

using namespace spinepath;

// The result as JSON text, or "error" when the answers were refused.
template <typename Score> std::string outcome(Score&& score)
{
    try {
        return score().toJson().dump();
    } catch (const scoring::AnswerError& error) {
        fuzz::requireMessage(error.what(), "AnswerError");
    } catch (const questionnaire::QuestionnaireError& error) {
        fuzz::requireMessage(error.what(), "QuestionnaireError");
    }
    return "error";
}

void convert(const questionnaire::Questionnaire& questionnaire, const nlohmann::json& response)
{
    try {
        const nlohmann::json flat = questionnaire::fromQuestionnaireResponse(questionnaire, response);
        (void)questionnaire.validate(flat);
        questionnaire::ResponseOptions options;
        options.status = "in-progress";
        const nlohmann::json again = questionnaire::toQuestionnaireResponse(questionnaire, flat, options);
        (void)questionnaire::fromQuestionnaireResponse(questionnaire, again);
    } catch (const questionnaire::QuestionnaireError& error) {
        fuzz::requireMessage(error.what(), "QuestionnaireError");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = fuzz::bytes(data, size);
    const scoring::Scorer& scorer = fuzz::content().scorer();

    std::optional<nlohmann::json> document;
    try {
        document = jsonlogic::parseJson(text);
    } catch (const jsonlogic::JsonError& error) {
        fuzz::requireMessage(error.what(), "JsonError");
    }

    std::optional<std::string> stream;
    try {
        jsonlogic::DocumentParser parser;
        jsonlogic::Arena arena;
        const jsonlogic::Value answers = parser.parse(text, arena);
        stream = outcome([&] { return scorer.score(answers, arena); });
    } catch (const jsonlogic::JsonError& error) {
        fuzz::requireMessage(error.what(), "JsonError");
    }

    if (!document)
        return 0;
    const std::string reference = outcome([&] { return scorer.score(*document); });
    if (stream && *stream != reference)
        fuzz::fail("the stream path and the reference disagree:\n  stream:    " + *stream +
                   "\n  reference: " + reference);

    if (document->is_object() && document->contains("resourceType"))
        convert(scorer.questionnaire(), *document);
    return 0;
}
