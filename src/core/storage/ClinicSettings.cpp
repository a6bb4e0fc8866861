#include "core/storage/ClinicSettings.h"

#include "core/storage/Settings.h"
#include "core/storage/Statement.h"
#include "core/util/Languages.h"

#include <QString>

#include <optional>

namespace spinepath::storage {

namespace {

namespace key = clinicsetting;

static_assert(key::kRetentionDays == Settings::kRetentionDays);

const ClinicSettingsValues kDefaults{};

std::string rangeText(int min, int max)
{
    return std::to_string(min) + " to " + std::to_string(max);
}

Error invalid(std::string message)
{
    return Error{ErrorKind::InvalidArgument, std::move(message)};
}

// A stored value that the program did not write (an older build, a hand edit):
// named with its key so IT can find it, never silently replaced.
Error outOfRange(std::string_view name, long long value, const std::string& allowed)
{
    return invalid("The setting \"" + std::string(name) + "\" holds " + std::to_string(value) +
                   ", which is outside " + allowed + ".");
}

Result<int> readInt(const Settings& settings, std::string_view name, int fallback, int min, int max,
                    bool zeroAllowed = false)
{
    auto value = settings.integer(name, fallback);
    if (!value)
        return std::move(value).error();
    if ((zeroAllowed && *value == 0) || (*value >= min && *value <= max))
        return static_cast<int>(*value);
    return outOfRange(name, *value, (zeroAllowed ? "0 or " : "") + rangeText(min, max));
}

// Text fields may hold line breaks (the address) but no other control
// characters: they go onto printed reports and the welcome screen.
bool hasControlCharacters(const std::string& text, bool allowNewlines)
{
    for (const unsigned char c : text)
        if ((c < 0x20 && !(allowNewlines && c == '\n')) || c == 0x7f)
            return true;
    return false;
}

void checkText(std::vector<std::string>& problems, const char* field, const std::string& text, int maxLength,
               bool allowNewlines)
{
    const auto length = QString::fromStdString(text).size();
    if (length > maxLength)
        problems.push_back(std::string(field) + " is " + std::to_string(length) +
                           " characters long; at most " + std::to_string(maxLength) + " are allowed.");
    if (hasControlCharacters(text, allowNewlines))
        problems.push_back(std::string(field) + " holds a control character" +
                           (allowNewlines ? " other than a line break." : "."));
}

void checkRange(std::vector<std::string>& problems, const char* field, int value, int min, int max,
                bool zeroAllowed = false)
{
    if ((zeroAllowed && value == 0) || (value >= min && value <= max))
        return;
    problems.push_back(std::string(field) + " is " + std::to_string(value) + "; it must be " +
                       (zeroAllowed ? "0 or " : "") + rangeText(min, max) + ".");
}

// One key as its stored text: nothing means "absent" (the default applies).
struct Entry
{
    std::string_view name;
    std::optional<std::string> text;
    std::optional<std::string> defaultText;
};

std::string boolText(bool value)
{
    return value ? "true" : "false";
}

std::optional<std::string> detailText(const std::string& value)
{
    return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

std::vector<Entry> entriesOf(const ClinicSettingsValues& values)
{
    return {
        {key::kIdleSeconds, std::to_string(values.idleSeconds), std::to_string(kDefaults.idleSeconds)},
        {key::kCountdownSeconds, std::to_string(values.countdownSeconds),
         std::to_string(kDefaults.countdownSeconds)},
        {key::kAutoPrint, boolText(values.autoPrint), boolText(kDefaults.autoPrint)},
        {key::kPaper, std::string(toString(values.paper)), std::string(toString(localPaper()))},
        {key::kPrinter, detailText(values.printer), std::nullopt},
        {key::kRetentionDays, std::to_string(values.retentionDays), std::to_string(kDefaults.retentionDays)},
        {key::kStaffLockMinutes, std::to_string(values.staffLockMinutes),
         std::to_string(kDefaults.staffLockMinutes)},
        {key::kKioskAtStart, boolText(values.kioskAtStart), boolText(kDefaults.kioskAtStart)},
        {key::kClinicName, detailText(values.clinicName), std::nullopt},
        {key::kClinicAddress, detailText(values.clinicAddress), std::nullopt},
        {key::kClinicPhone, detailText(values.clinicPhone), std::nullopt},
        {key::kLanguage, detailText(values.language), std::nullopt},
    };
}

} // namespace

spinepath::Paper localPaper(const QLocale& locale)
{
    // The countries whose printers take Letter (as glibc's LC_PAPER has them);
    // the US customary measurement system implies it too.
    static constexpr QLocale::Territory kLetter[] = {
        QLocale::UnitedStates, QLocale::Canada,      QLocale::Mexico,
        QLocale::PuertoRico,   QLocale::Philippines, QLocale::Chile,
        QLocale::Colombia,     QLocale::Venezuela,   QLocale::CostaRica,
        QLocale::Guatemala,    QLocale::Nicaragua,   QLocale::Panama,
        QLocale::ElSalvador,   QLocale::Honduras,    QLocale::DominicanRepublic,
        QLocale::Belize,       QLocale::Bolivia,     QLocale::Peru,
        QLocale::Ecuador,      QLocale::Paraguay,    QLocale::Uruguay};
    if (locale.measurementSystem() == QLocale::ImperialUSSystem)
        return spinepath::Paper::Letter;
    for (const QLocale::Territory territory : kLetter)
        if (locale.territory() == territory)
            return spinepath::Paper::Letter;
    return spinepath::Paper::A4;
}

Result<ClinicSettingsValues> loadClinicSettings(const Database& database)
{
    const Settings settings(database, {});
    ClinicSettingsValues values;
    values.paper = localPaper();
    const auto readInto = [&](int& field, std::string_view name, int min, int max,
                              bool zeroAllowed = false) -> Result<void> {
        auto read = readInt(settings, name, field, min, max, zeroAllowed);
        if (!read)
            return std::move(read).error();
        field = *read;
        return {};
    };
    const auto readBool = [&](bool& field, std::string_view name) -> Result<void> {
        auto read = settings.boolean(name, field);
        if (!read)
            return std::move(read).error();
        field = *read;
        return {};
    };
    const auto readText = [&](std::string& field, std::string_view name) -> Result<void> {
        auto read = settings.text(name);
        if (!read)
            return std::move(read).error();
        field = read->value_or(std::string());
        return {};
    };
    if (auto done =
            readInto(values.idleSeconds, key::kIdleSeconds, key::kIdleSecondsMin, key::kIdleSecondsMax);
        !done)
        return std::move(done).error();
    if (auto done = readInto(values.countdownSeconds, key::kCountdownSeconds, key::kCountdownSecondsMin,
                             key::kCountdownSecondsMax);
        !done)
        return std::move(done).error();
    if (auto done = readBool(values.autoPrint, key::kAutoPrint); !done)
        return std::move(done).error();
    {
        auto stored = settings.text(key::kPaper);
        if (!stored)
            return std::move(stored).error();
        if (*stored) {
            const auto paper = spinepath::paperFromString(**stored);
            if (!paper)
                return invalid("The setting \"" + std::string(key::kPaper) + "\" holds \"" + **stored +
                               "\", which is not a4 or letter.");
            values.paper = *paper;
        }
    }
    if (auto done = readInto(values.retentionDays, key::kRetentionDays, key::kRetentionDaysMin,
                             key::kRetentionDaysMax, true);
        !done)
        return std::move(done).error();
    if (auto done = readInto(values.staffLockMinutes, key::kStaffLockMinutes, key::kStaffLockMinutesMin,
                             key::kStaffLockMinutesMax);
        !done)
        return std::move(done).error();
    if (auto done = readBool(values.kioskAtStart, key::kKioskAtStart); !done)
        return std::move(done).error();
    for (auto [field, name] :
         {std::pair{&values.clinicName, key::kClinicName},
          std::pair{&values.clinicAddress, key::kClinicAddress},
          std::pair{&values.clinicPhone, key::kClinicPhone}, std::pair{&values.printer, key::kPrinter},
          std::pair{&values.language, key::kLanguage}})
        if (auto done = readText(*field, name); !done)
            return std::move(done).error();
    if (!values.language.empty() && !languages::isAvailable(QString::fromStdString(values.language)))
        return invalid("The setting \"" + std::string(key::kLanguage) + "\" holds \"" + values.language +
                       "\", which is not a language of this program (" +
                       languages::available().join(QStringLiteral(", ")).toStdString() + ").");
    return values;
}

std::vector<std::string> validateClinicSettings(const ClinicSettingsValues& values)
{
    std::vector<std::string> problems;
    checkRange(problems, "Idle time (seconds)", values.idleSeconds, key::kIdleSecondsMin,
               key::kIdleSecondsMax);
    checkRange(problems, "Countdown (seconds)", values.countdownSeconds, key::kCountdownSecondsMin,
               key::kCountdownSecondsMax);
    checkRange(problems, "Retention (days)", values.retentionDays, key::kRetentionDaysMin,
               key::kRetentionDaysMax, true);
    checkRange(problems, "Staff console lock (minutes)", values.staffLockMinutes, key::kStaffLockMinutesMin,
               key::kStaffLockMinutesMax);
    checkText(problems, "Clinic name", values.clinicName, key::kClinicNameMaxLength, false);
    checkText(problems, "Clinic address", values.clinicAddress, key::kClinicAddressMaxLength, true);
    checkText(problems, "Clinic phone", values.clinicPhone, key::kClinicPhoneMaxLength, false);
    checkText(problems, "Printer", values.printer, key::kPrinterMaxLength, false);
    if (!values.language.empty() && !languages::isAvailable(QString::fromStdString(values.language)))
        problems.push_back("Language is \"" + values.language + "\"; it must be one of " +
                           languages::available().join(QStringLiteral(", ")).toStdString() +
                           ", or empty for the computer's language.");
    return problems;
}

Result<void> saveClinicSettings(const Database& database, std::string_view actor,
                                const ClinicSettingsValues& values)
{
    if (const auto problems = validateClinicSettings(values); !problems.empty()) {
        std::string message = "The settings were not saved. ";
        for (std::size_t i = 0; i < problems.size(); ++i)
            message += (i ? " " : "") + problems[i];
        return invalid(std::move(message));
    }
    // All or nothing: a failure part-way leaves every setting as it was.
    constexpr std::string_view action = "save the settings";
    Transaction transaction(database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    Settings settings(database, std::string(actor));
    for (const Entry& entry : entriesOf(values)) {
        // Compared with the stored text, not with loadClinicSettings(): a
        // stored value of the wrong type is replaced instead of blocking the save.
        auto stored = settings.text(entry.name);
        if (!stored)
            return std::move(stored).error();
        const std::optional<std::string>& current = *stored ? *stored : entry.defaultText;
        if (current == entry.text)
            continue;
        auto written = entry.text ? settings.setText(entry.name, *entry.text) : settings.remove(entry.name);
        if (!written)
            return written;
    }
    return transaction.commit(action);
}

} // namespace spinepath::storage
