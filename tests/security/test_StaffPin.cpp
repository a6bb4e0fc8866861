// The staff PIN: Argon2id hash, weak PINs refused, growing waits, the
// lockout, state that survives a restart, and an audit trail without the PIN.
#include "support/TempDir.h"

#include "core/security/StaffPin.h"
#include "core/storage/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/Settings.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QSqlQuery>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <sstream>
#include <string>

namespace {

namespace storage = spinepath::storage;
using spinepath::security::SignInOutcome;
using spinepath::security::StaffPin;
using std::chrono::seconds;
using Kind = SignInOutcome::Kind;
using ResetKind = spinepath::security::ResetOutcome::Kind;

const std::string kPin = "482915";
const std::string kWrong = "000417";

// QtSql's driver plugins need a QCoreApplication.
void ensureApplication()
{
    static int argc = 1;
    static char name[] = "test_StaffPin";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* application =
        QCoreApplication::instance() ? QCoreApplication::instance() : new QCoreApplication(argc, argv);
    static_cast<void>(application);
}

std::unique_ptr<storage::Database> openAt(const std::string& path)
{
    ensureApplication();
    storage::OpenOptions options;
    options.path = QString::fromStdString(path);
    auto database = storage::Database::open(options);
    INFO((database ? std::string() : database.error().message));
    REQUIRE(database);
    return std::move(database).value();
}

// A clock the test moves by hand.
struct FakeClock
{
    QDateTime at = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    StaffPin::Clock clock()
    {
        return [this] { return at; };
    }
    void advance(seconds by) { at = at.addSecs(by.count()); }
};

std::optional<std::string> storedValue(const storage::Database& database, const std::string& key)
{
    auto value = storage::Settings(database, "test").text(key);
    REQUIRE(value);
    return *value;
}

std::vector<storage::AuditEntry> auditEntries(const storage::Database& database)
{
    auto entries = storage::AuditLog(database).list(1000);
    REQUIRE(entries);
    return *entries;
}

int countAction(const std::vector<storage::AuditEntry>& entries, std::string_view action)
{
    return static_cast<int>(std::count_if(entries.begin(), entries.end(),
                                          [&](const auto& entry) { return entry.action == action; }));
}

// A database in a folder of its own, a clock the test moves, and a StaffPin
// over both at the cheapest Argon2id cost: what most tests start from. The
// tests use the members as they would locals.
struct PinSetUp
{
    spinepath::test::TempDir folder;
    std::unique_ptr<storage::Database> database = openAt(folder.path("spinepath.sqlite"));
    FakeClock clock;
    StaffPin pin{*database, clock.clock(), StaffPin::Cost::Minimal};
};

// Fails `count` times, waiting out each wait first; returns the last outcome.
SignInOutcome failTimes(StaffPin& pin, FakeClock& clock, int count)
{
    SignInOutcome outcome;
    for (int i = 0; i < count; ++i) {
        clock.advance(pin.waitRemaining());
        outcome = pin.verify(kWrong);
    }
    return outcome;
}

} // namespace

TEST_CASE("The PIN is stored as an Argon2id hash, never as itself", "[staffpin]")
{
    spinepath::test::TempDir folder;
    auto database = openAt(folder.path("spinepath.sqlite"));
    StaffPin pin(*database, {}, StaffPin::Cost::Minimal);

    CHECK_FALSE(*pin.isSet());
    CHECK(pin.verify(kPin).kind == Kind::NoPinSet);
    CHECK(countAction(auditEntries(*database), storage::audit::kSignInRefused) == 1);

    REQUIRE(pin.set(kPin));
    CHECK(*pin.isSet());
    const auto hash = storedValue(*database, std::string(StaffPin::kHashKey));
    REQUIRE(hash);
    CHECK_THAT(*hash, Catch::StartsWith("$argon2id$"));
    CHECK_THAT(*hash, !Catch::Contains(kPin));

    // Each hash has its own salt: the same PIN set again is stored differently.
    REQUIRE(pin.set(kPin));
    CHECK(*storedValue(*database, std::string(StaffPin::kHashKey)) != *hash);
}

