#include "StorageTestSupport.h"

#include "core/content/ClinicInfo.h"
#include "core/storage/AuditLog.h"
#include "core/storage/ClinicSettings.h"
#include "core/storage/Settings.h"

using namespace storagetest;
using storage::ClinicSettingsValues;
namespace key = storage::clinicsetting;

namespace {

// The program's locale for one test: the paper default follows it.
struct LocaleScope
{
    explicit LocaleScope(const QLocale& locale) { QLocale::setDefault(locale); }
    ~LocaleScope() { QLocale::setDefault(m_before); }
    LocaleScope(const LocaleScope&) = delete;
    LocaleScope& operator=(const LocaleScope&) = delete;
    QLocale m_before;
};

qint64 settingChangedRows(const storage::Database& database)
{
    return scalar(database, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'setting.changed'"))
        .toLongLong();
}

std::vector<std::string> changedKeys(const storage::Database& database)
{
    QSqlQuery query = sql(database, QStringLiteral("SELECT detail FROM audit_log WHERE action = "
                                                   "'setting.changed' ORDER BY id"));
    std::vector<std::string> keys;
    while (query.next())
        keys.push_back(query.value(0).toString().toStdString());
    return keys;
}

} // namespace

TEST_CASE("A fresh database gives the default clinic settings", "[clinicsettings]")
{
    const LocaleScope germany(QLocale(QLocale::German, QLocale::Germany));
    TempFolder folder;
    auto database = openOrFail(folder.database());
    auto loaded = storage::loadClinicSettings(*database);
    REQUIRE(loaded);
    CHECK(*loaded == ClinicSettingsValues{});
    CHECK(loaded->idleSeconds == 90);
    CHECK(loaded->countdownSeconds == 30);
    CHECK(loaded->paper == spinepath::Paper::A4);
    CHECK(loaded->retentionDays == 0);
    CHECK(loaded->staffLockMinutes == 5);
    CHECK(loaded->clinicName.empty());

    // Saving the defaults changes nothing and records nothing.
    REQUIRE(storage::saveClinicSettings(*database, "staff:lee", ClinicSettingsValues{}));
    CHECK(settingChangedRows(*database) == 0);
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM settings")).toInt() == 0);
}

TEST_CASE("The paper follows the locale until the clinic chooses one", "[clinicsettings]")
{
    CHECK(storage::localPaper(QLocale(QLocale::English, QLocale::UnitedStates)) == spinepath::Paper::Letter);
    CHECK(storage::localPaper(QLocale(QLocale::French, QLocale::Canada)) == spinepath::Paper::Letter);
    CHECK(storage::localPaper(QLocale(QLocale::Spanish, QLocale::Mexico)) == spinepath::Paper::Letter);
    CHECK(storage::localPaper(QLocale(QLocale::English, QLocale::UnitedKingdom)) == spinepath::Paper::A4);
    CHECK(storage::localPaper(QLocale(QLocale::German, QLocale::Germany)) == spinepath::Paper::A4);
    CHECK(storage::localPaper(QLocale(QLocale::English, QLocale::Australia)) == spinepath::Paper::A4);

    TempFolder folder;
    auto database = openOrFail(folder.database());
    {
        // A clinic in the US (emergency number 911) that never chose: Letter.
        const LocaleScope us(QLocale(QLocale::English, QLocale::UnitedStates));
        auto loaded = storage::loadClinicSettings(*database);
        REQUIRE(loaded);
        CHECK(loaded->paper == spinepath::Paper::Letter);
        // Keeping the default writes nothing.
        REQUIRE(storage::saveClinicSettings(*database, "staff:lee", *loaded));
        CHECK(settingChangedRows(*database) == 0);
        // The clinic's own choice wins over the locale.
        auto a4 = *loaded;
        a4.paper = spinepath::Paper::A4;
        REQUIRE(storage::saveClinicSettings(*database, "staff:lee", a4));
        CHECK(storage::loadClinicSettings(*database)->paper == spinepath::Paper::A4);
    }
    const LocaleScope germany(QLocale(QLocale::German, QLocale::Germany));
    CHECK(storage::loadClinicSettings(*database)->paper == spinepath::Paper::A4);
}

TEST_CASE("Clinic settings survive closing and reopening the database", "[clinicsettings]")
{
    TempFolder folder;
    const QString path = folder.database();
    ClinicSettingsValues values;
    values.idleSeconds = 120;
    values.countdownSeconds = 45;
    values.autoPrint = true;
    values.paper = spinepath::Paper::Letter;
    values.retentionDays = 3650;
    values.staffLockMinutes = 15;
    values.kioskAtStart = true;
    values.clinicName = "Example Spine Centre";
    values.clinicAddress = "12 Synthetic Road\nSuite 4";
    values.clinicPhone = "+1 555 0100";
    {
        auto database = openOrFail(path);
        REQUIRE(storage::saveClinicSettings(*database, "staff:lee", values));
    }
    auto database = openOrFail(path);
    auto loaded = storage::loadClinicSettings(*database);
    REQUIRE(loaded);
    CHECK(*loaded == values);
    // The retention key is the one purgeExpired() reads.
    CHECK(*storage::Settings(*database, "x").integer(storage::Settings::kRetentionDays, 0) == 3650);
    CHECK(**storage::Settings(*database, "x").text(key::kPaper) == "letter");

    // Clearing a clinic detail removes its key: content/clinic.json applies again.
    values.clinicPhone.clear();
    REQUIRE(storage::saveClinicSettings(*database, "staff:lee", values));
    CHECK_FALSE(storage::Settings(*database, "x").text(key::kClinicPhone)->has_value());
    CHECK(storage::loadClinicSettings(*database)->clinicPhone.empty());
}

TEST_CASE("Invalid clinic settings are refused, naming the field and its range", "[clinicsettings]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());

    const auto refused = [&](const ClinicSettingsValues& values, const std::string& field,
                             const std::string& range) {
        auto saved = storage::saveClinicSettings(*database, "staff", values);
        REQUIRE_FALSE(saved);
        CHECK(saved.error().kind == storage::ErrorKind::InvalidArgument);
        CHECK_THAT(saved.error().message, Catch::Contains(field) && Catch::Contains(range));
    };
    ClinicSettingsValues values;
    values.idleSeconds = 5;
    refused(values, "Idle time", "30 to 900");
    values = {};
    values.countdownSeconds = 500;
    refused(values, "Countdown", "10 to 120");
    values = {};
    values.retentionDays = 7;
    refused(values, "Retention", "0 or 30 to 36500");
    values = {};
    values.retentionDays = -1;
    refused(values, "Retention", "0 or 30 to 36500");
    values = {};
    values.staffLockMinutes = 0;
    refused(values, "Staff console lock", "1 to 60");
    values = {};
    values.clinicName = std::string(121, 'x');
    refused(values, "Clinic name", "at most 120");
    values = {};
    values.clinicPhone = "555\t0100";
    refused(values, "Clinic phone", "control character");

    // Several problems are all named, and nothing at all is written.
    values = {};
    values.idleSeconds = 1;
    values.autoPrint = true;
    values.staffLockMinutes = 99;
    auto saved = storage::saveClinicSettings(*database, "staff", values);
    REQUIRE_FALSE(saved);
    CHECK_THAT(saved.error().message, Catch::Contains("Idle time") && Catch::Contains("Staff console lock"));
    CHECK(settingChangedRows(*database) == 0);
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM settings")).toInt() == 0);

    CHECK(storage::validateClinicSettings(ClinicSettingsValues{}).empty());
    values = {};
    values.clinicAddress = "Line one\nLine two"; // a line break is fine in an address
    CHECK(storage::validateClinicSettings(values).empty());
}

TEST_CASE("Only the changed clinic settings are written and audited", "[clinicsettings]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    ClinicSettingsValues values;
    values.idleSeconds = 60;
    values.paper = spinepath::Paper::Letter;
    REQUIRE(storage::saveClinicSettings(*database, "staff:lee", values));
    CHECK(changedKeys(*database) == std::vector<std::string>{"kiosk.idle_seconds", "print.paper"});

    // The same values again: nothing.
    REQUIRE(storage::saveClinicSettings(*database, "staff:lee", values));
    CHECK(settingChangedRows(*database) == 2);

    values.clinicName = "Example Spine Centre";
    values.idleSeconds = 90; // back to the default: written, since a value is stored
    REQUIRE(storage::saveClinicSettings(*database, "staff:kim", values));
    CHECK(changedKeys(*database) ==
          std::vector<std::string>{"kiosk.idle_seconds", "print.paper", "kiosk.idle_seconds", "clinic.name"});
    auto entries = storage::AuditLog(*database).list(1);
    REQUIRE(entries);
    CHECK(entries->at(0).actor == "staff:kim");
    // Setting names only: the clinic's name is not copied into the trail.
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM audit_log WHERE detail LIKE '%Example%'"))
              .toInt() == 0);
}

