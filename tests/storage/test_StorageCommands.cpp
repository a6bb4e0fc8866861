#include "StorageTestSupport.h"
#include "support/ChildProcess.h"

#include "support/TempDir.h"

#include "core/security/StaffPin.h"
#include "core/storage/AssessmentExport.h"
#include "core/storage/AuditLog.h"
#include "core/storage/PrivateFiles.h"

#include <QFileInfo>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>

using namespace storagetest;
using spinepath::test::ProcessResult;
using spinepath::test::runCli;

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
    const ProcessResult run = runCli({"store", "--jsonl", "--db", path, "--mode", "home"}, mixedInput());
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.err, Catch::Contains("2 lines could not be stored"));
    const auto lines = jsonLines(run.out);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0]["category"] == "regenerative_evaluation");
    CHECK(lines[0]["id"].get<std::string>().size() == 36);
    CHECK(lines[1]["line"] == 2);
    CHECK_THAT(lines[1]["error"].get<std::string>(), Catch::Contains("no.such.item"));
    CHECK(lines[2]["category"] == "urgent");
    CHECK(lines[3]["line"] == 5); // the blank line 4 is skipped, not counted as an assessment
    // Spec v2: the unanswered safety screen is never read as "no".
    CHECK(lines[4]["category"] == "physician_review");
    CHECK(lines[5]["category"] == "regenerative_evaluation");
    // The id comes first, as documented.
    CHECK(textLines(run.out)[0].starts_with("{\"id\":"));
    CHECK(permissionBits(QString::fromStdString(path)) == 0600);

    auto database = openOrFail(QString::fromStdString(path));
    AssessmentStore store(*database, "test");
    CHECK(*store.queries.count() == 4);
    auto stored = store.queries.get(lines[5]["id"]);
    REQUIRE(stored);
    CHECK(stored->mode == spinepath::AssessmentMode::Home);
    CHECK(stored->status == storage::Status::Completed);
    CHECK(stored->patient.name == "Fhir Formed");
    CHECK(stored->answers["resourceType"] == "QuestionnaireResponse");
    CHECK(stored->answers["status"] == "completed");
    CHECK(store.queries.get(lines[4]["id"])->answers["status"] == "stopped"); // partial, yet scored
    CHECK(stored->flags.empty());
    CHECK(store.queries.get(lines[2]["id"])->flags ==
          std::vector<std::string>{"cauda_equina_saddle_numbness"});
}

