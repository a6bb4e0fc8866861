#pragma once

#include "core/storage/Database.h"

#include <string>

namespace spinepath::cli {

// spinepath-cli db reset-pin [--new-pin]: for staff who forgot the PIN, a
// console locked after too many wrong PINs, or the first start of a kiosk.
// Without --new-pin it forgets the PIN and prints a one-time reset code to
// be entered at the kiosk with the new PIN; with --new-pin it reads the new
// PIN from standard input (unechoed on a terminal, twice) and sets it.
// Audited as `actor`. Returns the exit code.
int runResetPin(const storage::Database& database, bool newPin, const std::string& actor);

} // namespace spinepath::cli
