#include "core/security/StaffPin.h"

#include "core/storage/AuditLog.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <span>

namespace spinepath::security {

using storage::qtext;

namespace {

using std::chrono::seconds;

constexpr std::string_view kActor = "staff";
constexpr std::string_view kArgon2idPrefix = "$argon2id$";

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

// Before the lock came after 100 failures it came after 10, for 15 minutes;
// a database from then may still hold its end. It is ignored and removed.
constexpr std::string_view kLegacyLockedUntilKey = "staff.locked_until";

// Every key of the sign-in state but the PIN's hash: what a new PIN forgets.
constexpr std::array kStateKeys{StaffPin::kFailuresKey,     StaffPin::kNextTryKey,
                                StaffPin::kLockedKey,       StaffPin::kResetHashKey,
                                StaffPin::kResetExpiresKey, StaffPin::kResetFailuresKey,
                                StaffPin::kResetNextTryKey, kLegacyLockedUntilKey};

storage::Result<void> removeKeys(const storage::Database& database, std::span<const std::string_view> keys,
                                 std::string_view action)
{
    for (const std::string_view key : keys)
        if (auto done = writeKey(database, key, std::nullopt, action); !done)
            return done;
    return {};
}

bool isArgon2idHash(const std::string& hash)
{
    return std::string_view(hash).starts_with(kArgon2idPrefix) && hash.size() < crypto_pwhash_STRBYTES;
}

// What was typed, as the code was printed: upper case, without the spaces
// and dashes that staff may or may not copy.
std::string normalisedCode(std::string_view typed)
{
    std::string code;
    for (const char c : typed) {
        if (c == ' ' || c == '-' || c == '\t')
            continue;
        code += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return code;
}

std::string triesText(int count)
{
    return std::to_string(count) + (count == 1 ? " try" : " tries");
}

SignInOutcome failed(std::string message)
{
    return {SignInOutcome::Kind::Failed, 0, seconds(0), std::move(message)};
}

SignInOutcome lockedOut()
{
    return {SignInOutcome::Kind::LockedOut, StaffPin::kMaxFailures, seconds(0),
            "The staff console is locked after " + std::to_string(StaffPin::kMaxFailures) +
                " wrong PINs in a row. It opens again once the PIN is reset: run "
                "spinepath-cli db reset-pin on this computer."};
}

SignInOutcome throttled(int failures, seconds wait)
{
    return {SignInOutcome::Kind::Throttled, failures, wait,
            "Too many tries. Try again in " + clockText(wait) + "."};
}

ResetOutcome resetFailed(std::string message)
{
    return {ResetOutcome::Kind::Failed, 0, seconds(0), std::move(message)};
}

} // namespace

// Wrong tries in a row and when the next is allowed: one for PINs, one for reset codes.
struct StaffPin::Throttle
{
    std::string_view failuresKey;
    std::string_view nextTryKey;
    int failures = 0;
    QDateTime nextTryAt; // invalid: no wait
};

struct StaffPin::State
{
    std::optional<std::string> hash;
    Throttle pin{kFailuresKey, kNextTryKey, 0, {}};
    QDateTime lockedAt; // invalid: not locked
    std::optional<std::string> resetHash;
    QDateTime resetExpiresAt;
    Throttle reset{kResetFailuresKey, kResetNextTryKey, 0, {}};
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
                                                         "(:hash, :failures, :next, :locked, :resetHash, "
                                                         ":resetExpires, :resetFailures, :resetNext)"));
    select.bind(QStringLiteral(":hash"), qtext(kHashKey))
        .bind(QStringLiteral(":failures"), qtext(kFailuresKey))
        .bind(QStringLiteral(":next"), qtext(kNextTryKey))
        .bind(QStringLiteral(":locked"), qtext(kLockedKey))
        .bind(QStringLiteral(":resetHash"), qtext(kResetHashKey))
        .bind(QStringLiteral(":resetExpires"), qtext(kResetExpiresKey))
        .bind(QStringLiteral(":resetFailures"), qtext(kResetFailuresKey))
        .bind(QStringLiteral(":resetNext"), qtext(kResetNextTryKey));
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    State state;
    while (select.next()) {
        const std::string key = select.string(0);
        if (key == kHashKey)
            state.hash = select.string(1);
        else if (key == kFailuresKey)
            state.pin.failures = parseCount(select.string(1));
        else if (key == kNextTryKey)
            state.pin.nextTryAt = storage::fromStorageTime(select.text(1));
        else if (key == kLockedKey) {
            // Present means locked, even if its time cannot be read.
            state.lockedAt = storage::fromStorageTime(select.text(1));
            if (!state.lockedAt.isValid())
                state.lockedAt = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        } else if (key == kResetHashKey)
            state.resetHash = select.string(1);
        else if (key == kResetExpiresKey)
            state.resetExpiresAt = storage::fromStorageTime(select.text(1));
        else if (key == kResetFailuresKey)
            state.reset.failures = parseCount(select.string(1));
        else if (key == kResetNextTryKey)
            state.reset.nextTryAt = storage::fromStorageTime(select.text(1));
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

storage::Result<std::string> StaffPin::hash(std::string_view secret, std::string_view what) const
{
    if (!sodiumReady())
        return storage::Error{storage::ErrorKind::Io,
                              "The " + std::string(what) + " cannot be stored: libsodium did not start."};
    const bool minimal = m_cost == Cost::Minimal;
    std::array<char, crypto_pwhash_STRBYTES> hashed{};
    if (crypto_pwhash_str_alg(hashed.data(), secret.data(), secret.size(),
                              minimal ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              minimal ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return storage::Error{storage::ErrorKind::Io,
                              "The " + std::string(what) +
                                  " could not be stored: the computer ran out of memory."};
    return std::string(hashed.data());
}

storage::Result<void> StaffPin::storePin(const std::string& pinHash, std::string_view actor,
                                         std::string_view detail, std::string_view action)
{
    if (auto done = writeKey(m_database, kHashKey, QString::fromStdString(pinHash), action); !done)
        return done;
    // A new PIN starts with a clean slate: the old failures were against the
    // old PIN, and a reset code left waiting would be a second way in.
    if (auto done = removeKeys(m_database, kStateKeys, action); !done)
        return done;
    return storage::AuditLog(m_database).append(actor, storage::audit::kPinSet, {}, detail);
}

storage::Result<void> StaffPin::set(std::string_view secret, std::string_view actor)
{
    if (auto why = weakness(secret))
        return storage::Error{storage::ErrorKind::InvalidArgument, *why};
    auto hashed = hash(secret, "staff PIN");
    if (!hashed)
        return std::move(hashed).error();

    constexpr std::string_view action = "store the staff PIN";
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    if (auto done = storePin(*hashed, actor, {}, action); !done)
        return done;
    if (auto done = transaction.commit(action); !done)
        return done;
    spdlog::info("Staff PIN set");
    return {};
}

storage::Result<ResetCode> StaffPin::issueResetCode(std::string_view actor)
{
    if (!sodiumReady())
        return storage::Error{storage::ErrorKind::Io, "No reset code can be made: libsodium did not start."};
    std::string code;
    for (std::size_t i = 0; i < kResetCodeLength; ++i)
        code +=
            kResetCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kResetCodeAlphabet.size()))];
    auto hashed = hash(code, "reset code");
    if (!hashed)
        return std::move(hashed).error();
    const QDateTime expiresAt = now().addSecs(kResetCodeLifetime.count());

    constexpr std::string_view action = "reset the staff PIN";
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();
    // The old PIN, its waits and its lock go; so does an earlier code and its wrong tries.
    if (auto done = writeKey(m_database, kHashKey, std::nullopt, action); !done)
        return std::move(done).error();
    if (auto done = removeKeys(m_database, kStateKeys, action); !done)
        return std::move(done).error();
    if (auto done = writeKey(m_database, kResetHashKey, QString::fromStdString(*hashed), action); !done)
        return std::move(done).error();
    if (auto done = writeKey(m_database, kResetExpiresKey, storage::toStorageTime(expiresAt), action); !done)
        return std::move(done).error();
    const std::string detail = "a reset code was issued; it works once, for " +
                               std::to_string(kResetCodeLifetime.count() / 60) + " minutes";
    if (auto done = storage::AuditLog(m_database).append(actor, storage::audit::kPinCleared, {}, detail);
        !done)
        return std::move(done).error();
    if (auto done = transaction.commit(action); !done)
        return std::move(done).error();
    spdlog::info("Staff PIN cleared; a reset code was issued");

    std::string grouped;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            grouped += '-';
        grouped += code[i];
    }
    wipe(code);
    return ResetCode{std::move(grouped), expiresAt};
}

