#include "StorageTestSupport.h"

#include "core/storage/Database.h"

#include <QDir>
#include <QFileInfo>

using namespace storagetest;
using storage::Database;
using storage::ErrorKind;
using storage::Notice;

namespace {

// Files of the folder whose name contains `part` (set-aside copies, backups).
QStringList filesLike(const TempFolder& folder, const QString& part)
{
    QStringList found;
    for (const QString& name : QDir(folder.path()).entryList(QDir::Files))
        if (name.contains(part))
            found << folder.file(name);
    return found;
}

// A database holding `count` completed assessments; closed again.
void fillDatabase(const QString& path, int count)
{
    auto database = openOrFail(path);
    AssessmentStore store(*database, "test");
    std::vector<storage::CompletedAssessment> batch;
    for (int i = 0; i < count; ++i)
        batch.push_back(completed("Patient Number" + std::to_string(i)));
    REQUIRE(store.lifecycle.storeCompleted(batch));
}

bool hasNotice(const Database& database, Notice::Kind kind)
{
    for (const Notice& notice : database.notices())
        if (notice.kind == kind)
            return true;
    return false;
}

} // namespace

TEST_CASE("A new database is a private WAL file at the current schema version", "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("nested/folder/spinepath.sqlite"));
    // A permissive umask must not leak into any of the files.
    const mode_t previous = ::umask(0);
    auto database = openOrFail(path);
    ::umask(previous);

    CHECK(database->path() == path);
    CHECK(database->schemaVersion() == Database::kSchemaVersion);
    REQUIRE(database->notices().size() == 1);
    CHECK(database->notices()[0].kind == Notice::Kind::Created);

    CHECK(scalar(*database, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(scalar(*database, QStringLiteral("PRAGMA synchronous")).toInt() == 2); // FULL
    CHECK(scalar(*database, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(scalar(*database, QStringLiteral("PRAGMA secure_delete")).toInt() == 1);
    CHECK(scalar(*database, QStringLiteral("PRAGMA busy_timeout")).toInt() == 5000);
    CHECK(scalar(*database, QStringLiteral("PRAGMA user_version")).toInt() == Database::kSchemaVersion);

    CHECK(permissionBits(path) == 0600);
    CHECK(permissionBits(path + QStringLiteral("-wal")) == 0600);
    CHECK(permissionBits(path + QStringLiteral("-shm")) == 0600);
    CHECK(permissionBits(folder.file(QStringLiteral("nested/folder"))) == 0700);
    CHECK(permissionBits(folder.file(QStringLiteral("nested"))) == 0700);
    CHECK(database->check());
}

TEST_CASE("The database path comes from the option, then SPINEPATH_DB, then the app data folder",
          "[database]")
{
    ensureApplication();
    TempFolder folder;
    const QString fromEnvironment = folder.file(QStringLiteral("env.sqlite"));
    qputenv("SPINEPATH_DB", QFile::encodeName(fromEnvironment));
    CHECK(storage::defaultDatabasePath() == fromEnvironment);
    auto database = openOrFail(storage::OpenOptions{});
    CHECK(database->path() == fromEnvironment);
    CHECK(QFileInfo::exists(fromEnvironment));
    qunsetenv("SPINEPATH_DB");
    CHECK(storage::defaultDatabasePath().endsWith(QStringLiteral("/spinepath.sqlite")));
}

TEST_CASE("A database from a newer SpinePath is refused and left untouched", "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("newer.sqlite"));
    {
        auto database = openOrFail(path);
        sql(*database, QStringLiteral("PRAGMA user_version = 99"));
    }
    const auto before = snapshot(folder.path());
    auto opened = Database::open(optionsFor(path));
    REQUIRE_FALSE(opened);
    CHECK(opened.error().kind == ErrorKind::NewerVersion);
    CHECK_THAT(opened.error().message, Catch::Contains("newer version of SpinePath") &&
                                           Catch::Contains("99") && Catch::Contains("has not been changed"));
    CHECK(snapshot(folder.path()) == before);
}

TEST_CASE("Another program's SQLite database is refused and left untouched", "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("other.sqlite"));
    {
        OtherConnection other(path);
        other.exec(QStringLiteral("CREATE TABLE recipes (name TEXT)"));
    }
    const auto before = snapshot(folder.path());
    auto opened = Database::open(optionsFor(path));
    REQUIRE_FALSE(opened);
    CHECK(opened.error().kind == ErrorKind::NotOurs);
    CHECK_THAT(opened.error().message, Catch::Contains("another program"));
    CHECK(snapshot(folder.path()) == before);
}

TEST_CASE("A file that is not SQLite is set aside unchanged and a new database started", "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    const QByteArray text("These are a clinician's shopping notes, not a database.\n");
    writeBytes(path, text);

    auto database = openOrFail(path);
    REQUIRE(hasNotice(*database, Notice::Kind::SetAside));
    const Notice& notice = database->notices()[0];
    CHECK_THAT(notice.message,
               Catch::Contains("not an SQLite database") && Catch::Contains("kept unchanged as"));
    CHECK(notice.file.startsWith(path + QStringLiteral(".corrupt-")));
    CHECK(fileBytes(notice.file) == text);
    CHECK(permissionBits(notice.file) == 0600);
    CHECK(database->schemaVersion() == Database::kSchemaVersion);
    CHECK(database->check());
}

TEST_CASE("A damaged database is set aside with its WAL, never overwritten, and a new one started",
          "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    QStringList kept;
    for (int round = 0; round < 2; ++round) {
        fillDatabase(path, 40);
        QByteArray bytes = fileBytes(path);
        REQUIRE(bytes.size() > 8 * 4096);
        // Scribble over the b-tree pages after the first: the header stays
        // valid, so only the integrity check can tell.
        for (qsizetype i = 4096; i < bytes.size(); i += 3)
            bytes[i] = char(0xA5);
        writeBytes(path, bytes);

        auto database = openOrFail(path);
        REQUIRE(hasNotice(*database, Notice::Kind::SetAside));
        const Notice& notice = database->notices()[0];
        CHECK_THAT(notice.message, Catch::Contains("is damaged") && Catch::Contains("new, empty database"));
        CHECK(fileBytes(notice.file) == bytes);
        kept << notice.file;
        AssessmentStore store(*database, "test");
        CHECK(*store.queries.count() == 0);
    }
    // Both rounds ran within a second or two: the second copy got its own name.
    CHECK(kept[0] != kept[1]);
    CHECK(filesLike(folder, QStringLiteral(".corrupt-")).size() >= 2);
}

TEST_CASE("A truncated database is set aside and a new one started", "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    fillDatabase(path, 60);
    const QByteArray truncated = fileBytes(path).left(fileBytes(path).size() / 2);
    writeBytes(path, truncated);

    auto database = openOrFail(path);
    REQUIRE(hasNotice(*database, Notice::Kind::SetAside));
    CHECK(fileBytes(database->notices()[0].file) == truncated);
    CHECK(database->check());
}

TEST_CASE("Read-only opening reports damage and changes nothing", "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    fillDatabase(path, 10);

    SECTION("a sound file passes and nothing changes")
    {
        const auto before = snapshot(folder.path());
        storage::OpenOptions options = optionsFor(path);
        options.readOnly = true;
        {
            auto database = openOrFail(options);
            CHECK(database->check(true));
            AssessmentStore store(*database, "test");
            auto created = store.lifecycle.create({});
            REQUIRE_FALSE(created);
            CHECK(created.error().kind == ErrorKind::ReadOnly);
        }
        CHECK(snapshot(folder.path()) == before);
    }
    SECTION("a damaged file is reported, not moved")
    {
        writeBytes(path, QByteArray("no longer SQLite"));
        const auto before = snapshot(folder.path());
        storage::OpenOptions options = optionsFor(path);
        options.readOnly = true;
        ensureApplication();
        auto opened = Database::open(options);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().kind == ErrorKind::Corrupt);
        CHECK_THAT(opened.error().message, Catch::Contains("not a SpinePath database"));
        CHECK(snapshot(folder.path()) == before);
    }
    SECTION("a missing file is reported, not created")
    {
        storage::OpenOptions options = optionsFor(folder.file(QStringLiteral("missing.sqlite")));
        options.readOnly = true;
        ensureApplication();
        auto opened = Database::open(options);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().kind == ErrorKind::NotFound);
        CHECK_FALSE(QFileInfo::exists(options.path));
    }
}

TEST_CASE("A database locked by another program is retried, then reported", "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    fillDatabase(path, 5);

    storage::OpenOptions options = optionsFor(path);
    options.busyTimeoutMs = 100;
    options.lockRetries = 2;
    options.retryDelayMs = 10;
    {
        OtherConnection other(path);
        // Exclusive locking mode keeps the lock after the transaction.
        other.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE"));
        other.exec(QStringLiteral("BEGIN EXCLUSIVE"));
        other.exec(QStringLiteral("COMMIT"));

        auto opened = Database::open(options);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().kind == ErrorKind::Locked);
        CHECK_THAT(opened.error().message, Catch::Contains("in use by another program"));
    }
    // Released: the same file opens, and nothing was lost or set aside.
    auto database = openOrFail(options);
    CHECK(database->notices().empty());
    AssessmentStore store(*database, "test");
    CHECK(*store.queries.count() == 5);
    CHECK(filesLike(folder, QStringLiteral(".corrupt-")).isEmpty());
}

TEST_CASE("A read-only database file is reported before anything is asked of a patient", "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    AsOrdinaryUser ordinary(folder.path());
    fillDatabase(path, 3);
    REQUIRE(QFile::setPermissions(path, QFile::ReadOwner));
    const auto before = snapshot(folder.path());

    ensureApplication();
    auto opened = Database::open(optionsFor(path));
    REQUIRE_FALSE(opened);
    CHECK(opened.error().kind == ErrorKind::ReadOnly);
    CHECK_THAT(opened.error().message, Catch::Contains("is read-only"));
    CHECK(snapshot(folder.path()) == before);

    // Still readable for a check or an export.
    storage::OpenOptions options = optionsFor(path);
    options.readOnly = true;
    auto database = openOrFail(options);
    AssessmentStore store(*database, "test");
    CHECK(*store.queries.count() == 3);
    REQUIRE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
}

TEST_CASE("A folder that cannot be written gets a clear message", "[database]")
{
    ensureApplication();
    TempFolder folder;
    SECTION("a read-only folder")
    {
        AsOrdinaryUser ordinary(folder.path());
        const QString locked = folder.file(QStringLiteral("locked"));
        REQUIRE(QDir().mkdir(locked));
        REQUIRE(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        for (const QString& path : QStringList{locked + QStringLiteral("/spinepath.sqlite"),
                                               locked + QStringLiteral("/below/spinepath.sqlite")}) {
            auto opened = Database::open(optionsFor(path));
            REQUIRE_FALSE(opened);
            CHECK(opened.error().kind == storage::ErrorKind::FolderUnusable);
            CHECK_THAT(opened.error().message,
                       Catch::Contains(locked.toStdString()) && Catch::Contains("--db FILE"));
        }
        CHECK(QDir(locked).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
        REQUIRE(QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
    SECTION("a file where the folder should be")
    {
        const QString blocker = folder.file(QStringLiteral("blocker"));
        writeBytes(blocker, "a file");
        auto opened = Database::open(optionsFor(blocker + QStringLiteral("/spinepath.sqlite")));
        REQUIRE_FALSE(opened);
        CHECK(opened.error().kind == storage::ErrorKind::FolderUnusable);
        CHECK(fileBytes(blocker) == "a file");
    }
}

TEST_CASE("check() finds damage in an open database without changing it", "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    fillDatabase(path, 30);
    auto database = openOrFail(path);
    CHECK(database->check());
    CHECK(database->check(true));
    CHECK(database->checkpoint());
    CHECK(database->sizeOnDisk() > 0);
}

TEST_CASE("A database with objects SpinePath did not make is refused, and left as it was",
          "[database][security]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    {
        auto database = openOrFail(path);
        AssessmentStore store(*database, "kiosk");
        REQUIRE(store.lifecycle.storeCompleted(std::vector{completed("Ada Fairbanks")}));
    }
    const std::vector<QStringList> changes{
        {QStringLiteral("CREATE TRIGGER copy_out AFTER INSERT ON patients BEGIN "
                        "INSERT INTO settings (key, value) VALUES ('copied', new.name); END")},
        {QStringLiteral("CREATE VIEW everyone AS SELECT name, phone FROM patients")},
        {QStringLiteral("CREATE TABLE stash (x)")},
        // One of SpinePath's own triggers, with another body under its name.
        {QStringLiteral("DROP TRIGGER patients_fts_insert"),
         QStringLiteral("CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN "
                        "DELETE FROM audit_log; END")},
    };
    const QStringList change = changes[GENERATE(0u, 1u, 2u, 3u)];
    CAPTURE(change.join(u';').toStdString());
    {
        OtherConnection other(path);
        for (const QString& statement : change)
            other.exec(statement);
    }
    const QByteArray before = sha256(path);
    auto opened = Database::open(optionsFor(path));
    REQUIRE_FALSE(opened);
    CHECK(opened.error().kind == ErrorKind::NotOurs);
    CHECK_THAT(opened.error().message, Catch::Contains("changed by another program") &&
                                           (Catch::Contains("did not make") ||
                                            Catch::Contains("has been changed from what SpinePath made")));
    storage::OpenOptions readOnly = optionsFor(path);
    readOnly.readOnly = true;
    CHECK(Database::open(readOnly).error().kind == ErrorKind::NotOurs);
    CHECK(sha256(path) == before);
    CHECK(filesLike(folder, QStringLiteral("corrupt")).isEmpty()); // never set aside
}

TEST_CASE("check(full) compares the schema with SpinePath's and finds nothing in a sound file", "[database]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    CHECK(database->check(true));
    // The same schema a migration from version 1 gives (test_Migrations), so
    // the expected schema is the migrations', not a copy of it.
    sql(*database, QStringLiteral("CREATE INDEX sneaky ON audit_log (actor)"));
    auto checked = database->check(true);
    REQUIRE_FALSE(checked);
    CHECK_THAT(checked.error().message, Catch::Contains("sneaky"));
}

TEST_CASE("A file checked on another connection opens without the quick_check and keeps that open's notices",
          "[database]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    writeBytes(path, QByteArray(8192, 'x')); // not SQLite: the checking open sets it aside
    std::vector<Notice> earlier;
    {
        auto checking = openOrFail(path);
        REQUIRE(hasNotice(*checking, Notice::Kind::SetAside));
        earlier = checking->notices();
    }
    storage::OpenOptions options = optionsFor(path);
    options.quickCheck = false;
    const auto opened = openOrFail(options);
    Database& database = *opened;
    CHECK(database.schemaVersion() == Database::kSchemaVersion);
    CHECK(database.notices().empty()); // this open found a sound file and changed nothing
    database.adoptNotices(earlier);
    REQUIRE(database.notices().size() == earlier.size());
    CHECK(database.notices()[0].kind == Notice::Kind::SetAside);
    CHECK(database.notices()[0].file == earlier[0].file);
    CHECK(database.check());
}

TEST_CASE("A reader connection sees every commit, can only read, and data_version tells it of changes",
          "[database]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    auto reader = database->openReader();
    REQUIRE(reader);
    auto& watcher = **reader;
    CHECK(watcher.schemaVersion() == database->schemaVersion());
    CHECK(watcher.isReadOnly());

    const auto before = watcher.dataVersion();
    REQUIRE(before);
    // Reading twice with nothing committed meanwhile: unchanged.
    CHECK(*watcher.dataVersion() == *before);
    // A commit on the first connection is another connection's to the reader.
    AssessmentStore store(*database, "test");
    REQUIRE(store.lifecycle.storeCompleted(std::vector{completed("Ada Fairbanks", day(0))}));
    const auto after = watcher.dataVersion();
    REQUIRE(after);
    CHECK(*after != *before);
    CHECK(storage::AssessmentQueries(watcher).count().value() == 1);
    // The first connection's own commits leave its own data_version alone:
    // that is why the console also refreshes after its own writes.
    const auto own = database->dataVersion();
    REQUIRE(store.lifecycle.storeCompleted(std::vector{completed("Bram Eastwick", day(0))}));
    CHECK(*database->dataVersion() == *own);

    // query_only: the reader cannot change the file.
    QSqlQuery write(watcher.connection());
    CHECK_FALSE(write.exec(QStringLiteral("DELETE FROM assessments")));
    CHECK(storage::AssessmentQueries(*database).count().value() == 2);
}
