#include "StorageTestSupport.h"

#include "core/storage/AssessmentRepository.h"
#include "core/storage/AuditLog.h"
#include "core/storage/PrivateFiles.h"
#include "core/storage/Settings.h"

#include <QFileInfo>

using namespace storagetest;
using storage::AssessmentRepository;
using storage::ErrorKind;
using storage::Status;

namespace {

QDateTime day(int daysAgo, int minutes = 0)
{
    return QDateTime::currentDateTimeUtc().addDays(-daysAgo).addSecs(60 * minutes);
}

bool fileHolds(const QString& path, const QByteArray& needle)
{
    return QFileInfo::exists(path) && fileBytes(path).contains(needle);
}

} // namespace

TEST_CASE("An assessment is saved after every answer, resumed after a restart, then completed",
          "[repository]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    const json answers = completeAnswers("Hester Applewhite");
    std::string id;
    {
        auto database = openOrFail(path);
        AssessmentRepository repository(*database, "kiosk");
        auto created = repository.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
        REQUIRE(created);
        id = *created;
        CHECK(id.size() == 36);

        // One answer at a time, each committed.
        json partial = json::object();
        for (const char* linkId :
             {"redflag.bladder_bowel", "redflag.saddle_numbness", "pain.duration", "about.name"}) {
            partial[linkId] = answers[linkId];
            REQUIRE(repository.saveAnswers(id, responseFor(partial, "in-progress")));
        }
    } // the kiosk restarts here

    auto database = openOrFail(path);
    AssessmentRepository repository(*database, "kiosk");
    storage::AssessmentFilter unfinished;
    unfinished.status = Status::InProgress;
    auto resumable = repository.list(unfinished);
    REQUIRE(resumable);
    REQUIRE(resumable->rows.size() == 1);
    CHECK(resumable->rows[0].id == id);
    CHECK(resumable->rows[0].patientName == "Hester Applewhite");

    auto resumed = repository.get(id);
    REQUIRE(resumed);
    CHECK(resumed->status == Status::InProgress);
    const json restored =
        spinepath::questionnaire::fromQuestionnaireResponse(content().questionnaire(), resumed->answers);
    CHECK(restored["pain.duration"] == "6m_12m");
    CHECK(restored["about.name"] == "Hester Applewhite");
    CHECK_FALSE(resumed->result.has_value());

    const auto result = content().scorer().score(answers);
    REQUIRE(repository.complete(id, responseFor(answers), result));
    auto done = repository.get(id);
    REQUIRE(done);
    CHECK(done->status == Status::Completed);
    CHECK(done->completedAt.isValid());
    CHECK(done->category == "regenerative_evaluation");
    REQUIRE(done->result);
    CHECK(done->result->toJson() == result.toJson());
    CHECK(done->content.rulesetId == result.rulesetId);
    CHECK(done->patient.name == "Hester Applewhite");
    CHECK(done->patient.birthDate == "1971-04-02");
    CHECK(done->patient.contactOk == std::optional<bool>(true));

    // A completed assessment is final.
    auto again = repository.complete(id, responseFor(answers), result);
    REQUIRE_FALSE(again);
    CHECK(again.error().kind == ErrorKind::InvalidArgument);
    auto changed = repository.saveAnswers(id, responseFor(answers));
    REQUIRE_FALSE(changed);
    CHECK_THAT(changed.error().message, Catch::Contains("is completed"));

    REQUIRE(repository.markReviewed(id));
    auto reviewed = repository.get(id);
    CHECK(reviewed->status == Status::Reviewed);
    CHECK(reviewed->reviewedBy == "kiosk");
    CHECK(reviewed->reviewedAt.isValid());
}

