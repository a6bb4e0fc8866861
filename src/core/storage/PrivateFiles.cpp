#include "core/storage/PrivateFiles.h"

#include "core/storage/StorageTime.h"
#include "core/util/PrivateFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <spdlog/spdlog.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spinepath::storage {

namespace {

QByteArray native(const QString& path)
{
    return QFile::encodeName(path);
}

std::string errnoText(int error)
{
    return std::strerror(error);
}

bool exists(const QString& path)
{
    struct stat info
    {
    };
    return ::lstat(native(path).constData(), &info) == 0;
}

// rename() that fails instead of replacing an existing file. link + unlink is
// the fallback for file systems without RENAME_NOREPLACE.
int renameNoReplace(const QString& from, const QString& to)
{
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, native(from).constData(), AT_FDCWD, native(to).constData(), RENAME_NOREPLACE) ==
        0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
#endif
    if (::link(native(from).constData(), native(to).constData()) != 0)
        return -1;
    return ::unlink(native(from).constData());
}

} // namespace

PrivateUmask::PrivateUmask()
    : m_previous(::umask(077))
{}

PrivateUmask::~PrivateUmask()
{
    ::umask(m_previous);
}

FileState inspectFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return FileState::Missing;
    if (file.size() == 0)
        return FileState::Empty;
    if (!file.open(QIODevice::ReadOnly))
        return FileState::Sqlite;                        // unreadable: let SQLite report why
    static constexpr char kHeader[] = "SQLite format 3"; // 16 bytes with its NUL
    const QByteArray head = file.read(sizeof kHeader);
    return head == QByteArray(kHeader, sizeof kHeader) ? FileState::Sqlite : FileState::NotSqlite;
}

bool isWritableByUs(const QString& path)
{
    return ::faccessat(AT_FDCWD, native(path).constData(), W_OK, AT_EACCESS) == 0;
}

QString walPath(const QString& databasePath)
{
    return databasePath + QStringLiteral("-wal");
}

QString shmPath(const QString& databasePath)
{
    return databasePath + QStringLiteral("-shm");
}

Result<void> preparePrivateFolder(const QString& folder)
{
    const QString absolute = QDir(folder).absolutePath();
    QString part;
    if (const int error = makePrivateFolders(absolute, &part); error != 0)
        return Error{ErrorKind::FolderUnusable,
                     "SpinePath cannot create the folder " + part.toStdString() + " for its database (" +
                         errnoText(error) +
                         "). Choose another place with --db FILE or SPINEPATH_DB, or ask your IT "
                         "contact to give this user access."};
    if (!QFileInfo(absolute).isDir())
        return Error{ErrorKind::FolderUnusable, "SpinePath cannot keep its database in " +
                                                    absolute.toStdString() + " because it is not a folder."};
    if (::faccessat(AT_FDCWD, native(absolute).constData(), W_OK | X_OK, AT_EACCESS) != 0) {
        const int error = errno;
        return Error{ErrorKind::FolderUnusable,
                     "SpinePath cannot write in the folder " + absolute.toStdString() + " (" +
                         errnoText(error) +
                         "), so it cannot keep its database there. Choose another place with --db FILE "
                         "or SPINEPATH_DB, or ask your IT contact to give this user write access."};
    }
    return {};
}

Result<void> checkNotExposed(const QString& databasePath)
{
    const QString folder = QFileInfo(databasePath).absolutePath();
    const std::string advice =
        " Choose a private place with --db FILE or SPINEPATH_DB, or ask your IT contact "
        "to check how it came to be so. SpinePath has not used it.";
    for (const QString& path : {folder, databasePath, walPath(databasePath), shmPath(databasePath)}) {
        struct stat info
        {
        };
        if (::stat(native(path).constData(), &info) != 0)
            continue; // absent: SpinePath makes it private
        const std::string what = (path == folder ? "the folder " : "the file ") + path.toStdString();
        if (info.st_uid != ::geteuid())
            return Error{ErrorKind::Exposed,
                         "SpinePath will not use the database " + databasePath.toStdString() + ": " + what +
                             " belongs to another user account (user id " + std::to_string(info.st_uid) +
                             "), who could have put it there and could read what is saved in it." + advice};
        if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
            char mode[8];
            std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
            return Error{ErrorKind::Exposed,
                         "SpinePath will not use the database " + databasePath.toStdString() + ": " + what +
                             " can be changed by other users of this computer (mode " + mode +
                             "), who could replace the database or read what is saved in it." + advice};
        }
    }
    return {};
}

