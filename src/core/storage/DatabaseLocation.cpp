#include "core/storage/DatabaseLocation.h"

#include "core/storage/PostgresUri.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <sys/stat.h>

namespace spinepath::storage {

namespace {

const QString kOrganisation = QStringLiteral("SpinePath");
const QString kApplication = QStringLiteral("SpinePath");
const QString kLocationKey = QStringLiteral("database/location");

// The settings of this user on this computer, whatever names the running
// program gave itself: the GUI and the CLI must read the same file.
QSettings computerSettings()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, kOrganisation, kApplication);
}

QString absolute(const QString& location)
{
    return isPostgresUri(location) ? location : QFileInfo(location).absoluteFilePath();
}

// The file exists and is 0600 before QSettings writes it: it rewrites the
// file through QSaveFile, which keeps the mode of the file it replaces.
bool makePrivate(const QString& path)
{
    if (!QFile::exists(path)) {
        if (!QDir().mkpath(QFileInfo(path).path()))
            return false;
        QFile create(path);
        if (!create.open(QIODevice::WriteOnly))
            return false;
    }
    return ::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR) == 0;
}

} // namespace

QString defaultDatabaseFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("spinepath.sqlite"));
}

DatabaseLocation resolveDatabaseLocation(const QString& commandLine)
{
    if (!commandLine.isEmpty())
        return {absolute(commandLine), LocationSource::CommandLine};
    if (const QString fromEnvironment = qEnvironmentVariable("SPINEPATH_DB"); !fromEnvironment.isEmpty())
        return {absolute(fromEnvironment), LocationSource::Environment};
    if (const QString saved = savedDatabaseLocation(); !saved.isEmpty())
        return {absolute(saved), LocationSource::ComputerSetting};
    return {defaultDatabaseFile(), LocationSource::Default};
}

QString savedDatabaseLocation()
{
    return computerSettings().value(kLocationKey).toString().trimmed();
}

QString databaseLocationSettingsFile()
{
    return computerSettings().fileName();
}

Result<void> saveDatabaseLocation(const QString& location)
{
    QString toSave = location.trimmed();
    if (isPostgresUri(toSave)) {
        auto uri = parsePostgresUri(toSave);
        if (!uri)
            return std::move(uri).error();
        toSave = uri->display();
    } else if (!toSave.isEmpty()) {
        toSave = QFileInfo(toSave).absoluteFilePath();
    }
    const QString file = databaseLocationSettingsFile();
    const auto failed = [&file] {
        return Error{ErrorKind::Io, "This computer's settings file " + file.toStdString() +
                                        " could not be written. Check that the folder belongs to this user "
                                        "and has space."};
    };
    if (!makePrivate(file))
        return failed();
    {
        QSettings settings = computerSettings();
        if (toSave.isEmpty())
            settings.remove(kLocationKey);
        else
            settings.setValue(kLocationKey, toSave);
        settings.sync();
        if (settings.status() != QSettings::NoError)
            return failed();
    }
    if (!makePrivate(file))
        return failed();
    return {};
}

} // namespace spinepath::storage