TEST_CASE("Flags, articles shown and abandoning are stored", "[repository]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    AssessmentRepository repository(*database, "kiosk");

    json urgent = completeAnswers("Ignatius Fairweather");
    urgent["redflag.bladder_bowel"] = true;
    urgent["neuro.numbness"] = "worsening";
    auto stored = repository.storeCompleted(std::vector{completed("", {}, urgent)});
    REQUIRE(stored);
    auto assessment = repository.get(stored->front());
    REQUIRE(assessment);
    CHECK(assessment->category == "urgent");
    CHECK(assessment->severity == "emergency");
    CHECK(assessment->flags ==
          std::vector<std::string>{"cauda_equina_bladder_bowel", "progressive_numbness"});

    const std::vector<storage::ShownArticle> shown{{"annular-tears", "1.0.0", "hash-a"},
                                                   {"fusion-basics", "2.1.0", "hash-b"}};
    REQUIRE(repository.recordShownArticles(assessment->id, shown));
    REQUIRE(repository.recordShownArticles(assessment->id, shown)); // repeats are ignored
    CHECK(repository.get(assessment->id)->articles.size() == 2);

    auto other = repository.create({spinepath::AssessmentMode::Home, contentVersions(), {}});
    REQUIRE(other);
    REQUIRE(repository.abandon(*other));
    CHECK(repository.get(*other)->status == Status::Abandoned);
    CHECK_FALSE(repository.abandon(*other));
    auto missing = repository.get("00000000-0000-4000-8000-00000000dead");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::NotFound);
}

TEST_CASE("The staff list is newest first, paged, and searchable", "[repository]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    AssessmentRepository repository(*database, "test");

    // 30 assessments, one a day; every third is urgent; two named patients.
    std::vector<storage::CompletedAssessment> batch;
    for (int i = 0; i < 30; ++i) {
        json answers = completeAnswers(i == 4 ? "Anna Smithers" : i == 20 ? "Bartholomew Anneke" : "");
        if (i % 3 == 0) {
            answers["redflag.recent_trauma"] = true;
            answers["redflag.trauma_major"] = true; // asked after an injury since questionnaire v2
        }
        batch.push_back(completed("", day(i), answers));
    }
    REQUIRE(repository.storeCompleted(batch));
    CHECK(*repository.count() == 30);

    SECTION("pages, by cursor and by offset")
    {
        storage::PageRequest request;
        request.limit = 7;
        std::vector<std::string> seen;
        QDateTime previous;
        for (int page = 0; page < 10; ++page) {
            auto rows = repository.list({}, request);
            REQUIRE(rows);
            for (const auto& row : rows->rows) {
                if (previous.isValid())
                    CHECK(row.startedAt <= previous);
                previous = row.startedAt;
                seen.push_back(row.id);
            }
            if (!rows->next)
                break;
            request.after = rows->next;
        }
        CHECK(seen.size() == 30);
        CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == 30);

        storage::PageRequest third;
        third.limit = 7;
        third.offset = 14;
        auto byOffset = repository.list({}, third);
        REQUIRE(byOffset);
        REQUIRE(byOffset->rows.size() == 7);
        CHECK(byOffset->rows[0].id == seen[14]);
    }
    SECTION("by name: every word a prefix, FTS syntax taken as words")
    {
        auto anna = repository.list(byName("ann"));
        REQUIRE(anna);
        CHECK(anna->rows.size() == 2); // Anna Smithers, Bartholomew Anneke
        auto smith = repository.list(byName("smith ann"));
        REQUIRE(smith);
        REQUIRE(smith->rows.size() == 1);
        CHECK(smith->rows[0].patientName == "Anna Smithers");
        CHECK(*repository.count(byName("smith")) == 1);
        for (const char* hostile : {"\"", "ann OR", "NEAR(", "*", "name:x", "-", "\"unterminated"})
            CHECK(repository.list(byName(hostile)));
        CHECK(repository.list(byName("***"))->rows.empty());
    }
    SECTION("by date range, category, flag and status")
    {
        storage::AssessmentFilter range;
        range.from = day(10, -1);
        range.to = day(4, 1);
        CHECK(repository.list(range)->rows.size() == 7); // days 4 to 10

        storage::AssessmentFilter urgent;
        urgent.category = "urgent";
        CHECK(*repository.count(urgent) == 10);
        storage::AssessmentFilter flagged;
        flagged.flag = "possible_fracture";
        CHECK(repository.list(flagged)->rows.size() == 10);
        flagged.from = day(10, -1);
        CHECK(repository.list(flagged)->rows.size() == 4); // days 0, 3, 6, 9

        storage::AssessmentFilter completedOnes;
        completedOnes.status = Status::Completed;
        CHECK(*repository.count(completedOnes) == 30);
    }
}

