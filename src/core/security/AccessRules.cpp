#include "core/security/AccessRules.h"

#include "core/security/StaffPin.h"
#include "core/storage/Statement.h"

#include <QStringList>

#include <array>

namespace spinepath::security {

namespace {

using storage::Error;
using storage::ErrorKind;
using storage::Result;
using storage::Statement;

// Rows a kiosk may see: those its own session made. The setting is the
// random name Database gives each program's connections (ServerLogin).
constexpr const char* kOwnSession = "kiosk_session = current_setting('spinepath.kiosk_session', true)";

// The sign-in attempts' state, which a kiosk's PIN prompt must count and
// clear. Not the PIN's hash nor the reset code's: a kiosk login must not be
// able to choose the staff PIN of every computer of the clinic.
QString attemptKeys()
{
    const std::array keys{StaffPin::kFailuresKey, StaffPin::kNextTryKey, StaffPin::kLockedKey,
                          StaffPin::kResetFailuresKey, StaffPin::kResetNextTryKey};
    QStringList quoted;
    for (const std::string_view key : keys)
        quoted << u'\'' + storage::qtext(key) + u'\'';
    // The lock's end as older versions stored it, cleared on a sign-in.
    quoted << QStringLiteral("'staff.locked_until'");
    return quoted.join(QStringLiteral(", "));
}

// A policy, made again so its text is this version's.
QStringList policy(const QString& name, const QString& table, const QString& rule)
{
    return {QStringLiteral("DROP POLICY IF EXISTS %1 ON %2").arg(name, table),
            QStringLiteral("CREATE POLICY %1 ON %2 %3").arg(name, table, rule)};
}

QStringList accessStatements()
{
    const QString kiosk = groupRoleName(AccessRole::Kiosk);
    const QString staff = groupRoleName(AccessRole::Staff);
    const QString both = kiosk + QStringLiteral(", ") + staff;
    QStringList sql{
        QStringLiteral(
            "DO $$ BEGIN "
            "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN CREATE ROLE %1 NOLOGIN; "
            "END IF; "
            "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2') THEN CREATE ROLE %2 NOLOGIN; "
            "END IF; END $$")
            .arg(kiosk, staff),
        // From scratch each time, so a right an older version gave is gone.
        QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1").arg(both),
        QStringLiteral("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %1").arg(both),
        QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(both),
        QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %1").arg(both),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1")
            .arg(staff),
        QStringLiteral("GRANT SELECT ON schema_version, articles TO %1").arg(kiosk),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE ON assessments TO %1").arg(kiosk),
        // A name taken back ("About you" cleared) deletes the patient row.
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON patients TO %1").arg(kiosk),
        QStringLiteral("GRANT SELECT, INSERT, DELETE ON assessment_flags, assessment_articles TO %1")
            .arg(kiosk),
        // Writes its own entries; reads none.
        QStringLiteral("GRANT INSERT ON audit_log TO %1").arg(kiosk),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON settings TO %1").arg(kiosk),
        // How many answers it holds unsent: counts and times, no patient.
        QStringLiteral("GRANT SELECT, INSERT, UPDATE ON kiosk_reports TO %1").arg(kiosk),
    };
    const QString ownRows = QStringLiteral("USING (%1) WITH CHECK (%1)").arg(QLatin1String(kOwnSession));
    const QString ofOwnAssessment =
        QStringLiteral("USING (EXISTS (SELECT 1 FROM assessments a WHERE a.id = assessment_id)) "
                       "WITH CHECK (EXISTS (SELECT 1 FROM assessments a WHERE a.id = assessment_id))");
    const QString everything = QStringLiteral("USING (true) WITH CHECK (true)");
    for (const QString& table :
         {QStringLiteral("assessments"), QStringLiteral("patients"), QStringLiteral("assessment_flags"),
          QStringLiteral("assessment_articles"), QStringLiteral("settings")}) {
        sql << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(table);
        sql << policy(QStringLiteral("staff_all"), table, QStringLiteral("TO %1 ").arg(staff) + everything);
    }
    sql << policy(QStringLiteral("kiosk_own"), QStringLiteral("assessments"),
                  QStringLiteral("TO %1 ").arg(kiosk) + ownRows);
    sql << policy(QStringLiteral("kiosk_own"), QStringLiteral("patients"),
                  QStringLiteral("TO %1 ").arg(kiosk) + ownRows);
    sql << policy(QStringLiteral("kiosk_own"), QStringLiteral("assessment_flags"),
                  QStringLiteral("TO %1 ").arg(kiosk) + ofOwnAssessment);
    sql << policy(QStringLiteral("kiosk_own"), QStringLiteral("assessment_articles"),
                  QStringLiteral("TO %1 ").arg(kiosk) + ofOwnAssessment);
    // The kiosk reads the clinic's settings (welcome text, language, idle
    // time) and the PIN's hash to check a PIN; it writes only the attempts.
    sql << policy(QStringLiteral("kiosk_read"), QStringLiteral("settings"),
                  QStringLiteral("FOR SELECT TO %1 USING (true)").arg(kiosk));
    sql << policy(
        QStringLiteral("kiosk_attempts"), QStringLiteral("settings"),
        QStringLiteral("TO %1 USING (key IN (%2)) WITH CHECK (key IN (%2))").arg(kiosk, attemptKeys()));
    return sql;
}

Result<void> requireServer(const storage::Database& database, std::string_view what)
{
    if (database.engine() == storage::Engine::Postgres)
        return {};
    return Error{ErrorKind::InvalidArgument,
                 std::string(what) + " are a PostgreSQL server's: the SQLite file " +
                     database.path().toStdString() + " is one computer's, with no logins."};
}

} // namespace

