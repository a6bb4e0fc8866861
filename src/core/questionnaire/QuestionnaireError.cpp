#include "core/questionnaire/QuestionnaireError.h"

#include <utility>

namespace spinepath::questionnaire {

namespace {

std::string describe(const std::string& message, const std::string& pointer)
{
    return pointer.empty() ? message : message + " (at " + pointer + ")";
}

} // namespace

QuestionnaireError::QuestionnaireError(std::string message, std::string pointer, std::string linkId)
    : std::runtime_error(describe(message, pointer))
    , m_message(std::move(message))
    , m_pointer(std::move(pointer))
    , m_linkId(std::move(linkId))
{}

QuestionnaireError QuestionnaireError::withContext(const std::string& context) const
{
    return QuestionnaireError(context + ": " + m_message, m_pointer, m_linkId);
}

} // namespace spinepath::questionnaire
