#include "ChildProcess.h"
#include "StorageTestSupport.h"

#include "core/security/StaffPin.h"
#include "core/storage/AssessmentRepository.h"
#include "core/storage/AuditLog.h"

#include <QFileInfo>

#include <sstream>

using namespace storagetest;

namespace {

std::vector<json> jsonLines(const std::string& text)
{
    std::vector<json> lines;
    std::istringstream stream(text);
    std::string line;
    while (std::getline(stream, line))
        if (!line.empty())
            lines.push_back(json::parse(line));
    return lines;
}

std::vector<std::string> textLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream stream(text);
    std::string line;
    while (std::getline(stream, line))
        lines.push_back(line);
    return lines;
}

// Three good answer sets around two bad lines and a blank one.
std::string mixedInput()
{
    json urgent = completeAnswers("");
    urgent["redflag.saddle_numbness"] = true;
    json partial = {{"pain.duration", "lt6w"}};
    const json fhir = responseFor(completeAnswers("Fhir Formed"));
    return completeAnswers("Flat Formed").dump() + "\n" + "{\"no.such.item\": true}\n" + urgent.dump() +
           "\n\n" + "{not json\n" + partial.dump() + "\n" + fhir.dump() + "\n";
}

} // namespace

TEST_CASE("store --jsonl stores each good line, reports each bad one, and goes on", "[storage][cli]")
{
    TempFolder folder;
    const std::string path = folder.file(QStringLiteral("spinepath.sqlite")).toStdString();
    const CliRun run = runCli({"store", "--jsonl", "--db", path, "--mode", "home"}, mixedInput());
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.err, Catch::Contains("2 line(s) could not be stored"));
    const auto lines = jsonLines(run.out);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0]["category"] == "regenerative_evaluation");
    CHECK(lines[0]["id"].get<std::string>().size() == 36);
    CHECK(lines[1]["line"] == 2);
    CHECK_THAT(lines[1]["error"].get<std::string>(), Catch::Contains("no.such.item"));
    CHECK(lines[2]["category"] == "urgent");
    CHECK(lines[3]["line"] == 5); // the blank line 4 is skipped, not counted as an assessment
    CHECK(lines[4]["category"] == "conservative_care_first");
    CHECK(lines[5]["category"] == "regenerative_evaluation");
    // The id comes first, as documented.
    CHECK(textLines(run.out)[0].starts_with("{\"id\":"));
    CHECK(permissionBits(QString::fromStdString(path)) == 0600);

    auto database = openOrFail(QString::fromStdString(path));
    storage::AssessmentRepository repository(*database, "test");
    CHECK(*repository.count() == 4);
    auto stored = repository.get(lines[5]["id"]);
    REQUIRE(stored);
    CHECK(stored->mode == storage::Mode::Home);
    CHECK(stored->status == storage::Status::Completed);
    CHECK(stored->patient.name == "Fhir Formed");
    CHECK(stored->answers["resourceType"] == "QuestionnaireResponse");
    CHECK(stored->answers["status"] == "completed");
    CHECK(repository.get(lines[4]["id"])->answers["status"] == "stopped"); // partial, yet scored
    CHECK(stored->flags.empty());
    CHECK(repository.get(lines[2]["id"])->flags == std::vector<std::string>{"cauda_equina_saddle_numbness"});
}