TEST_CASE("A save that fails part-way leaves every clinic setting as it was", "[clinicsettings][sqlite]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    ClinicSettingsValues before;
    before.idleSeconds = 120;
    REQUIRE(storage::saveClinicSettings(*database, "staff", before));
    const qint64 auditedBefore = settingChangedRows(*database);

    // The clinic's name is written after the idle time; refusing it stands
    // for a disk that fails between two settings.
    sql(*database, QStringLiteral("CREATE TRIGGER refuse_name BEFORE INSERT ON settings "
                                  "WHEN NEW.key = 'clinic.name' BEGIN SELECT RAISE(ABORT, 'refused'); END"));
    ClinicSettingsValues after = before;
    after.idleSeconds = 60;
    after.clinicName = "Example Spine Centre";
    auto saved = storage::saveClinicSettings(*database, "staff", after);
    REQUIRE_FALSE(saved);
    CHECK_THAT(saved.error().message, Catch::Contains("refused"));

    auto loaded = storage::loadClinicSettings(*database);
    REQUIRE(loaded);
    CHECK(*loaded == before);
    CHECK(settingChangedRows(*database) == auditedBefore);

    // The connection is left usable: the same save goes through once the disk takes it.
    sql(*database, QStringLiteral("DROP TRIGGER refuse_name"));
    REQUIRE(storage::saveClinicSettings(*database, "staff", after));
    loaded = storage::loadClinicSettings(*database);
    REQUIRE(loaded);
    CHECK(*loaded == after);
    CHECK(settingChangedRows(*database) == auditedBefore + 2);
}

