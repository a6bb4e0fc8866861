#include "core/util/ContentPaths.h"

#include "core/util/ExecutableLocation.h"

#include <QDir>
#include <QFileInfo>

namespace spinepath {

QString contentDirectory(const QString& explicitDirectory)
{
    if (!explicitDirectory.isEmpty())
        return QDir(explicitDirectory).absolutePath();

    const QString fromEnvironment = qEnvironmentVariable("SPINEPATH_CONTENT");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();

    const QString appDir = executableDirectory();
    const QString installed = appDir.isEmpty()
                                  ? QString()
                                  : QDir::cleanPath(appDir + QStringLiteral("/../share/spinepath/content"));
    if (!installed.isEmpty() && QFileInfo(installed).isDir())
        return installed;
    // A program that is not in its build folder must not read the sources:
    // it names the missing installed folder, so the error says what is wrong.
    if (appDir.isEmpty() || runsFromBuildTree())
        return QStringLiteral(SPINEPATH_SOURCE_CONTENT_DIR);
    return installed;
}

} // namespace spinepath
