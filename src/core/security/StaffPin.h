#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QtGlobal>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace spinepath::security {

// What one sign-in try came to. The dialog words its message from the kind,
// the count and the wait; `message` is ready to show as it is.
struct SignInOutcome
{
    enum class Kind
    {
        Accepted,  // the PIN is right; the count is reset
        Rejected,  // the PIN is wrong; counted
        Throttled, // refused without checking: a wait after earlier failures is not over
        LockedOut, // too many failures in a row: locked (this try, or a try during the lockout)
        NoPinSet,  // no PIN has been set yet
        Failed,    // the database could not be read or written; nothing was decided
    };
    Kind kind = Kind::Failed;
    int failuresInRow = 0;        // after this try
    std::chrono::seconds wait{0}; // Throttled/LockedOut/Rejected: how long until the next try is allowed
    std::string message;          // plain English for staff (Failed: the storage error); never the PIN
};

// The staff PIN or passphrase that guards the staff console and the way out
// of the kiosk.
//
// Only an Argon2id hash is stored (libsodium), so a copied database does not
// give the PIN away, and guessing it offline costs memory and time per guess.
// Guessing at the kiosk is slowed by growing waits and stopped for a while
// after kMaxFailures wrong tries in a row. The hash and the throttle state
// live in the settings table so that restarting the program resets nothing;
// they are written directly, not through storage::Settings, so that every
// try does not add a "setting changed" row to the audit trail. Sign-ins,
// failures, refused tries, lockouts and a new PIN are audited instead, never
// with the PIN.
//
// One thread, like the Database it borrows; the Database must outlive it.
class StaffPin final
{
public:
    using Clock = std::function<QDateTime()>; // injectable for tests; default QDateTime::currentDateTimeUtc
    enum class Cost
    {
        Interactive, // crypto_pwhash_OPSLIMIT/MEMLIMIT_INTERACTIVE: the program
        Minimal,     // crypto_pwhash_OPSLIMIT_MIN/MEMLIMIT_MIN: only for tests
    };

    static constexpr int kMaxFailures = 10;
    // Failures that cost nothing: a typo or two should not make staff wait.
    static constexpr int kFreeFailures = 2;
    static constexpr std::chrono::seconds kLongestWait{60};
    static constexpr std::chrono::seconds kLockout{15 * 60};
    static constexpr std::size_t kMinLength = 6;

    // Keys in the settings table.
    static constexpr std::string_view kHashKey = "staff.pin_hash";
    static constexpr std::string_view kFailuresKey = "staff.failures";
    static constexpr std::string_view kNextTryKey = "staff.next_try_at";
    static constexpr std::string_view kLockedUntilKey = "staff.locked_until";

    explicit StaffPin(const storage::Database& database, Clock clock = {}, Cost cost = Cost::Interactive);
    Q_DISABLE_COPY_MOVE(StaffPin)

    [[nodiscard]] storage::Result<bool> isSet() const;

    // Rejects (InvalidArgument with a clear message) a PIN or passphrase that
    // is too weak (see weakness()). A new PIN also clears the throttle.
    // Audits storage::audit::kPinSet with actor "staff".
    storage::Result<void> set(std::string_view secret);
    // Forgets the PIN and its throttle: for staff who forgot it, by someone
    // who can already reach the database file (`spinepath-cli db reset-pin`).
    // The next kiosk start asks for a new one. Audits kPinCleared as `actor`.
    storage::Result<void> clear(std::string_view actor);

    // Why `secret` is too weak, in plain English for the dialog; nothing when
    // it will do. At least kMinLength characters, not one character repeated,
    // and an all-digit PIN not a straight run such as 123456 or 987654.
    [[nodiscard]] static std::optional<std::string> weakness(std::string_view secret);
    // The same check as a kind, for a dialog that words it in its own language.
    enum class Weakness
    {
        TooShort,             // fewer than kMinLength characters
        OneCharacterRepeated, // 111111, aaaaaa
        StraightRun,          // 123456, 987654
    };
    [[nodiscard]] static std::optional<Weakness> weaknessOf(std::string_view secret);

    // Checks a try. A try during a wait or a lockout is refused without
    // checking the hash and is not counted. Audits kSignedIn, kSignInFailed,
    // kSignInRefused and, when the lockout begins, kLockedOut.
    SignInOutcome verify(std::string_view secret);

    // 0 when a try is allowed now (also when the state cannot be read: the
    // try itself then reports the storage error).
    [[nodiscard]] std::chrono::seconds waitRemaining() const;
    // True while the console is locked after kMaxFailures failures in a row.
    [[nodiscard]] bool isLockedOut() const;

    // The wait after `failuresInRow` failures in a row (below kMaxFailures):
    // none for the first kFreeFailures, then 1, 2, 4, ... seconds up to kLongestWait.
    [[nodiscard]] static std::chrono::seconds waitAfter(int failuresInRow);

private:
    struct State;
    [[nodiscard]] storage::Result<State> readState() const;
    [[nodiscard]] QDateTime now() const;
    // Within the caller's transaction: shortens a wait that ends too far ahead.
    storage::Result<void> pullIn(State& state, const QDateTime& at);
    // Within the caller's transaction: the state after `failures` wrong tries in a row.
    storage::Result<void> countFailure(int failures, const QDateTime& at, std::string_view action);

    const storage::Database& m_database;
    Clock m_clock;
    Cost m_cost;
};

// Overwrites a copy of a secret before it is released (sodium_memzero, which
// the compiler may not optimise away). For the widgets, which hold the PIN
// as text only as long as they must.
void wipe(std::string& secret) noexcept;
void wipe(QByteArray& secret) noexcept;
void wipe(QString& secret) noexcept;

} // namespace spinepath::security
