// AssessmentLifecycle: an assessment from its start at the kiosk to its
// review, saved after every answer, with nothing left behind of what the
// patient took back, and clear errors when the disk or the lock says no.
// Synthetic data only.
#include "StorageTestSupport.h"

#include "core/storage/PrivateFiles.h"

#include <QFileInfo>

using namespace storagetest;
using storage::ErrorKind;
using storage::Status;

TEST_CASE("An assessment is saved after every answer, resumed after a restart, then completed", "[lifecycle]")
{
    TempFolder folder;
    const QString path = folder.database();
    const json answers = completeAnswers("Hester Applewhite");
    std::string id;
    {
        auto database = openOrFail(path);
        AssessmentStore store(*database, "kiosk");
        auto created = store.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
        REQUIRE(created);
        id = *created;
        CHECK(id.size() == 36);

        // One answer at a time, each committed.
        json partial = json::object();
        for (const char* linkId :
             {"redflag.bladder_bowel", "redflag.saddle_numbness", "pain.duration", "about.name"}) {
            partial[linkId] = answers[linkId];
            REQUIRE(store.lifecycle.saveAnswers(id, storedFor(partial, "in-progress")));
        }
    } // the kiosk restarts here

    auto database = openOrFail(path);
    AssessmentStore store(*database, "kiosk");
    storage::AssessmentFilter unfinished;
    unfinished.status = Status::InProgress;
    auto resumable = store.queries.list(unfinished);
    REQUIRE(resumable);
    REQUIRE(resumable->rows.size() == 1);
    CHECK(resumable->rows[0].id == id);
    CHECK(resumable->rows[0].patientName == "Hester Applewhite");

    auto resumed = store.queries.get(id);
    REQUIRE(resumed);
    CHECK(resumed->status == Status::InProgress);
    const json restored =
        spinepath::questionnaire::fromQuestionnaireResponse(content().questionnaire(), resumed->answers);
    CHECK(restored["pain.duration"] == "6m_12m");
    CHECK(restored["about.name"] == "Hester Applewhite");
    CHECK_FALSE(resumed->result.has_value());

    const auto result = content().scorer().score(answers);
    REQUIRE(store.lifecycle.complete(id, storedFor(answers), result));
    auto done = store.queries.get(id);
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
    auto again = store.lifecycle.complete(id, storedFor(answers), result);
    REQUIRE_FALSE(again);
    CHECK(again.error().kind == ErrorKind::InvalidArgument);
    auto changed = store.lifecycle.saveAnswers(id, storedFor(answers));
    REQUIRE_FALSE(changed);
    CHECK_THAT(changed.error().message, Catch::Contains("is completed"));

    REQUIRE(store.lifecycle.markReviewed(id));
    auto reviewed = store.queries.get(id);
    CHECK(reviewed->status == Status::Reviewed);
    CHECK(reviewed->reviewedBy == "kiosk");
    CHECK(reviewed->reviewedAt.isValid());
}

TEST_CASE("Flags, articles shown and abandoning are stored", "[lifecycle]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    AssessmentStore store(*database, "kiosk");

    json urgent = completeAnswers("Ignatius Fairweather");
    urgent["redflag.bladder_bowel"] = true;
    urgent["neuro.numbness"] = "worsening";
    auto stored = store.lifecycle.storeCompleted(std::vector{completed("", {}, urgent)});
    REQUIRE(stored);
    auto assessment = store.queries.get(stored->front());
    REQUIRE(assessment);
    CHECK(assessment->category == "urgent");
    CHECK(assessment->severity == "emergency");
    CHECK(assessment->flags ==
          std::vector<std::string>{"cauda_equina_bladder_bowel", "progressive_numbness"});

    const std::vector<storage::ShownArticle> shown{{"annular-tears", "1.0.0", "hash-a"},
                                                   {"fusion-basics", "2.1.0", "hash-b"}};
    REQUIRE(store.lifecycle.recordShownArticles(assessment->id, shown));
    REQUIRE(store.lifecycle.recordShownArticles(assessment->id, shown)); // repeats are ignored
    CHECK(store.queries.get(assessment->id)->articles.size() == 2);

    auto other = store.lifecycle.create({spinepath::AssessmentMode::Home, contentVersions(), {}});
    REQUIRE(other);
    REQUIRE(store.lifecycle.abandon(*other));
    CHECK(store.queries.get(*other)->status == Status::Abandoned);
    CHECK_FALSE(store.lifecycle.abandon(*other));
    auto missing = store.queries.get("00000000-0000-4000-8000-00000000dead");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::NotFound);
}