TEST_CASE_METHOD(PinSetUp, "The right PIN is accepted and a wrong one rejected", "[staffpin]")
{
    REQUIRE(pin.set("Blue heron 42"));

    const auto wrong = pin.verify("blue heron 42");
    CHECK(wrong.kind == Kind::Rejected);
    CHECK(wrong.failuresInRow == 1);
    CHECK(wrong.wait == seconds(0));
    CHECK(wrong.message == "Wrong PIN.");
    CHECK(pin.verify("Blue heron 4").kind == Kind::Rejected);
    CHECK(pin.verify("").kind == Kind::Rejected);

    clock.advance(pin.waitRemaining());
    const auto right = pin.verify("Blue heron 42");
    CHECK(right.kind == Kind::Accepted);
    CHECK(right.failuresInRow == 0);

    // Accepted resets the count: the next failure is the first again.
    CHECK(pin.verify(kWrong).failuresInRow == 1);
}

TEST_CASE("Weak PINs and passphrases are refused with a reason", "[staffpin]")
{
    for (const std::string weak : {"", "12345", "abc", "ééééé", "111111", "aaaaaaaa", "éééééé", "123456",
                                   "3456789", "987654", "0123456789"}) {
        INFO(weak);
        CHECK(StaffPin::weakness(weak).has_value());
    }
    for (const std::string fine :
         {"482915", "135790", "112233", "Blue heron 42", "passé!", "1234567a", "999998"}) {
        INFO(fine);
        CHECK_FALSE(StaffPin::weakness(fine).has_value());
    }
    CHECK_THAT(*StaffPin::weakness("12345"), Catch::Contains("at least 6"));
    CHECK_THAT(*StaffPin::weakness("777777"), Catch::Contains("repeated"));
    CHECK_THAT(*StaffPin::weakness("123456"), Catch::Contains("in a row"));

    spinepath::test::TempDir folder;
    auto database = openAt(folder.path("spinepath.sqlite"));
    StaffPin pin(*database, {}, StaffPin::Cost::Minimal);
    const auto refused = pin.set("123456");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == storage::ErrorKind::InvalidArgument);
    CHECK_THAT(refused.error().message, Catch::Contains("in a row"));
    CHECK_FALSE(*pin.isSet());
    CHECK(countAction(auditEntries(*database), storage::audit::kPinSet) == 0);
}

TEST_CASE_METHOD(PinSetUp, "Failures in a row wait longer and longer, but never more than a minute",
                 "[staffpin]")
{
    REQUIRE(pin.set(kPin));

    const std::vector<long long> expected{0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("failure " << i + 1);
        CHECK(pin.waitRemaining() == seconds(0));
        const auto outcome = pin.verify(kWrong);
        CHECK(outcome.kind == Kind::Rejected);
        CHECK(outcome.failuresInRow == static_cast<int>(i) + 1);
        CHECK(outcome.wait == seconds(expected[i]));
        CHECK(pin.waitRemaining() == seconds(expected[i]));
        clock.advance(outcome.wait);
    }
    CHECK(StaffPin::waitAfter(StaffPin::kMaxFailures - 1) == seconds(60));
    // Far from the lock a wrong PIN does not count down to it.
    CHECK_THAT(pin.verify(kWrong).message, !Catch::Contains("left"));
}

// Ten wrong PINs used to lock the console for 15 minutes,
// again and again, across restarts.
TEST_CASE_METHOD(PinSetUp, "A patient typing wrong PINs keeps staff out for a minute at most", "[staffpin]")
{
    REQUIRE(pin.set(kPin));
    REQUIRE(failTimes(pin, clock, 10).kind == Kind::Rejected);
    CHECK_FALSE(pin.isLockedOut());
    CHECK(pin.waitRemaining() <= StaffPin::kLongestWait);
    clock.advance(StaffPin::kLongestWait);
    CHECK(pin.verify(kPin).kind == Kind::Accepted);

    // However long the patient goes on, short of the lock, each wait is a minute at most.
    for (int i = 1; i < StaffPin::kMaxFailures; ++i) {
        INFO("failure " << i);
        clock.advance(pin.waitRemaining());
        const auto outcome = pin.verify(kWrong);
        REQUIRE(outcome.kind == Kind::Rejected);
        CHECK(outcome.wait <= StaffPin::kLongestWait);
        CHECK(pin.waitRemaining() <= StaffPin::kLongestWait);
    }
    CHECK_THAT(pin.verify(kPin).message, Catch::Contains("Too many tries. Try again in 1:00"));
    clock.advance(StaffPin::kLongestWait);
    CHECK(pin.verify(kPin).kind == Kind::Accepted);
}