storage::Result<void> StaffPin::pullIn(State& state, const QDateTime& at)
{
    // A clock set back (or a copied database) can leave a wait ending far
    // in the future; it is shortened to the longest wait from now, so that
    // the countdown shown to staff runs down and ends. A reset code must not
    // outlive its lifetime that way either.
    constexpr std::string_view action = "correct the staff sign-in wait";
    bool corrected = false;
    const auto shorten = [&](QDateTime& until, seconds longest,
                             std::string_view key) -> storage::Result<void> {
        if (!until.isValid() || until <= at.addSecs(longest.count()))
            return {};
        until = at.addSecs(longest.count());
        corrected = true;
        return writeKey(m_database, key, storage::toStorageTime(until), action);
    };
    if (auto done = shorten(state.pin.nextTryAt, kLongestWait, kNextTryKey); !done)
        return done;
    if (auto done = shorten(state.reset.nextTryAt, kLongestWait, kResetNextTryKey); !done)
        return done;
    if (state.resetHash)
        if (auto done = shorten(state.resetExpiresAt, kResetCodeLifetime, kResetExpiresKey); !done)
            return done;
    if (corrected)
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
    if (!state || state->lockedAt.isValid())
        return seconds(0);
    return remaining(state->pin.nextTryAt, now(), kLongestWait);
}

