#pragma once

#include <stdexcept>
#include <string>

namespace spinepath::questionnaire {

// Why a Questionnaire, a QuestionnaireResponse or a set of answers could not be
// used. Content is edited by hand, so the error carries a JSON pointer to the
// offending node (RFC 6901, "" is the document root) and, when one item is at
// fault, its linkId: the author can go straight to the spot in a large file.
class QuestionnaireError final : public std::runtime_error
{
public:
    explicit QuestionnaireError(std::string message, std::string pointer = {}, std::string linkId = {});

    // The message without the location, for callers that show the pointer apart.
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }
    [[nodiscard]] const std::string& pointer() const noexcept { return m_pointer; }
    [[nodiscard]] const std::string& linkId() const noexcept { return m_linkId; }

    // The same error with a context such as a file name put in front of the message.
    [[nodiscard]] QuestionnaireError withContext(const std::string& context) const;

private:
    std::string m_message;
    std::string m_pointer;
    std::string m_linkId;
};

} // namespace spinepath::questionnaire