TEST_CASE("db export writes JSON Lines, CSV and a FHIR Bundle", "[storage][cli]")
{
    TempFolder folder;
    const std::string path = folder.file(QStringLiteral("spinepath.sqlite")).toStdString();
    REQUIRE(runCli({"store", "--jsonl", "--db", path}, mixedInput()).exitCode == 1);

    SECTION("jsonl: id, flat answers and the result")
    {
        const CliRun run = runCli({"db", "export", "--db", path, "--format", "jsonl"});
        CHECK(run.exitCode == 0);
        const auto lines = jsonLines(run.out);
        REQUIRE(lines.size() == 4);
        for (const json& line : lines) {
            CHECK(line["id"].get<std::string>().size() == 36);
            CHECK(line["answers"].is_object());
            CHECK(line["result"]["ruleset"]["id"] == "spinepath-core");
            CHECK(line["status"] == "completed");
        }
        // The flat answers score to the stored result.
        const json& first = lines[0];
        CHECK(content().scorer().score(first["answers"]).toJson() == first["result"]);
    }
    SECTION("csv: one row per assessment, flags joined")
    {
        const CliRun run = runCli({"db", "export", "--db", path, "--format", "csv"});
        CHECK(run.exitCode == 0);
        const auto lines = textLines(run.out);
        REQUIRE(lines.size() == 5);
        CHECK(lines[0] == "id,started_at,completed_at,mode,status,category,severity,score_regenerative,"
                          "score_fusion,flags\r");
        bool sawFlag = false;
        for (std::size_t i = 1; i < lines.size(); ++i) {
            CHECK(std::count(lines[i].begin(), lines[i].end(), ',') == 9);
            sawFlag = sawFlag || lines[i].find(",urgent,emergency,") != std::string::npos;
        }
        CHECK(sawFlag);
        CHECK(run.out.find("cauda_equina_saddle_numbness") != std::string::npos);
    }
    SECTION("fhir: a collection Bundle of QuestionnaireResponses")
    {
        const CliRun run = runCli({"db", "export", "--db", path, "--format", "fhir"});
        CHECK(run.exitCode == 0);
        const json bundle = json::parse(run.out);
        CHECK(bundle["resourceType"] == "Bundle");
        CHECK(bundle["type"] == "collection");
        REQUIRE(bundle["entry"].size() == 4);
        for (const json& entry : bundle["entry"]) {
            CHECK(entry["resource"]["resourceType"] == "QuestionnaireResponse");
            CHECK(entry["fullUrl"] == "urn:uuid:" + entry["resource"]["id"].get<std::string>());
        }
    }
    CHECK(runCli({"db", "export", "--db", path, "--format", "xml"}).exitCode == 2);
}

TEST_CASE("db check passes a sound file, fails a damaged one, and changes nothing", "[storage][cli]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
    REQUIRE(runCli({"store", "--jsonl", "--db", path.toStdString()}, completeAnswers("A B").dump() + "\n")
                .exitCode == 0);

    auto before = snapshot(folder.path());
    CliRun run = runCli({"db", "check", "--db", path.toStdString()});
    CHECK(run.exitCode == 0);
    CHECK_THAT(run.out, Catch::Contains("no problems found"));
    CHECK(snapshot(folder.path()) == before);
    CHECK(runCli({"db", "check", "--full", "--db", path.toStdString()}).exitCode == 0);

    QByteArray bytes = fileBytes(path);
    for (qsizetype i = 4096; i < bytes.size(); i += 7)
        bytes[i] = char(0x5A);
    writeBytes(path, bytes);
    before = snapshot(folder.path());
    run = runCli({"db", "check", "--db", path.toStdString()});
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.err, Catch::Contains("damaged") || Catch::Contains("failed its integrity check"));
    CHECK(snapshot(folder.path()) == before); // not moved, not repaired

    writeBytes(path, "plain text");
    run = runCli({"db", "check", "--db", path.toStdString()});
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.err, Catch::Contains("not a SpinePath database"));
    CHECK(fileBytes(path) == "plain text");

    run = runCli({"db", "check", "--db", folder.file(QStringLiteral("missing.sqlite")).toStdString()});
    CHECK(run.exitCode != 0);
    CHECK_THAT(run.err, Catch::Contains("There is no database"));
    CHECK_FALSE(QFileInfo::exists(folder.file(QStringLiteral("missing.sqlite"))));
}

TEST_CASE("db stats, purge and delete", "[storage][cli]")
{
    TempFolder folder;
    const std::string path = folder.file(QStringLiteral("spinepath.sqlite")).toStdString();
    const CliRun stored = runCli({"store", "--jsonl", "--db", path}, mixedInput());
    const auto ids = jsonLines(stored.out);

    CliRun run = runCli({"db", "stats", "--db", path});
    CHECK(run.exitCode == 0);
    const json stats = json::parse(run.out);
    CHECK(stats["assessments"] == 4);
    CHECK(stats["by_category"]["urgent"] == 1);

    run = runCli({"db", "delete", "--db", path, ids[0]["id"].get<std::string>()});
    CHECK(run.exitCode == 0);
    CHECK(json::parse(run.out)["deleted"] == ids[0]["id"]);
    run = runCli({"db", "delete", "--db", path, ids[0]["id"].get<std::string>()});
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.err, Catch::Contains("no assessment with the id"));

    run = runCli({"db", "purge", "--db", path, "--older-than", "30"});
    CHECK(run.exitCode == 0);
    CHECK(json::parse(run.out)["purged"] == 0);
    run = runCli({"db", "purge", "--db", path, "--older-than", "0"});
    CHECK(json::parse(run.out)["purged"] == 3);
    CHECK(runCli({"db", "purge", "--db", path, "--older-than", "soon"}).exitCode == 2);
    CHECK(runCli({"db", "purge", "--db", path}).exitCode == 2);
    CHECK(runCli({"db", "frobnicate", "--db", path}).exitCode == 2);
}