bool StaffPin::isLockedOut() const
{
    auto state = readState();
    return state && state->lockedAt.isValid();
}

storage::Result<void> StaffPin::countFailure(const Throttle& throttle, int failures, const QDateTime& at,
                                             std::string_view action)
{
    if (auto done = writeKey(m_database, throttle.failuresKey, QString::number(failures), action); !done)
        return done;
    // Only PINs lock: a reset code expires long before its tries could add up.
    if (throttle.failuresKey == kFailuresKey && failures >= kMaxFailures) {
        if (auto done = writeKey(m_database, kNextTryKey, std::nullopt, action); !done)
            return done;
        return writeKey(m_database, kLockedKey, storage::toStorageTime(at), action);
    }
    const seconds wait = waitAfter(failures);
    const std::optional<QString> next =
        wait > seconds(0) ? std::optional(storage::toStorageTime(at.addSecs(wait.count()))) : std::nullopt;
    return writeKey(m_database, throttle.nextTryKey, next, action);
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
    if (!state->hash) {
        // Refused like any try that is not checked, and recorded like them.
        if (auto done = storage::AuditLog(m_database)
                            .append(kActor, storage::audit::kSignInRefused, {}, "no PIN is set");
            !done)
            return failed(done.error().message);
        if (auto done = counting.commit(checking); !done)
            return failed(done.error().message);
        return {SignInOutcome::Kind::NoPinSet, 0, seconds(0), "No staff PIN has been set yet."};
    }
    // Anything else would be rejected for ever, counting failures until the
    // console locks, with no way for staff to tell why.
    if (!isArgon2idHash(*state->hash))
        return failed("The stored staff PIN is damaged. Set a new staff PIN.");

    const QDateTime at = now();
    if (auto done = pullIn(*state, at); !done)
        return failed(done.error().message);
    // Refused before the hash is checked, and not counted: a wait cannot be
    // cut short by trying, and guessing during it learns nothing.
    std::optional<SignInOutcome> refused;
    const seconds throttleWait = remaining(state->pin.nextTryAt, at, kLongestWait);
    if (state->lockedAt.isValid())
        refused = lockedOut();
    else if (throttleWait > seconds(0))
        refused = throttled(state->pin.failures, throttleWait);
    if (refused) {
        // Recorded, so a run of guesses against the wait shows in the trail.
        if (auto done = storage::AuditLog(m_database)
                            .append(kActor, storage::audit::kSignInRefused, {},
                                    state->lockedAt.isValid() ? "during the lock until the PIN is reset"
                                                              : "during a wait after wrong PINs");
            !done)
            return failed(done.error().message);
        // Keeps what pullIn() corrected.
        if (auto done = counting.commit(checking); !done)
            return failed(done.error().message);
        return *refused;
    }
    const int failures = state->pin.failures + 1;
    if (auto done = countFailure(state->pin, failures, at, checking); !done)
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
        // Not the lock: a lock that began meanwhile (another SpinePath on
        // this database) stands until the reset.
        for (const std::string_view key : {kFailuresKey, kNextTryKey})
            if (auto done = writeKey(m_database, key, std::nullopt, recording); !done)
                return failed(done.error().message);
        outcome = {SignInOutcome::Kind::Accepted, 0, seconds(0), "Signed in."};
    } else {
        const std::string inRow = std::to_string(failures) + " in a row";
        if (auto done = audit.append(kActor, storage::audit::kSignInFailed, {}, inRow); !done)
            return failed(done.error().message);
        if (failures >= kMaxFailures) {
            if (auto done = audit.append(kActor, storage::audit::kLockedOut, {},
                                         "until the PIN is reset, after " + inRow);
                !done)
                return failed(done.error().message);
            outcome = lockedOut();
        } else {
            const seconds wait = waitAfter(failures);
            const int left = kMaxFailures - failures;
            std::string message = "Wrong PIN.";
            if (left <= kWarnWhenLeft)
                message += " " + triesText(left) + " left before the console locks until the PIN is reset.";
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
        spdlog::warn("Staff console locked until the PIN is reset, after {} failed sign-ins in a row",
                     kMaxFailures);
        break;
    default:
        spdlog::warn("Staff sign-in failed ({} in a row)", outcome.failuresInRow);
        break;
    }
    return outcome;
}

