#include "core/util/PrivateFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>

#include <sys/stat.h>

namespace spinepath {

int makePrivateFolders(const QString& path, QString* failedAt)
{
    constexpr mode_t kFolderMode = 0700;
    const QString absolute = QDir(path).absolutePath();
    QStringList missing;
    for (QString current = absolute;; current = QFileInfo(current).path()) {
        struct stat info
        {
        };
        if (::lstat(QFile::encodeName(current).constData(), &info) == 0)
            break;
        missing.prepend(current);
        if (current == QFileInfo(current).path())
            break;
    }
    for (const QString& folder : missing) {
        const QByteArray name = QFile::encodeName(folder);
        // mkdir applies the umask to its mode; chmod then sets exactly 0700
        // (only on a folder made here: one made meanwhile by another
        // process is not ours to change).
        if (::mkdir(name.constData(), kFolderMode) != 0) {
            if (errno == EEXIST)
                continue;
            const int error = errno;
            if (failedAt)
                *failedAt = folder;
            return error;
        }
        if (::chmod(name.constData(), kFolderMode) != 0) {
            const int error = errno;
            if (failedAt)
                *failedAt = folder;
            return error;
        }
    }
    return 0;
}

} // namespace spinepath