TEST_CASE_METHOD(PinSetUp, "100 wrong PINs in a row lock the console until the PIN is reset", "[staffpin]")
{
    REQUIRE(pin.set(kPin));
    const auto nearly = failTimes(pin, clock, StaffPin::kMaxFailures - 1);
    CHECK(nearly.kind == Kind::Rejected);
    CHECK_THAT(nearly.message, Catch::Contains("1 try left before the console locks until the PIN is reset"));

    const auto locked = failTimes(pin, clock, 1);
    CHECK(locked.kind == Kind::LockedOut);
    CHECK(locked.failuresInRow == StaffPin::kMaxFailures);
    CHECK_THAT(locked.message, Catch::Contains("spinepath-cli db reset-pin"));
    CHECK(pin.isLockedOut());
    CHECK(pin.waitRemaining() == seconds(0));
    CHECK(countAction(auditEntries(*database), storage::audit::kLockedOut) == 1);

    // No wait ends it, and the right PIN does not help: the try is refused unchecked, and audited.
    clock.advance(seconds(24 * 3600));
    const int refusedBefore = countAction(auditEntries(*database), storage::audit::kSignInRefused);
    CHECK(pin.verify(kPin).kind == Kind::LockedOut);
    CHECK(pin.verify(kWrong).kind == Kind::LockedOut);
    CHECK(countAction(auditEntries(*database), storage::audit::kSignInRefused) == refusedBefore + 2);
    CHECK(countAction(auditEntries(*database), storage::audit::kSignInFailed) == StaffPin::kMaxFailures);

    // The reset procedure clears it.
    const auto code = pin.issueResetCode("cli:it");
    REQUIRE(code);
    CHECK_FALSE(pin.isLockedOut());
    REQUIRE(pin.setWithResetCode(code->code, "Blue heron 42").kind == ResetKind::Accepted);
    const auto fresh = pin.verify(kWrong);
    CHECK(fresh.kind == Kind::Rejected);
    CHECK(fresh.failuresInRow == 1);
    CHECK(pin.verify("Blue heron 42").kind == Kind::Accepted);
}

TEST_CASE_METHOD(PinSetUp, "A try during a wait is refused without checking the PIN and is not counted",
                 "[staffpin]")
{
    REQUIRE(pin.set(kPin));

    REQUIRE(failTimes(pin, clock, 4).wait == seconds(2));
    const int failedRows = countAction(auditEntries(*database), storage::audit::kSignInFailed);
    REQUIRE(failedRows == 4);

    // Even the right PIN is refused: the hash is not looked at during a wait.
    clock.advance(seconds(1));
    for (const std::string& secret : {kPin, kWrong, kWrong}) {
        const auto outcome = pin.verify(secret);
        CHECK(outcome.kind == Kind::Throttled);
        CHECK(outcome.failuresInRow == 4);
        CHECK(outcome.wait == seconds(1));
        CHECK_THAT(outcome.message, Catch::Contains("0:01"));
    }
    CHECK(countAction(auditEntries(*database), storage::audit::kSignInFailed) == failedRows);
    CHECK(*storedValue(*database, std::string(StaffPin::kFailuresKey)) == "4");
    // Each refused try is in the trail, marked as refused, never with what was typed.
    const auto entries = auditEntries(*database);
    CHECK(countAction(entries, storage::audit::kSignInRefused) == 3);
    for (const auto& entry : entries) {
        if (entry.action != storage::audit::kSignInRefused)
            continue;
        CHECK(entry.detail == "during a wait after wrong PINs");
        CHECK(entry.detail.find(kPin) == std::string::npos);
    }

    // The wait rounds up: half a second left still counts as a second.
    clock.at = clock.at.addMSecs(500);
    CHECK(pin.waitRemaining() == seconds(1));
    clock.at = clock.at.addMSecs(500);
    const auto next = pin.verify(kWrong);
    CHECK(next.kind == Kind::Rejected);
    CHECK(next.failuresInRow == 5);
}

