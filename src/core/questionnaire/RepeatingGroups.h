#pragma once

#include "core/questionnaire/Item.h"

#include <nlohmann/json.hpp>

#include <cstddef>

namespace spinepath::questionnaire {

// A repeating group ("type": "group", "repeats": true) is answered any number
// of times, each time as one instance. Flat answers keep the instances apart:
// the group's linkId holds a list of instances, each an object of flat answers
// to the items inside the group (never merged into the top level):
//   {"meds": [{"meds.name": "ibuprofen"}, {"meds.name": "paracetamol"}]}
// A repeating group inside another is refused at load, so instances nest one
// level deep.

[[nodiscard]] bool isRepeatingGroup(const Item& item) noexcept;

// The repeating group that `item` lies inside (not the item itself), or nullptr.
[[nodiscard]] const Item* enclosingRepeatingGroup(const Item& item) noexcept;

// Whether `item` is `group` or lies inside it.
[[nodiscard]] bool isWithin(const Item& item, const Item& group) noexcept;

// The answers as one instance of `group` sees them: the answers outside the
// group, with the instance's answers beside them (the group's own list
// removed). enableWhen and required inside an instance are read over this, so
// a condition on a question of the same instance reads that instance's answer.
// `instance` must be an object; anything else counts as an empty instance.
[[nodiscard]] nlohmann::json instanceView(const nlohmann::json& answers, const Item& group,
                                          const nlohmann::json& instance);

// The instances of `group` in `answers` (an empty list when it has none, or
// when the value is not a list).
[[nodiscard]] nlohmann::json instancesOf(const nlohmann::json& answers, const Item& group);

} // namespace spinepath::questionnaire
