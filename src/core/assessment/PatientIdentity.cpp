#include "core/assessment/PatientIdentity.h"

#include "core/content/ContentRoles.h"

#include <QString>

namespace spinepath {

namespace {

using Role = ContentRoles::Role;

std::string trimmedString(const nlohmann::json& answers, const std::string& linkId)
{
    const auto found = answers.find(linkId);
    if (found == answers.end() || !found->is_string())
        return {};
    return QString::fromStdString(found->get<std::string>()).trimmed().toStdString();
}

} // namespace

PatientIdentity PatientIdentity::fromAnswers(const nlohmann::json& answers, const ContentRoles& roles)
{
    PatientIdentity identity;
    if (!answers.is_object())
        return identity;
    identity.name = trimmedString(answers, roles.id(Role::IdentityName));
    identity.birthDate = trimmedString(answers, roles.id(Role::IdentityBirthDate));
    identity.phone = trimmedString(answers, roles.id(Role::IdentityPhone));
    identity.email = trimmedString(answers, roles.id(Role::IdentityEmail));
    if (const auto found = answers.find(roles.id(Role::IdentityContactOk));
        found != answers.end() && found->is_boolean())
        identity.contactOk = found->get<bool>();
    return identity;
}

} // namespace spinepath
