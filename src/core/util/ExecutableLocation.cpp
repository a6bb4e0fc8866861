#include "core/util/ExecutableLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace spinepath {

QString executableDirectory()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    // Linux names the running executable here even when it was started
    // through a symbolic link or a relative path.
    const QFileInfo self(QStringLiteral("/proc/self/exe"));
    const QString target = self.canonicalFilePath();
    return target.isEmpty() ? QString() : QFileInfo(target).absolutePath();
}

bool runsFromBuildTree()
{
    const QString buildDir = QFileInfo(QStringLiteral(SPINEPATH_BUILD_DIR)).canonicalFilePath();
    const QString appDir = QFileInfo(executableDirectory()).canonicalFilePath();
    return !buildDir.isEmpty() && !appDir.isEmpty() &&
           (appDir == buildDir || appDir.startsWith(QString(buildDir + QLatin1Char('/'))));
}

} // namespace spinepath
