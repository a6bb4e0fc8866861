// A clinic network's announcements (storage/DatabaseEvents, migration 9):
// an emergency, a finished assessment and an abandoned kiosk session reach
// every listener when committed, naming no patient; `db watch` prints each
// as one JSON line at once. Runs on the test program's own PostgreSQL
// cluster. Synthetic data only.
#include "StorageTestSupport.h"
#include "support/ChildProcess.h"

#include "core/storage/DatabaseEvents.h"
#include "core/storage/StorageTime.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <chrono>
#include <thread>

using namespace storagetest;
using spinepath::test::ChildProcess;
using spinepath::test::PostgresCluster;

namespace {

std::vector<storage::DatabaseEvent> waitForEvents(const std::vector<storage::DatabaseEvent>& heard,
                                                  std::size_t count)
{
    QElapsedTimer waited;
    waited.start();
    while (heard.size() < count && waited.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return heard;
}

const std::vector<std::string> kFlags{"redflag.saddle_numbness"};

} // namespace

TEST_CASE("An announcement is read back as it was sent, and nothing else is one", "[events]")
{
    const storage::DatabaseEvent event{"emergency", "0d8c3f5e-4a4b-4f5e-9f51-6f4ad5b1f1a2",
                                       "2026-12-05T10:00:00.000Z"};
    const auto back = storage::DatabaseEvent::fromPayload(QString::fromStdString(event.toJson()));
    REQUIRE(back);
    CHECK(back->event == event.event);
    CHECK(back->id == event.id);
    CHECK(back->at == event.at);
    CHECK(json::parse(event.toJson()) == json{{"event", "emergency"}, {"id", event.id}, {"at", event.at}});
    for (const char* junk : {"", "{", "[]", R"({"event":"party","id":"x","at":"y"})",
                             R"({"event":"completed"})", R"({"event":"completed","id":7,"at":"y"})"}) {
        CAPTURE(junk);
        CHECK_FALSE(storage::DatabaseEvent::fromPayload(QString::fromLatin1(junk)));
    }
}

TEST_CASE("A SQLite file has no events to listen for", "[events]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("one-computer.sqlite")));
    storage::DatabaseEvents events(*database);
    auto started = events.start();
    REQUIRE_FALSE(started);
    CHECK_THAT(started.error().message, Catch::Contains("PostgreSQL"));
}

TEST_CASE("Emergencies, finished and abandoned assessments are announced when committed",
          "[postgresql][events]")
{
    TempFolder folder;
    const QString uri = folder.database();
    auto staffSide = openOrFail(uri);
    auto kioskSide = openOrFail(uri);
    storage::DatabaseEvents events(*staffSide);
    REQUIRE(events.start());
    std::vector<storage::DatabaseEvent> heard;
    QObject::connect(&events, &storage::DatabaseEvents::received,
                     [&](const storage::DatabaseEvent& event) { heard.push_back(event); });

    AssessmentStore kiosk(*kioskSide, "kiosk");
    auto first = kiosk.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(first);
    REQUIRE(kiosk.lifecycle.saveAnswers(*first, storedFor(completeAnswers("Ada Eventful"), "in-progress")));
    REQUIRE(kiosk.lifecycle.raiseAlert(*first, kFlags));
    const json answers = completeAnswers("Ada Eventful");
    REQUIRE(kiosk.lifecycle.complete(*first, storedFor(answers), content().scorer().score(answers)));
    auto second = kiosk.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(second);
    REQUIRE(kiosk.lifecycle.abandon(*second));
    // Saving answers announces nothing: only what staff must act on.
    const auto all = waitForEvents(heard, 3);
    REQUIRE(all.size() == 3);
    CHECK(all[0].event == "emergency");
    CHECK(all[0].id == *first);
    CHECK(all[1].event == "completed");
    CHECK(all[1].id == *first);
    CHECK(all[2].event == "abandoned");
    CHECK(all[2].id == *second);
    for (const auto& event : all) {
        CHECK(storage::fromStorageTime(QString::fromStdString(event.at)).isValid());
        CHECK(event.toJson().find("Ada") == std::string::npos);
    }
    QCoreApplication::processEvents(QEventLoop::AllEvents, 200);
    CHECK(heard.size() == 3);
}

TEST_CASE("db watch prints an emergency stored elsewhere within two seconds", "[postgresql][events][cli]")
{
    TempFolder folder;
    const QString uri = folder.database();
    auto kioskSide = openOrFail(uri); // makes the schema
    ChildProcess watch({"db", "watch", "--db", uri.toStdString()});
    QElapsedTimer waited;
    waited.start();
    while (watch.err().find("Listening") == std::string::npos && waited.elapsed() < 20000)
        REQUIRE(watch.pump(std::chrono::milliseconds(50)));
    REQUIRE_THAT(watch.err(), Catch::Contains("Listening"));

    AssessmentStore kiosk(*kioskSide, "kiosk");
    auto id = kiosk.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(id);
    QElapsedTimer sinceAlert;
    sinceAlert.start();
    REQUIRE(kiosk.lifecycle.raiseAlert(*id, kFlags));
    while (watch.out().find('\n') == std::string::npos && sinceAlert.elapsed() < 10000)
        watch.pump(std::chrono::milliseconds(10));
    const qint64 took = sinceAlert.elapsed();
    INFO("printed after " << took << " ms");
    REQUIRE(watch.out().find('\n') != std::string::npos);
    CHECK(took < 2000);
    const json line = json::parse(watch.out().substr(0, watch.out().find('\n')));
    CHECK(line["event"] == "emergency");
    CHECK(line["id"] == *id);
    CHECK(line.size() == 3);
    watch.killNow();
}
