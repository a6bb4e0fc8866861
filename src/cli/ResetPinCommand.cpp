#include "ResetPinCommand.h"

#include "Commands.h"
#include "Output.h"
#include "SecretInput.h"

#include "core/security/StaffPin.h"
#include "core/storage/StorageTime.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>

namespace spinepath::cli {

namespace {

using security::StaffPin;

// Longer than any passphrase the kiosk's field takes (128 characters of up to 4 bytes).
constexpr std::size_t kLongestPin = 512;

void printReport(const nlohmann::ordered_json& report)
{
    std::printf("%s\n", report.dump(2).c_str());
}

int issueCode(StaffPin& pin, const std::string& actor)
{
    auto issued = pin.issueResetCode(actor);
    if (!issued) {
        printError(issued.error().message);
        return kUsageOrFileError;
    }
    const auto minutes = std::to_string(StaffPin::kResetCodeLifetime.count() / 60);
    printReport(
        {{"staff_pin", "cleared"},
         {"reset_code", issued->code},
         {"expires_at", storage::toStorageTime(issued->expiresAt).toStdString()},
         {"next", "At the kiosk, tap Staff (or press Ctrl+Alt+S) and enter this code with the new PIN, "
                  "within " +
                      minutes + " minutes. The code works once."}});
    security::wipe(issued->code);
    return kSuccess;
}

// The new PIN: typed twice on a terminal, one line from a pipe.
std::optional<std::string> readNewPin()
{
    auto typed = readSecretLine("New staff PIN or passphrase: ", kLongestPin);
    if (!typed) {
        printError("no PIN was given on standard input (or it was longer than " +
                   std::to_string(kLongestPin) + " bytes)");
        return std::nullopt;
    }
    if (!inputIsTerminal())
        return typed;
    auto again = readSecretLine("The same again: ", kLongestPin);
    const bool same = again && *again == *typed;
    if (again)
        security::wipe(*again);
    if (!same) {
        security::wipe(*typed);
        printError("the two entries are not the same; nothing was changed");
        return std::nullopt;
    }
    return typed;
}

int setNewPin(StaffPin& pin, const std::string& actor)
{
    auto secret = readNewPin();
    if (!secret)
        return kUsageOrFileError;
    auto stored = pin.set(*secret, actor);
    security::wipe(*secret);
    if (!stored) {
        printError("the PIN was not set: " + stored.error().message);
        return kUsageOrFileError;
    }
    printReport({{"staff_pin", "set; the lock and any waits after wrong PINs are cleared"}});
    return kSuccess;
}

} // namespace

int runResetPin(const storage::Database& database, bool newPin, const std::string& actor)
{
    StaffPin pin(database);
    return newPin ? setNewPin(pin, actor) : issueCode(pin, actor);
}

} // namespace spinepath::cli
