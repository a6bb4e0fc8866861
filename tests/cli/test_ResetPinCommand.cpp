// spinepath-cli db reset-pin, run as a child process: the one-time reset code
// it prints, and --new-pin, which reads the PIN from a pipe or, unechoed,
// from a terminal, never from the command line.
#include "storage/StorageTestSupport.h"
#include "support/ChildProcess.h"

#include "core/security/StaffPin.h"
#include "core/storage/AuditLog.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace storagetest;
using spinepath::security::ResetOutcome;
using spinepath::security::SignInOutcome;
using spinepath::security::StaffPin;
using spinepath::test::ProcessResult;
using spinepath::test::runCli;

namespace {

const std::string kOldPin = "482915";
const std::string kNewPin = "Blue heron 42";

// A database with a PIN, locked after too many wrong ones.
std::string lockedDatabase(TempFolder& folder)
{
    const QString file = folder.file(QStringLiteral("spinepath.sqlite"));
    auto database = openOrFail(file);
    QDateTime now = QDateTime::currentDateTimeUtc();
    StaffPin pin(
        *database, [&now] { return now; }, StaffPin::Cost::Minimal);
    REQUIRE(pin.set(kOldPin));
    while (!pin.isLockedOut()) {
        (void)pin.verify("000000");
        now = now.addSecs(StaffPin::kLongestWait.count());
    }
    return file.toStdString();
}

SignInOutcome::Kind signIn(const std::string& path, const std::string& secret)
{
    auto database = openOrFail(QString::fromStdString(path));
    return StaffPin(*database, {}, StaffPin::Cost::Minimal).verify(secret).kind;
}

std::vector<storage::AuditEntry> auditOf(const std::string& path)
{
    auto database = openOrFail(QString::fromStdString(path));
    return storage::AuditLog(*database).list(1000).value();
}

// Runs spinepath-cli on a pseudo-terminal, as a person at a terminal would;
// `answers` are typed one by one, each once the prompt before it is shown.
struct TerminalRun
{
    int exitCode = -1;
    std::string screen; // everything the terminal showed
};

TerminalRun runOnTerminal(const std::vector<std::string>& arguments,
                          const std::vector<std::pair<std::string, std::string>>& answers)
{
    std::vector<std::string> words{SPINEPATH_CLI_PATH};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);

