// Fuzz target: loading a FHIR R4 Questionnaire, as the program loads
// content/questionnaire at start. A resource that cannot be used must throw
// QuestionnaireError with a message; one that loads must answer the questions
// the program then asks of it (initial answers, enablement, validation, a
// QuestionnaireResponse of its initial answers) without crashing.

#include "FuzzSupport.h"

#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace spinepath;
    nlohmann::json resource;
    try {
        resource = jsonlogic::parseJson(fuzz::bytes(data, size));
    } catch (const jsonlogic::JsonError& error) {
        fuzz::requireMessage(error.what(), "JsonError");
        return 0;
    }
    try {
        const questionnaire::Questionnaire loaded = questionnaire::Questionnaire::fromJson(resource);
        (void)loaded.canonical();
        (void)loaded.answerableItems();
        const nlohmann::json initial = loaded.initialAnswers();
        (void)loaded.enabledLinkIds(initial);
        (void)loaded.validate(initial);
        (void)loaded.pruneDisabled(initial);
        for (const questionnaire::Item* item : loaded.allItems())
            (void)loaded.isEnabled(*item, initial);
        questionnaire::ResponseOptions options;
        options.status = "in-progress";
        const nlohmann::json response = questionnaire::toQuestionnaireResponse(loaded, initial, options);
        (void)questionnaire::fromQuestionnaireResponse(loaded, response);
    } catch (const questionnaire::QuestionnaireError& error) {
        fuzz::requireMessage(error.what(), "QuestionnaireError");
    }
    return 0;
}
