// The staff console's idle CPU at 100,000 assessments (issue 18, point 12):
// the console open on today's queue with nothing happening, against a bare Qt
// window in the same run, then locked (hidden), then the cost of one queue
// read after a change. CPU is the process's (every thread, the queue
// watcher's included), from getrusage, over the same wall time each.
// Synthetic data only: names are drawn from an invented list.
//
//     spinepath-bench-console --db FILE --answers FLAT.jsonl [--content DIR]
//                             [--count N] [--seconds S]
//
// Every assessment is started today, the worst case for today's queue. An
// existing FILE with N assessments is used as it is. Exits 1 when the idle
// console uses 2 % of a core or more.
#include "BenchSupport.h"
#include "common/AppContext.h"
#include "staff/StaffConsole.h"

#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/StorageTime.h"
#include "core/util/ContentPaths.h"
#include "core/util/Logging.h"
#include "core/util/TextFile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTableView>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>
#include <sstream>
#include <string>

namespace {

using nlohmann::json;
using spinepath::bench::fail;
namespace storage = spinepath::storage;

double cpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void runEventLoop(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

// The share of one core the process used while its event loop ran idle.
double idlePercent(int seconds)
{
    runEventLoop(1000); // let the first paint and reads finish
    const double cpuBefore = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    runEventLoop(seconds * 1000);
    const double cpu = cpuSeconds() - cpuBefore;
    return 100.0 * cpu / (static_cast<double>(wall.elapsed()) / 1000.0);
}

bool waitUntil(const std::function<bool()>& done, int milliseconds = 60000)
{
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > milliseconds)
            return false;
        runEventLoop(5);
    }
    return true;
}

qint64 storedCount(const QString& path)
{
    if (!QFile::exists(path))
        return 0;
    storage::OpenOptions options;
    options.path = path;
    options.readOnly = true;
    auto database = storage::Database::open(options);
    if (!database)
        return 0;
    auto counted = storage::AssessmentQueries(**database).count();
    return counted ? *counted : 0;
}

// N completed assessments, all started today, from the generated answer sets.
void fillToday(const QString& path, const std::string& answersPath, const spinepath::ui::AppContext& context,
               int count)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QString::fromLatin1(suffix));
    storage::OpenOptions options;
    options.path = path;
    auto database = storage::Database::open(options);
    if (!database)
        fail(database.error().message);
    const auto& content = context.content->screening();
    const auto versions = storage::ContentVersions::of(content.questionnaire(), content.ruleset());
    storage::AssessmentLifecycle lifecycle(**database, "bench");
    const QDateTime now = storage::storageNow();
    const qint64 secondsToday =
        std::max<qint64>(60, QDateTime::currentDateTime().time().msecsSinceStartOfDay() / 1000);
    std::istringstream lines(spinepath::readTextFile(answersPath));
    std::vector<std::string> answerLines;
    for (std::string line; std::getline(lines, line);)
        answerLines.push_back(line);
    if (answerLines.empty())
        fail("no answer sets in " + answersPath);
    std::vector<storage::CompletedAssessment> batch;
    for (int i = 0; i < count; ++i) {
        json answers = json::parse(answerLines[static_cast<std::size_t>(i) % answerLines.size()]);
        answers["about.name"] = "Bench Patient " + std::to_string(i);
        const json accepted = content.scorer().acceptedAnswers(answers);
        storage::CompletedAssessment assessment;
        assessment.content = versions;
        assessment.result = content.scorer().score(accepted);
        // Spread over the part of today gone by, newest last.
        assessment.startedAt = now.addSecs(-secondsToday + (secondsToday - 30) * i / count);
        assessment.completedAt = assessment.startedAt.addSecs(20);
        spinepath::questionnaire::ResponseOptions responseOptions;
        responseOptions.status = "stopped";
        assessment.answers = spinepath::AssessmentSession::toStore(content, accepted, responseOptions);
        batch.push_back(std::move(assessment));
        if (batch.size() == 1000 || i + 1 == count) {
            if (auto stored = lifecycle.storeCompleted(batch); !stored)
                fail(stored.error().message);
            batch.clear();
        }
    }
}

