#include "staff/audit/AuditActionLabels.h"

#include "core/storage/AuditLog.h"
#include "core/storage/ClinicSettings.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace spinepath::ui {

namespace storage = spinepath::storage;

namespace {

namespace audit = storage::audit;
namespace key = storage::clinicsetting;

struct Label
{
    std::string_view action;
    const char* text;
};

// Staff actions first: they are what the viewer is mostly opened for.
const std::array kActionLabels{
    Label{audit::kSignedIn, QT_TRANSLATE_NOOP("AuditActions", "Signed in")},
    Label{audit::kSignInFailed, QT_TRANSLATE_NOOP("AuditActions", "Wrong PIN")},
    Label{audit::kLockedOut, QT_TRANSLATE_NOOP("AuditActions", "Locked after wrong PINs")},
    Label{audit::kSignInRefused,
          QT_TRANSLATE_NOOP("AuditActions", "Sign-in refused during a wait or the lock")},
    Label{audit::kSignedOut, QT_TRANSLATE_NOOP("AuditActions", "Signed out")},
    Label{audit::kPinSet, QT_TRANSLATE_NOOP("AuditActions", "PIN set")},
    Label{audit::kPinCleared, QT_TRANSLATE_NOOP("AuditActions", "PIN reset (code issued)")},
    Label{audit::kResetCodeFailed, QT_TRANSLATE_NOOP("AuditActions", "Wrong PIN reset code")},
    Label{audit::kResetCodeRefused, QT_TRANSLATE_NOOP("AuditActions", "PIN reset code refused")},
    Label{audit::kViewed, QT_TRANSLATE_NOOP("AuditActions", "Viewed")},
    Label{audit::kPrinted, QT_TRANSLATE_NOOP("AuditActions", "Printed")},
    Label{audit::kPdfSaved, QT_TRANSLATE_NOOP("AuditActions", "Saved as PDF")},
    Label{audit::kSelectionExported, QT_TRANSLATE_NOOP("AuditActions", "Assessments exported")},
    Label{audit::kReviewed, QT_TRANSLATE_NOOP("AuditActions", "Marked as reviewed")},
    Label{audit::kDeleted, QT_TRANSLATE_NOOP("AuditActions", "Deleted")},
    Label{audit::kSettingChanged, QT_TRANSLATE_NOOP("AuditActions", "Setting changed")},
    Label{audit::kAuditViewed, QT_TRANSLATE_NOOP("AuditActions", "Audit log viewed")},
    Label{audit::kAuditExported, QT_TRANSLATE_NOOP("AuditActions", "Audit log exported")},
    Label{audit::kKioskExited, QT_TRANSLATE_NOOP("AuditActions", "Left kiosk mode")},
    Label{audit::kLoginMade, QT_TRANSLATE_NOOP("AuditActions", "Database login made")},
    Label{audit::kDatabaseLocationChanged,
          QT_TRANSLATE_NOOP("AuditActions", "This computer's database changed")},
    Label{audit::kDatabaseMigrated, QT_TRANSLATE_NOOP("AuditActions", "Data moved in from a database file")},
    Label{audit::kCreated, QT_TRANSLATE_NOOP("AuditActions", "Assessment started")},
    Label{audit::kCompleted, QT_TRANSLATE_NOOP("AuditActions", "Assessment finished")},
    Label{audit::kImported, QT_TRANSLATE_NOOP("AuditActions", "Answers from home imported")},
    Label{audit::kImportRepeated, QT_TRANSLATE_NOOP("AuditActions", "Answers from home brought again")},
    Label{audit::kAbandoned, QT_TRANSLATE_NOOP("AuditActions", "Assessment abandoned")},
    Label{audit::kDelivered, QT_TRANSLATE_NOOP("AuditActions", "Answers sent late by a kiosk")},
    Label{audit::kAlertRaised, QT_TRANSLATE_NOOP("AuditActions", "Emergency alert raised")},
    Label{audit::kAlertAcknowledged, QT_TRANSLATE_NOOP("AuditActions", "Emergency alert acknowledged")},
    Label{audit::kPurged, QT_TRANSLATE_NOOP("AuditActions", "Old assessments deleted")},
    Label{audit::kExported, QT_TRANSLATE_NOOP("AuditActions", "Database exported")},
    Label{audit::kExportStarted, QT_TRANSLATE_NOOP("AuditActions", "Export started")},
    Label{audit::kExportFailed, QT_TRANSLATE_NOOP("AuditActions", "Export failed")},
    Label{audit::kRescored, QT_TRANSLATE_NOOP("AuditActions", "Results re-scored under new rules")},
    Label{audit::kDatabaseNotice,
          QT_TRANSLATE_NOOP("AuditActions", "Database set aside, backed up or migrated")},
};

const std::array kSettingLabels{
    Label{key::kIdleSeconds, QT_TRANSLATE_NOOP("AuditActions", "Idle time")},
    Label{key::kCountdownSeconds, QT_TRANSLATE_NOOP("AuditActions", "Countdown")},
    Label{key::kAutoPrint, QT_TRANSLATE_NOOP("AuditActions", "Automatic printing")},
    Label{key::kPaper, QT_TRANSLATE_NOOP("AuditActions", "Paper size")},
    Label{key::kPrinter, QT_TRANSLATE_NOOP("AuditActions", "Printer")},
    Label{key::kRetentionDays, QT_TRANSLATE_NOOP("AuditActions", "Retention")},
    Label{key::kStaffLockMinutes, QT_TRANSLATE_NOOP("AuditActions", "Staff console lock")},
    Label{key::kKioskAtStart, QT_TRANSLATE_NOOP("AuditActions", "Start in kiosk mode")},
    Label{key::kClinicName, QT_TRANSLATE_NOOP("AuditActions", "Clinic name")},
    Label{key::kClinicAddress, QT_TRANSLATE_NOOP("AuditActions", "Clinic address")},
    Label{key::kClinicPhone, QT_TRANSLATE_NOOP("AuditActions", "Clinic phone")},
    Label{key::kLanguage, QT_TRANSLATE_NOOP("AuditActions", "Clinic language")},
};

template <std::size_t N> const Label* find(const std::array<Label, N>& labels, std::string_view name)
{
    const auto found =
        std::find_if(labels.begin(), labels.end(), [&](const Label& l) { return l.action == name; });
    return found == labels.end() ? nullptr : &*found;
}

QString raw(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

const std::vector<std::string_view>& knownAuditActions()
{
    static const std::vector<std::string_view> actions = [] {
        std::vector<std::string_view> all;
        for (const Label& label : kActionLabels)
            all.push_back(label.action);
        return all;
    }();
    return actions;
}

QString auditActionLabel(std::string_view action)
{
    const Label* label = find(kActionLabels, action);
    return label ? QCoreApplication::translate("AuditActions", label->text) : raw(action);
}

bool isNotableAuditAction(std::string_view action)
{
    return action == audit::kSignInFailed || action == audit::kLockedOut || action == audit::kSignInRefused ||
           action == audit::kResetCodeFailed || action == audit::kResetCodeRefused ||
           action == audit::kDeleted || action == audit::kPurged || action == audit::kAlertRaised ||
           action == audit::kRescored || action == audit::kExportFailed || action == audit::kDatabaseNotice;
}

QString settingLabel(std::string_view key)
{
    const Label* label = find(kSettingLabels, key);
    return label ? QCoreApplication::translate("AuditActions", label->text) : raw(key);
}

} // namespace spinepath::ui
