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
        LockedOut, // kMaxFailures failures in a row: locked until the PIN is reset (this try, or one after)
        NoPinSet,  // no PIN has been set yet
        Failed,    // the database could not be read or written; nothing was decided
    };
    Kind kind = Kind::Failed;
    int failuresInRow = 0;        // after this try
    std::chrono::seconds wait{0}; // Throttled/Rejected: how long until the next try is allowed
    std::string message;          // plain English for staff (Failed: the storage error); never the PIN
};

// A one-time reset code, as `spinepath-cli db reset-pin` prints it once.
struct ResetCode
{
    std::string code;    // kResetCodeLength characters in groups of four: 7KQM-W3RA-ZP9D
    QDateTime expiresAt; // UTC
};

// What one try to set a new PIN with a reset code came to.
struct ResetOutcome
{
    enum class Kind
    {
        Accepted,  // the code is right: the new PIN is set, the code used up, the waits and the lock gone
        Rejected,  // the code is wrong; counted
        Throttled, // refused without checking: a wait after wrong codes is not over
        NoCode,    // no code is waiting (none was issued, or it was used)
        Expired,   // the code is older than kResetCodeLifetime; it is gone now
        WeakPin,   // the new PIN is too weak (`message` says why); the code was not looked at
        Failed,    // the database could not be read or written, or the PIN not hashed
    };
    Kind kind = Kind::Failed;
    int failuresInRow = 0;        // wrong codes in a row, after this try
    std::chrono::seconds wait{0}; // Throttled/Rejected: how long until the next try is allowed
    std::string message;          // plain English; never the code or the PIN
};

