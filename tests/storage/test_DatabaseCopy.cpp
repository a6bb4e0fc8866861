// Moving a clinic from one computer's SQLite file to its PostgreSQL server
// (storage/DatabaseCopy, `db migrate`): everything arrives with its ids, the
// exports of both sides are the same, a second run copies nothing, and a
// target whose rows clash is left as it was. Synthetic data only.
#include "StorageTestSupport.h"
#include "support/ChildProcess.h"

#include "core/storage/DatabaseCopy.h"
#include "core/storage/Settings.h"

#include <sstream>

using namespace storagetest;
using spinepath::test::runCli;

namespace {

std::map<std::string, json> tablesIn(const std::string& migrateOutput)
{
    std::map<std::string, json> tables;
    std::istringstream lines(migrateOutput);
    std::string line;
    while (std::getline(lines, line))
        if (!line.empty()) {
            const json table = json::parse(line);
            tables[table["table"].get<std::string>()] = table;
        }
    return tables;
}

std::string manyAnswerSets(int count)
{
    std::string lines;
    for (int i = 0; i < count; ++i) {
        json answers = completeAnswers("Migrant Number" + std::to_string(i));
        if (i % 7 == 0)
            answers["redflag.saddle_numbness"] = true;
        lines += answers.dump() + "\n";
    }
    return lines;
}

} // namespace

TEST_CASE("db migrate moves a 500-assessment file with the same export on both sides",
          "[postgresql][migrate]")
{
    TempFolder folder;
    const std::string file = folder.file(QStringLiteral("clinic.sqlite")).toStdString();
    const std::string server = folder.database().toStdString();
    const auto stored = runCli({"store", "--jsonl", "--db", file}, manyAnswerSets(500));
    INFO(stored.err);
    REQUIRE(stored.exitCode == 0);
    {
        auto database = openOrFail(QString::fromStdString(file));
        storage::Settings settings(*database, "test");
        REQUIRE(settings.setInteger("retention.days", 400));
    }

    const auto first = runCli({"db", "migrate", "--from", file, "--to", server});
    INFO(first.err);
    REQUIRE(first.exitCode == 0);
    auto tables = tablesIn(first.out);
    REQUIRE(tables.size() == 7);
    CHECK(tables["assessments"]["rows"] == 500);
    CHECK(tables["assessments"]["copied"] == 500);
    CHECK(tables["patients"]["copied"] == 500);
    CHECK(tables["audit_log"]["copied"].get<int>() >= 1);
    CHECK(tables["settings"]["copied"].get<int>() >= 1);

    // Again: safe, nothing twice.
    const auto second = runCli({"db", "migrate", "--from", file, "--to", server});
    INFO(second.err);
    REQUIRE(second.exitCode == 0);
    for (const auto& [name, table] : tablesIn(second.out)) {
        INFO(name);
        CHECK(table["copied"] == 0);
    }

    for (const char* format : {"jsonl", "csv", "fhir"}) {
        INFO(format);
        const auto fromFile = runCli({"db", "export", "--format", format, "--db", file});
        const auto fromServer = runCli({"db", "export", "--format", format, "--db", server});
        INFO(fromFile.err);
        INFO(fromServer.err);
        REQUIRE(fromFile.exitCode == 0);
        REQUIRE(fromServer.exitCode == 0);
        if (std::string(format) == "fhir") {
            // The bundle's own time stamp is when it was made.
            json a = json::parse(fromFile.out);
            json b = json::parse(fromServer.out);
            a.erase("timestamp");
            b.erase("timestamp");
            CHECK(a == b);
        } else {
            CHECK(fromFile.out == fromServer.out);
        }
        if (std::string(format) == "jsonl")
            CHECK(fromServer.out.find("Migrant Number499") != std::string::npos);
    }
    const auto checked = runCli({"db", "check", "--db", server});
    INFO(checked.err);
    CHECK(checked.exitCode == 0);

    // New patients on the server get new ids after the copied ones.
    auto database = openOrFail(QString::fromStdString(server));
    AssessmentStore store(*database, "test");
    REQUIRE(store.lifecycle.storeCompleted(std::vector{completed("After Migration")}));
}

TEST_CASE("db migrate leaves a server whose rows clash as it was, naming the table", "[postgresql][migrate]")
{
    TempFolder folder;
    const QString file = folder.file(QStringLiteral("clinic.sqlite"));
    const QString server = folder.database();
    {
        auto local = openOrFail(file);
        REQUIRE(AssessmentStore(*local, "test")
                    .lifecycle.storeCompleted(std::vector{completed("Local Patient")}));
        auto remote = openOrFail(server);
        REQUIRE(AssessmentStore(*remote, "test")
                    .lifecycle.storeCompleted(std::vector{completed("Server Patient")}));
    }
    const auto refused =
        runCli({"db", "migrate", "--from", file.toStdString(), "--to", server.toStdString()});
    CHECK(refused.exitCode != 0);
    CHECK_THAT(refused.err, Catch::Contains("patients"));
    CHECK(refused.err.find("Local Patient") == std::string::npos);
    auto remote = openOrFail(server);
    CHECK(scalar(*remote, QStringLiteral("SELECT count(*) FROM assessments")).toInt() == 1);
    CHECK(runCli({"db", "migrate", "--from", file.toStdString()}).exitCode == 2);
}
