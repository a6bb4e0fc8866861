// A clinic's PostgreSQL server as the database: the URI SpinePath takes
// (never with a password), the password from PGPASSFILE or as asked for,
// migrations run once when two computers start at once, another program's
// database refused, and a reader connection for the staff console's thread.
// The rest of the storage suite runs on PostgreSQL too (Tests.cmake).
// Synthetic data only.
#include "StorageTestSupport.h"

#include "core/storage/PostgresUri.h"

#include <QTemporaryFile>

#include <thread>

using namespace storagetest;
using spinepath::test::PostgresCluster;
using storage::ErrorKind;

TEST_CASE("A PostgreSQL URI names user, host, port, database and sslmode, never a password",
          "[postgresql][uri]")
{
    auto uri =
        storage::parsePostgresUri(QStringLiteral("postgresql://kiosk1@db.clinic.example:6543/spinepath"));
    REQUIRE(uri);
    CHECK(uri->user == QStringLiteral("kiosk1"));
    CHECK(uri->host == QStringLiteral("db.clinic.example"));
    CHECK(uri->port == 6543);
    CHECK(uri->database == QStringLiteral("spinepath"));
    CHECK(uri->sslmode.isEmpty());
    auto secure = storage::parsePostgresUri(
        QStringLiteral("postgresql://staff@db.clinic.example/spinepath?sslmode=verify-full"));
    REQUIRE(secure);
    CHECK(secure->port == 5432);
    CHECK(secure->sslmode == QStringLiteral("verify-full"));
    CHECK(secure->display() ==
          QStringLiteral("postgresql://staff@db.clinic.example/spinepath?sslmode=verify-full"));
    CHECK(storage::isPostgresUri(QStringLiteral("postgres://a@b/c")));
    CHECK_FALSE(storage::isPostgresUri(QStringLiteral("/var/lib/spinepath.sqlite")));

    // A password in the URI is refused, and the message does not repeat it.
    for (const char* withPassword : {"postgresql://staff:Tr0ub4dor@db/spinepath",
                                     "postgresql://staff@db/spinepath?password=Tr0ub4dor"}) {
        auto refused = storage::parsePostgresUri(QString::fromLatin1(withPassword));
        REQUIRE_FALSE(refused);
        CHECK(refused.error().kind == ErrorKind::InvalidArgument);
        CHECK_THAT(refused.error().message, Catch::Contains(".pgpass"));
        CHECK(refused.error().message.find("Tr0ub4dor") == std::string::npos);
    }
    for (const char* bad :
         {"postgresql://db/spinepath", "postgresql://staff@db/", "postgresql://staff@db:99999/x",
          "postgresql://staff@db/x?sslmode=sometimes", "postgresql://staff@db/x?host=evil"}) {
        CAPTURE(bad);
        auto refused = storage::parsePostgresUri(QString::fromLatin1(bad));
        REQUIRE_FALSE(refused);
        CHECK_THAT(refused.error().message, Catch::Contains("postgresql://USER@HOST"));
    }
    // Database::open refuses it too, before connecting anywhere.
    ensureApplication();
    auto opened =
        storage::Database::open(optionsFor(QStringLiteral("postgresql://staff:Tr0ub4dor@127.0.0.1/x")));
    REQUIRE_FALSE(opened);
    CHECK(opened.error().message.find("Tr0ub4dor") == std::string::npos);
}

TEST_CASE("A new server database is migrated once, under a lock, when two computers start at once",
          "[postgresql][migrations]")
{
    ensureApplication();
    PostgresCluster& cluster = PostgresCluster::shared();
    const QString uri = cluster.uri(cluster.createDatabase());
    std::vector<std::string> outcomes(3);
    std::vector<std::thread> computers;
    for (std::size_t i = 0; i < outcomes.size(); ++i)
        computers.emplace_back([&, i] {
            auto opened = storage::Database::open(optionsFor(uri));
            outcomes[i] =
                opened ? "ok " + std::to_string((*opened)->schemaVersion()) : opened.error().message;
        });
    for (std::thread& computer : computers)
        computer.join();
    for (const std::string& outcome : outcomes)
        CHECK(outcome == "ok " + std::to_string(storage::Database::kSchemaVersion));
    auto database = openOrFail(uri);
    CHECK(database->engine() == storage::Engine::Postgres);
    CHECK(database->notices().empty()); // nothing left to do
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM schema_version")).toInt() ==
          storage::Database::kSchemaVersion);
    CHECK(database->check(true));
}