bool makeDatabaseFilesPrivate(const QString& databasePath)
{
    bool allPrivate = true;
    for (const QString& path : {databasePath, walPath(databasePath), shmPath(databasePath)}) {
        if (::chmod(native(path).constData(), kPrivateFileMode) != 0 && errno != ENOENT) {
            spdlog::warn("Cannot make a database file private (mode 0600): {}", errnoText(errno));
            allPrivate = false;
        }
    }
    return allPrivate;
}

namespace {

// Size and change time: what a write to the file would alter.
struct FileVersion
{
    bool exists = false;
    off_t size = 0;
    timespec changed{};
    bool operator==(const FileVersion& other) const
    {
        return exists == other.exists && size == other.size && changed.tv_sec == other.changed.tv_sec &&
               changed.tv_nsec == other.changed.tv_nsec;
    }
};

FileVersion versionOf(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(native(path).constData(), &info) != 0)
        return {};
    return {true, info.st_size, info.st_mtim};
}

bool copyPrivately(const QString& from, const QString& to)
{
    QFile::remove(to);
    const PrivateUmask privateFiles;
    return QFile::copy(from, to) && ::chmod(native(to).constData(), kPrivateFileMode) == 0;
}

} // namespace

Result<QString> copyDatabaseForReading(const QString& databasePath, const QString& folder)
{
    constexpr int kAttempts = 5;
    const QString copy = QDir(folder).filePath(QFileInfo(databasePath).fileName());
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const FileVersion file = versionOf(databasePath);
        const FileVersion wal = versionOf(walPath(databasePath));
        if (!copyPrivately(databasePath, copy) ||
            (wal.exists && !copyPrivately(walPath(databasePath), walPath(copy))))
            return Error{ErrorKind::Io, "SpinePath cannot read the database " + databasePath.toStdString() +
                                            " without changing it: copying it to " + folder.toStdString() +
                                            " failed."};
        if (versionOf(databasePath) == file && versionOf(walPath(databasePath)) == wal)
            return copy;
        QFile::remove(walPath(copy));
    }
    return Error{ErrorKind::Locked, "The database " + databasePath.toStdString() +
                                        " kept changing while SpinePath read it (another program is writing "
                                        "to it). Try again in a moment."};
}

Result<QString> moveDatabaseAside(const QString& databasePath, const QString& label)
{
    const QString stem = databasePath + u'.' + label + u'-' + fileStamp();
    QString target = stem;
    for (int n = 2; exists(target) || exists(walPath(target)) || exists(shmPath(target)); ++n)
        target = stem + u'-' + QString::number(n);

    // The -wal file may hold committed data that belongs to this file, so it
    // travels with it. It goes first: a fresh database must never find the old
    // WAL beside it.
    const std::array<std::pair<QString, QString>, 3> moves{{
        {walPath(databasePath), walPath(target)},
        {shmPath(databasePath), shmPath(target)},
        {databasePath, target},
    }};
    for (const auto& [from, to] : moves) {
        if (!exists(from))
            continue;
        if (renameNoReplace(from, to) != 0) {
            const int error = errno;
            return Error{ErrorKind::Io, "SpinePath could not set the damaged database " +
                                            databasePath.toStdString() + " aside as " + to.toStdString() +
                                            " (" + errnoText(error) +
                                            "). Nothing was deleted; move the file away by hand."};
        }
        ::chmod(native(to).constData(), kPrivateFileMode);
    }
    return target;
}

} // namespace spinepath::storage
