#include "core/security/StaffPin.h"

#include "core/storage/AuditLog.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace spinepath::security {

namespace {

using std::chrono::seconds;

constexpr std::string_view kActor = "staff";
constexpr std::string_view kArgon2idPrefix = "$argon2id$";

QString qtext(std::string_view value)
{
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

// libsodium must be initialised once before use; a function-local static is
// initialised exactly once even with several threads.
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// Characters, not bytes: a passphrase may be in any language.
std::size_t characterCount(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// 111111 or ääääää: the first character (of however many bytes) over and over.
bool oneCharacterRepeated(std::string_view text)
{
    std::size_t width = 1;
    while (width < text.size() && (static_cast<unsigned char>(text[width]) & 0xC0) == 0x80)
        ++width;
    const std::string_view first = text.substr(0, width);
    for (std::size_t at = 0; at < text.size(); at += width)
        if (text.substr(at, width) != first)
            return false;
    return true;
}

bool allDigits(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 123456, 456789, 987654: each digit one above (or below) the one before.
bool straightRun(std::string_view digits)
{
    const auto steps = [&](int step) {
        for (std::size_t i = 1; i < digits.size(); ++i)
            if (digits[i] - digits[i - 1] != step)
                return false;
        return true;
    };
    return steps(1) || steps(-1);
}

// How long until `until`, rounded up to whole seconds so that "0:00" is never
// shown while a try is still refused. Never longer than `longest`: a clock
// set back must not turn a minute's wait into hours.
seconds remaining(const QDateTime& until, const QDateTime& now, seconds longest)
{
    if (!until.isValid() || until <= now)
        return seconds(0);
    const qint64 ms = now.msecsTo(until);
    return std::min(seconds((ms + 999) / 1000), longest);
}

std::string clockText(seconds wait)
{
    const auto total = wait.count();
    std::string text = std::to_string(total / 60) + ':';
    if (total % 60 < 10)
        text += '0';
    return text + std::to_string(total % 60);
}

int parseCount(const std::string& value)
{
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number < 0)
        return 0;
    return number;
}

// Writes (or, without a value, removes) one key of the settings table. Not
// storage::Settings: that audits every change, and the throttle changes on
// every try.
storage::Result<void> writeKey(const storage::Database& database, std::string_view key,
                               const std::optional<QString>& value, std::string_view action)
{
    storage::Statement write(database,
                             value ? QStringLiteral("INSERT INTO settings (key, value) VALUES (:key, :value) "
                                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                                   : QStringLiteral("DELETE FROM settings WHERE key = :key"));
    write.bind(QStringLiteral(":key"), qtext(key));
    if (value)
        write.bind(QStringLiteral(":value"), *value);
    return write.exec(action);
}

SignInOutcome failed(std::string message)
{
    return {SignInOutcome::Kind::Failed, 0, seconds(0), std::move(message)};
}

SignInOutcome lockedOut(seconds wait)
{
    return {SignInOutcome::Kind::LockedOut, StaffPin::kMaxFailures, wait,
            "Too many wrong tries. The staff console is locked; try again in " + clockText(wait) + "."};
}

SignInOutcome throttled(int failures, seconds wait)
{
    return {SignInOutcome::Kind::Throttled, failures, wait,
            "Too many tries. Try again in " + clockText(wait) + "."};
}

} // namespace

struct StaffPin::State
{
    std::optional<std::string> hash;
    int failures = 0;
    QDateTime nextTryAt;   // invalid: no wait
    QDateTime lockedUntil; // invalid: not locked
};

StaffPin::StaffPin(const storage::Database& database, Clock clock, Cost cost)
    : m_database(database)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
    , m_cost(cost)
{
    if (!sodiumReady())
        spdlog::error("libsodium could not be initialised; staff sign-in will fail");
}

QDateTime StaffPin::now() const
{
    return m_clock().toUTC();
}

storage::Result<StaffPin::State> StaffPin::readState() const
{
    constexpr std::string_view action = "read the staff sign-in state";
    storage::Statement select(m_database, QStringLiteral("SELECT key, value FROM settings WHERE key IN "
                                                         "(:hash, :failures, :next, :locked)"));
    select.bind(QStringLiteral(":hash"), qtext(kHashKey))
        .bind(QStringLiteral(":failures"), qtext(kFailuresKey))
        .bind(QStringLiteral(":next"), qtext(kNextTryKey))
        .bind(QStringLiteral(":locked"), qtext(kLockedUntilKey));
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    State state;
    while (select.next()) {
        const std::string key = select.string(0);
        if (key == kHashKey)
            state.hash = select.string(1);
        else if (key == kFailuresKey)
            state.failures = parseCount(select.string(1));
        else if (key == kNextTryKey)
            state.nextTryAt = storage::fromStorageTime(select.text(1));
        else if (key == kLockedUntilKey)
            state.lockedUntil = storage::fromStorageTime(select.text(1));
    }
    if (auto done = select.finish(action); !done)
        return std::move(done).error();
    return state;
}

storage::Result<bool> StaffPin::isSet() const
{
    auto state = readState();
    if (!state)
        return std::move(state).error();
    return state->hash.has_value();
}

std::optional<StaffPin::Weakness> StaffPin::weaknessOf(std::string_view secret)
{
    if (characterCount(secret) < kMinLength)
        return Weakness::TooShort;
    if (oneCharacterRepeated(secret))
        return Weakness::OneCharacterRepeated;
    if (allDigits(secret) && straightRun(secret))
        return Weakness::StraightRun;
    return std::nullopt;
}

std::optional<std::string> StaffPin::weakness(std::string_view secret)
{
    const auto kind = weaknessOf(secret);
    if (!kind)
        return std::nullopt;
    switch (*kind) {
    case Weakness::TooShort:
        return "Use at least " + std::to_string(kMinLength) + " characters.";
    case Weakness::OneCharacterRepeated:
        return std::string("Do not use one character repeated, such as 111111.");
    case Weakness::StraightRun:
        return std::string("Do not use digits in a row, such as 123456.");
    }
    return std::nullopt;
}

storage::Result<void> StaffPin::set(std::string_view secret)
{
    if (auto why = weakness(secret))
        return storage::Error{storage::ErrorKind::InvalidArgument, *why};
    if (!sodiumReady())
        return storage::Error{storage::ErrorKind::Io,
                              "The staff PIN cannot be stored: libsodium did not start."};

    const bool minimal = m_cost == Cost::Minimal;
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    if (crypto_pwhash_str_alg(hash.data(), secret.data(), secret.size(),
                              minimal ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              minimal ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return storage::Error{storage::ErrorKind::Io,
                              "The staff PIN could not be stored: the computer ran out of memory."};

    constexpr std::string_view action = "store the staff PIN";
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    if (auto done = writeKey(m_database, kHashKey, QString::fromLatin1(hash.data()), action); !done)
        return done;
    // A new PIN starts with a clean slate: the old failures were against the old PIN.
    for (const std::string_view key : {kFailuresKey, kNextTryKey, kLockedUntilKey})
        if (auto done = writeKey(m_database, key, std::nullopt, action); !done)
            return done;
    if (auto done = storage::AuditLog(m_database).append(kActor, storage::audit::kPinSet); !done)
        return done;
    if (auto done = transaction.commit(action); !done)
        return done;
    spdlog::info("Staff PIN set");
    return {};
}

storage::Result<void> StaffPin::clear(std::string_view actor)
{
    constexpr std::string_view action = "clear the staff PIN";
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    for (const std::string_view key : {kHashKey, kFailuresKey, kNextTryKey, kLockedUntilKey})
        if (auto done = writeKey(m_database, key, std::nullopt, action); !done)
            return done;
    if (auto done = storage::AuditLog(m_database).append(actor, storage::audit::kPinCleared); !done)
        return done;
    if (auto done = transaction.commit(action); !done)
        return done;
    spdlog::info("Staff PIN cleared");
    return {};
}

storage::Result<void> StaffPin::pullIn(State& state, const QDateTime& at)
{
    // A clock set back (or a copied database) can leave a wait ending far
    // in the future; it is shortened to the longest wait from now, so that
    // the countdown shown to staff runs down and ends.
    const auto tooLate = [&](const QDateTime& until, seconds longest) {
        return until.isValid() && until > at.addSecs(longest.count());
    };
    const bool lock = tooLate(state.lockedUntil, kLockout);
    const bool next = tooLate(state.nextTryAt, kLongestWait);
    if (!lock && !next)
        return {};
    // Inside the caller's transaction.
    constexpr std::string_view action = "correct the staff sign-in wait";
    if (lock) {
        state.lockedUntil = at.addSecs(kLockout.count());
        if (auto done =
                writeKey(m_database, kLockedUntilKey, storage::toStorageTime(state.lockedUntil), action);
            !done)
            return done;
    }
    if (next) {
        state.nextTryAt = at.addSecs(kLongestWait.count());
        if (auto done = writeKey(m_database, kNextTryKey, storage::toStorageTime(state.nextTryAt), action);
            !done)
            return done;
    }
    spdlog::warn("A staff sign-in wait ended too far in the future (clock set back?); shortened");
    return {};
}

seconds StaffPin::waitAfter(int failuresInRow)
{
    if (failuresInRow <= kFreeFailures)
        return seconds(0);
    const int doublings = std::min(failuresInRow - kFreeFailures - 1, 16);
    return std::min(seconds(1LL << doublings), kLongestWait);
}

seconds StaffPin::waitRemaining() const
{
    auto state = readState();
    if (!state)
        return seconds(0);
    const QDateTime at = now();
    return std::max(remaining(state->lockedUntil, at, kLockout),
                    remaining(state->nextTryAt, at, kLongestWait));
}

bool StaffPin::isLockedOut() const
{
    auto state = readState();
    return state && remaining(state->lockedUntil, now(), kLockout) > seconds(0);
}

storage::Result<void> StaffPin::countFailure(int failures, const QDateTime& at, std::string_view action)
{
    if (failures >= kMaxFailures) {
        // The count starts again once the lockout is over.
        for (const std::string_view key : {kFailuresKey, kNextTryKey})
            if (auto done = writeKey(m_database, key, std::nullopt, action); !done)
                return done;
        return writeKey(m_database, kLockedUntilKey, storage::toStorageTime(at.addSecs(kLockout.count())),
                        action);
    }
    const seconds wait = waitAfter(failures);
    if (auto done = writeKey(m_database, kFailuresKey, QString::number(failures), action); !done)
        return done;
    const std::optional<QString> next =
        wait > seconds(0) ? std::optional(storage::toStorageTime(at.addSecs(wait.count()))) : std::nullopt;
    return writeKey(m_database, kNextTryKey, next, action);
}

SignInOutcome StaffPin::verify(std::string_view secret)
{
    if (!sodiumReady())
        return failed("Staff sign-in is not available: libsodium did not start.");

    // Step 1, under the write lock so that two SpinePaths on one database
    // cannot both slip through a wait: check the wait, then count this try
    // as a failure before the hash is looked at. A try cut short (the
    // program killed while Argon2id runs) stays counted, and a database that
    // cannot be written stops every try before the check, so a storage error
    // never tells a right PIN from a wrong one.
    constexpr std::string_view checking = "check the staff sign-in";
    storage::Transaction counting(m_database);
    if (auto begun = counting.begin(checking); !begun)
        return failed(begun.error().message);
    auto state = readState();
    if (!state)
        return failed(state.error().message);
    if (!state->hash)
        return {SignInOutcome::Kind::NoPinSet, 0, seconds(0), "No staff PIN has been set yet."};
    // Anything else would be rejected for ever, counting failures until the
    // console locks, with no way for staff to tell why.
    if (!std::string_view(*state->hash).starts_with(kArgon2idPrefix) ||
        state->hash->size() >= crypto_pwhash_STRBYTES)
        return failed("The stored staff PIN is damaged. Set a new staff PIN.");

    const QDateTime at = now();
    if (auto done = pullIn(*state, at); !done)
        return failed(done.error().message);
    // Refused before the hash is checked, and not counted: a wait cannot be
    // cut short by trying, and guessing during it learns nothing.
    std::optional<SignInOutcome> refused;
    const seconds lockWait = remaining(state->lockedUntil, at, kLockout);
    const seconds throttleWait = remaining(state->nextTryAt, at, kLongestWait);
    if (lockWait > seconds(0))
        refused = lockedOut(lockWait);
    else if (throttleWait > seconds(0))
        refused = throttled(state->failures, throttleWait);
    if (refused) {
        // Recorded, so a run of guesses against the wait shows in the trail.
        if (auto done =
                storage::AuditLog(m_database)
                    .append(kActor, storage::audit::kSignInRefused, {},
                            lockWait > seconds(0) ? "during the lockout" : "during a wait after wrong PINs");
            !done)
            return failed(done.error().message);
        // Keeps what pullIn() corrected.
        if (auto done = counting.commit(checking); !done)
            return failed(done.error().message);
        return *refused;
    }
    const int failures = state->failures + 1;
    if (auto done = countFailure(failures, at, checking); !done)
        return failed(done.error().message);
    if (auto done = counting.commit(checking); !done)
        return failed(done.error().message);

    // Step 2. Constant time in the PIN; the hash carries its own cost parameters.
    const bool right = crypto_pwhash_str_verify(state->hash->c_str(), secret.data(), secret.size()) == 0;

    // Step 3: the audit, and for the right PIN the count undone. If this
    // fails the try stays counted as a failure: closed, not open.
    constexpr std::string_view recording = "record the staff sign-in";
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(recording); !begun)
        return failed(begun.error().message);
    storage::AuditLog audit(m_database);
    SignInOutcome outcome;
    if (right) {
        if (auto done = audit.append(kActor, storage::audit::kSignedIn); !done)
            return failed(done.error().message);
        for (const std::string_view key : {kFailuresKey, kNextTryKey, kLockedUntilKey})
            if (auto done = writeKey(m_database, key, std::nullopt, recording); !done)
                return failed(done.error().message);
        outcome = {SignInOutcome::Kind::Accepted, 0, seconds(0), "Signed in."};
    } else {
        const std::string inRow = std::to_string(failures) + " in a row";
        if (auto done = audit.append(kActor, storage::audit::kSignInFailed, {}, inRow); !done)
            return failed(done.error().message);
        if (failures >= kMaxFailures) {
            if (auto done = audit.append(kActor, storage::audit::kLockedOut, {},
                                         std::to_string(kLockout.count() / 60) + " minutes after " + inRow);
                !done)
                return failed(done.error().message);
            outcome = lockedOut(kLockout);
        } else {
            const seconds wait = waitAfter(failures);
            const int left = kMaxFailures - failures;
            std::string message = "Wrong PIN. " + std::to_string(left) + (left == 1 ? " try" : " tries") +
                                  " left before the console locks for " +
                                  std::to_string(kLockout.count() / 60) + " minutes.";
            if (wait > seconds(0))
                message += " Try again in " + clockText(wait) + ".";
            outcome = {SignInOutcome::Kind::Rejected, failures, wait, std::move(message)};
        }
    }
    if (auto done = transaction.commit(recording); !done)
        return failed(done.error().message);

    switch (outcome.kind) {
    case SignInOutcome::Kind::Accepted:
        spdlog::info("Staff signed in");
        break;
    case SignInOutcome::Kind::LockedOut:
        spdlog::warn("Staff console locked for {} minutes after {} failed sign-ins in a row",
                     kLockout.count() / 60, kMaxFailures);
        break;
    default:
        spdlog::warn("Staff sign-in failed ({} in a row)", outcome.failuresInRow);
        break;
    }
    return outcome;
}

void wipe(std::string& secret) noexcept
{
    if (!secret.empty())
        sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

void wipe(QByteArray& secret) noexcept
{
    if (!secret.isEmpty())
        sodium_memzero(secret.data(), static_cast<std::size_t>(secret.size()));
    secret.clear();
}

void wipe(QString& secret) noexcept
{
    if (!secret.isEmpty())
        sodium_memzero(secret.data(), static_cast<std::size_t>(secret.size()) * sizeof(QChar));
    secret.clear();
}

} // namespace spinepath::security
