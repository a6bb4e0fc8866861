#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace spinepath::storage {

// The actions the program records. Free text would invite answers into the
// trail; a fixed vocabulary keeps it to events.
namespace audit {
inline constexpr std::string_view kCreated = "assessment.created";
inline constexpr std::string_view kCompleted = "assessment.completed";
// Answers given at home and carried in (core/handoff); the detail names the
// way (paper code or file), the questionnaire and the rules, never an answer.
inline constexpr std::string_view kImported = "assessment.imported";
// The same answers carried in again: nothing stored, the first one named.
inline constexpr std::string_view kImportRepeated = "assessment.import_repeated";
inline constexpr std::string_view kAbandoned = "assessment.abandoned";
// Answers a kiosk kept while the server could not be reached, sent later.
inline constexpr std::string_view kDelivered = "assessment.delivered";
inline constexpr std::string_view kReviewed = "assessment.reviewed";
inline constexpr std::string_view kDeleted = "assessment.deleted";
inline constexpr std::string_view kPurged = "assessments.purged";
inline constexpr std::string_view kExported = "database.exported";
// An export began (format) and, if it did not end as kExported or
// kSelectionExported, failed (format and count written so far). The start
// is committed before the first byte goes out, so an export cut short
// (killed, a closed pipe) is still in the trail.
inline constexpr std::string_view kExportStarted = "export.started";
inline constexpr std::string_view kExportFailed = "export.failed";
// Stored results re-scored under new rules (`db rescore`): one entry per
// run, with the ruleset version and the counts.
inline constexpr std::string_view kRescored = "assessments.rescored";
inline constexpr std::string_view kSettingChanged = "setting.changed";
// An in-progress assessment raised an emergency flag at the kiosk.
inline constexpr std::string_view kAlertRaised = "assessment.alert_raised";
// Staff acknowledged the emergency banner for this assessment (who and when;
// never what the patient answered).
inline constexpr std::string_view kAlertAcknowledged = "assessment.alert_acknowledged";
// Staff actions (the staff console). `detail` names a document, a format or a
// count, never what the assessment holds.
inline constexpr std::string_view kPinSet = "staff.pin_set";
inline constexpr std::string_view kPinCleared = "staff.pin_cleared";
inline constexpr std::string_view kSignedIn = "staff.signed_in";
inline constexpr std::string_view kSignInFailed = "staff.sign_in_failed";
inline constexpr std::string_view kLockedOut = "staff.locked_out";
// A try during a wait after wrong PINs, or during the lockout: refused
// without looking at the PIN, and not counted as a failure.
inline constexpr std::string_view kSignInRefused = "staff.sign_in_refused";
// A wrong PIN reset code at the kiosk (counted), and a reset code try refused
// without checking: none waiting, expired, or during a wait after wrong codes.
inline constexpr std::string_view kResetCodeFailed = "staff.reset_code_failed";
inline constexpr std::string_view kResetCodeRefused = "staff.reset_code_refused";
inline constexpr std::string_view kSignedOut = "staff.signed_out";
inline constexpr std::string_view kViewed = "assessment.viewed";
inline constexpr std::string_view kPrinted = "assessment.printed";
inline constexpr std::string_view kPdfSaved = "assessment.pdf_saved";
inline constexpr std::string_view kSelectionExported = "assessments.exported";
inline constexpr std::string_view kAuditViewed = "audit.viewed";
inline constexpr std::string_view kAuditExported = "audit.exported";
inline constexpr std::string_view kKioskExited = "kiosk.exited";
// A kiosk or staff login made on a clinic's server (`db create-role`): the
// role and the login's name, never its password.
inline constexpr std::string_view kLoginMade = "database.login_made";
// Everything copied in from a SQLite file (`db migrate`): the file's path.
inline constexpr std::string_view kDatabaseMigrated = "database.migrated";
// Opening the database set a damaged file aside, backed it up or migrated
// it; `detail` names the kind and the file involved.
inline constexpr std::string_view kDatabaseNotice = "database.notice";
// Staff changed where this computer's database is (its setting, used from
// the next start); `detail` names the new file or server URI, never a password.
inline constexpr std::string_view kDatabaseLocationChanged = "database.location_changed";
} // namespace audit

// Which entries the audit viewer shows or exports. Every part is optional;
// the parts given must all match.
struct AuditFilter
{
    std::string action;       // one audit:: name; empty: every action
    QDateTime from;           // at or after; invalid: no lower bound
    QDateTime until;          // before; invalid: no upper bound
    std::string assessmentId; // the id or its beginning (the short id staff see); empty: any
    std::string actor;        // exactly this actor; empty: anyone
};

enum class AuditExportFormat
{
    JsonLines, // one AuditEntry::toJson() a line
    Csv        // a header line, then id,at,actor,action,assessment_id,detail
};

struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    std::string actor;        // who: "kiosk", "cli", a staff login
    std::string action;       // one of the audit:: names
    std::string assessmentId; // empty when not about one assessment
    std::string detail;       // counts, versions, formats: never answer values

    [[nodiscard]] nlohmann::json toJson() const;
};

// Who did what when. Entries are appended inside the caller's transaction,
// so an action and its record are committed together or not at all.
//
// PRIVACY: `detail` never holds answers, names or results; only what
// happened (counts, versions, formats, setting names).
class AuditLog final
{
public:
    explicit AuditLog(const Database& database);
    Q_DISABLE_COPY_MOVE(AuditLog)

    Result<void> append(std::string_view actor, std::string_view action, std::string_view assessmentId = {},
                        std::string_view detail = {});
    // Newest first; an assessment id narrows the list to that assessment.
    [[nodiscard]] Result<std::vector<AuditEntry>> list(int limit = 100, int offset = 0,
                                                       std::string_view assessmentId = {}) const;
    // Every entry, oldest first, as JSON Lines appended to `out`. Returns the count.
    [[nodiscard]] Result<qint64> exportJsonLines(std::string& out) const;

    // The entries matching `filter`, newest first, at most `limit`. Keyset
    // paging: `beforeId` > 0 continues after the last entry of the previous
    // page (its id), so a page costs the same at row 100,000 as at row 1.
    [[nodiscard]] Result<std::vector<AuditEntry>> query(const AuditFilter& filter, int limit,
                                                        qint64 beforeId = 0) const;
    // How many entries match `filter`.
    [[nodiscard]] Result<qint64> count(const AuditFilter& filter) const;
    // Writes the matching entries, oldest first, to a new file at `path`
    // (mode 0600, replaced whole or not at all) and records the export
    // (format and count) as `actor`. Returns the number of entries written.
    [[nodiscard]] Result<qint64> exportToFile(const AuditFilter& filter, AuditExportFormat format,
                                              const QString& path, std::string_view actor);

private:
    const Database& m_database;
};

} // namespace spinepath::storage
