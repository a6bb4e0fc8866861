#include "core/util/Logging.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <spdlog/spdlog.h>

#include <sys/stat.h>

namespace {

mode_t permissionBits(const QString& path)
{
    struct stat info
    {
    };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_mode & 07777;
}

} // namespace

TEST_CASE("parseLevel accepts the documented level names", "[logging]")
{
    using spinepath::logging::parseLevel;
    CHECK(parseLevel("trace") == spdlog::level::trace);
    CHECK(parseLevel("debug") == spdlog::level::debug);
    CHECK(parseLevel("info") == spdlog::level::info);
    CHECK(parseLevel("warn") == spdlog::level::warn);
    CHECK(parseLevel("error") == spdlog::level::err);
    CHECK(parseLevel("critical") == spdlog::level::critical);
    CHECK(parseLevel("off") == spdlog::level::off);
    CHECK(parseLevel("WARN") == spdlog::level::warn);
}

TEST_CASE("parseLevel rejects anything else instead of turning it off", "[logging]")
{
    using spinepath::logging::parseLevel;
    CHECK_FALSE(parseLevel("").has_value());
    CHECK_FALSE(parseLevel("verbose").has_value());
    CHECK_FALSE(parseLevel("inf").has_value());
    CHECK_FALSE(parseLevel("info ").has_value());
}

TEST_CASE("initForGui writes a private log file in a private folder", "[logging]")
{
    QTemporaryDir temporary;
    REQUIRE(temporary.isValid());
    const QString logDirectory = temporary.filePath(QStringLiteral("nested/logs"));
    const QString logFile = QDir(logDirectory).filePath(QStringLiteral("spinepath.log"));

    // A permissive umask must not leak into the file or folder modes.
    const mode_t previousUmask = ::umask(0);
    spinepath::logging::initForGui(logDirectory, spdlog::level::info);
    ::umask(previousUmask);

    REQUIRE(QFile::exists(logFile));
    CHECK(permissionBits(logDirectory) == 0700);
    // The data folder above the logs is made here too, before the database
    // code runs: at umask 000 it must not be left open to every user.
    CHECK(permissionBits(temporary.filePath(QStringLiteral("nested"))) == 0700);
    CHECK(permissionBits(logFile) == 0600);

    spdlog::debug("below the level");
    spdlog::info("logging test line");
    spinepath::logging::shutdown();

    QFile file(logFile);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    CHECK(contents.contains("logging test line"));
    CHECK_FALSE(contents.contains("below the level"));
    CHECK(permissionBits(logFile) == 0600);
}

TEST_CASE("initForGui tightens a log file that already exists", "[logging]")
{
    QTemporaryDir temporary;
    REQUIRE(temporary.isValid());
    const QString logFile = temporary.filePath(QStringLiteral("spinepath.log"));
    {
        QFile existing(logFile);
        REQUIRE(existing.open(QIODevice::WriteOnly));
        REQUIRE(existing.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                        QFile::ReadOther));
    }

    spinepath::logging::initForGui(temporary.path(), spdlog::level::info);
    CHECK(permissionBits(logFile) == 0600);
    spinepath::logging::shutdown();
}
