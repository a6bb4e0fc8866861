#include "StorageTestSupport.h"

#include "core/storage/ArticleRepository.h"
#include "core/storage/Migrations.h"
#include "core/storage/Settings.h"
#include "core/util/TextFile.h"

#include <QDir>
#include <QFileInfo>

#include <sstream>

using namespace storagetest;
using storage::Database;
using storage::Notice;

namespace {

// Builds a database of an earlier version from its frozen script in
// tests/data/storage, one statement at a time (a trigger body holds
// semicolons, so it ends at its END;).
void buildFromScript(const QString& path, int version)
{
    const std::string script = spinepath::readTextFile(SPINEPATH_TEST_DATA_DIR "/storage/schema-v" +
                                                       std::to_string(version) + ".sql");
    OtherConnection connection(path);
    std::istringstream lines(script);
    std::string line;
    std::string statement;
    while (std::getline(lines, line)) {
        if (statement.empty() && (line.empty() || line.starts_with("--")))
            continue;
        statement += line + '\n';
        const bool inTrigger = statement.starts_with("CREATE TRIGGER");
        if ((!inTrigger && line.ends_with(";")) || (inTrigger && line == "END;")) {
            connection.exec(QString::fromStdString(statement));
            statement.clear();
        }
    }
    REQUIRE(statement.empty());
}

// The schema as SQLite stores it, to compare a migrated file with a new one.
std::vector<std::string> schemaOf(const Database& database)
{
    std::vector<std::string> schema;
    QSqlQuery query = sql(database, QStringLiteral("SELECT type || ' ' || name || ': ' || coalesce(sql, '') "
                                                   "FROM sqlite_schema ORDER BY type, name"));
    while (query.next()) {
        // ALTER TABLE ADD COLUMN leaves the text as typed: compare columns, not layout.
        std::string text = query.value(0).toString().simplified().toStdString();
        schema.push_back(text.substr(0, text.find(':')));
    }
    return schema;
}

std::vector<std::string> columnsOf(const Database& database, const QString& table)
{
    std::vector<std::string> columns;
    QSqlQuery query = sql(database, QStringLiteral("SELECT name FROM pragma_table_info('") + table +
                                        QStringLiteral("') ORDER BY name"));
    while (query.next())
        columns.push_back(query.value(0).toString().toStdString());
    return columns;
}

QStringList backupsOf(const QString& path)
{
    const QFileInfo file(path);
    QStringList found;
    for (const QString& name :
         file.dir().entryList({file.fileName() + QStringLiteral(".bak-v*")}, QDir::Files))
        found << file.dir().filePath(name);
    return found;
}

const std::string kFirstId = "00000000-0000-4000-8000-000000000001";
const std::string kSecondId = "00000000-0000-4000-8000-000000000002";

} // namespace

TEST_CASE("The migrations run in order up to the schema version", "[migration]")
{
    const auto& steps = storage::migrations();
    REQUIRE_FALSE(steps.empty());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        CHECK(steps[i].version == static_cast<int>(i) + 1);
        // A step may concern one engine only (version 9: the clinic network's).
        CHECK_FALSE((steps[i].statements.empty() && steps[i].postgres.empty()));
    }
    CHECK(steps.back().version == Database::kSchemaVersion);
}

TEST_CASE("Migration from an empty file makes the whole schema without a backup", "[migration]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    writeBytes(path, QByteArray());
    auto database = openOrFail(path);
    CHECK(database->schemaVersion() == Database::kSchemaVersion);
    CHECK(backupsOf(path).isEmpty());
    REQUIRE(database->notices().size() == 1);
    CHECK(database->notices()[0].kind == Notice::Kind::Created);
    for (const char* table : {"patients", "assessments", "assessment_flags", "articles", "articles_fts",
                              "assessment_articles", "audit_log", "settings", "patients_fts"})
        CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = '") +
                                    QString::fromUtf8(table) + u'\'')
                  .toInt() == 1);
}

