#include "core/util/Logging.h"

#include "core/util/PrivateFolder.h"

#include <QDir>
#include <QFile>

#include <spdlog/logger.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <memory>
#include <utility>

namespace spinepath::logging {

namespace {

constexpr auto loggerName = "spinepath";
constexpr std::size_t maxFileSize = 1024 * 1024;
constexpr std::size_t maxFiles = 3;
constexpr mode_t fileMode = S_IRUSR | S_IWUSR;

// std::tolower depends on the C locale; level names are plain ASCII.
constexpr char toLowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (toLowerAscii(a[i]) != toLowerAscii(b[i]))
            return false;
    }
    return true;
}

void install(std::shared_ptr<spdlog::logger> logger, spdlog::level::level_enum level)
{
    logger->set_level(level);
    // The volume is a few lines per session, so flushing every line costs
    // nothing and keeps the last lines before a crash.
    logger->flush_on(spdlog::level::trace);
    spdlog::set_default_logger(std::move(logger));
}

std::shared_ptr<spdlog::logger> makeStderrLogger()
{
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    sink->set_pattern("%^[%l]%$ %v");
    return std::make_shared<spdlog::logger>(loggerName, std::move(sink));
}

// spdlog opens files with fopen, which would use the process umask (often
// 0644). Creating the file first with 0600 and tightening it after each open
// also covers files left by an older version and the fresh file after rotation.
spdlog::file_event_handlers privateFileHandlers()
{
    spdlog::file_event_handlers handlers;
    handlers.before_open = [](const spdlog::filename_t& path) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, fileMode);
        if (fd >= 0)
            ::close(fd);
    };
    handlers.after_open = [](const spdlog::filename_t&, std::FILE* file) {
        if (file)
            ::fchmod(::fileno(file), fileMode);
    };
    return handlers;
}

// Every folder made on the way is 0700 (the data folder above the logs
// included: the log set-up runs before the database code); an existing log
// folder is made private too.
bool makePrivateDirectory(const QString& path)
{
    if (makePrivateFolders(path) != 0)
        return false;
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace

std::optional<spdlog::level::level_enum> parseLevel(std::string_view name)
{
    static constexpr std::array<std::pair<std::string_view, spdlog::level::level_enum>, 7> levels{{
        {"trace", spdlog::level::trace},
        {"debug", spdlog::level::debug},
        {"info", spdlog::level::info},
        {"warn", spdlog::level::warn},
        {"error", spdlog::level::err},
        {"critical", spdlog::level::critical},
        {"off", spdlog::level::off},
    }};
    for (const auto& [levelName, level] : levels) {
        if (equalsIgnoringAsciiCase(name, levelName))
            return level;
    }
    return std::nullopt;
}

void initForGui(const QString& logDirectory, spdlog::level::level_enum level)
{
    const QString directory = QDir(logDirectory).absolutePath();
    if (!makePrivateDirectory(directory)) {
        install(makeStderrLogger(), level);
        spdlog::warn("Cannot create a private log folder at {}; logging to stderr", directory.toStdString());
        return;
    }

    const std::string path =
        QDir(directory)
            .filePath(QString::fromUtf8(logFileName.data(), qsizetype(logFileName.size())))
            .toStdString();
    try {
        auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path, maxFileSize, maxFiles, false,
                                                                           privateFileHandlers());
        sink->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] %v");
        install(std::make_shared<spdlog::logger>(loggerName, std::move(sink)), level);
    } catch (const spdlog::spdlog_ex& error) {
        install(makeStderrLogger(), level);
        spdlog::warn("Cannot open the log file {}: {}; logging to stderr", path, error.what());
    }
}

void initForCli(spdlog::level::level_enum level)
{
    install(makeStderrLogger(), level);
}

void shutdown()
{
    if (auto current = spdlog::default_logger())
        current->flush();
    // A null sink rather than spdlog::shutdown(): that leaves no default logger,
    // and a late spdlog::info() from a destructor would then crash.
    install(std::make_shared<spdlog::logger>(loggerName, std::make_shared<spdlog::sinks::null_sink_mt>()),
            spdlog::level::off);
}

} // namespace spinepath::logging