TEST_CASE("The count, the wait and the lock survive a restart", "[staffpin]")
{
    spinepath::test::TempDir folder;
    const std::string path = folder.path("spinepath.sqlite");
    FakeClock clock;
    {
        auto database = openAt(path);
        StaffPin pin(*database, clock.clock(), StaffPin::Cost::Minimal);
        REQUIRE(pin.set(kPin));
        REQUIRE(failTimes(pin, clock, 5).wait == seconds(4));
    }
    {
        auto database = openAt(path);
        StaffPin pin(*database, clock.clock(), StaffPin::Cost::Minimal);
        CHECK(*pin.isSet());
        CHECK(pin.waitRemaining() == seconds(4));
        const auto refused = pin.verify(kPin);
        CHECK(refused.kind == Kind::Throttled);
        CHECK(refused.failuresInRow == 5);
        REQUIRE(failTimes(pin, clock, StaffPin::kMaxFailures - 5).kind == Kind::LockedOut);
    }
    {
        auto database = openAt(path);
        StaffPin pin(*database, clock.clock(), StaffPin::Cost::Minimal);
        CHECK(pin.isLockedOut());
        clock.advance(seconds(3600));
        CHECK(pin.verify(kPin).kind == Kind::LockedOut);
    }
}

TEST_CASE_METHOD(PinSetUp, "A clock set back does not stretch a wait beyond its length", "[staffpin]")
{
    REQUIRE(pin.set(kPin));
    REQUIRE(failTimes(pin, clock, 9).wait == seconds(60));

    clock.advance(seconds(-3 * 3600));
    CHECK(pin.waitRemaining() == StaffPin::kLongestWait);
    CHECK(pin.verify(kPin).kind == Kind::Throttled);
    // The countdown runs from the corrected end, so it ends.
    clock.advance(StaffPin::kLongestWait - seconds(1));
    CHECK(pin.waitRemaining() == seconds(1));
    clock.advance(seconds(1));
    CHECK(pin.verify(kPin).kind == Kind::Accepted);
}

TEST_CASE_METHOD(PinSetUp, "A new PIN clears the waits and the lock of the old one", "[staffpin]")
{
    REQUIRE(pin.set(kPin));
    REQUIRE(failTimes(pin, clock, StaffPin::kMaxFailures).kind == Kind::LockedOut);
    REQUIRE(pin.set("Blue heron 42"));
    CHECK_FALSE(pin.isLockedOut());
    CHECK(pin.waitRemaining() == seconds(0));
    CHECK(pin.verify(kPin).kind == Kind::Rejected);
    CHECK(pin.verify("Blue heron 42").kind == Kind::Accepted);
}

TEST_CASE_METHOD(PinSetUp, "The 15-minute lock of older versions is ignored and removed", "[staffpin]")
{
    REQUIRE(pin.set(kPin));
    QSqlQuery sql(database->connection());
    REQUIRE(sql.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES "
                                    "('staff.locked_until', '2026-03-02T09:15:00.000Z')")));
    CHECK_FALSE(pin.isLockedOut());
    CHECK(pin.waitRemaining() == seconds(0));
    CHECK(pin.verify(kPin).kind == Kind::Accepted);
    REQUIRE(pin.set("Blue heron 42"));
    CHECK_FALSE(storedValue(*database, "staff.locked_until").has_value());
}

TEST_CASE("A damaged hash or an unusable database is reported, not counted", "[staffpin]")
{
    spinepath::test::TempDir folder;
    auto database = openAt(folder.path("spinepath.sqlite"));
    StaffPin pin(*database, {}, StaffPin::Cost::Minimal);
    REQUIRE(pin.set(kPin));

    QSqlQuery damage(database->connection());
    REQUIRE(damage.exec(QStringLiteral("UPDATE settings SET value = '482915' WHERE key = 'staff.pin_hash'")));
    const auto damaged = pin.verify(kPin);
    CHECK(damaged.kind == Kind::Failed);
    CHECK_THAT(damaged.message, Catch::Contains("damaged"));
    CHECK_FALSE(storedValue(*database, std::string(StaffPin::kFailuresKey)).has_value());

    database->close();
    const auto closed = pin.verify(kPin);
    CHECK(closed.kind == Kind::Failed);
    CHECK_FALSE(closed.message.empty());
    CHECK_FALSE(pin.set("Blue heron 42"));
    CHECK_FALSE(pin.isSet());
}

