// contentDirectory() and the ExecutableLocation helpers it rests on, as a
// program in the build tree sees them. The installed case (content beside
// the program, never the sources) is test_Install (tests/install).
#include "core/util/ContentPaths.h"
#include "core/util/ExecutableLocation.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <optional>

namespace {

// Sets or clears SPINEPATH_CONTENT for one test and puts it back after.
class ContentVariable final
{
public:
    explicit ContentVariable(const std::optional<QByteArray>& value)
        : m_saved(qEnvironmentVariableIsSet("SPINEPATH_CONTENT")
                      ? std::optional<QByteArray>(qgetenv("SPINEPATH_CONTENT"))
                      : std::nullopt)
    {
        set(value);
    }
    ~ContentVariable() { set(m_saved); }
    ContentVariable(const ContentVariable&) = delete;
    ContentVariable& operator=(const ContentVariable&) = delete;

private:
    static void set(const std::optional<QByteArray>& value)
    {
        if (value)
            qputenv("SPINEPATH_CONTENT", *value);
        else
            qunsetenv("SPINEPATH_CONTENT");
    }
    std::optional<QByteArray> m_saved;
};

QString sourceContent()
{
    return QDir(QStringLiteral(SPINEPATH_SOURCE_DIR "/content")).absolutePath();
}

} // namespace

TEST_CASE("executableDirectory is this test's folder, without a QCoreApplication", "[content-paths]")
{
    const QString directory = spinepath::executableDirectory();
    REQUIRE_FALSE(directory.isEmpty());
    CHECK(QFileInfo(directory).isAbsolute());
    CHECK(QFileInfo::exists(directory + QStringLiteral("/test_ContentPaths")));
}

TEST_CASE("a test of the build tree runs from the build tree", "[content-paths]")
{
    CHECK(spinepath::runsFromBuildTree());
}

TEST_CASE("an explicit folder wins over SPINEPATH_CONTENT", "[content-paths]")
{
    const QTemporaryDir chosen;
    const ContentVariable variable(QByteArray("/somewhere/else"));
    CHECK(spinepath::contentDirectory(chosen.path()) == QDir(chosen.path()).absolutePath());
}

TEST_CASE("SPINEPATH_CONTENT is used when no folder is given", "[content-paths]")
{
    const QTemporaryDir fromEnvironment;
    const ContentVariable variable(QFile::encodeName(fromEnvironment.path()));
    CHECK(spinepath::contentDirectory() == QDir(fromEnvironment.path()).absolutePath());
}

TEST_CASE("a build-tree run without installed content falls back to the sources", "[content-paths]")
{
    const ContentVariable variable(std::nullopt);
    REQUIRE_FALSE(
        QFileInfo::exists(spinepath::executableDirectory() + QStringLiteral("/../share/spinepath/content")));
    CHECK(spinepath::contentDirectory() == sourceContent());
}
