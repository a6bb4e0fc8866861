#include "core/storage/Migrations.h"

#include "core/storage/PrivateFiles.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <spdlog/spdlog.h>

namespace spinepath::storage {

namespace {

// Version 1: assessments, their flags, patients, the audit trail, settings.
const Migration kVersion1{1,
                          "assessments, patients, flags, audit log and settings",
                          {
                              R"sql(CREATE TABLE patients (
            id          INTEGER PRIMARY KEY,
            name        TEXT,
            birth_date  TEXT,
            phone       TEXT,
            email       TEXT,
            contact_ok  INTEGER CHECK (contact_ok IN (0, 1)),
            created_at  TEXT NOT NULL
        ))sql",
                              R"sql(CREATE TABLE assessments (
            id                    TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
            patient_id            INTEGER REFERENCES patients(id) ON DELETE SET NULL,
            started_at            TEXT NOT NULL,
            completed_at          TEXT,
            updated_at            TEXT NOT NULL,
            mode                  TEXT NOT NULL CHECK (mode IN ('kiosk', 'home')),
            status                TEXT NOT NULL
                                  CHECK (status IN ('in_progress', 'completed', 'abandoned', 'reviewed')),
            questionnaire_id      TEXT NOT NULL,
            questionnaire_version TEXT NOT NULL,
            ruleset_id            TEXT,
            ruleset_version       TEXT,
            answers               TEXT NOT NULL,
            result                TEXT,
            category              TEXT,
            severity              TEXT,
            CHECK (status = 'in_progress' OR status = 'abandoned' OR
                   (result IS NOT NULL AND completed_at IS NOT NULL))
        ))sql",
                              R"sql(CREATE TABLE assessment_flags (
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            flag_id       TEXT NOT NULL,
            PRIMARY KEY (assessment_id, flag_id)
        ) WITHOUT ROWID)sql",
                              // No foreign key to assessments: the trail outlives what it records.
                              R"sql(CREATE TABLE audit_log (
            id            INTEGER PRIMARY KEY,
            at            TEXT NOT NULL,
            actor         TEXT NOT NULL,
            action        TEXT NOT NULL,
            assessment_id TEXT,
            detail        TEXT NOT NULL DEFAULT ''
        ))sql",
                              R"sql(CREATE TABLE settings (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID)sql",
                              "CREATE INDEX assessments_by_start ON assessments (started_at)",
                          }};

// Version 2: patient education articles with a full-text index, and which
// article versions each assessment showed.
const Migration kVersion2{2,
                          "articles with full-text search, articles shown per assessment",
                          {
                              R"sql(CREATE TABLE articles (
            rowid         INTEGER PRIMARY KEY,
            id            TEXT NOT NULL UNIQUE,
            title         TEXT NOT NULL,
            body          TEXT NOT NULL,
            version       TEXT NOT NULL,
            content_hash  TEXT NOT NULL,
            reading_grade REAL,
            updated_at    TEXT NOT NULL
        ))sql",
                              // External content: the text lives once, in articles; triggers keep
                              // the index in step with it.
                              R"sql(CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, content = 'articles', content_rowid = 'rowid',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')
        )sql",
                              R"sql(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END)sql",
                              R"sql(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
                VALUES ('delete', old.rowid, old.title, old.body);
        END)sql",
                              R"sql(CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
                VALUES ('delete', old.rowid, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END)sql",
                              // The version and hash as shown: the article text may change later.
                              R"sql(CREATE TABLE assessment_articles (
            assessment_id   TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            article_id      TEXT NOT NULL,
            article_version TEXT NOT NULL,
            content_hash    TEXT NOT NULL,
            shown_at        TEXT NOT NULL,
            PRIMARY KEY (assessment_id, article_id, article_version)
        ) WITHOUT ROWID)sql",
                          }};