TEST_CASE_METHOD(PinSetUp,
                 "A try is counted before the PIN is checked, so a storage error gives nothing away",
                 "[staffpin]")
{
    REQUIRE(pin.set(kPin));

    // The audit trail refuses every row: the sign-in cannot be recorded.
    QSqlQuery sql(database->connection());
    REQUIRE(sql.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                                    "BEGIN SELECT RAISE(ABORT, 'refused'); END")));
    const auto right = pin.verify(kPin);
    const auto wrong = pin.verify(kWrong);
    CHECK(right.kind == Kind::Failed);
    CHECK(wrong.kind == Kind::Failed);
    // The same answer for the right and the wrong PIN.
    CHECK(right.message == wrong.message);
    // Both tries stay counted: unrecorded sign-ins fail closed, not open.
    CHECK(*storedValue(*database, std::string(StaffPin::kFailuresKey)) == "2");

    REQUIRE(sql.exec(QStringLiteral("DROP TRIGGER refuse_audit")));
    const auto next = pin.verify(kWrong);
    CHECK(next.kind == Kind::Rejected);
    CHECK(next.failuresInRow == 3);
    clock.advance(next.wait);
    CHECK(pin.verify(kPin).kind == Kind::Accepted);
    CHECK_FALSE(storedValue(*database, std::string(StaffPin::kFailuresKey)).has_value());
}

