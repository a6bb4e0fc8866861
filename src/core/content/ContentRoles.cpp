#include "core/content/ContentRoles.h"

#include "core/jsonlogic/Json.h"
#include "core/util/TextFile.h"

#include <algorithm>

namespace spinepath {

using questionnaire::ItemType;

const std::vector<ContentRoles::RoleInfo>& ContentRoles::all()
{
    static const std::vector<RoleInfo> roles{
        {Role::IdentitySection,
         "identity.section",
         Kind::Section,
         false,
         {},
         "the section of the patient's identity, shown in the report's header instead of its table"},
        {Role::IdentityName,
         "identity.name",
         Kind::Question,
         false,
         {ItemType::String, ItemType::Text},
         "the patient's name"},
        {Role::IdentityBirthDate,
         "identity.birthDate",
         Kind::Question,
         false,
         {ItemType::Date},
         "the patient's date of birth"},
        {Role::IdentityPhone,
         "identity.phone",
         Kind::Question,
         false,
         {ItemType::String},
         "the patient's phone number"},
        {Role::IdentityEmail,
         "identity.email",
         Kind::Question,
         false,
         {ItemType::String},
         "the patient's email address"},
        {Role::IdentityContactOk,
         "identity.contactOk",
         Kind::Question,
         false,
         {ItemType::Boolean},
         "whether the clinic may contact the patient"},
        {Role::PegItems,
         "peg.items",
         Kind::Question,
         true,
         {ItemType::Integer},
         "the PEG items, reported to the doctor"},
        {Role::PegScore,
         "peg.score",
         Kind::DerivedConcept,
         false,
         {},
         "the derived concept reported as the PEG score"},
        {Role::GlossaryArticle,
         "article.glossary",
         Kind::Article,
         false,
         {},
         "the glossary, whose terms are linked in the other articles"},
        {Role::AlwaysOfferedArticles,
         "article.alwaysOffered",
         Kind::Article,
         true,
         {},
         "the articles offered to read after every result"},
    };
    return roles;
}

const ContentRoles::RoleInfo& ContentRoles::info(Role role)
{
    return all()[static_cast<std::size_t>(role)];
}

std::vector<ContentProblem> ContentRoles::check(const nlohmann::json& interface, const std::string& file)
{
    std::vector<ContentProblem> problems;
    if (!interface.is_object() || !interface.contains("roles") || !interface["roles"].is_object()) {
        problems.push_back({file, "/roles", "must be an object naming the id of each role the program uses"});
        return problems;
    }
    const nlohmann::json& roles = interface["roles"];
    for (const RoleInfo& info : all()) {
        const std::string pointer = "/roles/" + std::string(info.name);
        const auto found = roles.find(std::string(info.name));
        if (found == roles.end()) {
            problems.push_back(
                {file, pointer,
                 "the role \"" + std::string(info.name) + "\" (" + std::string(info.what) + ") is missing"});
            continue;
        }
        const bool fits = info.list
                              ? found->is_array() && !found->empty() &&
                                    std::all_of(found->begin(), found->end(),
                                                [](const nlohmann::json& id) {
                                                    return id.is_string() && !id.get<std::string>().empty();
                                                })
                              : found->is_string() && !found->get<std::string>().empty();
        if (!fits)
            problems.push_back({file, pointer,
                                "the role \"" + std::string(info.name) + "\" must be " +
                                    (info.list ? "a non-empty array of ids" : "a non-empty id")});
    }
    return problems;
}

ContentRoles ContentRoles::fromJson(const nlohmann::json& interface, const std::string& file)
{
    if (auto problems = check(interface, file); !problems.empty())
        throw ContentError(std::move(problems));
    ContentRoles roles;
    roles.m_file = file;
    const nlohmann::json& source = interface["roles"];
    for (const RoleInfo& info : all()) {
        const nlohmann::json& value = source[std::string(info.name)];
        auto& ids = roles.m_ids[static_cast<std::size_t>(info.role)];
        if (info.list)
            for (const nlohmann::json& id : value)
                ids.push_back(id.get<std::string>());
        else
            ids.push_back(value.get<std::string>());
    }
    return roles;
}

ContentRoles ContentRoles::load(const std::string& contentDirectory)
{
    const std::string path = contentDirectory + "/" + kFile;
    nlohmann::json interface;
    try {
        interface = jsonlogic::parseJson(readTextFile(path));
    } catch (const std::exception& error) {
        throw ContentError(ContentProblem{path, "", error.what()});
    }
    return fromJson(interface, path);
}

const std::vector<std::string>& ContentRoles::ids(Role role) const
{
    return m_ids[static_cast<std::size_t>(role)];
}

} // namespace spinepath