// Version 3: review stamps, patient-name search and the indexes the staff
// list needs at 100,000 assessments.
const Migration kVersion3{
    3,
    "review stamps, patient-name search, indexes for the staff list",
    {
        "ALTER TABLE assessments ADD COLUMN reviewed_at TEXT",
        "ALTER TABLE assessments ADD COLUMN reviewed_by TEXT",
        R"sql(CREATE VIRTUAL TABLE patients_fts USING fts5(
            name, content = 'patients', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')
        )sql",
        R"sql(CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients WHEN new.name IS NOT NULL BEGIN
            INSERT INTO patients_fts (rowid, name) VALUES (new.id, new.name);
        END)sql",
        R"sql(CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients WHEN old.name IS NOT NULL BEGIN
            INSERT INTO patients_fts (patients_fts, rowid, name) VALUES ('delete', old.id, old.name);
        END)sql",
        R"sql(CREATE TRIGGER patients_fts_update AFTER UPDATE OF name ON patients BEGIN
            INSERT INTO patients_fts (patients_fts, rowid, name)
                SELECT 'delete', old.id, old.name WHERE old.name IS NOT NULL;
            INSERT INTO patients_fts (rowid, name) SELECT new.id, new.name WHERE new.name IS NOT NULL;
        END)sql",
        "INSERT INTO patients_fts (rowid, name) SELECT id, name FROM patients WHERE name IS NOT NULL",
        // The staff list: newest first, with the id as a tie-breaker for paging.
        "DROP INDEX assessments_by_start",
        "CREATE INDEX assessments_by_start ON assessments (started_at, id)",
        "CREATE INDEX assessments_by_category ON assessments (category, started_at, id)",
        "CREATE INDEX assessments_by_patient ON assessments (patient_id) WHERE patient_id IS NOT NULL",
        "CREATE INDEX assessments_by_status ON assessments (status, completed_at)",
        "CREATE INDEX assessment_flags_by_flag ON assessment_flags (flag_id, assessment_id)",
        "CREATE INDEX audit_log_by_time ON audit_log (at)",
    }};

// Version 4: the staff console sorts the list by completion, urgency and
// name; each order walks an index so a page stays instant at 100,000
// assessments. The urgency expression must stay exactly as the repository
// writes it (kUrgencyRank), or SQLite cannot use the index.
const Migration kVersion4{
    4,
    "indexes for sorting the staff list by completion, urgency and name",
    {
        "CREATE INDEX assessments_by_completion ON assessments (completed_at, started_at, id)",
        "CREATE INDEX assessments_by_urgency ON assessments "
        "((CASE severity WHEN 'emergency' THEN 2 WHEN 'urgent' THEN 1 ELSE 0 END), started_at, id)",
        "CREATE INDEX patients_by_name ON patients (name COLLATE NOCASE) WHERE name IS NOT NULL",
        // A patient's assessments in list order, so the name order's deep
        // pages are counted in indexes alone.
        "CREATE INDEX assessments_by_patient_start ON assessments (patient_id, started_at, id) "
        "WHERE patient_id IS NOT NULL",
    }};

// Version 5: clinical spec v2 adds the severity "review" (below urgent), so
// the staff list ranks emergency > urgent > review > the rest; version 4's
// urgency index knows only two severities and gives way to one with the new
// rank (the expression must stay exactly as kSeverityRank in the repository).
// Re-scoring stored assessments under new rules (`db rescore`) also needs
// each result to say which questionnaire version read its answers (the
// answers themselves were given under questionnaire_version) and when it was
// re-scored; results so far were scored with the questionnaire they were
// answered with.
const Migration kVersion5{
    5,
    "the review severity in the staff order, the questionnaire a result was scored with, re-score time",
    {
        "ALTER TABLE assessments ADD COLUMN scored_questionnaire_id TEXT",
        "ALTER TABLE assessments ADD COLUMN scored_questionnaire_version TEXT",
        "ALTER TABLE assessments ADD COLUMN rescored_at TEXT",
        "UPDATE assessments SET scored_questionnaire_id = questionnaire_id, "
        "scored_questionnaire_version = questionnaire_version WHERE result IS NOT NULL",
        "DROP INDEX assessments_by_urgency",
        "CREATE INDEX assessments_by_severity ON assessments "
        "((CASE severity WHEN 'emergency' THEN 3 WHEN 'urgent' THEN 2 WHEN 'review' THEN 1 ELSE 0 END), "
        "started_at, id)",
    }};

