#include "common/StaffFileChooser.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

#include <sys/stat.h>

namespace spinepath::ui {

namespace {

StaffFileChooser::Provider& provider()
{
    static StaffFileChooser::Provider instance;
    return instance;
}

// The file QFileDialog keeps its state in: QSettings "QtProject", user scope.
QString dialogStateFile()
{
    return QSettings(QSettings::UserScope, QStringLiteral("QtProject")).fileName();
}

// Mode 0600, created empty if missing: QSettings rewrites the file through
// QSaveFile, which keeps the mode of the file it replaces.
void makeDialogStatePrivate()
{
    const QString path = dialogStateFile();
    if (!QFile::exists(path)) {
        QDir().mkpath(QFileInfo(path).path());
        QFile create(path);
        if (!create.open(QIODevice::WriteOnly))
            return;
    }
    if (::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR) != 0)
        spdlog::warn("the file dialog's settings file could not be made private");
}

} // namespace

QString StaffFileChooser::saveFileName(QWidget* parent, const QString& title, const QString& suggestedName,
                                       const QString& filter, QString* selectedFilter)
{
    if (provider())
        return provider()(suggestedName);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    makeDialogStatePrivate();
    const QString path = QFileDialog::getSaveFileName(parent, title, QDir(folder).filePath(suggestedName),
                                                      filter, selectedFilter);
    forgetDialogHistory();
    return path;
}

void StaffFileChooser::forgetDialogHistory()
{
    makeDialogStatePrivate();
    {
        QSettings settings(QSettings::UserScope, QStringLiteral("QtProject"));
        settings.beginGroup(QStringLiteral("FileDialog"));
        settings.remove(QStringLiteral("history"));
        settings.remove(QStringLiteral("lastVisited"));
        settings.endGroup();
        settings.sync();
    }
    makeDialogStatePrivate();
}

void StaffFileChooser::setProviderForTesting(Provider replacement)
{
    provider() = std::move(replacement);
}

} // namespace spinepath::ui
