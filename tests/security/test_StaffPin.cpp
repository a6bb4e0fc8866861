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

#include <memory>
#include <sstream>
#include <string>

namespace {

namespace storage = spinepath::storage;
using spinepath::security::SignInOutcome;
using spinepath::security::StaffPin;
using std::chrono::seconds;
using Kind = SignInOutcome::Kind;

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
    auto database = storage::Database::open({.path = QString::fromStdString(path)});
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
    CHECK_THAT(wrong.message, Catch::Contains("9 tries left"));
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

TEST_CASE_METHOD(PinSetUp, "Failures in a row wait longer and longer, then lock for 15 minutes", "[staffpin]")
{
    REQUIRE(pin.set(kPin));

    const std::vector<long long> expected{0, 0, 1, 2, 4, 8, 16, 32, 60};
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
    CHECK(StaffPin::waitAfter(12) == seconds(60));

    const auto locked = pin.verify(kWrong);
    CHECK(locked.kind == Kind::LockedOut);
    CHECK(locked.failuresInRow == StaffPin::kMaxFailures);
    CHECK(locked.wait == seconds(15 * 60));
    CHECK(pin.isLockedOut());
    CHECK(pin.waitRemaining() == seconds(15 * 60));

    // The right PIN does not help during the lockout.
    clock.advance(seconds(14 * 60 + 30));
    const auto during = pin.verify(kPin);
    CHECK(during.kind == Kind::LockedOut);
    CHECK(during.wait == seconds(30));
    CHECK(pin.waitRemaining() == seconds(30));

    // Over: allowed again, and the count starts again from the beginning.
    clock.advance(seconds(30));
    CHECK(pin.waitRemaining() == seconds(0));
    CHECK_FALSE(pin.isLockedOut());
    const auto again = pin.verify(kWrong);
    CHECK(again.kind == Kind::Rejected);
    CHECK(again.failuresInRow == 1);
    CHECK(again.wait == seconds(0));
    CHECK(pin.verify(kPin).kind == Kind::Accepted);
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

TEST_CASE("The count, the wait and the lockout survive a restart", "[staffpin]")
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
        REQUIRE(failTimes(pin, clock, 5).kind == Kind::LockedOut);
    }
    {
        auto database = openAt(path);
        StaffPin pin(*database, clock.clock(), StaffPin::Cost::Minimal);
        CHECK(pin.isLockedOut());
        CHECK(pin.verify(kPin).kind == Kind::LockedOut);
        clock.advance(StaffPin::kLockout);
        CHECK(pin.verify(kPin).kind == Kind::Accepted);
    }
}

TEST_CASE_METHOD(PinSetUp, "A clock set back does not stretch a wait beyond its length", "[staffpin]")
{
    REQUIRE(pin.set(kPin));
    REQUIRE(failTimes(pin, clock, 10).kind == Kind::LockedOut);

    clock.advance(seconds(-3 * 3600));
    CHECK(pin.waitRemaining() == StaffPin::kLockout);
    CHECK(pin.verify(kPin).kind == Kind::LockedOut);
    // The countdown runs from the corrected end, so it ends.
    clock.advance(StaffPin::kLockout - seconds(1));
    CHECK(pin.waitRemaining() == seconds(1));
    clock.advance(seconds(1));
    CHECK(pin.verify(kPin).kind == Kind::Accepted);
}

TEST_CASE_METHOD(PinSetUp, "A new PIN clears the waits of the old one", "[staffpin]")
{
    REQUIRE(pin.set(kPin));
    REQUIRE(failTimes(pin, clock, 10).kind == Kind::LockedOut);
    REQUIRE(pin.set("Blue heron 42"));
    CHECK(pin.waitRemaining() == seconds(0));
    CHECK(pin.verify(kPin).kind == Kind::Rejected);
    CHECK(pin.verify("Blue heron 42").kind == Kind::Accepted);
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
    {
        auto database = openAt(path);
        FakeClock clock;
        StaffPin pin(*database, clock.clock(), StaffPin::Cost::Minimal);
        REQUIRE(pin.set(passphrase));
        REQUIRE(pin.verify(passphrase).kind == Kind::Accepted);
        REQUIRE(failTimes(pin, clock, 10).kind == Kind::LockedOut);
        REQUIRE(pin.verify(passphrase).kind == Kind::LockedOut);
        clock.advance(StaffPin::kLockout);
        REQUIRE(pin.verify(passphrase).kind == Kind::Accepted);

        const auto entries = auditEntries(*database);
        CHECK(countAction(entries, storage::audit::kPinSet) == 1);
        CHECK(countAction(entries, storage::audit::kSignedIn) == 2);
        CHECK(countAction(entries, storage::audit::kSignInFailed) == 10);
        CHECK(countAction(entries, storage::audit::kLockedOut) == 1);
        CHECK(countAction(entries, storage::audit::kSignInRefused) == 1); // the try during the lockout
        CHECK(countAction(entries, storage::audit::kSettingChanged) == 0);
        CHECK(entries.size() == 15);
        for (const auto& entry : entries) {
            INFO(entry.toJson().dump());
            CHECK(entry.actor == "staff");
            CHECK_THAT(entry.toJson().dump(),
                       !Catch::Contains(passphrase) && !Catch::Contains(kWrong) && !Catch::Contains("heron"));
        }
        REQUIRE(database->checkpoint());
    }
    spdlog::set_default_logger(previous);

    CHECK_THAT(logged.str(), Catch::Contains("Staff signed in") && Catch::Contains("Staff sign-in failed"));
    CHECK_THAT(logged.str(), !Catch::Contains("heron") && !Catch::Contains(kWrong));
    // Not in the file either, in any form SQLite might have kept.
    CHECK_THAT(spinepath::test::readAll(path), !Catch::Contains("heron") && !Catch::Contains(kWrong));
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
