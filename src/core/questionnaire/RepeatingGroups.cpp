#include "core/questionnaire/RepeatingGroups.h"

namespace spinepath::questionnaire {

using nlohmann::json;

bool isRepeatingGroup(const Item& item) noexcept
{
    return item.type() == ItemType::Group && item.repeats();
}

const Item* enclosingRepeatingGroup(const Item& item) noexcept
{
    for (const Item* parent = item.parent(); parent; parent = parent->parent())
        if (isRepeatingGroup(*parent))
            return parent;
    return nullptr;
}

bool isWithin(const Item& item, const Item& group) noexcept
{
    for (const Item* at = &item; at; at = at->parent())
        if (at == &group)
            return true;
    return false;
}

json instanceView(const json& answers, const Item& group, const json& instance)
{
    json view = answers.is_object() ? answers : json::object();
    view.erase(group.linkId());
    if (instance.is_object())
        for (const auto& [linkId, value] : instance.items())
            view[linkId] = value;
    return view;
}

json instancesOf(const json& answers, const Item& group)
{
    const auto found = answers.is_object() ? answers.find(group.linkId()) : answers.end();
    return found != answers.end() && found->is_array() ? *found : json::array();
}

} // namespace spinepath::questionnaire