TEST_CASE("db export writes JSON Lines, CSV and a FHIR Bundle", "[storage][cli]")
{
    TempFolder folder;
    const std::string path = folder.file(QStringLiteral("spinepath.sqlite")).toStdString();
    REQUIRE(runCli({"store", "--jsonl", "--db", path}, mixedInput()).exitCode == 1);

    SECTION("jsonl: id, flat answers and the result")
    {
        const ProcessResult run = runCli({"db", "export", "--db", path, "--format", "jsonl"});
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
        const ProcessResult run = runCli({"db", "export", "--db", path, "--format", "csv"});
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
        const ProcessResult run = runCli({"db", "export", "--db", path, "--format", "fhir"});
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
    ProcessResult run = runCli({"db", "check", "--db", path.toStdString()});
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
    const ProcessResult stored = runCli({"store", "--jsonl", "--db", path}, mixedInput());
    const auto ids = jsonLines(stored.out);

    ProcessResult run = runCli({"db", "stats", "--db", path});
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
    const ProcessResult run = runCli({"db", "reset-pin", "--db", file.toStdString()});
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
    // Lines of {} became "completed" assessments, and a response
    // naming another questionnaire was stored as the intake.
    TempFolder folder;
    const std::string path = folder.file(QStringLiteral("spinepath.sqlite")).toStdString();
    json foreign = responseFor(completeAnswers("Other Form"));
    foreign["questionnaire"] = "http://evil.example/Questionnaire/intake|9.9";
    // Only an answer to a question that is not shown (dx.told is not "deformity").
    const json hiddenOnly = {{"dx.deformity_progressive", true}};
    const std::string input = "{}\n" + completeAnswers("Kept Answers").dump() + "\n{}\n" + foreign.dump() +
                              "\n" + hiddenOnly.dump() + "\n";
    const ProcessResult run = runCli({"store", "--jsonl", "--db", path}, input);
    INFO(run.err);
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.err, Catch::Contains("4 lines could not be stored"));
    CHECK_THAT(run.err, Catch::Contains("line 5: 1 answer ignored because their questions are not shown: "
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
    AssessmentStore store(*database, "test");
    CHECK(*store.queries.count() == 1);
}

TEST_CASE("The store and db commands report an unusable database clearly", "[storage][cli]")
{
    TempFolder folder;
    const QString blocker = folder.file(QStringLiteral("blocker"));
    writeBytes(blocker, "a file");
    const std::string path = QString(blocker + QStringLiteral("/spinepath.sqlite")).toStdString();
    ProcessResult run = runCli({"store", "--jsonl", "--db", path}, completeAnswers("A B").dump() + "\n");
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

namespace {

// The project's content copied to `folder`, with the rules changed so that
// the regenerative pathway never fires (a stand-in for new rules) and a new
// ruleset version. Returns the content folder.
std::string changedRules(const TempFolder& folder)
{
    const std::filesystem::path target = folder.file(QStringLiteral("content")).toStdString();
    std::filesystem::copy(SPINEPATH_SOURCE_DIR "/content", target, std::filesystem::copy_options::recursive);
    const std::filesystem::path rulesFile = target / "rules" / "spinepath-core.json";
    json rules = json::parse(spinepath::test::readAll(rulesFile.string()));
    rules["version"] = "1.1.0-test";
    bool found = false;
    for (json& category : rules["categories"])
        if (category["id"] == "regenerative_evaluation") {
            category["when"] = false;
            found = true;
        }
    REQUIRE(found);
    std::ofstream(rulesFile, std::ios::binary | std::ios::trunc) << rules.dump(2);
    return target.string();
}

// Sets the answer to `linkId` in a QuestionnaireResponse, found at any
// depth, as if it had been stored so (or the questionnaire had changed).
bool setAnswer(json& node, const std::string& linkId, const json& value)
{
    if (node.is_object() && node.value("linkId", "") == linkId && node.contains("answer")) {
        node["answer"] = json::array({{{"valueInteger", value}}});
        return true;
    }
    if (node.is_object() || node.is_array())
        for (auto& child : node)
            if (setAnswer(child, linkId, value))
                return true;
    return false;
}

} // namespace

TEST_CASE("db rescore lists category changes, writes nothing with --dry-run, and writes and audits without",
          "[storage][cli][rescore]")
{
    TempFolder folder;
    const QString file = folder.file(QStringLiteral("spinepath.sqlite"));
    const std::string path = file.toStdString();
    std::vector<std::string> ids;
    {
        auto database = openOrFail(file);
        AssessmentStore store(*database, "test");
        json urgent = completeAnswers("Ursula Rescore");
        urgent["redflag.saddle_numbness"] = true;
        // Answers the questionnaire refuses (a PEG rating out of range),
        // stored with a result from before: re-scoring must leave it alone
        // and must not repeat the value.
        storage::CompletedAssessment broken = completed("Bertil Rescore");
        REQUIRE(setAnswer(broken.answers.response, "peg.pain", 987654));
        auto stored = store.lifecycle.storeCompleted(
            std::vector{completed("Regina Rescore"), completed("", {}, urgent), broken});
        REQUIRE(stored);
        ids = *stored;
        REQUIRE(store.queries.get(ids[0])->category == "regenerative_evaluation");
    }
    const std::string contentDir = changedRules(folder);
    const auto changed = spinepath::scoring::ScreeningContent::load(contentDir);
    const std::string newCategory = changed.scorer().score(completeAnswers("Regina Rescore")).category;
    REQUIRE(newCategory != "regenerative_evaluation");
    const std::string expectedLine = ids[0] + ": regenerative_evaluation -> " + newCategory + " (ruleset " +
                                     content().ruleset().version() + " -> 1.1.0-test)";

    SECTION("--dry-run lists the change and leaves every byte as it was")
    {
        const auto before = snapshot(folder.path());
        const ProcessResult run =
            runCli({"db", "rescore", "--dry-run", "--db", path, "--content", contentDir});
        CHECK(run.exitCode == 1); // the refused answer set
        CHECK(textLines(run.out) == std::vector<std::string>{expectedLine});
        CHECK_THAT(run.err, Catch::Contains(ids[2]) && Catch::Contains("peg.pain") &&
                                Catch::Contains("dry run: nothing was written"));
        CHECK(run.err.find("987654") == std::string::npos);
        CHECK(run.err.find("Rescore") == std::string::npos); // no names either
        CHECK(snapshot(folder.path()) == before);
    }
    SECTION("without --dry-run the new results are stored, once, with one audit entry")
    {
        const ProcessResult run = runCli({"db", "rescore", "--db", path, "--content", contentDir});
        CHECK(run.exitCode == 1);
        CHECK(textLines(run.out) == std::vector<std::string>{expectedLine});
        CHECK_THAT(run.err, Catch::Contains("the new results are stored"));

        {
            auto database = openOrFail(file);
            AssessmentStore store(*database, "test");
            const auto regina = store.queries.get(ids[0]).value();
            CHECK(regina.category == newCategory);
            CHECK(regina.result->category == newCategory);
            CHECK(regina.content.rulesetVersion == "1.1.0-test");
            CHECK(regina.result->rulesetVersion == "1.1.0-test");
            CHECK(regina.scoredQuestionnaireVersion == content().questionnaire().version());
            CHECK(regina.rescoredAt.isValid());
            CHECK(regina.patient.name == "Regina Rescore"); // the answers stay as they were
            // Same category, but the result now names the new rules.
            const auto urgent = store.queries.get(ids[1]).value();
            CHECK(urgent.category == "urgent");
            CHECK(urgent.content.rulesetVersion == "1.1.0-test");
            CHECK(urgent.flags == std::vector<std::string>{"cauda_equina_saddle_numbness"});
            // Refused: left exactly as it was.
            const auto bertil = store.queries.get(ids[2]).value();
            CHECK(bertil.content.rulesetVersion == content().ruleset().version());
            CHECK_FALSE(bertil.rescoredAt.isValid());

            const auto entries = storage::AuditLog(*database).list(50).value();
            int runs = 0;
            for (const auto& entry : entries) {
                if (entry.action != storage::audit::kRescored)
                    continue;
                ++runs;
                CHECK(entry.assessmentId.empty());
                CHECK_THAT(entry.detail, Catch::Contains("1.1.0-test") && Catch::Contains("3 examined") &&
                                             Catch::Contains("2 updated") &&
                                             Catch::Contains("1 changed category") &&
                                             Catch::Contains("1 left as they were"));
                CHECK(entry.detail.find("Rescore") == std::string::npos);
            }
            CHECK(runs == 1);
        }
        // Done once: a second run finds nothing left to change.
        const ProcessResult again =
            runCli({"db", "rescore", "--dry-run", "--db", path, "--content", contentDir});
        CHECK(again.out.empty());
    }
    SECTION("a missing database is an error, and none is made")
    {
        const std::string missing = folder.file(QStringLiteral("none.sqlite")).toStdString();
        const ProcessResult run = runCli({"db", "rescore", "--db", missing, "--content", contentDir});
        CHECK(run.exitCode == 2);
        CHECK_THAT(run.err, Catch::Contains("There is no database"));
        CHECK_FALSE(QFileInfo::exists(QString::fromStdString(missing)));
    }
}

TEST_CASE("Read-only commands never create or replace a database", "[storage][cli]")
{
    TempFolder folder;
    const QString file = folder.file(QStringLiteral("spinepath.sqlite"));
    const std::string path = file.toStdString();
    const std::string pdf = folder.file(QStringLiteral("out.pdf")).toStdString();
    const std::vector<std::vector<std::string>> commands{
        {"db", "export", "--format", "jsonl", "--db", path},
        {"db", "stats", "--db", path},
        {"db", "check", "--db", path},
        {"report", "--db", path, "00000000-0000-4000-8000-000000000001", "-o", pdf},
    };

    SECTION("a missing file: a clear message, a non-zero exit, and still no file")
    {
        for (const auto& command : commands) {
            CAPTURE(command);
            const ProcessResult run = runCli(command);
            CHECK(run.exitCode != 0);
            CHECK_THAT(run.err, Catch::Contains("There is no database at " + path));
            CHECK(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
        }
    }
    SECTION("a damaged file: a clear message, a non-zero exit, and the file left where and as it was")
    {
        REQUIRE(runCli({"store", "--jsonl", "--db", path}, completeAnswers("A B").dump() + "\n").exitCode ==
                0);
        QByteArray bytes = fileBytes(file);
        for (qsizetype i = 4096; i < bytes.size(); i += 7)
            bytes[i] = char(0x5A);
        writeBytes(file, bytes);
        for (const QByteArray& damage : {bytes, QByteArray("plain text, not a database")}) {
            writeBytes(file, damage);
            const auto before = snapshot(folder.path());
            for (const auto& command : commands) {
                CAPTURE(command);
                const ProcessResult run = runCli(command);
                CHECK(run.exitCode != 0);
                CHECK_THAT(run.err, Catch::Contains("damaged") || Catch::Contains("integrity check") ||
                                        Catch::Contains("not a SpinePath database"));
                CHECK(run.out.empty());
                CHECK(snapshot(folder.path()) == before); // nothing set aside, nothing new
            }
        }
    }
}

namespace {

// A writer that ends without closing the database, as a killed or crashed
// SpinePath does: its -wal (holding a commit the file lacks) and -shm stay.
void writeAndVanish(const QString& path)
{
    ensureApplication();
    const storage::CompletedAssessment assessment = completed("Wally Walonly");
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        auto opened = storage::Database::open(optionsFor(path));
        bool stored = false;
        if (opened) {
            AssessmentStore store(**opened, "test");
            stored = store.lifecycle.storeCompleted(std::vector{assessment}).ok();
        }
        ::_exit(stored ? 0 : 1);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

} // namespace

TEST_CASE("db check and db stats change no byte on disk, even beside a -wal file left by a writer",
          "[storage][cli]")
{
    TempFolder folder;
    const QString file = folder.file(QStringLiteral("spinepath.sqlite"));
    const std::string path = file.toStdString();
    REQUIRE(runCli({"store", "--jsonl", "--db", path}, completeAnswers("A B").dump() + "\n").exitCode == 0);
    writeAndVanish(file);
    REQUIRE(QFileInfo(storage::walPath(file)).size() > 0);
    REQUIRE(QFileInfo::exists(storage::shmPath(file)));

    const auto before = snapshot(folder.path());
    const ProcessResult check = runCli({"db", "check", "--full", "--db", path});
    CHECK(check.exitCode == 0);
    CHECK_THAT(check.out, Catch::Contains("no problems found"));
    CHECK(snapshot(folder.path()) == before);
    // What the -wal holds is read all the same.
    const ProcessResult stats = runCli({"db", "stats", "--db", path});
    CHECK(stats.exitCode == 0);
    CHECK(json::parse(stats.out)["assessments"] == 2);
    CHECK(snapshot(folder.path()) == before);
}

namespace {

std::vector<std::string> auditActions(const QString& path)
{
    auto database = openOrFail(path);
    std::vector<std::string> actions;
    const auto entries = storage::AuditLog(*database).list(1000).value();
    for (const auto& entry : entries)
        if (entry.action.starts_with("export.") || entry.action == storage::audit::kExported)
            actions.insert(actions.begin(), entry.action + " " + entry.detail); // oldest first
    return actions;
}

} // namespace

TEST_CASE("db export is audited when it starts and when it ends, and writes files through a private "
          "temporary file",
          "[storage][cli][export]")
{
    TempFolder folder;
    const QString file = folder.file(QStringLiteral("spinepath.sqlite"));
    const std::string path = file.toStdString();
    {
        auto database = openOrFail(file);
        AssessmentStore store(*database, "test");
        // Enough to outgrow a pipe's buffer several times over.
        std::vector<storage::CompletedAssessment> batch(300, completed("Ex Porter"));
        REQUIRE(store.lifecycle.storeCompleted(batch));
    }

    SECTION("-o FILE: a complete 0600 file, with a start and an end entry")
    {
        const QString out = folder.file(QStringLiteral("export.jsonl"));
        const mode_t previous = ::umask(0);
        const ProcessResult run =
            runCli({"db", "export", "--format", "jsonl", "--db", path, "-o", out.toStdString()});
        ::umask(previous);
        CHECK(run.exitCode == 0);
        CHECK(run.out.empty());
        CHECK(permissionBits(out) == 0600);
        CHECK(jsonLines(fileBytes(out).toStdString()).size() == 300);
        CHECK(auditActions(file) == std::vector<std::string>{"export.started jsonl, all assessments",
                                                             "database.exported jsonl, 300 assessments"});
    }
    SECTION("cut short by a closed pipe (| head): recorded as started, then failed")
    {
        const std::string command = std::string("'") + SPINEPATH_CLI_PATH +
                                    "' db export --format jsonl --db '" + path +
                                    "' 2>/dev/null | head -c 100 >/dev/null";
        (void)std::system(command.c_str());
        const auto actions = auditActions(file);
        REQUIRE(actions.size() == 2);
        CHECK(actions[0] == "export.started jsonl, all assessments");
        CHECK(actions[1].starts_with("export.failed jsonl, stopped after "));
    }
    SECTION("a file that cannot be finished: no file under the name asked for, and a failed entry")
    {
        ensureApplication();
        const QString out = folder.file(QStringLiteral("no-such-folder/export.csv"));
        auto database = openOrFail(file);
        const storage::AssessmentExport exporter(*database, content().questionnaire(), "test");
        auto written = exporter.writeFile(storage::ExportFormat::Csv, storage::ExportSelection::all(), out,
                                          storage::audit::kExported);
        CHECK_FALSE(written);
        CHECK_FALSE(QFileInfo::exists(out));
        database.reset();
        CHECK(auditActions(file) ==
              std::vector<std::string>{"export.started csv, all assessments",
                                       "export.failed csv, stopped after 0 assessments"});
    }
}
