#include "core/storage/SqlError.h"

namespace spinepath::storage {

namespace {

// SQLite's primary result codes (sqlite3.h); the driver reports them, or the
// extended codes whose low byte is the primary one, as nativeErrorCode().
enum SqliteCode : int
{
    kBusy = 5,
    kLocked = 6,
    kReadOnly = 8,
    kIoError = 10,
    kCorrupt = 11,
    kFull = 13,
    kCantOpen = 14,
    kNotADatabase = 26,
    // Extended codes (Qt switches them on).
    kIoErrorWrite = kIoError | (3 << 8),
    kIoErrorFsync = kIoError | (4 << 8),
};

} // namespace

ErrorKind classify(const QSqlError& error)
{
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber);
    if (isNumber) {
        switch (code & 0xff) {
        case kBusy:
        case kLocked:
            return ErrorKind::Locked;
        case kReadOnly:
            return ErrorKind::ReadOnly;
        case kCorrupt:
        case kNotADatabase:
            return ErrorKind::Corrupt;
        case kFull:
            return ErrorKind::DiskFull;
        case kCantOpen:
        case kIoError:
            return ErrorKind::Io;
        default:
            break;
        }
    }
    // Some driver paths report no code; SQLite's own messages are stable.
    const QString text = error.databaseText();
    if (text.contains(QStringLiteral("database is locked")) || text.contains(QStringLiteral("is busy")))
        return ErrorKind::Locked;
    if (text.contains(QStringLiteral("readonly")) || text.contains(QStringLiteral("read-only")))
        return ErrorKind::ReadOnly;
    if (text.contains(QStringLiteral("disk is full")))
        return ErrorKind::DiskFull;
    if (text.contains(QStringLiteral("malformed")) || text.contains(QStringLiteral("not a database")))
        return ErrorKind::Corrupt;
    return ErrorKind::Io;
}

Error describe(ErrorKind kind, const QString& databasePath, std::string_view action, const QString& detail)
{
    const std::string path = databasePath.toStdString();
    std::string message = "SpinePath could not " + std::string(action);
    switch (kind) {
    case ErrorKind::Locked:
        message += " because the database " + path +
                   " is in use by another program (another SpinePath window, a backup or a sync tool may "
                   "have it open). Close that program and try again.";
        break;
    case ErrorKind::ReadOnly:
        message += " because the database " + path +
                   " or its folder is read-only. Ask your IT contact to make it writable.";
        break;
    case ErrorKind::DiskFull:
        message +=
            " because the disk holding the database " + path + " is full. Free some space and try again.";
        break;
    case ErrorKind::Corrupt:
        message += " because the database " + path +
                   " is damaged. Restart SpinePath: it sets a damaged file aside and starts a new one.";
        break;
    case ErrorKind::FolderUnusable:
        message += " because the folder of the database " + path + " cannot be used.";
        break;
    default:
        message += " (database " + path + ").";
        break;
    }
    if (!detail.isEmpty())
        message += " Details: " + detail.toStdString();
    return Error{kind, std::move(message)};
}

Error describe(const QSqlError& error, const QString& databasePath, std::string_view action)
{
    const ErrorKind kind = classify(error);
    // A write or sync the file system refused. A full disk (ENOSPC) reaches
    // SQLite as SQLITE_FULL, but a file grown past the largest size the file
    // system or the account allows (EFBIG: 4 GiB on a FAT32 stick, a quota,
    // RLIMIT_FSIZE) and a failing disk arrive as SQLITE_IOERR_WRITE or
    // _FSYNC, which "disk I/O error" alone would not explain (found by the
    // storage fault tests).
    const int code = error.nativeErrorCode().toInt();
    if (kind == ErrorKind::Io && (code == kIoErrorWrite || code == kIoErrorFsync))
        return Error{ErrorKind::Io,
                     "SpinePath could not " + std::string(action) +
                         " because the disk holding the database " + databasePath.toStdString() +
                         " refused to store more: it may be full, or the file may have reached the largest "
                         "size this disk or this account allows. Free some space and try again; if that does "
                         "not help, ask your IT contact to check the disk. Details: " +
                         error.text().trimmed().toStdString()};
    // The driver's text only helps with the unusual errors; the common ones
    // are fully described.
    const QString detail = kind == ErrorKind::Io ? error.text().trimmed() : QString();
    return describe(kind, databasePath, action, detail);
}

Error describeServer(const QSqlError& error, const QString& server, std::string_view action)
{
    // SQLSTATE: the class (first two characters) says what kind of problem.
    const QString state = error.nativeErrorCode();
    const QString text = error.text().trimmed();
    const std::string where = server.toStdString();
    std::string message = "SpinePath could not " + std::string(action);
    ErrorKind kind = ErrorKind::Io;
    if (state.startsWith(QStringLiteral("08")) || state.isEmpty()) {
        // No SQLSTATE: libpq could not connect at all (host down, refused,
        // no password). Its own words say which.
        if (text.contains(QStringLiteral("no password supplied")) ||
            text.contains(QStringLiteral("password authentication failed"))) {
            message += " because the database server " + where +
                       " asks for a password: put it in ~/.pgpass (or the file PGPASSFILE names), or let "
                       "SpinePath ask for it.";
            return Error{ErrorKind::PasswordNeeded, std::move(message)};
        }
        kind = ErrorKind::Unreachable;
        message += " because the database server " + where +
                   " cannot be reached. Check the network and that the server is running.";
    } else if (state.startsWith(QStringLiteral("57P"))) {
        // Shut down, restarting, or the connection was ended by an administrator.
        kind = ErrorKind::Unreachable;
        message += " because the database server " + where +
                   " stopped or ended the connection. Check that the server is running.";
    } else if (state == QStringLiteral("53100")) {
        kind = ErrorKind::DiskFull;
        message += " because the disk of the database server " + where + " is full.";
    } else if (state == QStringLiteral("25006")) {
        kind = ErrorKind::ReadOnly;
        message += " because the connection to " + where + " is read-only.";
    } else if (state == QStringLiteral("42501")) {
        kind = ErrorKind::InvalidArgument;
        message += " because the database role of this computer is not allowed to do that (" + where + ").";
    } else if (state == QStringLiteral("40001") || state == QStringLiteral("40P01") ||
               state == QStringLiteral("55P03")) {
        kind = ErrorKind::Locked;
        message += " because another computer was changing the same data at that moment. Try again.";
    } else if (state.startsWith(QStringLiteral("XX"))) {
        kind = ErrorKind::Corrupt;
        message += " because the database server " + where + " reports damaged data. Ask your IT contact.";
    } else {
        message += " (database server " + where + ").";
    }
    if ((kind == ErrorKind::Io || kind == ErrorKind::Unreachable) && !text.isEmpty())
        message += " Details: " + text.toStdString();
    return Error{kind, std::move(message)};
}

} // namespace spinepath::storage
