#pragma once

#include "core/storage/Result.h"

#include <QString>

#include <sys/types.h>

namespace spinepath::storage {

// The database holds health information on what may be a shared clinic
// machine, so every file it writes is readable by its owner only.
inline constexpr mode_t kPrivateFileMode = 0600;
inline constexpr mode_t kPrivateFolderMode = 0700;

// Sets umask 077 for its lifetime, so files that SQLite or a copy creates are
// private from their first byte, not only after a later chmod.
class PrivateUmask final
{
public:
    PrivateUmask();
    ~PrivateUmask();
    PrivateUmask(const PrivateUmask&) = delete;
    PrivateUmask& operator=(const PrivateUmask&) = delete;

private:
    mode_t m_previous;
};

// What is at a database path before it is opened.
enum class FileState
{
    Missing,
    Empty,    // zero bytes: SQLite treats it as a new database
    Sqlite,   // starts with the SQLite header
    NotSqlite // anything else: another file was given, or the header was destroyed
};
[[nodiscard]] FileState inspectFile(const QString& path);

// Whether this process may write the file or folder. access() would answer
// for the real user id; this answers for the effective one, which is what
// opening the file will meet.
[[nodiscard]] bool isWritableByUs(const QString& path);

// The database file and the two files SQLite keeps beside it in WAL mode.
[[nodiscard]] QString walPath(const QString& databasePath);
[[nodiscard]] QString shmPath(const QString& databasePath);

// Makes the folder (and its parents) if needed, new folders with mode 0700,
// and checks that files can be created in it. Errors are FolderUnusable.
[[nodiscard]] Result<void> preparePrivateFolder(const QString& folder);

// Refuses (Exposed) a database that another local user could have planted
// or could change: its folder, or the file, its -wal or its -shm, owned by
// another user or writable by group or others. SpinePath would otherwise
// save the next patient's answers into a file someone else controls.
[[nodiscard]] Result<void> checkNotExposed(const QString& databasePath);

// chmod 0600 on the database, -wal and -shm files that exist. Returns false if
// one of them could not be changed (not fatal: reported in the log).
bool makeDatabaseFilesPrivate(const QString& databasePath);

// Copies the database file and its -wal (when there is one) into `folder`
// as "<name>" and "<name>-wal", mode 0600, and returns the copy's path. The
// copy is taken again (a few times) if either file changed while it was
// copied, so it is one consistent state even while another program writes.
// Reading the copy instead of the file leaves the file, its -wal and its
// -shm exactly as they were: even a read-only SQLite connection writes its
// read marks into the -shm file (or creates it).
[[nodiscard]] Result<QString> copyDatabaseForReading(const QString& databasePath, const QString& folder);

// Renames the database and its -wal/-shm files to "<path>.<label>-<stamp>"
// (plus "-wal"/"-shm"), never replacing an existing file: a number is added
// when the name is taken. Returns the new name of the database file.
[[nodiscard]] Result<QString> moveDatabaseAside(const QString& databasePath, const QString& label);

} // namespace spinepath::storage
