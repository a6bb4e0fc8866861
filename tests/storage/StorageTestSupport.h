#pragma once

// Shared set-up for the storage tests: an application object for QtSql,
// private temporary folders, the real content, synthetic answer sets.
// Synthetic data only: every name, date and number here is invented.
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/scoring/ScreeningContent.h"
#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/AssessmentRecord.h"
#include "core/storage/AssessmentRetention.h"
#include "core/storage/Database.h"

#include "support/ExampleAnswers.h"
#include "support/PostgresCluster.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

// Catch prints a failed Result with its message.
namespace Catch {
template <typename T> struct StringMaker<spinepath::storage::Result<T>>
{
    static std::string convert(const spinepath::storage::Result<T>& result)
    {
        return result.ok() ? std::string("ok") : "error: " + result.error().message;
    }
};
} // namespace Catch

namespace storagetest {

using nlohmann::json;
namespace storage = spinepath::storage;

// QtSql's driver plugins need a QCoreApplication.
inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "spinepath-storage-test";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* application =
        QCoreApplication::instance() ? QCoreApplication::instance() : new QCoreApplication(argc, argv);
    static_cast<void>(application);
}

inline mode_t permissionBits(const QString& path)
{
    struct stat info
    {
    };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_mode & 07777;
}

inline QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

inline void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

// Whether a file exists and holds these bytes anywhere: deleted data must not.
inline bool fileHolds(const QString& path, const QByteArray& needle)
{
    return QFileInfo::exists(path) && fileBytes(path).contains(needle);
}

// A time some days (and minutes) before now, in UTC.
inline QDateTime day(int daysAgo, int minutes = 0)
{
    return QDateTime::currentDateTimeUtc().addDays(-daysAgo).addSecs(60 * minutes);
}

inline QByteArray sha256(const QString& path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
}

// Every file of a folder with its hash: to prove an operation changed nothing.
inline std::map<QString, QByteArray> snapshot(const QString& folder)
{
    std::map<QString, QByteArray> files;
    for (const QString& name : QDir(folder).entryList(QDir::Files | QDir::Hidden))
        files[name] = sha256(QDir(folder).filePath(name));
    return files;
}

// The engine the storage tests run on: SQLite unless the environment
// variable SPINEPATH_TEST_ENGINE is "postgresql" (CTest registers each
// storage test twice, see Tests.cmake; test cases that are about SQLite's
// files and pragmas carry the tag [sqlite] and run only there).
inline bool onPostgres()
{
    return qEnvironmentVariable("SPINEPATH_TEST_ENGINE") == QStringLiteral("postgresql");
}

// A temporary folder; the database file inside it is not created.
struct TempFolder
{
    QTemporaryDir dir;
    TempFolder() { REQUIRE(dir.isValid()); }
    [[nodiscard]] QString file(const QString& name) const { return dir.filePath(name); }
    [[nodiscard]] QString path() const { return dir.path(); }
    // Where this test case's database lives: spinepath.sqlite in the folder,
    // or on PostgreSQL a new, empty database of the test program's own
    // cluster (the same one for every call on this folder).
    [[nodiscard]] QString database()
    {
        if (!onPostgres())
            return file(QStringLiteral("spinepath.sqlite"));
        if (m_database.isEmpty()) {
            ensureApplication();
            auto& cluster = spinepath::test::PostgresCluster::shared();
            m_database = cluster.uri(cluster.createDatabase());
        }
        return m_database;
    }

private:
    QString m_database;
};

inline storage::OpenOptions optionsFor(const QString& path)
{
    storage::OpenOptions options;
    options.path = path;
    return options;
}

inline std::unique_ptr<storage::Database> openOrFail(const storage::OpenOptions& options)
{
    ensureApplication();
    auto opened = storage::Database::open(options);
    if (!opened)
        FAIL("cannot open " << options.path.toStdString() << ": " << opened.error().message);
    return std::move(opened).value();
}

inline std::unique_ptr<storage::Database> openOrFail(const QString& path)
{
    return openOrFail(optionsFor(path));
}

inline const spinepath::scoring::ScreeningContent& content()
{
    static const auto loaded = spinepath::scoring::ScreeningContent::load(SPINEPATH_SOURCE_DIR "/content");
    return loaded;
}

// A complete, valid answer set (clinical spec example 3) with invented
// "About you" answers (none without a name). Every value is distinctive so
// tests can look for it.
inline json completeAnswers(const std::string& name = "Zebedee Quillfeather")
{
    json answers = spinepath::test::example3Answers();
    answers["about.birth_date"] = "1971-04-02";
    answers["about.phone"] = "555-0142";
    answers["about.email"] = "zq.synthetic@example.org";
    answers["about.contact_ok"] = true;
    if (!name.empty())
        answers["about.name"] = name;
    else
        for (const char* linkId : {"about.birth_date", "about.phone", "about.email", "about.contact_ok"})
            answers.erase(linkId);
    return answers;
}