TEST_CASE("A name or phone typed, then changed or cleared, leaves no trace in the file, WAL or -shm",
          "[store][security][sqlite]")
{
    TempFolder folder;
    const QString path = folder.database();
    auto database = openOrFail(path);
    AssessmentStore store(*database, "kiosk");
    // Another patient's name stays, so the index is not simply empty.
    REQUIRE(store.lifecycle.storeCompleted(std::vector{completed("Keeper Otherperson")}));
    auto id = store.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(id);
    const auto typed = [](const std::string& name, const std::string& phone) {
        json answers = {{"pain.duration", "gt12m"}};
        if (!name.empty())
            answers["about.name"] = name;
        if (!phone.empty())
            answers["about.phone"] = phone;
        return storedFor(answers, "in-progress");
    };
    const auto traces = [&](const QByteArray& needle) {
        QStringList found;
        for (const QString& file : {path, storage::walPath(path), storage::shmPath(path)})
            if (QFileInfo::exists(file) && fileBytes(file).toLower().contains(needle.toLower()))
                found << file;
        return found.join(QStringLiteral(", ")).toStdString();
    };
    // The name as typed, letter by letter at the kiosk, saved after each answer.
    REQUIRE(store.lifecycle.saveAnswers(*id, typed("Quentin Zyxwvutsr", "555-0199")));
    REQUIRE(store.queries.list(byName("zyxw"))->rows.size() == 1);
    // Corrected: the surname changes, the phone is taken back.
    REQUIRE(store.lifecycle.saveAnswers(*id, typed("Quentin Abernathy", "")));
    CHECK(traces("Zyxwvutsr").empty());
    CHECK(traces("555-0199").empty());
    CHECK(store.queries.list(byName("zyxw"))->rows.empty());
    CHECK(store.queries.list(byName("abern"))->rows.size() == 1);
    // Cleared: every "About you" answer taken back.
    REQUIRE(store.lifecycle.saveAnswers(*id, typed("", "")));
    CHECK(traces("Abernathy").empty());
    CHECK(traces("Quentin").empty());
    CHECK(store.queries.list(byName("keeper"))->rows.size() == 1);
    CHECK(QFileInfo(storage::walPath(path)).size() == 0); // checkpointed and truncated
}

TEST_CASE("A full disk fails the save with a clear message and loses nothing", "[lifecycle][sqlite]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    AssessmentStore store(*database, "kiosk");
    auto created = store.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(created);
    const json answers = completeAnswers("Perpetua Fullerton");
    const storage::StoredAnswers stored = storedFor(answers);
    const json copy = stored.response;

    // SQLite reports a size limit exactly as a full disk (SQLITE_FULL).
    const int pages = scalar(*database, QStringLiteral("PRAGMA page_count")).toInt();
    sql(*database, QStringLiteral("PRAGMA max_page_count = ") + QString::number(pages));
    // Big enough to need new pages.
    storage::StoredAnswers big = stored;
    big.response["text"] = std::string(200000, 'x');
    auto saved = store.lifecycle.saveAnswers(*created, big);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().kind == ErrorKind::DiskFull);
    CHECK_THAT(saved.error().message, Catch::Contains("is full") && Catch::Contains("Free some space"));
    CHECK(stored.response == copy); // the caller still holds every answer

    // Space again: the same answers are saved on the next try.
    sql(*database, QStringLiteral("PRAGMA max_page_count = 1000000"));
    REQUIRE(store.lifecycle.complete(*created, stored, content().scorer().score(answers)));
    CHECK(store.queries.get(*created)->status == Status::Completed);
}

TEST_CASE("A save while another program holds the write lock is reported, then succeeds",
          "[lifecycle][sqlite]")
{
    TempFolder folder;
    const QString path = folder.database();
    storage::OpenOptions options = optionsFor(path);
    options.busyTimeoutMs = 100;
    auto database = openOrFail(options);
    AssessmentStore store(*database, "kiosk");
    auto created = store.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(created);
    const storage::StoredAnswers answers = storedFor(completeAnswers("Lockett Waites"), "in-progress");
    {
        OtherConnection other(path);
        other.exec(QStringLiteral("BEGIN IMMEDIATE"));
        auto saved = store.lifecycle.saveAnswers(*created, answers);
        REQUIRE_FALSE(saved);
        CHECK(saved.error().kind == ErrorKind::Locked);
        CHECK_THAT(saved.error().message, Catch::Contains("in use by another program"));
        other.exec(QStringLiteral("ROLLBACK"));
    }
    REQUIRE(store.lifecycle.saveAnswers(*created, answers));
    CHECK(store.queries.get(*created)->patient.name == "Lockett Waites");
}
