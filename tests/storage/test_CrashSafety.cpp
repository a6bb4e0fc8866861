// Kills `spinepath-cli store --jsonl` with SIGKILL at random moments while it
// stores a stream of assessments. After every kill the database must open
// without recovery, pass its check, and hold every assessment the child
// reported as committed, intact. ctest runs a few kills; `make bench` runs
// many (SPINEPATH_CRASH_KILLS).
#include "StorageTestSupport.h"
#include "support/ChildProcess.h"
#include "support/TestSeed.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>

using namespace storagetest;
using spinepath::test::ChildProcess;
using spinepath::test::ProcessResult;
using spinepath::test::runCli;
using namespace std::chrono_literals;

namespace {

int killCount()
{
    const char* requested = std::getenv("SPINEPATH_CRASH_KILLS");
    const int count = requested ? std::atoi(requested) : 3;
    return count > 0 ? count : 3;
}

struct Expected
{
    std::string name;
    std::string category;
};

} // namespace

TEST_CASE("Every assessment reported as committed survives SIGKILL at any moment", "[crash]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("crash.sqlite"));
    // A new seed each run (SPINEPATH_TEST_SEED replays one).
    const unsigned seed = spinepath::test::testSeed("crash safety kill times");
    INFO("seed " << seed);
    std::mt19937 random(seed);
    std::map<std::string, Expected> committed;
    const int kills = killCount();
    int lineCounter = 0;

    for (int round = 0; round < kills; ++round) {
        INFO("round " << round);
        ChildProcess child({"store", "--jsonl", "--db", path.toStdString()});
        std::vector<Expected> sent; // in input order: the n-th output line answers the n-th line sent
        auto sendBurst = [&] {
            // A few lines at a time, so commits and kills interleave.
            const int burst = std::uniform_int_distribution(1, 40)(random);
            for (int i = 0; i < burst; ++i) {
                json answers = completeAnswers("Crash Tester" + std::to_string(++lineCounter));
                const bool urgent = std::uniform_int_distribution(0, 3)(random) == 0;
                if (urgent)
                    answers["redflag.systemic"] = true;
                sent.push_back({answers["about.name"], urgent ? "urgent" : "regenerative_evaluation"});
                child.send(answers.dump() + "\n");
            }
            child.pump(std::chrono::milliseconds(std::uniform_int_distribution(0, 15)(random)));
        };
        // Every third round kills at any moment from the start, so opening,
        // creating and migrating are hit too; the others let the child commit
        // first (a slow build, such as one with sanitizers, takes a while to
        // start) and kill at a random moment in the stream.
        if (round % 3 != 0) {
            const auto deadline = std::chrono::steady_clock::now() + 60s;
            while (child.out().find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline)
                sendBurst();
        }
        const auto killAt = std::chrono::steady_clock::now() +
                            std::chrono::milliseconds(std::uniform_int_distribution(0, 500)(random));
        while (std::chrono::steady_clock::now() < killAt)
            sendBurst();
        child.killNow();
        CHECK(child.finish() == 128 + SIGKILL);

        // Only complete lines count: a line cut by the kill was never reported.
        std::istringstream lines(child.out());
        std::string line;
        std::size_t index = 0;
        while (std::getline(lines, line)) {
            if (lines.eof())
                break; // no newline: cut short
            const json reported = json::parse(line);
            REQUIRE(reported.contains("id"));
            REQUIRE(index < sent.size());
            CHECK(reported["category"] == sent[index].category);
            committed[reported["id"]] = sent[index];
            ++index;
        }

        // Killed before the store created the file (the seed can put the kill
        // that early): nothing was committed, and a read-only check rightly
        // refuses a database that is not there rather than create one.
        if (!std::filesystem::exists(path.toStdString())) {
            CHECK(committed.empty());
            continue;
        }

        // The read-only check of the CLI passes, without changing anything.
        const ProcessResult check = runCli({"db", "check", "--db", path.toStdString()});
        INFO(check.err);
        CHECK(check.exitCode == 0);

        auto database = openOrFail(path);
        for (const storage::Notice& notice : database->notices())
            CHECK(notice.kind != storage::Notice::Kind::SetAside);
        REQUIRE(database->check(true));
        AssessmentStore store(*database, "test");
        for (const auto& [id, expected] : committed) {
            auto stored = store.queries.get(id);
            REQUIRE(stored);
            CHECK(stored->status == storage::Status::Completed);
            CHECK(stored->patient.name == expected.name);
            CHECK(stored->category == expected.category);
            REQUIRE(stored->result);
            CHECK(stored->result->category == expected.category);
            CHECK(stored->answers["status"] == "completed");
        }
        // Nothing half-stored either: every row is a whole assessment.
        CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM assessments WHERE result IS NULL"))
                  .toInt() == 0);
    }
    WARN(kills << " kills; " << committed.size() << " committed assessments verified");
    CHECK_FALSE(committed.empty());
}
