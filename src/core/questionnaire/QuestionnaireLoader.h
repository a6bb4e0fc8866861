#pragma once

#include "core/questionnaire/QuestionnaireData.h"

#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace spinepath::questionnaire {

// Turns a FHIR R4 Questionnaire resource into a checked item tree. Everything
// that would otherwise fail later, in the middle of a patient's session
// (a dangling enableWhen, an enableWhen code that is not an option, a cycle),
// is rejected here with a QuestionnaireError pointing at the node.
class QuestionnaireLoader final
{
public:
    // `valueSets` are the clinic's, by canonical url (see Questionnaire::ValueSets).
    [[nodiscard]] static std::shared_ptr<const QuestionnaireData>
    load(const nlohmann::json& resource, const std::map<std::string, nlohmann::json, std::less<>>& valueSets);

private:
    using Pointer = nlohmann::json::json_pointer;

    QuestionnaireLoader(const nlohmann::json& resource,
                        const std::map<std::string, nlohmann::json, std::less<>>& suppliedValueSets);
    Q_DISABLE_COPY_MOVE(QuestionnaireLoader)

    void loadHeader();
    void loadContainedValueSets();
    void loadItems(const nlohmann::json& items, const Pointer& at, Item* parent);
    void loadItem(const nlohmann::json& node, const Pointer& at, Item* parent);
    void loadFlags(Item& item, const nlohmann::json& node, const Pointer& at);
    void loadExtensions(Item& item, const nlohmann::json& node, const Pointer& at);
    void loadTextRule(Item& item, const nlohmann::json& extension, const Pointer& at, bool regex);
    void loadOptions(Item& item, const nlohmann::json& node, const Pointer& at);
    void loadValueSetOptions(Item& item, const Pointer& at);
    void loadInitial(Item& item, const nlohmann::json& node, const Pointer& at);
    void loadEnableBehavior(Item& item, const nlohmann::json& node, const Pointer& at);
    void resolveEnableWhen();
    [[nodiscard]] EnableWhen loadCondition(const Item& owner, const nlohmann::json& node,
                                           const Pointer& at) const;
    void checkNoCycles() const;

    const nlohmann::json& m_resource;
    const std::map<std::string, nlohmann::json, std::less<>>& m_suppliedValueSets;
    std::shared_ptr<QuestionnaireData> m_data;
    // Contained ValueSets by id; nullopt when their codes cannot be listed.
    std::map<std::string, std::optional<std::vector<AnswerOption>>, std::less<>> m_valueSets;
    // Why a contained ValueSet's codes cannot be listed, by id.
    std::map<std::string, std::string, std::less<>> m_valueSetProblems;
    std::vector<std::pair<Item*, Pointer>> m_pendingEnableWhen;
};

} // namespace spinepath::questionnaire