ResetOutcome StaffPin::setWithResetCode(std::string_view typedCode, std::string_view secret)
{
    if (auto why = weakness(secret))
        return {ResetOutcome::Kind::WeakPin, 0, seconds(0), *why};
    if (!sodiumReady())
        return resetFailed("The staff PIN cannot be set: libsodium did not start.");
    std::string code = normalisedCode(typedCode);

    // Step 1, as in verify(): refuse without checking, or count the try first.
    constexpr std::string_view checking = "check the PIN reset code";
    storage::Transaction counting(m_database);
    if (auto begun = counting.begin(checking); !begun)
        return resetFailed(begun.error().message);
    auto state = readState();
    if (!state)
        return resetFailed(state.error().message);
    const QDateTime at = now();
    if (auto done = pullIn(*state, at); !done)
        return resetFailed(done.error().message);
    std::optional<ResetOutcome> refused;
    std::string why;
    const seconds wait = remaining(state->reset.nextTryAt, at, kLongestWait);
    if (!state->resetHash) {
        refused = ResetOutcome{
            ResetOutcome::Kind::NoCode, 0, seconds(0),
            "No reset code is waiting. Run spinepath-cli db reset-pin on this computer for one."};
        why = "no reset code was waiting";
    } else if (!state->resetExpiresAt.isValid() || state->resetExpiresAt <= at) {
        refused = ResetOutcome{ResetOutcome::Kind::Expired, state->reset.failures, seconds(0),
                               "The reset code has expired: a code works for " +
                                   std::to_string(kResetCodeLifetime.count() / 60) +
                                   " minutes. Run spinepath-cli db reset-pin again for a new one."};
        why = "the reset code had expired";
        // Gone for good: it can never be right again.
        constexpr std::array resetKeys{kResetHashKey, kResetExpiresKey, kResetFailuresKey, kResetNextTryKey};
        if (auto done = removeKeys(m_database, resetKeys, checking); !done)
            return resetFailed(done.error().message);
    } else if (!isArgon2idHash(*state->resetHash)) {
        return resetFailed("The stored reset code is damaged. Run spinepath-cli db reset-pin again.");
    } else if (wait > seconds(0)) {
        refused = ResetOutcome{ResetOutcome::Kind::Throttled, state->reset.failures, wait,
                               "Too many wrong codes. Try again in " + clockText(wait) + "."};
        why = "during a wait after wrong codes";
    }
    if (refused) {
        wipe(code);
        if (auto done =
                storage::AuditLog(m_database).append(kActor, storage::audit::kResetCodeRefused, {}, why);
            !done)
            return resetFailed(done.error().message);
        if (auto done = counting.commit(checking); !done)
            return resetFailed(done.error().message);
        return *refused;
    }
    const int failures = state->reset.failures + 1;
    if (auto done = countFailure(state->reset, failures, at, checking); !done)
        return resetFailed(done.error().message);
    if (auto done = counting.commit(checking); !done)
        return resetFailed(done.error().message);

    // Step 2: the code, then (only for the right code) the new PIN's hash.
    const bool right = crypto_pwhash_str_verify(state->resetHash->c_str(), code.data(), code.size()) == 0;
    wipe(code);
    std::optional<std::string> pinHash;
    if (right) {
        auto hashed = hash(secret, "staff PIN");
        if (!hashed)
            return resetFailed(hashed.error().message);
        pinHash = std::move(hashed).value();
    }

    // Step 3: the new PIN, or the audit of the wrong code.
    constexpr std::string_view recording = "set the staff PIN with a reset code";
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(recording); !begun)
        return resetFailed(begun.error().message);
    ResetOutcome outcome;
    if (right) {
        // Works once: another SpinePath on this database may have used it
        // (or IT issued a new one) while the hashes were computed.
        auto current = readState();
        if (!current)
            return resetFailed(current.error().message);
        if (current->resetHash != state->resetHash)
            return {ResetOutcome::Kind::NoCode, 0, seconds(0), "The reset code has already been used."};
        if (auto done = storePin(*pinHash, kActor, "with a reset code", recording); !done)
            return resetFailed(done.error().message);
        outcome = {ResetOutcome::Kind::Accepted, 0, seconds(0), "The new staff PIN is set."};
    } else {
        if (auto done = storage::AuditLog(m_database)
                            .append(kActor, storage::audit::kResetCodeFailed, {},
                                    std::to_string(failures) + " in a row");
            !done)
            return resetFailed(done.error().message);
        const seconds next = waitAfter(failures);
        std::string message = "Wrong reset code. Check it and try again.";
        if (next > seconds(0))
            message += " Try again in " + clockText(next) + ".";
        outcome = {ResetOutcome::Kind::Rejected, failures, next, std::move(message)};
    }
    if (auto done = transaction.commit(recording); !done)
        return resetFailed(done.error().message);
    if (right)
        spdlog::info("Staff PIN set with a reset code");
    else
        spdlog::warn("Wrong PIN reset code ({} in a row)", failures);
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
