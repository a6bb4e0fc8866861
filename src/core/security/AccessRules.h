#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <QString>

#include <optional>
#include <string_view>

namespace spinepath::security {

// What a login on a clinic's PostgreSQL server may do.
//  - Kiosk: start, save and finish assessments, and read the articles and
//    settings it needs. Row-level security shows it only the rows of its own
//    session (migration 9's kiosk_session), so a stolen kiosk password
//    reveals no patient: every assessment and patient row of other sessions
//    is invisible, and the audit log cannot be read at all.
//  - Staff: everything the staff console does.
// The owner of the database (who runs the migrations) is neither.
enum class AccessRole
{
    Kiosk,
    Staff,
};

[[nodiscard]] std::optional<AccessRole> accessRoleFromString(std::string_view text);
[[nodiscard]] std::string_view toString(AccessRole role);

// The server's group role whose rights a login of `role` gets.
[[nodiscard]] QString groupRoleName(AccessRole role);

// Makes the group roles if missing and sets their grants and row policies
// to what this version needs; running it again changes nothing. Needs the
// database owner's login with the CREATEROLE attribute. PostgreSQL only.
[[nodiscard]] storage::Result<void> applyAccessRules(const storage::Database& database);

// Makes (or, when it exists, updates) the login `name` with `password` as
// a member of `role`'s group only, after applyAccessRules(). The password
// is sent to the server inside the statement (as psql's CREATE ROLE is), so
// the server must not log statements; it is never logged here.
[[nodiscard]] storage::Result<void> createLogin(const storage::Database& database, AccessRole role,
                                                const QString& name, const QString& password);

} // namespace spinepath::security
