// make bench, end to end: what one finished assessment costs from the answers
// to the physician's PDF, the path the GUI and the CLI take, for N generated
// answer sets (synthetic, from spinepath-bench-answers --flat) one at a time:
//
//   answers  parse the JSON line, validate against the questionnaire, drop
//            hidden answers, build the QuestionnaireResponse
//   score    run the rules (ScreeningResult)
//   store    create() then complete(): two transactions, synchronous=FULL,
//            as the GUI commits when a patient starts and finishes
//   pdf      read the assessment back (get), build the report from what was
//            stored, lay out and write the physician summary PDF (0600)
//
// Prints the median and 95th percentile per stage and the total per
// assessment, and checks that every PDF exists and starts with %PDF.
//
//     spinepath-bench-e2e --answers FLAT.jsonl --db FILE --out DIR [--content DIR] [--count N]
#include "BenchSupport.h"
#include "core/clinic/ClinicContent.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/report/ReportBuilder.h"
#include "core/report/ReportPdf.h"
#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/Database.h"
#include "core/util/ContentPaths.h"
#include "core/util/Logging.h"
#include "core/util/TextFile.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
using spinepath::bench::fail;
using spinepath::bench::millisecondsSince;
using spinepath::bench::need;
using Clock = std::chrono::steady_clock;
namespace storage = spinepath::storage;
namespace report = spinepath::report;

void need(const storage::Result<void>& result)
{
    if (!result)
        fail(result.error().message);
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

double mean(const std::vector<double>& values)
{
    double sum = 0;
    for (double value : values)
        sum += value;
    return sum / static_cast<double>(values.size());
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    spinepath::logging::initForCli(spdlog::level::warn);
    std::string answersPath, dbPath, outDir, contentDir;
    std::size_t count = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--answers")
            answersPath = argv[i + 1];
        else if (option == "--db")
            dbPath = argv[i + 1];
        else if (option == "--out")
            outDir = argv[i + 1];
        else if (option == "--content")
            contentDir = argv[i + 1];
        else if (option == "--count")
            count = static_cast<std::size_t>(std::max(1, std::atoi(argv[i + 1])));
        else
            fail("unknown option " + option);
    }
    if (answersPath.empty() || dbPath.empty() || outDir.empty())
        fail("usage: spinepath-bench-e2e --answers FLAT.jsonl --db FILE --out DIR [--count N]");
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(QString::fromStdString(dbPath + suffix));
    if (!QDir().mkpath(QString::fromStdString(outDir)))
        fail("cannot create " + outDir);

    // Loaded once, as the GUI does at start; not part of the per-assessment time.
    const auto loadStart = Clock::now();
    const auto content = spinepath::ClinicContent::load(
        spinepath::contentDirectory(QString::fromStdString(contentDir)).toStdString());
    const auto& screening = content->screening();
    const auto versions = storage::ContentVersions::of(screening.questionnaire(), screening.ruleset());
    storage::OpenOptions options;
    options.path = QString::fromStdString(dbPath);
    auto database = need(storage::Database::open(options));
    storage::AssessmentLifecycle lifecycle(*database, "bench");
    const storage::AssessmentQueries queries(*database);
    const double loadMs = millisecondsSince(loadStart);

    std::istringstream lines(spinepath::readTextFile(answersPath));
    std::array<std::vector<double>, 5> times; // answers, score, store, pdf, total
    std::string line;
    std::size_t done = 0;
    qint64 pdfBytes = 0;
    const auto runStart = Clock::now();
    while (done < count && std::getline(lines, line)) {
        const auto start = Clock::now();
        auto stage = start;
        const auto lap = [&](std::size_t index) {
            times[index].push_back(millisecondsSince(stage));
            stage = Clock::now();
        };

        const json accepted = screening.scorer().acceptedAnswers(json::parse(line));
        spinepath::questionnaire::ResponseOptions responseOptions;
        responseOptions.status = "stopped"; // generated sets are partial, as the CLI stores them
        const storage::StoredAnswers answers =
            spinepath::AssessmentSession::toStore(screening, accepted, responseOptions);
        lap(0);

        const spinepath::scoring::ScreeningResult result = screening.scorer().score(accepted);
        lap(1);

        storage::NewAssessment fresh;
        fresh.content = versions;
        const std::string id = need(lifecycle.create(fresh));
        need(lifecycle.complete(id, answers, result));
        lap(2);

        const storage::Assessment stored = need(queries.get(id));
        const report::ReportData data = content->reportOf(stored);
        const QString path = QString::fromStdString(outDir + "/" + id + ".pdf");
        report::writePdf(report::DocumentKind::PhysicianSummary, data, spinepath::Paper::A4, path);
        lap(3);

        times[4].push_back(millisecondsSince(start));
        QFile written(path);
        if (!written.open(QIODevice::ReadOnly) || written.read(4) != "%PDF")
            fail("no PDF at " + path.toStdString());
        pdfBytes += written.size();
        ++done;
    }
    const double runSeconds = millisecondsSince(runStart) / 1000;
    if (done == 0)
        fail("no answer sets in " + answersPath);
    if (need(queries.count()) != static_cast<qint64>(done))
        fail("the database does not hold every assessment");

    const char* names[] = {"answers (parse, validate, response)", "score (rules)",
                           "store (create + complete, 2 commits)", "physician PDF (read back, build, write)",
                           "total per assessment"};
    std::printf("| stage | median ms | mean ms | p95 ms | share of the mean |\n|---|---|---|---|---|\n");
    const double total = mean(times[4]);
    for (std::size_t i = 0; i < times.size(); ++i)
        std::printf("| %s | %.2f | %.2f | %.2f | %.0f %% |\n", names[i], percentile(times[i], 0.5),
                    mean(times[i]), percentile(times[i], 0.95), 100 * mean(times[i]) / total);
    std::printf("%zu assessments end to end in %.1f s (%.1f a second); %.1f KiB of PDF each; "
                "content and database loaded once beforehand in %.0f ms.\n",
                done, runSeconds, static_cast<double>(done) / runSeconds,
                static_cast<double>(pdfBytes) / 1024.0 / static_cast<double>(done), loadMs);
    return 0;
}
