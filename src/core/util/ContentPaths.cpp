#include "core/util/ContentPaths.h"

#include <QCoreApplication>
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

    if (QCoreApplication::instance()) {
        const QString installed =
            QCoreApplication::applicationDirPath() + QStringLiteral("/../share/spinepath/content");
        if (QFileInfo(installed).isDir())
            return QDir(installed).absolutePath();
    }
    return QStringLiteral(SPINEPATH_SOURCE_CONTENT_DIR);
}

} // namespace spinepath