std::optional<AccessRole> accessRoleFromString(std::string_view text)
{
    if (text == "kiosk")
        return AccessRole::Kiosk;
    if (text == "staff")
        return AccessRole::Staff;
    return std::nullopt;
}

std::string_view toString(AccessRole role)
{
    return role == AccessRole::Kiosk ? "kiosk" : "staff";
}

QString groupRoleName(AccessRole role)
{
    return role == AccessRole::Kiosk ? QStringLiteral("spinepath_kiosk") : QStringLiteral("spinepath_staff");
}

Result<void> applyAccessRules(const storage::Database& database)
{
    constexpr std::string_view action = "set the rights of kiosk and staff logins";
    if (auto server = requireServer(database, "Logins"); !server)
        return server;
    storage::Transaction transaction(database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    for (const QString& sql : accessStatements())
        if (auto done = storage::execute(database, sql, action); !done)
            return done;
    return transaction.commit(action);
}

Result<void> createLogin(const storage::Database& database, AccessRole role, const QString& name,
                         const QString& password)
{
    const std::string action =
        "make the " + std::string(toString(role)) + " login \"" + name.toStdString() + '"';
    if (auto server = requireServer(database, "Logins"); !server)
        return server;
    if (name.isEmpty() || password.isEmpty())
        return Error{ErrorKind::InvalidArgument, "A login needs a name and a password."};
    storage::Transaction transaction(database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    // An existing role keeps its other rights: one that could read
    // everything anyway (a superuser, the owner) must not pose as a kiosk.
    Statement existing(database, QStringLiteral("SELECT rolsuper OR rolbypassrls OR rolname = current_user "
                                                "OR pg_has_role(rolname, current_user, 'MEMBER') "
                                                "FROM pg_roles WHERE rolname = :name"));
    existing.bind(QStringLiteral(":name"), name);
    if (auto done = existing.exec(action); !done)
        return done;
    const bool exists = existing.next();
    const bool tooPowerful = exists && existing.value(0).toBool();
    if (auto done = existing.finish(action); !done)
        return done;
    if (tooPowerful)
        return Error{ErrorKind::InvalidArgument,
                     "The login \"" + name.toStdString() +
                         "\" is the database owner's, a superuser or bypasses row security: it would see "
                         "every patient. Choose a new name for the " +
                         std::string(toString(role)) + " login."};
    const AccessRole other = role == AccessRole::Kiosk ? AccessRole::Staff : AccessRole::Kiosk;
    // format() quotes the name and the password as the server parses them.
    Statement make(
        database,
        QStringLiteral("SELECT format(CAST(:make AS text), CAST(:name AS text), CAST(:password AS text)), "
                       "format('GRANT %I TO %I', CAST(:group AS text), CAST(:member AS text)), "
                       "format('REVOKE %I FROM %I', CAST(:other AS text), CAST(:leaver AS text))"));
    make.bind(QStringLiteral(":make"), exists ? QStringLiteral("ALTER ROLE %I LOGIN PASSWORD %L")
                                              : QStringLiteral("CREATE ROLE %I LOGIN PASSWORD %L"))
        .bind(QStringLiteral(":name"), name)
        .bind(QStringLiteral(":member"), name)
        .bind(QStringLiteral(":leaver"), name)
        .bind(QStringLiteral(":password"), password)
        .bind(QStringLiteral(":group"), groupRoleName(role))
        .bind(QStringLiteral(":other"), groupRoleName(other));
    if (auto done = make.exec(action); !done)
        return done;
    QStringList statements;
    if (make.next())
        statements << make.text(0) << make.text(1) << make.text(2);
    if (auto done = make.finish(action); !done)
        return done;
    for (const QString& sql : statements)
        if (auto done = storage::execute(database, sql, action); !done)
            return done;
    return transaction.commit(action);
}

} // namespace spinepath::security
