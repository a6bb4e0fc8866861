#pragma once

#include "core/questionnaire/ItemType.h"
#include "core/util/ContentProblem.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace spinepath {

// The content ids the C++ relies on, each under a named role declared in
// content (the "roles" object of rules/interface.json), so renaming a
// question, a derived concept or an article cannot silently switch a feature
// off: the program asks this class for "the patient's name" instead of
// writing "about.name", and the lint and check-content check every role
// against the questionnaire, the rules and the articles.
class ContentRoles final
{
public:
    static constexpr const char* kFile = "rules/interface.json";

    enum class Role
    {
        IdentitySection, // the questionnaire group holding the patient's identity
        IdentityName,
        IdentityBirthDate,
        IdentityPhone,
        IdentityEmail,
        IdentityContactOk,
        PegItems,              // the PEG's three questions, in the order reported
        PegScore,              // the derived concept that is the PEG score
        GlossaryArticle,       // the article whose terms are linked in every other article
        AlwaysOfferedArticles, // offered to read after every result, in this order
    };

    // What a role's ids must name, for the checks.
    enum class Kind
    {
        Question,       // a linkId of the questionnaire, of one of `types`
        Section,        // a linkId of a group of the questionnaire
        DerivedConcept, // the name of one of the rules' derived concepts
        Article,        // the id of an article
    };

    struct RoleInfo
    {
        Role role;
        std::string_view name; // the key in "roles"
        Kind kind;
        bool list;                                  // an array of ids rather than one id
        std::vector<questionnaire::ItemType> types; // for Kind::Question
        std::string_view what;                      // what the role is for, in problem messages
    };

    // Every role the C++ relies on, in declaration order.
    [[nodiscard]] static const std::vector<RoleInfo>& all();
    [[nodiscard]] static const RoleInfo& info(Role role);

    // From the folder's rules/interface.json; throws ContentError naming each
    // missing or malformed role.
    [[nodiscard]] static ContentRoles load(const std::string& contentDirectory);
    // From the parsed interface; `file` names it in problems.
    [[nodiscard]] static ContentRoles fromJson(const nlohmann::json& interface, const std::string& file);
    // The problems fromJson would throw, without throwing.
    [[nodiscard]] static std::vector<ContentProblem> check(const nlohmann::json& interface,
                                                           const std::string& file);

    // The ids a role names: one for a single role, the list for a list role.
    [[nodiscard]] const std::vector<std::string>& ids(Role role) const;
    // The id of a single role.
    [[nodiscard]] const std::string& id(Role role) const { return ids(role).front(); }
    // The file the roles were read from, for problem messages.
    [[nodiscard]] const std::string& file() const noexcept { return m_file; }

private:
    static constexpr std::size_t kRoleCount = static_cast<std::size_t>(Role::AlwaysOfferedArticles) + 1;

    std::string m_file;
    std::array<std::vector<std::string>, kRoleCount> m_ids;
};

} // namespace spinepath