TEST_CASE("Sign-ins are audited without the PIN and without setting.changed rows", "[staffpin]")
{
    // Everything logged while the PIN is used, to check that it is not there.
    std::ostringstream logged;
    auto previous = spdlog::default_logger();
    auto capture =
        std::make_shared<spdlog::logger>("capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(logged));
    capture->set_level(spdlog::level::trace);
    spdlog::set_default_logger(capture);

    spinepath::test::TempDir folder;
    const std::string path = folder.path("spinepath.sqlite");
    const std::string passphrase = "Blue heron 42";
    std::string rawCode;
    {
        auto database = openAt(path);
        FakeClock clock;
        StaffPin pin(*database, clock.clock(), StaffPin::Cost::Minimal);
        REQUIRE(pin.set(passphrase));
        REQUIRE(pin.verify(passphrase).kind == Kind::Accepted);
        REQUIRE(failTimes(pin, clock, StaffPin::kMaxFailures).kind == Kind::LockedOut);
        REQUIRE(pin.verify(passphrase).kind == Kind::LockedOut);
        auto code = pin.issueResetCode("staff");
        REQUIRE(code);
        REQUIRE(pin.setWithResetCode("WRONG-CODE-1234", passphrase).kind == ResetKind::Rejected);
        REQUIRE(pin.setWithResetCode(code->code, passphrase).kind == ResetKind::Accepted);
        REQUIRE(pin.verify(passphrase).kind == Kind::Accepted);

        const auto entries = auditEntries(*database);
        CHECK(countAction(entries, storage::audit::kPinSet) == 2);
        CHECK(countAction(entries, storage::audit::kPinCleared) == 1);
        CHECK(countAction(entries, storage::audit::kSignedIn) == 2);
        CHECK(countAction(entries, storage::audit::kSignInFailed) == StaffPin::kMaxFailures);
        CHECK(countAction(entries, storage::audit::kLockedOut) == 1);
        CHECK(countAction(entries, storage::audit::kSignInRefused) == 1); // the try during the lock
        CHECK(countAction(entries, storage::audit::kResetCodeFailed) == 1);
        CHECK(countAction(entries, storage::audit::kSettingChanged) == 0);
        CHECK(entries.size() == 8 + StaffPin::kMaxFailures);
        const std::string codeCharacters = code->code.substr(0, 4) + code->code.substr(5, 4);
        for (const auto& entry : entries) {
            INFO(entry.toJson().dump());
            CHECK(entry.actor == "staff");
            CHECK_THAT(entry.toJson().dump(), !Catch::Contains(passphrase) && !Catch::Contains(kWrong) &&
                                                  !Catch::Contains("heron") &&
                                                  !Catch::Contains(codeCharacters) &&
                                                  !Catch::Contains("WRONG"));
        }
        rawCode = code->code;
        REQUIRE(database->checkpoint());
    }
    spdlog::set_default_logger(previous);

    CHECK_THAT(logged.str(), Catch::Contains("Staff signed in") && Catch::Contains("Staff sign-in failed"));
    CHECK_THAT(logged.str(), Catch::Contains("reset code"));
    rawCode.erase(std::remove(rawCode.begin(), rawCode.end(), '-'), rawCode.end());
    CHECK_THAT(logged.str(),
               !Catch::Contains("heron") && !Catch::Contains(kWrong) && !Catch::Contains(rawCode));
    // Not in the file either, in any form SQLite might have kept.
    CHECK_THAT(spinepath::test::readAll(path),
               !Catch::Contains("heron") && !Catch::Contains(kWrong) && !Catch::Contains(rawCode));
}

// After `db reset-pin` the next person to tap Staff could set a
// PIN of their own and open the console.
TEST_CASE_METHOD(PinSetUp, "After a reset nobody can set a PIN without the one-time code",
                 "[staffpin][reset]")
{
    REQUIRE(pin.set(kPin));
    const auto code = pin.issueResetCode("cli:it");
    REQUIRE(code);
    CHECK_FALSE(*pin.isSet());
    CHECK(pin.verify(kPin).kind == Kind::NoPinSet);

    // Twelve characters of the unambiguous alphabet, in groups of four.
    REQUIRE(code->code.size() == StaffPin::kResetCodeLength + 2);
    CHECK(code->code[4] == '-');
    CHECK(code->code[9] == '-');
    for (const char c : code->code)
        CHECK((c == '-' || StaffPin::kResetCodeAlphabet.find(c) != std::string_view::npos));
    CHECK(code->expiresAt == clock.at.addSecs(StaffPin::kResetCodeLifetime.count()));
    // A fresh code each time.
    CHECK(pin.issueResetCode("cli:it")->code != code->code);
    const auto current = pin.issueResetCode("cli:it");
    REQUIRE(current);

    // Only a hash is stored, never the code.
    const auto hash = storedValue(*database, std::string(StaffPin::kResetHashKey));
    REQUIRE(hash);
    CHECK_THAT(*hash, Catch::StartsWith("$argon2id$"));
    CHECK_THAT(*hash, !Catch::Contains(current->code.substr(0, 4)));

    // A PIN with no code, a guessed code, or the code before the current one: nothing is set.
    for (const std::string& guess : {std::string(), std::string("AAAA-BBBB-CCCC"), code->code}) {
        INFO(guess);
        clock.advance(StaffPin::kLongestWait);
        CHECK(pin.setWithResetCode(guess, "Blue heron 42").kind == ResetKind::Rejected);
        CHECK_FALSE(*pin.isSet());
    }
    const auto entries = auditEntries(*database);
    CHECK(countAction(entries, storage::audit::kResetCodeFailed) == 3);
    CHECK(countAction(entries, storage::audit::kPinCleared) == 3);
    CHECK(entries.back().action == storage::audit::kPinSet);
    for (const auto& entry : entries)
        CHECK(entry.detail.find(current->code.substr(0, 4)) == std::string::npos);
}

TEST_CASE_METHOD(PinSetUp, "The reset code sets the new PIN once, typed in any case with or without dashes",
                 "[staffpin][reset]")
{
    REQUIRE(pin.set(kPin));
    const auto code = pin.issueResetCode("cli:it");
    REQUIRE(code);
    std::string typed;
    for (const char c : code->code)
        if (c != '-')
            typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    typed.insert(6, " ");

    const auto set = pin.setWithResetCode(typed, "Blue heron 42");
    CHECK(set.kind == ResetKind::Accepted);
    CHECK(*pin.isSet());
    CHECK(pin.verify(kPin).kind == Kind::Rejected);
    CHECK(pin.verify("Blue heron 42").kind == Kind::Accepted);
    CHECK_FALSE(storedValue(*database, std::string(StaffPin::kResetHashKey)).has_value());

    // Used up: the same code cannot set another PIN.
    const auto again = pin.setWithResetCode(code->code, "Grey gull 77");
    CHECK(again.kind == ResetKind::NoCode);
    CHECK(pin.verify("Blue heron 42").kind == Kind::Accepted);
    const auto entries = auditEntries(*database);
    CHECK(countAction(entries, storage::audit::kResetCodeRefused) == 1);
    CHECK(std::any_of(entries.begin(), entries.end(), [](const auto& entry) {
        return entry.action == storage::audit::kPinSet && entry.detail == "with a reset code";
    }));
}

TEST_CASE_METHOD(PinSetUp, "A reset code expires after 15 minutes", "[staffpin][reset]")
{
    const auto code = pin.issueResetCode("cli:it");
    REQUIRE(code);
    clock.advance(StaffPin::kResetCodeLifetime);
    const auto late = pin.setWithResetCode(code->code, "Blue heron 42");
    CHECK(late.kind == ResetKind::Expired);
    CHECK_THAT(late.message, Catch::Contains("15 minutes"));
    CHECK_FALSE(*pin.isSet());
    // Gone for good, even if the clock is set back.
    clock.advance(-StaffPin::kResetCodeLifetime);
    CHECK(pin.setWithResetCode(code->code, "Blue heron 42").kind == ResetKind::NoCode);
    CHECK(countAction(auditEntries(*database), storage::audit::kResetCodeRefused) == 2);

    // A clock set back while the code waits does not lengthen its life.
    const auto next = pin.issueResetCode("cli:it");
    REQUIRE(next);
    clock.advance(seconds(-3 * 3600));
    // The next try finds that it would end too far ahead and shortens it.
    CHECK(pin.setWithResetCode("ZZZZ-ZZZZ-ZZZZ", "Blue heron 42").kind == ResetKind::Rejected);
    clock.advance(StaffPin::kResetCodeLifetime);
    CHECK(pin.setWithResetCode(next->code, "Blue heron 42").kind == ResetKind::Expired);
}

TEST_CASE_METHOD(PinSetUp,
                 "Wrong reset codes wait as wrong PINs do; tries during a wait are refused and audited",
                 "[staffpin][reset]")
{
    const auto code = pin.issueResetCode("cli:it");
    REQUIRE(code);
    const std::vector<long long> expected{0, 0, 1, 2, 4, 8, 16, 32, 60, 60};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("wrong code " << i + 1);
        const auto outcome = pin.setWithResetCode("ZZZZ-ZZZZ-ZZZZ", "Blue heron 42");
        CHECK(outcome.kind == ResetKind::Rejected);
        CHECK(outcome.failuresInRow == static_cast<int>(i) + 1);
        CHECK(outcome.wait == seconds(expected[i]));
        if (outcome.wait > seconds(0)) {
            // Refused without checking, even with the right code, and recorded.
            const auto during = pin.setWithResetCode(code->code, "Blue heron 42");
            CHECK(during.kind == ResetKind::Throttled);
            CHECK(during.wait == outcome.wait);
        }
        clock.advance(outcome.wait);
    }
    CHECK_FALSE(*pin.isSet());
    const auto entries = auditEntries(*database);
    CHECK(countAction(entries, storage::audit::kResetCodeFailed) == 10);
    CHECK(countAction(entries, storage::audit::kResetCodeRefused) == 8);
    // Staff with the right code are kept out for a minute at most.
    CHECK(pin.setWithResetCode(code->code, "Blue heron 42").kind == ResetKind::Accepted);
}

