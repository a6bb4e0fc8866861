#pragma once

#include "core/questionnaire/AnswerOption.h"
#include "core/questionnaire/EnableWhen.h"
#include "core/questionnaire/ItemType.h"

#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace spinepath::questionnaire {

// One Questionnaire.item as loaded and checked: a node of the tree that a
// Questionnaire owns. Items are only ever handed out as const pointers into
// that tree, so parent and child links stay valid as long as the Questionnaire.
class Item final
{
public:
    Q_DISABLE_COPY_MOVE(Item)
    ~Item() = default;

    [[nodiscard]] const std::string& linkId() const noexcept { return m_linkId; }
    [[nodiscard]] ItemType type() const noexcept { return m_type; }
    [[nodiscard]] const std::string& text() const noexcept { return m_text; }
    [[nodiscard]] const std::string& prefix() const noexcept { return m_prefix; }

    // True for items that take answers (everything but group and display).
    [[nodiscard]] bool isQuestion() const noexcept;
    // A display item whose itemControl is "help": extra explanation of its parent.
    [[nodiscard]] bool isHelp() const noexcept
    {
        return m_type == ItemType::Display && m_itemControl == "help";
    }
    // The questionnaire-itemControl code, empty when the item has none.
    [[nodiscard]] const std::string& itemControl() const noexcept { return m_itemControl; }

    [[nodiscard]] bool required() const noexcept { return m_required; }
    [[nodiscard]] bool repeats() const noexcept { return m_repeats; }
    [[nodiscard]] bool readOnly() const noexcept { return m_readOnly; }
    // The questionnaire-hidden extension: never shown to the patient, yet still
    // a valid item whose answers count (a legacy question kept so that stored
    // answers score). Unlike a false enableWhen, it does not drop answers.
    [[nodiscard]] bool hidden() const noexcept { return m_hidden; }
    [[nodiscard]] std::optional<int> maxLength() const noexcept { return m_maxLength; }
    // The minLength extension: the fewest characters a text answer may have.
    [[nodiscard]] std::optional<int> minLength() const noexcept { return m_minLength; }
    // The regex extension: a text answer must match it as a whole (checked
    // at load to be a regular expression QRegularExpression reads).
    [[nodiscard]] const std::string& regex() const noexcept { return m_regex; }
    // The entryFormat extension: how the answer is typed ("AB12", "72.5"),
    // shown in an empty field.
    [[nodiscard]] const std::string& entryFormat() const noexcept { return m_entryFormat; }
    // The questionnaire-unit extension: the unit of a number, shown beside its field.
    [[nodiscard]] const std::optional<Coding>& unit() const noexcept { return m_unit; }
    // minValue / maxValue extensions as flat values; null when absent.
    [[nodiscard]] const nlohmann::json& minValue() const noexcept { return m_minValue; }
    [[nodiscard]] const nlohmann::json& maxValue() const noexcept { return m_maxValue; }

    // From answerOption or a contained ValueSet. Empty for an answerValueSet that
    // lives outside the resource: its codes cannot be known here.
    [[nodiscard]] const std::vector<AnswerOption>& answerOptions() const noexcept { return m_options; }
    [[nodiscard]] const std::string& answerValueSet() const noexcept { return m_answerValueSet; }
    // Whether an answer must be one of answerOptions() (not for open-choice).
    [[nodiscard]] bool restrictedToOptions() const noexcept;
    // The option whose flat value equals `value`, or nullptr.
    [[nodiscard]] const AnswerOption* findOption(const nlohmann::json& value) const;

    // Flat values of `initial` and of options marked initialSelected.
    [[nodiscard]] const std::vector<nlohmann::json>& initialValues() const noexcept { return m_initial; }

    [[nodiscard]] const std::vector<EnableWhen>& enableWhen() const noexcept { return m_enableWhen; }
    [[nodiscard]] EnableBehavior enableBehavior() const noexcept { return m_enableBehavior; }

    [[nodiscard]] const Item* parent() const noexcept { return m_parent; }
    [[nodiscard]] const std::vector<const Item*>& children() const noexcept { return m_children; }

    // Where the item is in the Questionnaire resource, as a JSON pointer.
    [[nodiscard]] const std::string& pointer() const noexcept { return m_pointer; }
    // The item element as written, for extensions this class does not interpret.
    [[nodiscard]] const nlohmann::json& source() const noexcept { return m_source; }

private:
    Item() = default;
    friend class QuestionnaireLoader;

    std::string m_linkId;
    ItemType m_type = ItemType::Display;
    std::string m_text;
    std::string m_prefix;
    std::string m_itemControl;
    bool m_required = false;
    bool m_repeats = false;
    bool m_readOnly = false;
    bool m_hidden = false;
    std::optional<int> m_maxLength;
    std::optional<int> m_minLength;
    std::string m_regex;
    std::string m_entryFormat;
    std::optional<Coding> m_unit;
    nlohmann::json m_minValue;
    nlohmann::json m_maxValue;
    std::vector<AnswerOption> m_options;
    std::string m_answerValueSet;
    std::vector<nlohmann::json> m_initial;
    std::vector<EnableWhen> m_enableWhen;
    EnableBehavior m_enableBehavior = EnableBehavior::All;
    const Item* m_parent = nullptr;
    std::vector<const Item*> m_children;
    std::string m_pointer;
    nlohmann::json m_source;
};

} // namespace spinepath::questionnaire
