// make bench: how long the physician summary (and the patient copy) takes to
// make as a PDF for one typical assessment, against the 100 ms target. The
// whole path the GUI and the CLI take once the content is loaded: report data
// from the answers, layout, painting and the PDF bytes. Median of N runs
// after one warm-up run (the first run also loads the fonts).
//
//     spinepath-bench-report [RUNS] [--content DIR]
#include "core/clinic/ClinicContent.h"
#include "core/report/ReportBuilder.h"
#include "core/report/ReportPdf.h"
#include "core/util/ContentPaths.h"

#include <QGuiApplication>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace spinepath;
using namespace spinepath::report;

namespace {

// Worked example 3 of the clinical specification, with the patient's details:
// the typical assessment the summary is laid out for.
const char* const kTypicalAnswers = R"({
  "redflag.bladder_bowel": false, "redflag.saddle_numbness": false, "redflag.progressive_weakness": false,
  "redflag.recent_trauma": false, "redflag.systemic": false,
  "pain.duration": "6m_12m", "pain.location": "back_mostly", "peg.pain": 7, "peg.enjoyment": 6, "peg.activity": 6,
  "dx.told": ["ddd", "annular_tear"], "img.mri": "within_12m", "img.findings": ["annular_tear"],
  "img.flexion_extension": "normal", "img.discography": "not_done",
  "cc.pt": "ge6w", "cc.meds": true, "cc.injections": true, "cc.relief": "temporary",
  "inst.told_unstable": "no", "neuro.numbness": "stable", "neuro.weakness": "none", "hx.prior_surgery": "none",
  "pref.motion": "important", "pref.avoid_surgery": true,
  "about.name": "Maria Example", "about.birth_date": "1978-04-12", "about.phone": "(555) 010-2233",
  "about.email": "maria@example.org", "about.contact_ok": true
})";

struct Timing
{
    double first = 0; // ms, the warm-up run
    double median = 0;
    double fastest = 0;
    double slowest = 0;
    int pages = 0;
    qsizetype bytes = 0;
};

template <typename Run> Timing measure(int runs, Run&& run)
{
    using Clock = std::chrono::steady_clock;
    const auto elapsed = [](Clock::time_point start) {
        return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    Timing timing;
    auto start = Clock::now();
    PdfDocument document = run();
    timing.first = elapsed(start);
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        start = Clock::now();
        document = run();
        times.push_back(elapsed(start));
    }
    std::sort(times.begin(), times.end());
    timing.median = times.size() % 2 ? times[times.size() / 2]
                                     : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;
    timing.fastest = times.front();
    timing.slowest = times.back();
    timing.pages = document.pages;
    timing.bytes = document.bytes.size();
    return timing;
}

} // namespace

int main(int argc, char* argv[])
{
    int runs = 30;
    QString contentOption;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == "--content" && i + 1 < argc)
            contentOption = QString::fromLocal8Bit(argv[++i]);
        else
            runs = std::max(1, std::atoi(argv[i]));
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int appArgc = 1;
    QGuiApplication application(appArgc, argv);

    const auto content = spinepath::ClinicContent::load(contentDirectory(contentOption).toStdString());
    const nlohmann::json answers = nlohmann::json::parse(kTypicalAnswers);

    const auto timeDocument = [&](DocumentKind kind) {
        return measure(runs, [&] {
            // From the answers on, as the GUI does when staff press Print.
            const ReportData fresh = content->reportFromInput(
                answers, {QStringLiteral("bench"), {}, AssessmentMode::Kiosk, {}, {}});
            return pdf(kind, fresh, Paper::A4);
        });
    };
    const Timing summary = timeDocument(DocumentKind::PhysicianSummary);
    const Timing copy = timeDocument(DocumentKind::PatientCopy);

    constexpr double kTargetMs = 100;
    std::printf("| document | median ms | fastest | slowest | first run | pages | PDF bytes | target |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    std::printf("| physician summary | %.1f | %.1f | %.1f | %.1f | %d | %lld | < %.0f ms: %s |\n",
                summary.median, summary.fastest, summary.slowest, summary.first, summary.pages,
                static_cast<long long>(summary.bytes), kTargetMs,
                summary.median < kTargetMs ? "met" : "MISSED");
    std::printf("| patient copy | %.1f | %.1f | %.1f | %.1f | %d | %lld | |\n", copy.median, copy.fastest,
                copy.slowest, copy.first, copy.pages, static_cast<long long>(copy.bytes));
    std::printf(
        "Median of %d runs after one warm-up run (the first run also loads the fonts); A4, in memory.\n",
        runs);
    return summary.median < kTargetMs ? 0 : 1;
}
