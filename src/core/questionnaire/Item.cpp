#include "core/questionnaire/Item.h"

#include <algorithm>

namespace spinepath::questionnaire {

bool Item::isQuestion() const noexcept
{
    return m_type != ItemType::Group && m_type != ItemType::Display;
}

bool Item::restrictedToOptions() const noexcept
{
    return m_type != ItemType::OpenChoice && !m_options.empty();
}

const AnswerOption* Item::findOption(const nlohmann::json& value) const
{
    const auto found = std::find_if(m_options.begin(), m_options.end(),
                                    [&value](const AnswerOption& option) { return option.value == value; });
    return found == m_options.end() ? nullptr : &*found;
}

} // namespace spinepath::questionnaire
