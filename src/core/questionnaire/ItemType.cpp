#include "core/questionnaire/ItemType.h"

#include <array>
#include <utility>

namespace spinepath::questionnaire {

namespace {

constexpr std::array<std::pair<ItemType, std::string_view>, 16> kNames{{
    {ItemType::Group, "group"},
    {ItemType::Display, "display"},
    {ItemType::Boolean, "boolean"},
    {ItemType::Decimal, "decimal"},
    {ItemType::Integer, "integer"},
    {ItemType::Date, "date"},
    {ItemType::DateTime, "dateTime"},
    {ItemType::Time, "time"},
    {ItemType::String, "string"},
    {ItemType::Text, "text"},
    {ItemType::Url, "url"},
    {ItemType::Choice, "choice"},
    {ItemType::OpenChoice, "open-choice"},
    {ItemType::Attachment, "attachment"},
    {ItemType::Reference, "reference"},
    {ItemType::Quantity, "quantity"},
}};

} // namespace

std::string_view toString(ItemType type) noexcept
{
    for (const auto& [candidate, name] : kNames) {
        if (candidate == type)
            return name;
    }
    return {};
}

std::optional<ItemType> itemTypeFromString(std::string_view text) noexcept
{
    for (const auto& [type, name] : kNames) {
        if (name == text)
            return type;
    }
    return std::nullopt;
}

} // namespace spinepath::questionnaire
