#include "StorageTestSupport.h"

#include "core/storage/PrivateFiles.h"
#include "core/storage/Result.h"
#include "core/storage/StorageTime.h"

#include <QFileInfo>

using namespace storagetest;

TEST_CASE("Result holds a value or an error", "[storage]")
{
    storage::Result<int> good = 7;
    REQUIRE(good);
    CHECK(*good == 7);
    storage::Result<int> bad = storage::Error{storage::ErrorKind::DiskFull, "full"};
    REQUIRE_FALSE(bad);
    CHECK(bad.error().kind == storage::ErrorKind::DiskFull);
    storage::Result<void> done;
    CHECK(done.ok());
    storage::Result<void> failed = storage::Error{storage::ErrorKind::Locked, "locked"};
    CHECK_FALSE(failed.ok());
    CHECK(failed.error().message == "locked");
}

TEST_CASE("Storage times are UTC text that sorts in time order", "[storage]")
{
    const QDateTime time =
        QDateTime::fromString(QStringLiteral("2026-03-01T09:30:00.123+01:00"), Qt::ISODateWithMs);
    CHECK(storage::toStorageTime(time) == QStringLiteral("2026-03-01T08:30:00.123Z"));
    CHECK(storage::fromStorageTime(storage::toStorageTime(time)) == time);
    CHECK_FALSE(storage::fromStorageTime(QString()).isValid());
    CHECK_FALSE(storage::fromStorageTime(QStringLiteral("yesterday")).isValid());
    CHECK(storage::toStorageTime(time.addMSecs(1)) > storage::toStorageTime(time));
    CHECK(storage::fileStamp(time) == QStringLiteral("20260301T083000Z"));
}

TEST_CASE("Files are told apart by their first bytes", "[storage]")
{
    TempFolder folder;
    CHECK(storage::inspectFile(folder.file(QStringLiteral("none"))) == storage::FileState::Missing);
    writeBytes(folder.file(QStringLiteral("empty")), {});
    CHECK(storage::inspectFile(folder.file(QStringLiteral("empty"))) == storage::FileState::Empty);
    writeBytes(folder.file(QStringLiteral("text")), "hello");
    CHECK(storage::inspectFile(folder.file(QStringLiteral("text"))) == storage::FileState::NotSqlite);
    writeBytes(folder.file(QStringLiteral("db")), QByteArray("SQLite format 3\0rest", 20));
    CHECK(storage::inspectFile(folder.file(QStringLiteral("db"))) == storage::FileState::Sqlite);
}

TEST_CASE("Setting a database aside never replaces a file and takes its WAL along", "[storage]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    QStringList kept;
    for (int round = 0; round < 3; ++round) {
        const QByteArray body = "round " + QByteArray::number(round);
        writeBytes(path, body);
        writeBytes(storage::walPath(path), body + " wal");
        auto moved = storage::moveDatabaseAside(path, QStringLiteral("corrupt"));
        REQUIRE(moved);
        CHECK_FALSE(QFileInfo::exists(path));
        CHECK_FALSE(QFileInfo::exists(storage::walPath(path)));
        CHECK(fileBytes(*moved) == body);
        CHECK(fileBytes(storage::walPath(*moved)) == body + " wal");
        CHECK(permissionBits(*moved) == 0600);
        kept << *moved;
    }
    // Three rounds in the same second: three different names, all intact.
    CHECK(kept.removeDuplicates() == 0);
    for (int round = 0; round < 3; ++round)
        CHECK(fileBytes(kept[round]) == "round " + QByteArray::number(round));
}

TEST_CASE("Private folders are made with mode 0700; unusable ones are named in the message", "[storage]")
{
    TempFolder folder;
    const mode_t previous = ::umask(0);
    REQUIRE(storage::preparePrivateFolder(folder.file(QStringLiteral("a/b/c"))));
    ::umask(previous);
    CHECK(permissionBits(folder.file(QStringLiteral("a"))) == 0700);
    CHECK(permissionBits(folder.file(QStringLiteral("a/b/c"))) == 0700);

    writeBytes(folder.file(QStringLiteral("plain")), "x");
    auto blocked = storage::preparePrivateFolder(folder.file(QStringLiteral("plain/sub")));
    REQUIRE_FALSE(blocked);
    CHECK(blocked.error().kind == storage::ErrorKind::FolderUnusable);
    CHECK_THAT(blocked.error().message, Catch::Contains("plain/sub"));
}

TEST_CASE("A database whose file or folder another user owns or can write is refused, not used",
          "[storage][security]")
{
    ensureApplication();
    TempFolder folder;
    const mode_t previous = ::umask(0);
    SECTION("every folder made for a new database is 0700, at umask 000 too")
    {
        const QString path = folder.file(QStringLiteral("data/SpinePath/spinepath.sqlite"));
        {
            auto database = openOrFail(path);
            ::umask(previous);
            CHECK(permissionBits(folder.file(QStringLiteral("data"))) == 0700);
            CHECK(permissionBits(folder.file(QStringLiteral("data/SpinePath"))) == 0700);
            CHECK(permissionBits(path) == 0600);
        }
    }
    SECTION("a folder others can write")
    {
        const QString shared = folder.file(QStringLiteral("shared"));
        REQUIRE(QDir().mkpath(shared));
        REQUIRE(::chmod(QFile::encodeName(shared).constData(), 0777) == 0);
        const QString path = shared + QStringLiteral("/spinepath.sqlite");
        auto opened = storage::Database::open(optionsFor(path));
        ::umask(previous);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().kind == storage::ErrorKind::Exposed);
        CHECK_THAT(opened.error().message, Catch::Contains(shared.toStdString()) &&
                                               Catch::Contains("can be changed by other users") &&
                                               Catch::Contains("0777"));
        CHECK_FALSE(QFileInfo::exists(path)); // nothing made there
    }
    SECTION("a planted database file others can write, and one beside it for its WAL")
    {
        const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
        openOrFail(path).reset();
        for (const QString& planted : {path, storage::walPath(path)}) {
            writeBytes(planted, planted == path ? fileBytes(path) : QByteArray("wal"));
            REQUIRE(::chmod(QFile::encodeName(planted).constData(), 0666) == 0);
            const QByteArray before = fileBytes(planted);
            auto opened = storage::Database::open(optionsFor(path));
            REQUIRE_FALSE(opened);
            CHECK(opened.error().kind == storage::ErrorKind::Exposed);
            CHECK_THAT(opened.error().message, Catch::Contains(planted.toStdString()));
            storage::OpenOptions readOnly = optionsFor(path);
            readOnly.readOnly = true;
            CHECK(storage::Database::open(readOnly).error().kind == storage::ErrorKind::Exposed);
            CHECK(fileBytes(planted) == before);
            CHECK(permissionBits(planted) == 0666); // refused, not quietly "fixed" and used
            QFile::remove(storage::walPath(path));
            REQUIRE(::chmod(QFile::encodeName(path).constData(), 0600) == 0);
        }
        ::umask(previous);
    }
    SECTION("a database file another user owns (as root: a file handed to nobody)")
    {
        ::umask(previous);
        if (::geteuid() != 0) {
            WARN("not root: cannot give a file to another user; skipped");
            return;
        }
        const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
        openOrFail(path).reset();
        REQUIRE(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
        auto opened = storage::Database::open(optionsFor(path));
        REQUIRE_FALSE(opened);
        CHECK(opened.error().kind == storage::ErrorKind::Exposed);
        CHECK_THAT(opened.error().message, Catch::Contains("belongs to another user account"));
    }
    ::umask(previous);
}
