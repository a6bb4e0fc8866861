#pragma once

#include "core/storage/Result.h"

#include <QString>

namespace spinepath::storage {

// Where the name of the database this program opens came from, the first
// that gives one winning: the command line (`--db`), the environment
// (SPINEPATH_DB), this computer's setting (saveDatabaseLocation), else the
// default file in the app's data folder.
enum class LocationSource
{
    CommandLine,
    Environment,
    ComputerSetting,
    Default,
};

struct DatabaseLocation
{
    // An absolute file path, or a PostgreSQL URI (which holds no password).
    QString location;
    LocationSource source = LocationSource::Default;
};

// The database to open: `commandLine` (the value of --db; empty when not
// given), else SPINEPATH_DB, else this computer's setting, else
// defaultDatabaseFile(). A file is made absolute; a URI is kept as given.
[[nodiscard]] DatabaseLocation resolveDatabaseLocation(const QString& commandLine = {});

// spinepath.sqlite in QStandardPaths::AppDataLocation: a single computer
// needs no set-up at all.
[[nodiscard]] QString defaultDatabaseFile();

// This computer's setting: where its database is (a file, or a clinic's
// server). It cannot live in the database it points to, so it is kept in
// QSettings of organisation and application "SpinePath", user scope
// (~/.config/SpinePath/SpinePath.conf on Linux). Empty when none is saved.
[[nodiscard]] QString savedDatabaseLocation();

// Saves this computer's setting, or forgets it when `location` is empty (the
// default file again). A URI must parse (parsePostgresUri: a password in it
// is refused, so none is ever written) and is saved as it displays; a file is
// saved as an absolute path. The settings file is made 0600. Nothing is
// opened here: callers check the database first.
[[nodiscard]] Result<void> saveDatabaseLocation(const QString& location);

// The file this computer's setting is kept in.
[[nodiscard]] QString databaseLocationSettingsFile();

} // namespace spinepath::storage