TEST_CASE("Deleting removes an assessment everywhere, including the name index and the WAL", "[repository]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    auto database = openOrFail(path);
    AssessmentRepository repository(*database, "staff:rivera");
    auto kept = repository.storeCompleted(std::vector{completed("Keeper Otherperson")});
    auto doomed = repository.storeCompleted(std::vector{completed("Wilhelmina Zanzibar")});
    REQUIRE(kept);
    REQUIRE(doomed);
    const std::string id = doomed->front();
    REQUIRE(repository.recordShownArticles(id, std::vector<storage::ShownArticle>{{"a", "1", "h"}}));
    CHECK(repository.list(byName("zanzi"))->rows.size() == 1);

    REQUIRE(repository.remove(id));

    CHECK(repository.get(id).error().kind == ErrorKind::NotFound);
    CHECK(repository.list(byName("zanzi"))->rows.empty());
    CHECK(*repository.count() == 1);
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM patients")).toInt() == 1);
    CHECK(scalar(*database,
                 QStringLiteral("SELECT count(*) FROM patients_fts WHERE patients_fts MATCH 'wilhelmina'"))
              .toInt() == 0);
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM assessment_flags WHERE assessment_id = '") +
                                QString::fromStdString(id) + u'\'')
              .toInt() == 0);
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM assessment_articles")).toInt() == 0);
    // Not a byte of the name is left in the file or the WAL.
    CHECK_FALSE(fileHolds(path, "Wilhelmina"));
    CHECK_FALSE(fileHolds(path + QStringLiteral("-wal"), "Wilhelmina"));
    CHECK_FALSE(fileHolds(path, "Zanzibar"));
    CHECK(QFileInfo(path + QStringLiteral("-wal")).size() == 0); // checkpointed and truncated
    // The kept assessment is untouched.
    CHECK(repository.list(byName("keeper"))->rows.size() == 1);

    auto entries = storage::AuditLog(*database).list(10, 0, id);
    REQUIRE(entries);
    REQUIRE_FALSE(entries->empty());
    CHECK(entries->front().action == storage::audit::kDeleted);
    CHECK(entries->front().actor == "staff:rivera");
    CHECK(repository.remove(id).error().kind == ErrorKind::NotFound);
}

TEST_CASE("A name or phone typed, then changed or cleared, leaves no trace in the file, WAL or -shm",
          "[repository][security]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    auto database = openOrFail(path);
    AssessmentRepository repository(*database, "kiosk");
    // Another patient's name stays, so the index is not simply empty.
    REQUIRE(repository.storeCompleted(std::vector{completed("Keeper Otherperson")}));
    auto id = repository.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(id);
    const auto typed = [](const std::string& name, const std::string& phone) {
        json answers = {{"pain.duration", "gt12m"}};
        if (!name.empty())
            answers["about.name"] = name;
        if (!phone.empty())
            answers["about.phone"] = phone;
        return responseFor(answers, "in-progress");
    };
    const auto traces = [&](const QByteArray& needle) {
        QStringList found;
        for (const QString& file : {path, storage::walPath(path), storage::shmPath(path)})
            if (QFileInfo::exists(file) && fileBytes(file).toLower().contains(needle.toLower()))
                found << file;
        return found.join(QStringLiteral(", ")).toStdString();
    };
    // The name as typed, letter by letter at the kiosk, saved after each answer.
    REQUIRE(repository.saveAnswers(*id, typed("Quentin Zyxwvutsr", "555-0199")));
    REQUIRE(repository.list(byName("zyxw"))->rows.size() == 1);
    // Corrected: the surname changes, the phone is taken back.
    REQUIRE(repository.saveAnswers(*id, typed("Quentin Abernathy", "")));
    CHECK(traces("Zyxwvutsr").empty());
    CHECK(traces("555-0199").empty());
    CHECK(repository.list(byName("zyxw"))->rows.empty());
    CHECK(repository.list(byName("abern"))->rows.size() == 1);
    // Cleared: every "About you" answer taken back.
    REQUIRE(repository.saveAnswers(*id, typed("", "")));
    CHECK(traces("Abernathy").empty());
    CHECK(traces("Quentin").empty());
    CHECK(repository.list(byName("keeper"))->rows.size() == 1);
    CHECK(QFileInfo(storage::walPath(path)).size() == 0); // checkpointed and truncated
}

