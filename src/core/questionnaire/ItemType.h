#pragma once

#include <optional>
#include <string_view>

namespace spinepath::questionnaire {

// The item types of FHIR R4 Questionnaire.item.type that a Questionnaire may use.
// "question" is abstract in R4 and never appears in a resource.
enum class ItemType
{
    Group,
    Display,
    Boolean,
    Decimal,
    Integer,
    Date,
    DateTime,
    Time,
    String,
    Text,
    Url,
    Choice,
    OpenChoice,
    Attachment,
    Reference,
    Quantity,
};

[[nodiscard]] std::string_view toString(ItemType type) noexcept;
[[nodiscard]] std::optional<ItemType> itemTypeFromString(std::string_view text) noexcept;

} // namespace spinepath::questionnaire