TEST_CASE("A clinic setting stored with the wrong type is a clear error naming it", "[clinicsettings]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    storage::Settings settings(*database, "it");

    REQUIRE(settings.setText(key::kIdleSeconds, "ninety"));
    auto loaded = storage::loadClinicSettings(*database);
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().kind == storage::ErrorKind::InvalidArgument);
    CHECK_THAT(loaded.error().message, Catch::Contains("kiosk.idle_seconds") && Catch::Contains("ninety"));

    // Saving good values replaces the bad one instead of being blocked by it.
    REQUIRE(storage::saveClinicSettings(*database, "staff", ClinicSettingsValues{}));
    REQUIRE(storage::loadClinicSettings(*database));

    REQUIRE(settings.setText(key::kAutoPrint, "maybe"));
    loaded = storage::loadClinicSettings(*database);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error().message, Catch::Contains("print.auto"));
    REQUIRE(settings.remove(key::kAutoPrint));

    REQUIRE(settings.setText(key::kPaper, "tabloid"));
    loaded = storage::loadClinicSettings(*database);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error().message, Catch::Contains("print.paper") && Catch::Contains("tabloid"));
    REQUIRE(settings.remove(key::kPaper));

    REQUIRE(settings.setInteger(key::kRetentionDays, 3));
    loaded = storage::loadClinicSettings(*database);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error().message, Catch::Contains("retention.days") && Catch::Contains("30 to 36500"));
}

TEST_CASE("Staff-edited clinic details replace those of clinic.json, empty ones do not", "[clinicsettings]")
{
    const auto fromContent = spinepath::ClinicInfo::load(SPINEPATH_SOURCE_DIR "/content");
    REQUIRE_FALSE(fromContent.name.empty());
    const auto edited = fromContent.withOverrides("Example Spine Centre", "", "+1 555 0100");
    CHECK(edited.name == "Example Spine Centre");
    CHECK(edited.address == fromContent.address);
    CHECK(edited.phone == "+1 555 0100");
    CHECK(edited.emergencyNumber == fromContent.emergencyNumber);
    CHECK(edited.messages == fromContent.messages);
    CHECK(fromContent.withOverrides("", "", "").name == fromContent.name);
}

TEST_CASE("The clinic's language is kept, and only a language the program has", "[clinicsettings]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    CHECK(storage::loadClinicSettings(*database)->language.empty()); // the computer's language

    ClinicSettingsValues values;
    values.language = "es";
    REQUIRE(storage::saveClinicSettings(*database, "staff:lee", values));
    CHECK(storage::loadClinicSettings(*database)->language == "es");
    CHECK(changedKeys(*database).back() == std::string(key::kLanguage));

    values.language = "xx";
    const auto refused = storage::saveClinicSettings(*database, "staff:lee", values);
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message,
               Catch::Contains("Language") && Catch::Contains("\"xx\"") && Catch::Contains("en, es"));
    CHECK(storage::loadClinicSettings(*database)->language == "es");

    // A stored value the program does not speak is named, never used.
    REQUIRE(storage::Settings(*database, "it").setText(key::kLanguage, "klingon"));
    const auto loaded = storage::loadClinicSettings(*database);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error().message, Catch::Contains("clinic.language") && Catch::Contains("klingon"));
}