inline json responseFor(const json& answers, const std::string& status = "completed")
{
    spinepath::questionnaire::ResponseOptions options;
    options.status = status;
    return spinepath::questionnaire::toQuestionnaireResponse(content().questionnaire(), answers, options);
}

// Answers as AssessmentSession stores them: the FHIR response with the
// patient's identity read from the same answers.
inline storage::StoredAnswers storedFor(const json& answers, const std::string& status = "completed")
{
    spinepath::questionnaire::ResponseOptions options;
    options.status = status;
    return spinepath::AssessmentSession::toStore(content(), answers, options);
}

// The three sides of the assessment storage over one database, as the
// programs hold them: writes, staff reads and deletions.
struct AssessmentStore
{
    storage::AssessmentLifecycle lifecycle;
    storage::AssessmentQueries queries;
    storage::AssessmentRetention retention;

    AssessmentStore(const storage::Database& database, const std::string& actor)
        : lifecycle(database, actor)
        , queries(database)
        , retention(database, actor)
    {}
};

inline storage::ContentVersions contentVersions()
{
    return storage::ContentVersions::of(content().questionnaire(), content().ruleset());
}

inline storage::CompletedAssessment completed(const std::string& name, const QDateTime& startedAt = {},
                                              const json& answers = json())
{
    const json flat = answers.is_null() ? completeAnswers(name) : answers;
    storage::CompletedAssessment assessment;
    assessment.content = contentVersions();
    assessment.answers = storedFor(flat);
    assessment.result = content().scorer().score(flat);
    assessment.startedAt = startedAt;
    assessment.completedAt = startedAt.isValid() ? startedAt.addSecs(600) : QDateTime();
    return assessment;
}

inline storage::AssessmentFilter byName(const std::string& name)
{
    storage::AssessmentFilter filter;
    filter.name = name;
    return filter;
}

// Runs SQL on a database's own connection; fails the test on an error.
inline QSqlQuery sql(const storage::Database& database, const QString& statement)
{
    QSqlQuery query(database.connection());
    if (!query.exec(statement))
        FAIL(statement.toStdString() << ": " << query.lastError().text().toStdString());
    return query;
}

inline QVariant scalar(const storage::Database& database, const QString& statement)
{
    QSqlQuery query = sql(database, statement);
    REQUIRE(query.next());
    return query.value(0);
}

// A second, independent SQLite connection to a file, as another program
// would hold it.
class OtherConnection final
{
public:
    explicit OtherConnection(const QString& path)
        : m_name(QStringLiteral("other-") + QString::number(++counter()))
    {
        ensureApplication();
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        connection.setDatabaseName(path);
        REQUIRE(connection.open());
    }
    ~OtherConnection()
    {
        {
            QSqlDatabase connection = QSqlDatabase::database(m_name, false);
            connection.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    OtherConnection(const OtherConnection&) = delete;
    OtherConnection& operator=(const OtherConnection&) = delete;

    QSqlQuery exec(const QString& statement)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(statement))
            FAIL(statement.toStdString() << ": " << query.lastError().text().toStdString());
        return query;
    }

private:
    static int& counter()
    {
        static int value = 0;
        return value;
    }
    QString m_name;
};

// Permission bits do not stop root, and CI runs as root. While this lives,
// the process acts as "nobody" for file access, so read-only files and
// folders behave as they do for a clinic's ordinary user account. The
// folder given is handed to nobody first. Without root it changes nothing.
class AsOrdinaryUser final
{
public:
    explicit AsOrdinaryUser(const QString& folder)
        : m_wasRoot(::geteuid() == 0)
    {
        if (!m_wasRoot)
            return;
        REQUIRE(::chown(QFile::encodeName(folder).constData(), kNobody, kNobody) == 0);
        REQUIRE(::setegid(kNobody) == 0);
        REQUIRE(::seteuid(kNobody) == 0);
    }
    ~AsOrdinaryUser()
    {
        if (!m_wasRoot)
            return;
        if (::seteuid(0) != 0 || ::setegid(0) != 0)
            std::abort(); // the rest of the run would be wrong
    }
    AsOrdinaryUser(const AsOrdinaryUser&) = delete;
    AsOrdinaryUser& operator=(const AsOrdinaryUser&) = delete;

private:
    static constexpr uid_t kNobody = 65534;
    bool m_wasRoot;
};

} // namespace storagetest