struct ConsoleFigures
{
    double open = 0;
    double locked = 0;
    double readMs = 0;
};

ConsoleFigures measureConsole(const spinepath::ui::AppContext& context, int seconds)
{
    ConsoleFigures figures;
    spinepath::ui::StaffConsole console(context, "bench");
    console.resize(1280, 800);
    console.show();
    if (!waitUntil([&] { return console.queueReads() > 0 && console.isQueueSettled(); }))
        fail("the console never read its queue");
    figures.open = idlePercent(seconds);
    // A change: one read of the queue and its counts, timed to its arrival.
    QElapsedTimer read;
    read.start();
    const int reads = console.queueReads();
    console.refresh();
    if (!waitUntil([&] { return console.queueReads() > reads && console.isQueueSettled(); }))
        fail("the console did not read its queue again");
    figures.readMs = static_cast<double>(read.nsecsElapsed()) / 1e6;
    console.hide(); // locked
    figures.locked = idlePercent(seconds);
    return figures;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication application(argc, argv);
    spinepath::logging::initForCli(spdlog::level::warn);
    std::string dbPath, answersPath, contentDir;
    int count = 100'000;
    int seconds = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--db")
            dbPath = argv[i + 1];
        else if (option == "--answers")
            answersPath = argv[i + 1];
        else if (option == "--content")
            contentDir = argv[i + 1];
        else if (option == "--count")
            count = std::stoi(argv[i + 1]);
        else if (option == "--seconds")
            seconds = std::stoi(argv[i + 1]);
        else
            fail("unknown option " + option);
    }
    if (dbPath.empty() || answersPath.empty())
        fail("usage: spinepath-bench-console --db FILE --answers FLAT.jsonl [--content DIR] [--count N] "
             "[--seconds S]");
    const QString path = QString::fromStdString(dbPath);
    const std::string content = spinepath::contentDirectory(QString::fromStdString(contentDir)).toStdString();

    // The baseline: a bare window with an empty table, idle.
    double bare = 0;
    {
        QTableView window;
        window.resize(1280, 800);
        window.show();
        bare = idlePercent(seconds);
    }

    auto emptyContext = spinepath::ui::AppContext::load(content);
    const QString emptyPath = path + QStringLiteral(".empty");
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(emptyPath + QString::fromLatin1(suffix));
    emptyContext->openDatabase(emptyPath);
    if (!emptyContext->database)
        fail(emptyContext->databaseProblem);
    const ConsoleFigures empty = measureConsole(*emptyContext, seconds);
    emptyContext.reset();

    auto context = spinepath::ui::AppContext::load(content);
    if (storedCount(path) != count) {
        QElapsedTimer filling;
        filling.start();
        fillToday(path, answersPath, *context, count);
        std::printf("stored %d assessments started today in %.1f s\n", count,
                    static_cast<double>(filling.elapsed()) / 1000.0);
    }
    context->openDatabase(path);
    if (!context->database)
        fail(context->databaseProblem);
    const ConsoleFigures big = measureConsole(*context, seconds);

    std::printf("\n| %d s idle, event loop running | CPU, %% of one core | above the bare window |\n",
                seconds);
    std::printf("|---|---|---|\n");
    std::printf("| bare Qt window (baseline) | %.2f | |\n", bare);
    std::printf("| console open, empty database | %.2f | %+.2f |\n", empty.open, empty.open - bare);
    std::printf("| console open, %d assessments today | %.2f | %+.2f |\n", count, big.open, big.open - bare);
    std::printf("| console locked, %d assessments today | %.2f | %+.2f |\n", count, big.locked,
                big.locked - bare);
    std::printf("\none queue read after a change (off the GUI thread): %.1f ms empty, %.1f ms at %d\n",
                empty.readMs, big.readMs, count);
    const bool ok = big.open < 2.0 && big.locked < 2.0;
    std::printf("console idle CPU at %d assessments: %.2f %% open, %.2f %% locked (target under 2 %%): %s\n",
                count, big.open, big.locked, ok ? "ok" : "TOO HIGH");
    return ok ? 0 : 1;
}