TEST_CASE("db reset-pin forgets a forgotten staff PIN and its lockout, and says so in the audit log",
          "[storage][cli]")
{
    using spinepath::security::StaffPin;
    TempFolder folder;
    const QString file = folder.file(QStringLiteral("spinepath.sqlite"));
    {
        auto database = openOrFail(file);
        // A clock that moves on past each wait, so every wrong try counts.
        QDateTime now = QDateTime::currentDateTimeUtc();
        StaffPin pin(
            *database, [&now] { return now; }, StaffPin::Cost::Minimal);
        REQUIRE(pin.set("482915").ok());
        for (int i = 0; i < StaffPin::kMaxFailures && !pin.isLockedOut(); ++i) {
            (void)pin.verify("000000");
            now = now.addSecs(61);
        }
        REQUIRE(pin.isLockedOut());
    }
    const CliRun run = runCli({"db", "reset-pin", "--db", file.toStdString()});
    CHECK(run.exitCode == 0);
    CHECK_THAT(run.out, Catch::Contains("cleared"));

    auto database = openOrFail(file);
    StaffPin pin(*database, {}, StaffPin::Cost::Minimal);
    CHECK_FALSE(pin.isSet().value());
    CHECK_FALSE(pin.isLockedOut());
    const auto entries = storage::AuditLog(*database).list(10).value();
    REQUIRE_FALSE(entries.empty());
    CHECK(entries.front().action == storage::audit::kPinCleared);
    CHECK(runCli({"db", "reset-pin", "extra", "--db", file.toStdString()}).exitCode == 2);
}

TEST_CASE("store --jsonl refuses empty answer sets and responses to another questionnaire", "[storage][cli]")
{
    // Issue 16.15: lines of {} became "completed" assessments, and a response
    // naming another questionnaire was stored as the intake.
    TempFolder folder;
    const std::string path = folder.file(QStringLiteral("spinepath.sqlite")).toStdString();
    json foreign = responseFor(completeAnswers("Other Form"));
    foreign["questionnaire"] = "http://evil.example/Questionnaire/intake|9.9";
    // Only an answer to a question that is not shown (dx.told is not "deformity").
    const json hiddenOnly = {{"dx.deformity_progressive", true}};
    const std::string input = "{}\n" + completeAnswers("Kept Answers").dump() + "\n{}\n" + foreign.dump() +
                              "\n" + hiddenOnly.dump() + "\n";
    const CliRun run = runCli({"store", "--jsonl", "--db", path}, input);
    INFO(run.err);
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.err, Catch::Contains("4 line(s) could not be stored"));
    CHECK_THAT(run.err, Catch::Contains("line 5: 1 answer(s) ignored because their questions are not shown: "
                                        "dx.deformity_progressive"));
    const auto lines = jsonLines(run.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0]["line"] == 1);
    CHECK_THAT(lines[0]["error"].get<std::string>(), Catch::Contains("empty answer set"));
    CHECK(lines[1]["id"].is_string());
    CHECK(lines[2]["line"] == 3);
    CHECK(lines[3]["line"] == 4);
    CHECK_THAT(lines[3]["error"].get<std::string>(), Catch::Contains("another questionnaire"));
    CHECK(lines[4]["line"] == 5);
    CHECK_THAT(lines[4]["error"].get<std::string>(), Catch::Contains("empty answer set"));

    auto database = openOrFail(QString::fromStdString(path));
    storage::AssessmentRepository repository(*database, "test");
    CHECK(*repository.count() == 1);
}

TEST_CASE("The store and db commands report an unusable database clearly", "[storage][cli]")
{
    TempFolder folder;
    const QString blocker = folder.file(QStringLiteral("blocker"));
    writeBytes(blocker, "a file");
    const std::string path = QString(blocker + QStringLiteral("/spinepath.sqlite")).toStdString();
    CliRun run = runCli({"store", "--jsonl", "--db", path}, completeAnswers("A B").dump() + "\n");
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.err, Catch::Contains("cannot create the folder") || Catch::Contains("not a folder"));
    CHECK(run.out.empty()); // nothing claimed as stored

    // SPINEPATH_DB is honoured when --db is absent.
    const QString fromEnvironment = folder.file(QStringLiteral("env.sqlite"));
    qputenv("SPINEPATH_DB", QFile::encodeName(fromEnvironment));
    run = runCli({"store", "--jsonl"}, completeAnswers("A B").dump() + "\n");
    qunsetenv("SPINEPATH_DB");
    CHECK(run.exitCode == 0);
    CHECK(QFileInfo::exists(fromEnvironment));
}