TEST_CASE("Migration from each earlier version keeps every row and makes a private backup first",
          "[migration]")
{
    const int version = GENERATE(1, 2, 3, 4, 5);
    CAPTURE(version);
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    buildFromScript(path, version);

    std::vector<std::string> freshSchema;
    {
        auto fresh = openOrFail(folder.file(QStringLiteral("fresh.sqlite")));
        freshSchema = schemaOf(*fresh);
    }

    auto database = openOrFail(path);
    CHECK(database->schemaVersion() == Database::kSchemaVersion);
    CHECK(schemaOf(*database) == freshSchema);
    CHECK(columnsOf(*database, QStringLiteral("assessments")).size() ==
          23); // 7: language; 8: origin, handoff_key

    // The backup: made before the first step, private, and still the old version.
    const QStringList backups = backupsOf(path);
    REQUIRE(backups.size() == 1);
    CHECK(backups[0].startsWith(path + QStringLiteral(".bak-v") + QString::number(version) + u'-'));
    CHECK(permissionBits(backups[0]) == 0600);
    {
        storage::OpenOptions options = optionsFor(backups[0]);
        options.readOnly = true;
        auto backup = openOrFail(options);
        CHECK(backup->schemaVersion() == version);
        CHECK(scalar(*backup, QStringLiteral("SELECT count(*) FROM assessments")).toInt() == 2);
    }
    REQUIRE(database->notices().size() == 2);
    CHECK(database->notices()[0].kind == Notice::Kind::BackedUp);
    CHECK(database->notices()[0].file == backups[0]);
    CHECK(database->notices()[1].kind == Notice::Kind::Migrated);
    CHECK_THAT(database->notices()[1].message, Catch::Contains("from version " + std::to_string(version)));

    // Every row is there and reads back through today's API.
    AssessmentStore store(*database, "test");
    auto first = store.queries.get(kFirstId);
    REQUIRE(first);
    CHECK(first->status == storage::Status::Completed);
    CHECK(first->category == "urgent");
    CHECK(first->flags == std::vector<std::string>{"possible_fracture"});
    CHECK(first->patient.name == "Ottoline Brackenridge");
    REQUIRE(first->result);
    CHECK(first->result->flags == std::vector<std::string>{"possible_fracture"});
    // Version 5: a result so far was scored with the questionnaire it was answered with.
    CHECK(first->scoredQuestionnaireId == "spinepath-intake");
    CHECK(first->scoredQuestionnaireVersion == "1.0.0");
    CHECK_FALSE(first->rescoredAt.isValid());
    auto second = store.queries.get(kSecondId);
    REQUIRE(second);
    CHECK(second->status == storage::Status::InProgress);
    CHECK(second->mode == spinepath::AssessmentMode::Home);
    CHECK(second->scoredQuestionnaireVersion.empty()); // no result yet

    // The new name index covers the patients that were already there.
    auto found = store.queries.list(byName("ottol"));
    REQUIRE(found);
    REQUIRE(found->rows.size() == 1);
    CHECK(found->rows[0].id == kFirstId);
    CHECK(*storage::Settings(*database, "test").integer(storage::Settings::kRetentionDays, 0) == 3650);

    if (version >= 2) {
        storage::ArticleRepository articles(*database);
        auto article = articles.search("annular");
        REQUIRE(article);
        REQUIRE(article->size() == 1);
        CHECK(first->articles.size() == 1);
        // Version 6: the hash is cleared, so the next store of the content
        // (at every start) rewrites the article and indexes its plain text.
        auto stored = articles.get("annular-tears");
        REQUIRE(stored);
        CHECK(stored->contentHash.empty());
        storage::Article again = *stored;
        CHECK(*articles.upsert(again) == storage::ArticleRepository::Upsert::Updated);
        auto ring = articles.search("rings");
        REQUIRE(ring);
        REQUIRE(ring->size() == 1);
        CHECK_THAT(ring->at(0).snippet, Catch::Contains("<mark>ring</mark>"));
        CHECK(ring->at(0).snippet.find("**") == std::string::npos);
        CHECK(articles.search("disc")->size() == 1);
        CHECK(articles.search("article")->empty()); // a link target of the version 5 text
    }
    CHECK(database->check(true));
}

TEST_CASE("A failing migration step is rolled back whole and reported", "[migration]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    buildFromScript(path, 1);
    {
        // A column a version 3 step adds is already there. (A table or a
        // trigger in the way is refused before any step runs: the schema
        // check finds objects SpinePath did not make.)
        OtherConnection other(path);
        other.exec(QStringLiteral("ALTER TABLE assessments ADD COLUMN reviewed_at TEXT"));
    }
    ensureApplication();
    auto opened = Database::open(optionsFor(path));
    REQUIRE_FALSE(opened);
    CHECK_THAT(opened.error().message, Catch::Contains("update the database to version 3"));

    // Still version 2, no part of step 3 applied, every row kept, and the backup exists.
    OtherConnection check(path);
    QSqlQuery version = check.exec(QStringLiteral("PRAGMA user_version"));
    REQUIRE(version.next());
    CHECK(version.value(0).toInt() == 2);
    QSqlQuery search =
        check.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'patients_fts'"));
    REQUIRE(search.next());
    CHECK(search.value(0).toInt() == 0);
    QSqlQuery rows = check.exec(QStringLiteral("SELECT count(*) FROM assessments"));
    REQUIRE(rows.next());
    CHECK(rows.value(0).toInt() == 2);
    CHECK(backupsOf(path).size() == 1);
}
