#pragma once

#include "core/questionnaire/Item.h"
#include "core/questionnaire/ValidationResult.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace spinepath::questionnaire {

struct QuestionnaireData;

// A loaded FHIR R4 Questionnaire and the rules it sets for answers.
//
// Answers are "flat": a JSON object keyed by linkId, holding one value per
// item (an array of values when the item repeats; a repeating group holds a
// list of instances, see RepeatingGroups.h). A boolean is true/false, a
// choice is its code (or the option's string/integer), an integer or decimal is
// a number, a date is "YYYY-MM-DD", a text is a string. A missing key means the
// item was not answered.
//
// A Questionnaire is immutable; copies share the loaded tree, so copying is
// cheap and Item pointers stay valid while any copy lives.
class Questionnaire final
{
public:
    // ValueSet resources a clinic supplies beside the questionnaire, by their
    // canonical url (without "|version"): the codes of an answerValueSet that
    // the questionnaire names but does not contain.
    using ValueSets = std::map<std::string, nlohmann::json, std::less<>>;
    // The folder, beside a questionnaire file, that holds its ValueSets.
    static constexpr const char* kValueSetFolder = "valuesets";

    // Throws QuestionnaireError (with a JSON pointer to the bad node) when the
    // resource is not a usable Questionnaire.
    [[nodiscard]] static Questionnaire fromJson(const nlohmann::json& resource,
                                                const ValueSets& valueSets = {});
    // As fromJson, with the ValueSets of the folder kValueSetFolder beside the
    // file; errors, including malformed JSON, name the file.
    [[nodiscard]] static Questionnaire fromFile(const std::string& path);
    // Every ValueSet (*.json) in `folder`, none when it does not exist. Throws
    // QuestionnaireError naming the file that is not a ValueSet with a url, or
    // a second file with the same url.
    [[nodiscard]] static ValueSets valueSetsIn(const std::string& folder);
    // The ValueSets beside the questionnaire file `path`.
    [[nodiscard]] static ValueSets valueSetsBeside(const std::string& path);

    [[nodiscard]] const std::string& id() const noexcept;
    [[nodiscard]] const std::string& url() const noexcept;
    [[nodiscard]] const std::string& version() const noexcept;
    [[nodiscard]] const std::string& name() const noexcept;
    [[nodiscard]] const std::string& title() const noexcept;
    [[nodiscard]] const std::string& status() const noexcept;
    // url|version, as QuestionnaireResponse.questionnaire refers to it.
    [[nodiscard]] std::string canonical() const;
    // The resource as loaded.
    [[nodiscard]] const nlohmann::json& source() const noexcept;

    // Top-level items; each item links to its children.
    [[nodiscard]] const std::vector<const Item*>& items() const noexcept;
    // Every item, in document order.
    [[nodiscard]] const std::vector<const Item*>& allItems() const noexcept;
    // Items that take answers (not group or display), in document order.
    [[nodiscard]] std::vector<const Item*> answerableItems() const;
    [[nodiscard]] const Item* find(std::string_view linkId) const;

    // The functions below take flat answers and throw QuestionnaireError when
    // `answers` is not a JSON object.

    // Whether `item` (an item of this questionnaire) is enabled: its parent is
    // enabled (and answered, when the parent is a question and the item no
    // display) and its enableWhen holds. Answers of disabled items count as absent.
    [[nodiscard]] bool isEnabled(const Item& item, const nlohmann::json& answers) const;
    [[nodiscard]] std::set<std::string> enabledLinkIds(const nlohmann::json& answers) const;

    [[nodiscard]] ValidationResult validate(const nlohmann::json& answers) const;

    // The answers without those of disabled items, which FHIR says must not be
    // kept. Keys that are no linkId of this questionnaire are kept for validate()
    // to report. Each instance of a repeating group is pruned on its own.
    [[nodiscard]] nlohmann::json pruneDisabled(const nlohmann::json& answers) const;

    // Flat answers from `initial` values and initialSelected options of the
    // items that are enabled with those answers.
    // A repeating group with initial values inside starts with one instance.
    [[nodiscard]] nlohmann::json initialAnswers() const;
    // A new instance of the repeating group `group` (see RepeatingGroups.h):
    // the initial values of the items inside it that it asks, given `answers`.
    [[nodiscard]] nlohmann::json newInstance(const Item& group, const nlohmann::json& answers) const;

private:
    explicit Questionnaire(std::shared_ptr<const QuestionnaireData> data);

    std::shared_ptr<const QuestionnaireData> m_data;
};

} // namespace spinepath::questionnaire