// Version 6: the article index holds the text as the patient reads it, not
// its Markdown, so a snippet never shows "**" or "##" and the words of a link
// target ("article:spinal-fusion") are no hit. The plain text is made in C++
// (ArticleMarkup::plainText) when an article is saved: until the content is
// next stored (at the same start), the Markdown stands in for it, and an
// empty hash makes that store rewrite every article.
const Migration kVersion6{6,
                          "the article index holds the plain text the patient reads",
                          {
                              "ALTER TABLE articles ADD COLUMN plain_text TEXT NOT NULL DEFAULT ''",
                              "UPDATE articles SET plain_text = body, content_hash = ''",
                              "DROP TRIGGER articles_fts_insert",
                              "DROP TRIGGER articles_fts_delete",
                              "DROP TRIGGER articles_fts_update",
                              "DROP TABLE articles_fts",
                              R"sql(CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, plain_text, content = 'articles', content_rowid = 'rowid',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')
        )sql",
                              R"sql(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, plain_text) VALUES (new.rowid, new.title, new.plain_text);
        END)sql",
                              R"sql(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, plain_text)
                VALUES ('delete', old.rowid, old.title, old.plain_text);
        END)sql",
                              R"sql(CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, plain_text)
                VALUES ('delete', old.rowid, old.title, old.plain_text);
            INSERT INTO articles_fts (rowid, title, plain_text) VALUES (new.rowid, new.title, new.plain_text);
        END)sql",
                              "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
                          }};

// Version 7: Spanish. An article is stored once per language (the same id in
// articles/ and articles/es/), so the table is rebuilt with the pair as its
// key; the index is rebuilt over it. An assessment keeps the language the
// patient answered in (null before this version: English).
const Migration kVersion7{
    7,
    "articles per language, the language the patient answered in",
    {
        "DROP TRIGGER articles_fts_insert",
        "DROP TRIGGER articles_fts_delete",
        "DROP TRIGGER articles_fts_update",
        "DROP TABLE articles_fts",
        R"sql(CREATE TABLE articles_by_language (
            rowid         INTEGER PRIMARY KEY,
            id            TEXT NOT NULL,
            language      TEXT NOT NULL DEFAULT 'en',
            title         TEXT NOT NULL,
            body          TEXT NOT NULL,
            version       TEXT NOT NULL,
            content_hash  TEXT NOT NULL,
            reading_grade REAL,
            updated_at    TEXT NOT NULL,
            plain_text    TEXT NOT NULL DEFAULT '',
            UNIQUE (id, language)
        ))sql",
        R"sql(INSERT INTO articles_by_language (rowid, id, language, title, body, version,
                content_hash, reading_grade, updated_at, plain_text)
            SELECT rowid, id, 'en', title, body, version, content_hash, reading_grade, updated_at, plain_text
            FROM articles)sql",
        "DROP TABLE articles",
        "ALTER TABLE articles_by_language RENAME TO articles",
        R"sql(CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, plain_text, content = 'articles', content_rowid = 'rowid',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')
        )sql",
        R"sql(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, plain_text) VALUES (new.rowid, new.title, new.plain_text);
        END)sql",
        R"sql(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, plain_text)
                VALUES ('delete', old.rowid, old.title, old.plain_text);
        END)sql",
        R"sql(CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, plain_text)
                VALUES ('delete', old.rowid, old.title, old.plain_text);
            INSERT INTO articles_fts (rowid, title, plain_text) VALUES (new.rowid, new.title, new.plain_text);
        END)sql",
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
        "ALTER TABLE assessments ADD COLUMN language TEXT",
    }};

