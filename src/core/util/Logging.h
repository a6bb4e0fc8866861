#pragma once

#include <QString>

#include <spdlog/common.h>

#include <optional>
#include <string_view>

// Logging set-up for the GUI and the CLI, on top of spdlog's default logger.
//
// PRIVACY RULE FOR EVERY CALLER: never log patient data. That means no answers,
// no names, no dates of birth, no free text typed by a patient, no scores or
// triage results tied to a person, and no file contents that may hold them.
// Log events, counts, durations, versions and error kinds instead. Log files
// outlive sessions and are copied into support tickets; they are not a place
// for health information.
namespace spinepath::logging {

// The file name inside the log folder; rotated copies get ".1", ".2" inserted
// before the extension by spdlog.
inline constexpr std::string_view logFileName = "spinepath.log";

// Parses a level name as given on a command line: trace, debug, info, warn,
// error, critical or off (ASCII case ignored). Returns nothing for anything else,
// unlike spdlog::level::from_str, which silently turns a typo into "off".
[[nodiscard]] std::optional<spdlog::level::level_enum> parseLevel(std::string_view name);

// Sends the default logger to a rotating file (1 MiB, 3 files kept) named
// spinepath.log in logDirectory. The folder is created with mode 0700 and the
// log files with mode 0600, because the machine may be a shared clinic kiosk.
// If the folder or the file cannot be made, logging falls back to stderr so the
// program still starts.
void initForGui(const QString& logDirectory, spdlog::level::level_enum level);

// Sends the default logger to stderr, keeping stdout free for command output.
void initForCli(spdlog::level::level_enum level);

// Flushes and closes the log file; later log calls are discarded. Call it last
// in main so the file is complete and no longer held open.
void shutdown();

} // namespace spinepath::logging
