#pragma once

#include "core/questionnaire/QuestionnaireData.h"

#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <unordered_map>
#include <vector>

namespace spinepath::questionnaire {

// Which items are enabled for one set of flat answers. An item is enabled when
// its parent is enabled (and answered, for an item nested under a question)
// and its enableWhen conditions hold (all or any, by enableBehavior). A condition reads its question's answer
// only while that question is itself enabled; a hidden question counts as unanswered, so answers left behind
// in a hidden branch cannot switch anything on.
class Enablement final
{
public:
    // Both arguments must outlive the object; `answers` must be a JSON object.
    Enablement(const QuestionnaireData& data, const nlohmann::json& answers);
    Q_DISABLE_COPY_MOVE(Enablement)
    ~Enablement() = default;

    [[nodiscard]] bool isEnabled(const Item& item) const;

    // The item's answer as a list of values: empty when unanswered or disabled.
    [[nodiscard]] std::vector<nlohmann::json> answersOf(const Item& item) const;

private:
    bool evaluate(const Item& item);
    bool holds(const EnableWhen& condition);
    [[nodiscard]] std::vector<nlohmann::json> rawAnswers(const Item& item) const;

    const QuestionnaireData& m_data;
    const nlohmann::json& m_answers;
    std::unordered_map<const Item*, bool> m_enabled;
};

} // namespace spinepath::questionnaire
