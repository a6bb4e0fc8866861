#include "StorageTestSupport.h"

#include "core/storage/AuditLog.h"
#include "core/storage/Settings.h"

using namespace storagetest;
using storage::Settings;

TEST_CASE("Settings are stored as text and read back typed", "[settings]")
{
    TempFolder folder;
    const QString path = folder.database();
    {
        auto database = openOrFail(path);
        Settings settings(*database, "staff:lee");
        CHECK_FALSE(settings.text("clinic.name")->has_value());
        CHECK(*settings.integer(Settings::kRetentionDays, 42) == 42);
        CHECK(*settings.boolean("kiosk.large_text", true));

        REQUIRE(settings.setText("clinic.name", "Example Spine Clinic"));
        REQUIRE(settings.setInteger(Settings::kRetentionDays, 3650));
        REQUIRE(settings.setBoolean("kiosk.large_text", false));
        REQUIRE(settings.setInteger(Settings::kRetentionDays, 730)); // replaces
    }
    auto database = openOrFail(path);
    Settings settings(*database, "staff:lee");
    CHECK(**settings.text("clinic.name") == "Example Spine Clinic");
    CHECK(*settings.integer(Settings::kRetentionDays, 0) == 730);
    CHECK_FALSE(*settings.boolean("kiosk.large_text", true));

    REQUIRE(settings.remove("clinic.name"));
    CHECK_FALSE(settings.text("clinic.name")->has_value());
}

TEST_CASE("A stored value of the wrong type is an error, not a guess", "[settings]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    Settings settings(*database, "staff");
    REQUIRE(settings.setText(Settings::kRetentionDays, "ten years"));
    auto days = settings.integer(Settings::kRetentionDays, 0);
    REQUIRE_FALSE(days);
    CHECK(days.error().kind == storage::ErrorKind::InvalidArgument);
    CHECK_THAT(days.error().message,
               Catch::Contains("retention.days") && Catch::Contains("not a whole number"));
    REQUIRE(settings.setText("kiosk.large_text", "yes"));
    CHECK_FALSE(settings.boolean("kiosk.large_text", false));
}

TEST_CASE("Changing a setting is audited by key, without the value", "[settings]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    REQUIRE(Settings(*database, "staff:lee").setText("clinic.phone", "555-0123"));
    auto entries = storage::AuditLog(*database).list();
    REQUIRE(entries);
    REQUIRE(entries->size() == 1);
    CHECK(entries->at(0).action == storage::audit::kSettingChanged);
    CHECK(entries->at(0).actor == "staff:lee");
    CHECK(entries->at(0).detail == "clinic.phone");
}
