// Where the database is named: --db, SPINEPATH_DB, this computer's setting
// (QSettings, kept outside the database), the default file.
#include "StorageTestSupport.h"

#include "core/storage/Database.h"
#include "core/storage/DatabaseLocation.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>

using namespace storagetest;
using storage::LocationSource;

namespace {

// This computer's settings in a folder of the test's own, never the user's.
struct PrivateSettings
{
    TempFolder folder;
    PrivateSettings()
    {
        ensureApplication();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder.path());
        qunsetenv("SPINEPATH_DB");
    }
    ~PrivateSettings() { qunsetenv("SPINEPATH_DB"); }
    PrivateSettings(const PrivateSettings&) = delete;
    PrivateSettings& operator=(const PrivateSettings&) = delete;
};

QByteArray contents(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace

TEST_CASE("The database comes from --db, then SPINEPATH_DB, then this computer's setting, then the default",
          "[location]")
{
    PrivateSettings settings;
    TempFolder folder;

    // Nothing given: the default file, as on a single computer.
    auto where = storage::resolveDatabaseLocation();
    CHECK(where.source == LocationSource::Default);
    CHECK(where.location == storage::defaultDatabaseFile());
    CHECK(where.location.endsWith(QStringLiteral("/spinepath.sqlite")));
    CHECK(storage::savedDatabaseLocation().isEmpty());

    // This computer's setting, in a file of its own, readable by this user only.
    const QString fromSetting = folder.file(QStringLiteral("setting.sqlite"));
    REQUIRE(storage::saveDatabaseLocation(fromSetting));
    CHECK(storage::savedDatabaseLocation() == fromSetting);
    where = storage::resolveDatabaseLocation();
    CHECK(where.source == LocationSource::ComputerSetting);
    CHECK(where.location == fromSetting);
    CHECK(storage::defaultDatabasePath() == fromSetting);
    CHECK(storage::databaseLocationSettingsFile().startsWith(settings.folder.path()));
    CHECK(permissionBits(storage::databaseLocationSettingsFile()) == 0600);
    // What opens with no path given is the setting's (the CLI's default too).
    {
        auto database = openOrFail(storage::OpenOptions{});
        CHECK(database->path() == fromSetting);
    }

    // SPINEPATH_DB comes before it.
    const QString fromEnvironment = folder.file(QStringLiteral("env.sqlite"));
    qputenv("SPINEPATH_DB", QFile::encodeName(fromEnvironment));
    where = storage::resolveDatabaseLocation();
    CHECK(where.source == LocationSource::Environment);
    CHECK(where.location == fromEnvironment);

    // --db comes first of all; a URI is kept as given.
    const QString server =
        QStringLiteral("postgresql://staff@db.clinic.example/spinepath?sslmode=verify-full");
    where = storage::resolveDatabaseLocation(server);
    CHECK(where.source == LocationSource::CommandLine);
    CHECK(where.location == server);
    where = storage::resolveDatabaseLocation(QStringLiteral("relative.sqlite"));
    CHECK(where.location == QFileInfo(QStringLiteral("relative.sqlite")).absoluteFilePath());

    // Forgotten: the default again.
    qunsetenv("SPINEPATH_DB");
    REQUIRE(storage::saveDatabaseLocation(QString()));
    CHECK(storage::savedDatabaseLocation().isEmpty());
    CHECK(storage::resolveDatabaseLocation().source == LocationSource::Default);
    CHECK(permissionBits(storage::databaseLocationSettingsFile()) == 0600);
}

TEST_CASE("This computer's setting never holds a password", "[location]")
{
    PrivateSettings settings;
    auto refused =
        storage::saveDatabaseLocation(QStringLiteral("postgresql://staff:hunter2@db.example/spinepath"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == storage::ErrorKind::InvalidArgument);
    CHECK(refused.error().message.find("holds a password") != std::string::npos);
    CHECK(refused.error().message.find("hunter2") == std::string::npos);
    CHECK(storage::savedDatabaseLocation().isEmpty());
    if (QFile::exists(storage::databaseLocationSettingsFile()))
        CHECK_FALSE(contents(storage::databaseLocationSettingsFile()).contains("hunter2"));

    // A good URI is saved as SpinePath writes it.
    REQUIRE(storage::saveDatabaseLocation(QStringLiteral("postgres://staff@db.example:5433/spinepath")));
    CHECK(storage::savedDatabaseLocation() == QStringLiteral("postgresql://staff@db.example:5433/spinepath"));
    CHECK(storage::resolveDatabaseLocation().location ==
          QStringLiteral("postgresql://staff@db.example:5433/spinepath"));
}
