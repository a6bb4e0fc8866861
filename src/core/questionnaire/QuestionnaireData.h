#pragma once

#include "core/questionnaire/Item.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace spinepath::questionnaire {

// The loaded, immutable content behind a Questionnaire (internal to this module).
struct QuestionnaireData
{
    nlohmann::json source;
    std::string id;
    std::string url;
    std::string version;
    std::string name;
    std::string title;
    std::string status;

    std::vector<std::unique_ptr<Item>> storage; // owns every item, in document order
    std::vector<const Item*> all;               // the same, as the API hands them out
    std::vector<const Item*> roots;
    std::map<std::string, const Item*, std::less<>> byLinkId;
};

} // namespace spinepath::questionnaire
