#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace spinepath {

class ContentRoles;

// The patient's optional "About you" answers, as given (trimmed). One type
// for every layer: the storage keeps it in the patients table for search,
// the reports print it, and both read it from the answers the same way.
struct PatientIdentity
{
    std::string name;
    std::string birthDate; // ISO date, as answered
    std::string phone;
    std::string email;
    std::optional<bool> contactOk;

    [[nodiscard]] bool empty() const
    {
        return name.empty() && birthDate.empty() && phone.empty() && email.empty() && !contactOk;
    }
    // From flat answers (linkId → value), through the identity roles of the
    // content, so a renamed question is caught by the content checks rather
    // than silently leaving the identity empty.
    [[nodiscard]] static PatientIdentity fromAnswers(const nlohmann::json& answers,
                                                     const ContentRoles& roles);

    bool operator==(const PatientIdentity&) const = default;
};

} // namespace spinepath