TEST_CASE_METHOD(PinSetUp, "A weak new PIN is refused before the reset code is looked at",
                 "[staffpin][reset]")
{
    const auto code = pin.issueResetCode("cli:it");
    REQUIRE(code);
    const auto weak = pin.setWithResetCode(code->code, "123456");
    CHECK(weak.kind == ResetKind::WeakPin);
    CHECK_THAT(weak.message, Catch::Contains("in a row"));
    CHECK_FALSE(storedValue(*database, std::string(StaffPin::kResetFailuresKey)).has_value());
    CHECK(pin.setWithResetCode(code->code, "Blue heron 42").kind == ResetKind::Accepted);
}

TEST_CASE_METHOD(PinSetUp, "A PIN set at the command line voids a waiting reset code", "[staffpin][reset]")
{
    const auto code = pin.issueResetCode("cli:it");
    REQUIRE(code);
    REQUIRE(pin.set(kPin, "cli:it"));
    CHECK(pin.setWithResetCode(code->code, "Blue heron 42").kind == ResetKind::NoCode);
    CHECK(pin.verify(kPin).kind == Kind::Accepted);
    const auto entries = auditEntries(*database);
    CHECK(std::any_of(entries.begin(), entries.end(), [](const auto& entry) {
        return entry.action == storage::audit::kPinSet && entry.actor == "cli:it";
    }));
}

TEST_CASE("Copies of a secret are wiped", "[staffpin]")
{
    std::string text = kPin;
    spinepath::security::wipe(text);
    CHECK(text.empty());
    QByteArray bytes = QByteArray::fromStdString(kPin);
    spinepath::security::wipe(bytes);
    CHECK(bytes.isEmpty());
    QString qtext = QString::fromStdString(kPin);
    spinepath::security::wipe(qtext);
    CHECK(qtext.isEmpty());
}