// The staff PIN or passphrase that guards the staff console and the way out
// of the kiosk.
//
// Only an Argon2id hash is stored (libsodium), so a copied database does not
// give the PIN away, and guessing it offline costs memory and time per guess.
// Guessing at the kiosk is slowed by growing waits of at most kLongestWait,
// so nobody at the kiosk can keep staff out for more than a minute at a
// time; only kMaxFailures wrong tries in a row (well over an hour of trying)
// lock the console until the PIN is reset.
//
// Nobody at the kiosk can set a PIN while none is set: the kiosk asks for a
// one-time reset code with the new PIN, which only someone with a command
// line on the computer can get (issueResetCode(), `spinepath-cli db
// reset-pin`). Only a hash of the code is stored; it lasts
// kResetCodeLifetime, works once, and wrong codes wait as wrong PINs do.
//
// The hashes and the throttle state live in the settings table so that
// restarting the program resets nothing; they are written directly, not
// through storage::Settings, so that every try does not add a "setting
// changed" row to the audit trail. Every try, refused or not, a lock, a reset
// and a new PIN are audited instead, never with the PIN or the code.
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

    // Wrong tries in a row that lock the console until the PIN is reset
    // (NIST SP 800-63B allows at most 100). With the waits below they take
    // over an hour and a half.
    static constexpr int kMaxFailures = 100;
    // From here on a wrong PIN says how many tries are left before the lock.
    static constexpr int kWarnWhenLeft = 10;
    // Failures that cost nothing: a typo or two should not make staff wait.
    static constexpr int kFreeFailures = 2;
    // The longest wait between tries: as long as a patient can keep staff out.
    static constexpr std::chrono::seconds kLongestWait{60};
    static constexpr std::size_t kMinLength = 6;

    // 12 characters of 32 (60 bits): too many to guess in the tries a code's
    // lifetime allows, few enough to type. No 0, 1, I or O, which are easily
    // mistaken for each other.
    static constexpr std::string_view kResetCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static constexpr std::size_t kResetCodeLength = 12;
    static constexpr std::chrono::seconds kResetCodeLifetime{15 * 60};

    // Keys in the settings table.
    static constexpr std::string_view kHashKey = "staff.pin_hash";
    static constexpr std::string_view kFailuresKey = "staff.failures";
    static constexpr std::string_view kNextTryKey = "staff.next_try_at";
    static constexpr std::string_view kLockedKey = "staff.locked_at"; // when the lock began
    static constexpr std::string_view kResetHashKey = "staff.reset_code_hash";
    static constexpr std::string_view kResetExpiresKey = "staff.reset_code_expires_at";
    static constexpr std::string_view kResetFailuresKey = "staff.reset_failures";
    static constexpr std::string_view kResetNextTryKey = "staff.reset_next_try_at";

    explicit StaffPin(const storage::Database& database, Clock clock = {}, Cost cost = Cost::Interactive);
    Q_DISABLE_COPY_MOVE(StaffPin)

    [[nodiscard]] storage::Result<bool> isSet() const;

    // Sets the PIN without a reset code: for the first start of a single
    // office computer, whose user has a command line anyway, and for
    // `spinepath-cli db reset-pin --new-pin`. Never offered at the kiosk.
    // Rejects (InvalidArgument with a clear message) a PIN or passphrase
    // that is too weak (see weakness()). Clears the throttle, the lock and
    // any reset code. Audits storage::audit::kPinSet as `actor`.
    storage::Result<void> set(std::string_view secret, std::string_view actor = "staff");

    // For staff who forgot the PIN, or a console locked after kMaxFailures:
    // by someone who can already reach the database file
    // (`spinepath-cli db reset-pin`). Forgets the PIN, its throttle and its
    // lock, and issues a new one-time reset code (replacing any earlier
    // one), to be entered at the kiosk with the new PIN. Returns the code,
    // which is stored only as a hash. Audits kPinCleared as `actor`.
    storage::Result<ResetCode> issueResetCode(std::string_view actor);

    // Sets the PIN if `code` is the waiting reset code (case, spaces and
    // dashes do not matter). A try during a wait after wrong codes is refused
    // without checking; a right code is used up. Audits kPinSet,
    // kResetCodeFailed or kResetCodeRefused.
    ResetOutcome setWithResetCode(std::string_view code, std::string_view secret);

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

    // Checks a try. A try during a wait or the lock is refused without
    // checking the hash and is not counted. Audits kSignedIn, kSignInFailed,
    // kSignInRefused and, when the lock begins, kLockedOut.
    SignInOutcome verify(std::string_view secret);

    // 0 when a try is allowed now, or when the console is locked (see
    // isLockedOut()), or when the state cannot be read (the try itself then
    // reports the storage error).
    [[nodiscard]] std::chrono::seconds waitRemaining() const;
    // True after kMaxFailures failures in a row, until the PIN is reset.
    [[nodiscard]] bool isLockedOut() const;

    // The wait after `failuresInRow` failures in a row: none for the first
    // kFreeFailures, then 1, 2, 4, ... seconds up to kLongestWait.
    [[nodiscard]] static std::chrono::seconds waitAfter(int failuresInRow);

private:
    struct Throttle;
    struct State;
    [[nodiscard]] storage::Result<State> readState() const;
    [[nodiscard]] QDateTime now() const;
    // The Argon2id hash of `secret` at this StaffPin's cost; an error when
    // libsodium did not start or memory ran out.
    [[nodiscard]] storage::Result<std::string> hash(std::string_view secret, std::string_view what) const;
    // Within the caller's transaction: shortens waits and a code's life that end too far ahead.
    storage::Result<void> pullIn(State& state, const QDateTime& at);
    // Within the caller's transaction: the state after `failures` wrong tries in a row.
    storage::Result<void> countFailure(const Throttle& throttle, int failures, const QDateTime& at,
                                       std::string_view action);
    // Within the caller's transaction: stores `pinHash` and forgets the
    // throttle, the lock and the reset code; audits kPinSet.
    storage::Result<void> storePin(const std::string& pinHash, std::string_view actor,
                                   std::string_view detail, std::string_view action);

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
