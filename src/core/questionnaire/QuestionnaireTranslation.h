#pragma once

#include "core/questionnaire/Questionnaire.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace spinepath::questionnaire {

// FHIR's standard way to carry several languages in one Questionnaire: the
// `translation` extension (http://hl7.org/fhir/StructureDefinition/translation,
// sub-extensions `lang` and `content`) on the primitive's `_text`, `_prefix`,
// `_title` and, in an answerOption's valueCoding, `_display`. One file holds
// every language and stays a valid R4 resource.
class QuestionnaireTranslation final
{
public:
    static constexpr std::string_view kUrl = "http://hl7.org/fhir/StructureDefinition/translation";

    // A text element without its language: where it is and what is missing.
    struct Missing
    {
        std::string pointer; // JSON pointer of the element ("/item/0/text")
        std::string linkId;  // the item's, empty for the title
        std::string language;
    };

    QuestionnaireTranslation() = delete;

    // The resource's own language (`language`, "en" when absent).
    [[nodiscard]] static std::string baseLanguage(const nlohmann::json& resource);
    // The base language and every language a translation names, sorted.
    [[nodiscard]] static std::set<std::string> languages(const nlohmann::json& resource);
    // A copy of `resource` whose texts are in `language`: each element with a
    // translation for it takes that translation whole; one without keeps its
    // text (English), so a patient never reads half a sentence in each. The
    // text it replaces stays as a translation in the base language, so the
    // copy can be turned into any other language again. `language` matches by
    // its primary subtag ("es-US" reads "es"). Throws QuestionnaireError
    // naming the item when a translation extension is malformed.
    [[nodiscard]] static nlohmann::json localized(const nlohmann::json& resource, std::string_view language);
    // `questionnaire` with its texts in `language` (localized(), loaded with
    // the same ValueSets): items, codes and rules are unchanged, so answers to
    // one are answers to the other. The questionnaire itself when it is in
    // that language already.
    [[nodiscard]] static Questionnaire translate(const Questionnaire& questionnaire,
                                                 std::string_view language,
                                                 const Questionnaire::ValueSets& valueSets = {});
    // Every text element that lacks one of the resource's languages.
    [[nodiscard]] static std::vector<Missing> missing(const nlohmann::json& resource);
    // "es" of "es-US", lower case.
    [[nodiscard]] static std::string primary(std::string_view language);
};

} // namespace spinepath::questionnaire