TEST_CASE("A server database of another program, or of a newer SpinePath, is left alone",
          "[postgresql][migrations]")
{
    ensureApplication();
    PostgresCluster& cluster = PostgresCluster::shared();
    const QString foreign = cluster.createDatabase();
    cluster.admin(QStringLiteral("CREATE TABLE invoices (id int)"), foreign);
    auto refused = storage::Database::open(optionsFor(cluster.uri(foreign)));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::NotOurs);

    const QString newer = cluster.createDatabase();
    {
        auto database = openOrFail(cluster.uri(newer));
    }
    cluster.admin(QStringLiteral("INSERT INTO schema_version VALUES (99, 'later', 'a future step')"), newer);
    auto tooNew = storage::Database::open(optionsFor(cluster.uri(newer)));
    REQUIRE_FALSE(tooNew);
    CHECK(tooNew.error().kind == ErrorKind::NewerVersion);

    // A db command never makes the schema in an empty database.
    storage::OpenOptions noCreate = optionsFor(cluster.uri(cluster.createDatabase()));
    noCreate.create = false;
    auto missing = storage::Database::open(noCreate);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::NotFound);
}

TEST_CASE("The password comes from PGPASSFILE or as asked for, never from the URI", "[postgresql][password]")
{
    ensureApplication();
    PostgresCluster& cluster = PostgresCluster::shared();
    const QString name = cluster.createDatabase();
    cluster.admin(QStringLiteral("CREATE ROLE frontdesk LOGIN PASSWORD 'correct horse battery'"));
    cluster.admin(QStringLiteral("GRANT ALL ON DATABASE %1 TO frontdesk").arg(name));
    cluster.admin(QStringLiteral("ALTER DATABASE %1 OWNER TO frontdesk").arg(name));
    const QString uri = cluster.uri(name, QStringLiteral("frontdesk"));
    qputenv("PGPASSFILE", "/nonexistent/pgpass");

    auto asked = storage::Database::open(optionsFor(uri));
    REQUIRE_FALSE(asked);
    CHECK(asked.error().kind == ErrorKind::PasswordNeeded);
    CHECK_THAT(asked.error().message, Catch::Contains(".pgpass"));

    storage::OpenOptions typed = optionsFor(uri);
    typed.password = QStringLiteral("correct horse battery");
    {
        auto database = openOrFail(typed);
    }

    TempFolder folder;
    const QString passFile = folder.file(QStringLiteral("pgpass"));
    writeBytes(passFile, QStringLiteral("127.0.0.1:%1:%2:frontdesk:correct horse battery\n")
                             .arg(QString::number(cluster.port()), name)
                             .toUtf8());
    QFile::setPermissions(passFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("PGPASSFILE", QFile::encodeName(passFile));
    auto fromFile = storage::Database::open(optionsFor(uri));
    qunsetenv("PGPASSFILE");
    REQUIRE(fromFile);
    CHECK((*fromFile)->path() == uri); // what the log may show holds no secret
}

TEST_CASE("A reader connection sees what the main connection commits", "[postgresql][reader]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    AssessmentStore store(*database, "kiosk");
    auto reader = database->openReader();
    REQUIRE(reader);
    auto before = (*reader)->dataVersion();
    REQUIRE(before);
    const std::vector<storage::CompletedAssessment> batch{completed("Ottoline Brackenridge")};
    REQUIRE(store.lifecycle.storeCompleted(batch));
    auto after = (*reader)->dataVersion();
    REQUIRE(after);
    CHECK(*after != *before);
    storage::AssessmentQueries queries(**reader);
    auto found = queries.list(byName("otto brack"));
    REQUIRE(found);
    REQUIRE(found->rows.size() == 1);
    CHECK(found->rows[0].patientName == "Ottoline Brackenridge");
    // The reader cannot write.
    QSqlQuery write((*reader)->connection());
    CHECK_FALSE(write.exec(QStringLiteral("DELETE FROM assessments")));
}