    int terminal = -1;
    const pid_t child = ::forkpty(&terminal, nullptr, nullptr, nullptr);
    REQUIRE(child >= 0);
    if (child == 0) {
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    TerminalRun run;
    std::size_t next = 0;
    // Bounded so a hang fails the test instead of blocking it.
    for (int rounds = 0; rounds < 600; ++rounds) {
        pollfd fd{terminal, POLLIN, 0};
        ::poll(&fd, 1, 100);
        char buffer[4096];
        const ssize_t got = ::read(terminal, buffer, sizeof buffer);
        if (got > 0)
            run.screen.append(buffer, static_cast<std::size_t>(got));
        else if (got < 0 && errno != EAGAIN && errno != EINTR)
            break; // EIO: the program ended and closed the terminal
        if (next < answers.size() && run.screen.find(answers[next].first) != std::string::npos) {
            const std::string line = answers[next].second + "\n";
            REQUIRE(::write(terminal, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
            // The same prompt text may come again: look for it after this point only.
            run.screen += "\n[answered]\n";
            ++next;
        }
    }
    ::close(terminal);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

} // namespace

// The code must be entered with the new PIN; the kiosk cannot set one without it.
TEST_CASE("db reset-pin forgets the PIN and its lock and prints a one-time code, stored only as a hash",
          "[cli][resetpin]")
{
    TempFolder folder;
    const std::string path = lockedDatabase(folder);
    const ProcessResult run = runCli({"db", "reset-pin", "--db", path});
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const json report = json::parse(run.out);
    CHECK(report["staff_pin"] == "cleared");
    const std::string code = report["reset_code"];
    REQUIRE(code.size() == StaffPin::kResetCodeLength + 2);
    CHECK_THAT(report["next"].get<std::string>(), Catch::Contains("15 minutes"));
    CHECK(QDateTime::fromString(QString::fromStdString(report["expires_at"]), Qt::ISODateWithMs) >
          QDateTime::currentDateTimeUtc().addSecs(14 * 60));

    {
        auto database = openOrFail(QString::fromStdString(path));
        StaffPin pin(*database, {}, StaffPin::Cost::Minimal);
        CHECK_FALSE(pin.isSet().value());
        CHECK_FALSE(pin.isLockedOut());
        // Without the code nothing is set; with it, the new PIN is.
        CHECK(pin.setWithResetCode("AAAA-BBBB-CCCC", kNewPin).kind == ResetOutcome::Kind::Rejected);
        CHECK_FALSE(pin.isSet().value());
        REQUIRE(database->checkpoint());
    }
    std::string bare = code;
    bare.erase(std::remove(bare.begin(), bare.end(), '-'), bare.end());
    CHECK_THAT(fileBytes(QString::fromStdString(path)).toStdString(), !Catch::Contains(bare));
    {
        auto database = openOrFail(QString::fromStdString(path));
        StaffPin pin(*database, {}, StaffPin::Cost::Minimal);
        CHECK(pin.setWithResetCode(code, kNewPin).kind == ResetOutcome::Kind::Accepted);
    }
    CHECK(signIn(path, kNewPin) == SignInOutcome::Kind::Accepted);

    const auto entries = auditOf(path);
    const auto cleared = std::find_if(entries.begin(), entries.end(), [](const auto& entry) {
        return entry.action == storage::audit::kPinCleared;
    });
    REQUIRE(cleared != entries.end());
    CHECK(cleared->actor.starts_with("cli"));
    for (const auto& entry : entries)
        CHECK(entry.toJson().dump().find(bare.substr(0, 6)) == std::string::npos);
    CHECK(runCli({"db", "reset-pin", "extra", "--db", path}).exitCode == 2);
    CHECK(runCli({"db", "stats", "--new-pin", "--db", path}).exitCode == 2);
}

TEST_CASE("db reset-pin --new-pin sets the PIN read from standard input, never from the arguments",
          "[cli][resetpin]")
{
    TempFolder folder;
    const std::string path = lockedDatabase(folder);

    // A PIN on the command line is refused, and nothing changes.
    const ProcessResult onArgv = runCli({"db", "reset-pin", "--new-pin", kNewPin, "--db", path});
    CHECK(onArgv.exitCode == 2);
    CHECK(signIn(path, kNewPin) == SignInOutcome::Kind::LockedOut);

    // Too weak, or nothing at all: refused with the reason, nothing changes.
    const ProcessResult weak = runCli({"db", "reset-pin", "--new-pin", "--db", path}, "123456\n");
    CHECK(weak.exitCode == 2);
    CHECK_THAT(weak.err, Catch::Contains("in a row"));
    const ProcessResult empty = runCli({"db", "reset-pin", "--new-pin", "--db", path}, "");
    CHECK(empty.exitCode == 2);
    CHECK_THAT(empty.err, Catch::Contains("no PIN was given"));

    const ProcessResult piped = runCli({"db", "reset-pin", "--new-pin", "--db", path}, kNewPin + "\n");
    INFO(piped.err);
    CHECK(piped.exitCode == 0);
    CHECK_THAT(piped.out, Catch::Contains("set"));
    CHECK_THAT(piped.out + piped.err, !Catch::Contains("heron"));
    // The lock is gone with the old PIN.
    CHECK(signIn(path, kOldPin) == SignInOutcome::Kind::Rejected);
    CHECK(signIn(path, kNewPin) == SignInOutcome::Kind::Accepted);
    const auto entries = auditOf(path);
    CHECK(std::any_of(entries.begin(), entries.end(), [](const auto& entry) {
        return entry.action == storage::audit::kPinSet && entry.actor.starts_with("cli");
    }));
}

TEST_CASE("db reset-pin --new-pin on a terminal asks twice and never shows what is typed", "[cli][resetpin]")
{
    TempFolder folder;
    const std::string path = lockedDatabase(folder);
    const std::vector<std::string> arguments{"db", "reset-pin", "--new-pin", "--db", path};

    const TerminalRun different =
        runOnTerminal(arguments, {{"New staff PIN", kNewPin}, {"The same again", "Blue heron 43"}});
    INFO(different.screen);
    CHECK(different.exitCode == 2);
    CHECK_THAT(different.screen, Catch::Contains("not the same"));
    CHECK_THAT(different.screen, !Catch::Contains("heron"));
    CHECK(signIn(path, kNewPin) == SignInOutcome::Kind::LockedOut);

    const TerminalRun run =
        runOnTerminal(arguments, {{"New staff PIN", kNewPin}, {"The same again", kNewPin}});
    INFO(run.screen);
    CHECK(run.exitCode == 0);
    CHECK_THAT(run.screen, !Catch::Contains("heron"));
    CHECK(signIn(path, kNewPin) == SignInOutcome::Kind::Accepted);
}
