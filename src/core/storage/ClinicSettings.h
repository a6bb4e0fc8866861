#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"
#include "core/util/Paper.h"

#include <QLocale>

#include <string>
#include <string_view>
#include <vector>

namespace spinepath::storage {

// The clinic's settings as the staff console edits them: typed, with their
// allowed ranges, over the text key/value table of storage::Settings. Kept
// in the database (not a config file) so a copied database takes them along
// and every change lands in the audit trail.
struct ClinicSettingsValues
{
    int idleSeconds = 90;      // kiosk idle before "Are you still there?" (30..900)
    int countdownSeconds = 30; // the countdown shown before the reset (10..120)
    bool autoPrint = false;    // print the physician summary when a kiosk assessment is finished
    spinepath::Paper paper = spinepath::Paper::A4; // absent from the database: localPaper()
    // The clinic's printer by its system name; empty: the computer's default
    // printer. The kiosk prints here with no dialog (a print dialog would let
    // a patient reach files through "Print to File").
    std::string printer;
    int retentionDays = 0;     // 0 = keep; else 30..36500 (Settings::kRetentionDays)
    int staffLockMinutes = 5;  // the staff console locks itself after this idle time (1..60)
    bool kioskAtStart = false; // start in kiosk mode without --kiosk
    std::string clinicName, clinicAddress, clinicPhone; // empty: use content/clinic.json
    // The clinic's language ("en", "es"): the welcome page's at the start and,
    // at the kiosk, again after each patient. Empty: the computer's language.
    // The --lang option overrides it.
    std::string language;

    bool operator==(const ClinicSettingsValues&) const = default;
};

// The keys in the settings table. Other parts of the program read them only
// through loadClinicSettings(), so the ranges below hold everywhere.
namespace clinicsetting {
inline constexpr std::string_view kIdleSeconds = "kiosk.idle_seconds";
inline constexpr std::string_view kCountdownSeconds = "kiosk.countdown_seconds";
inline constexpr std::string_view kAutoPrint = "print.auto";
inline constexpr std::string_view kPaper = "print.paper";
inline constexpr std::string_view kPrinter = "print.printer";
inline constexpr std::string_view kRetentionDays = "retention.days"; // = Settings::kRetentionDays
inline constexpr std::string_view kStaffLockMinutes = "staff.lock_minutes";
inline constexpr std::string_view kKioskAtStart = "kiosk.at_start";
inline constexpr std::string_view kClinicName = "clinic.name";
inline constexpr std::string_view kClinicAddress = "clinic.address";
inline constexpr std::string_view kClinicPhone = "clinic.phone";
inline constexpr std::string_view kLanguage = "clinic.language";

// Allowed ranges, shared by the validation and the settings page's spin boxes.
inline constexpr int kIdleSecondsMin = 30, kIdleSecondsMax = 900;
inline constexpr int kCountdownSecondsMin = 10, kCountdownSecondsMax = 120;
// A retention of a few days would purge nearly everything after one typo,
// so anything but "keep" starts at 30 days.
inline constexpr int kRetentionDaysMin = 30, kRetentionDaysMax = 36500;
inline constexpr int kStaffLockMinutesMin = 1, kStaffLockMinutesMax = 60;
inline constexpr int kClinicNameMaxLength = 120;
inline constexpr int kClinicAddressMaxLength = 300;
inline constexpr int kClinicPhoneMaxLength = 40;
inline constexpr int kPrinterMaxLength = 200;
} // namespace clinicsetting

// The paper a clinic in `locale`'s country most likely has in its printers:
// US Letter where it is the standard (the United States, Canada, Mexico and
// several other countries of the Americas, the Philippines), A4 elsewhere.
// The paper setting's default until the clinic chooses one.
[[nodiscard]] spinepath::Paper localPaper(const QLocale& locale = QLocale());

// The stored settings, defaults for absent keys (the paper: localPaper()). A stored value of the wrong
// type or out of range is an InvalidArgument error naming the key.
[[nodiscard]] Result<ClinicSettingsValues> loadClinicSettings(const Database& database);

// Every field's problem, in field order, each naming the field and its allowed
// range; empty when the values can be saved.
[[nodiscard]] std::vector<std::string> validateClinicSettings(const ClinicSettingsValues& values);

// Validates every field (an InvalidArgument error naming the field and the
// allowed range, nothing written) and writes only the keys whose value
// changed, each audited by Settings as `actor`. A value equal to its default
// is not written when the key is absent; an empty clinic detail removes its
// key. Keys are written one by one: after a failure part may be saved, and
// saving the same values again completes it.
Result<void> saveClinicSettings(const Database& database, std::string_view actor,
                                const ClinicSettingsValues& values);

} // namespace spinepath::storage