TEST_CASE("Purging deletes finished assessments older than the retention period", "[repository]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    auto database = openOrFail(path);
    AssessmentRepository repository(*database, "test");
    REQUIRE(repository.storeCompleted(
        std::vector{completed("Old Timer", day(400)), completed("Recent Visitor", day(5))}));
    auto unfinished = repository.create({spinepath::AssessmentMode::Kiosk, contentVersions(), day(500)});
    REQUIRE(unfinished);

    storage::Settings settings(*database, "test");
    CHECK(*repository.purgeExpired() == 0); // no retention set: keep everything
    REQUIRE(settings.setInteger(storage::Settings::kRetentionDays, 365));
    auto purged = repository.purgeExpired();
    REQUIRE(purged);
    CHECK(*purged == 1);
    CHECK(repository.list(byName("timer"))->rows.empty());
    CHECK(repository.list(byName("recent"))->rows.size() == 1);
    CHECK(repository.get(*unfinished)); // never purged: it may still be resumed
    CHECK_FALSE(fileHolds(path, "Old Timer"));
    CHECK(*repository.purgeOlderThan(1) == 1);
    CHECK(repository.purgeOlderThan(-1).error().kind == ErrorKind::InvalidArgument);
}

TEST_CASE("A full disk fails the save with a clear message and loses nothing", "[repository]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    AssessmentRepository repository(*database, "kiosk");
    auto created = repository.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(created);
    const json answers = completeAnswers("Perpetua Fullerton");
    const json response = responseFor(answers);
    const json copy = response;

    // SQLite reports a size limit exactly as a full disk (SQLITE_FULL).
    const int pages = scalar(*database, QStringLiteral("PRAGMA page_count")).toInt();
    sql(*database, QStringLiteral("PRAGMA max_page_count = ") + QString::number(pages));
    // Big enough to need new pages.
    json big = response;
    big["text"] = std::string(200000, 'x');
    auto saved = repository.saveAnswers(*created, big);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().kind == ErrorKind::DiskFull);
    CHECK_THAT(saved.error().message, Catch::Contains("is full") && Catch::Contains("Free some space"));
    CHECK(response == copy); // the caller still holds every answer

    // Space again: the same answers are saved on the next try.
    sql(*database, QStringLiteral("PRAGMA max_page_count = 1000000"));
    REQUIRE(repository.complete(*created, response, content().scorer().score(answers)));
    CHECK(repository.get(*created)->status == Status::Completed);
}

TEST_CASE("A save while another program holds the write lock is reported, then succeeds", "[repository]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    storage::OpenOptions options = optionsFor(path);
    options.busyTimeoutMs = 100;
    auto database = openOrFail(options);
    AssessmentRepository repository(*database, "kiosk");
    auto created = repository.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(created);
    const json response = responseFor(completeAnswers("Lockett Waites"), "in-progress");
    {
        OtherConnection other(path);
        other.exec(QStringLiteral("BEGIN IMMEDIATE"));
        auto saved = repository.saveAnswers(*created, response);
        REQUIRE_FALSE(saved);
        CHECK(saved.error().kind == ErrorKind::Locked);
        CHECK_THAT(saved.error().message, Catch::Contains("in use by another program"));
        other.exec(QStringLiteral("ROLLBACK"));
    }
    REQUIRE(repository.saveAnswers(*created, response));
    CHECK(repository.get(*created)->patient.name == "Lockett Waites");
}

TEST_CASE("Stats count assessments by status, category and mode", "[repository]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    AssessmentRepository repository(*database, "test");
    REQUIRE(repository.storeCompleted(std::vector{completed("A Person"), completed("")}));
    REQUIRE(repository.create({spinepath::AssessmentMode::Home, contentVersions(), {}}));
    auto stats = repository.stats();
    REQUIRE(stats);
    CHECK(stats->assessments == 3);
    CHECK(stats->patients == 1);
    CHECK(stats->schemaVersion == storage::Database::kSchemaVersion);
    CHECK(stats->bytesOnDisk > 0);
    const json document = stats->toJson();
    CHECK(document["by_status"]["completed"] == 2);
    CHECK(document["by_status"]["in_progress"] == 1);
    CHECK(document["by_category"]["regenerative_evaluation"] == 2);
    CHECK(document["by_mode"]["home"] == 1);
}