// Version 8: answers given at home and carried to the clinic on paper (a QR
// code) or as a file (core/handoff). origin 'handoff' marks them; started_at
// is when they reached the clinic (the day of the queue they join) and
// completed_at when the patient finished at home. handoff_key identifies the
// answer set, so importing the same paper twice finds the first; the partial
// unique index is plain SQL that PostgreSQL reads too.
const Migration kVersion8{8,
                          "answers imported from home: their origin and identity",
                          {
                              "ALTER TABLE assessments ADD COLUMN origin TEXT",
                              "ALTER TABLE assessments ADD COLUMN handoff_key TEXT",
                              "CREATE UNIQUE INDEX assessments_by_handoff_key ON assessments (handoff_key) "
                              "WHERE handoff_key IS NOT NULL",
                          }};

int readUserVersion(const Database& database)
{
    QSqlQuery query(database.connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

// VACUUM INTO writes a consistent copy even while the WAL holds recent
// commits or another process reads, which a plain file copy would not. It
// writes to "<backup>.part" and renames that when complete, so a backup is
// never a half-written file; a run killed meanwhile (the storage fault tests
// do that) leaves only the .part, which the next run replaces, and a backup
// made in the same second gets "-2", "-3" ... instead of stopping the update.
Result<QString> backUp(const Database& database, int version)
{
    const QString stem =
        database.path() + QStringLiteral(".bak-v") + QString::number(version) + u'-' + fileStamp();
    QString target = stem;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = stem + u'-' + QString::number(n);
    const QString part = target + QStringLiteral(".part");
    QFile::remove(part);
    PrivateUmask privateFiles;
    Statement vacuum(database, QStringLiteral("VACUUM INTO :target"));
    vacuum.bind(QStringLiteral(":target"), part);
    if (auto done = vacuum.exec("make a backup copy before updating the database"); !done)
        return std::move(done).error();
    if (!QFile::rename(part, target))
        return Error{ErrorKind::Io, "SpinePath did not update the database " + database.path().toStdString() +
                                        ": its backup copy " + part.toStdString() +
                                        " could not be renamed to " + target.toStdString() + "."};
    makeDatabaseFilesPrivate(target);
    return target;
}

Result<void> runStep(const Database& database, const Migration& step)
{
    const std::string action = "update the database to version " + std::to_string(step.version);
    Transaction transaction(database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    // Another SpinePath may have migrated while this one waited for the lock.
    if (readUserVersion(database) >= step.version)
        return transaction.commit(action);
    for (const char* sql : step.statements)
        if (auto done = execute(database, QString::fromUtf8(sql), action); !done)
            return done;
    if (auto done = execute(database,
                            QStringLiteral("PRAGMA user_version = ") + QString::number(step.version), action);
        !done)
        return done;
    return transaction.commit(action);
}

} // namespace

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all{kVersion1, kVersion2, kVersion3, kVersion4,
                                            kVersion5, kVersion6, kVersion7, kVersion8};
    return all;
}

Result<std::vector<Notice>> migrate(const Database& database, int fromVersion)
{
    std::vector<Notice> notices;
    if (fromVersion >= Database::kSchemaVersion)
        return notices;
    if (fromVersion > 0) {
        auto backup = backUp(database, fromVersion);
        if (!backup)
            return std::move(backup).error();
        notices.push_back(
            {Notice::Kind::BackedUp,
             "Before updating the database, SpinePath saved a copy of it as " + backup->toStdString() + ".",
             *backup});
    }
    for (const Migration& step : migrations()) {
        if (step.version <= fromVersion)
            continue;
        if (auto done = runStep(database, step); !done)
            return std::move(done).error();
        spdlog::info("Database schema updated to version {} ({})", step.version, step.summary);
    }
    if (fromVersion > 0)
        notices.push_back({Notice::Kind::Migrated,
                           "The database was updated from version " + std::to_string(fromVersion) +
                               " to version " + std::to_string(Database::kSchemaVersion) + ".",
                           {}});
    return notices;
}

} // namespace spinepath::storage
