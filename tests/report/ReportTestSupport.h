#pragma once

// Shared by the report tests: the real content folder, the assessments the
// tests print, a private temporary folder and poppler's tools on the PDFs.
#include "core/clinic/ClinicContent.h"
#include "core/report/PatientResult.h"
#include "core/report/ReportBuilder.h"

#include <catch2/catch.hpp>

#include "support/ChildProcess.h"
#include "support/ExampleAnswers.h"
#include "support/TempDir.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QTimeZone>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/stat.h>

namespace spinepath::report::test {

namespace fs = std::filesystem;
using nlohmann::json;
using spinepath::test::readAll;
using spinepath::test::TempDir;

inline std::string contentDirectory()
{
    return std::string(SPINEPATH_SOURCE_DIR) + "/content";
}

// Loaded once per test executable.
inline const ClinicContent& content()
{
    static const std::unique_ptr<ClinicContent> loaded = ClinicContent::load(contentDirectory());
    return *loaded;
}

// A fixed print time, so documents differ only where the assessment does.
inline QDateTime printedAt()
{
    return QDateTime(QDate(2026, 3, 2), QTime(8, 15), QTimeZone::utc());
}

using spinepath::test::ProcessResult;
using spinepath::test::runCli;
using spinepath::test::runProgram;

// Every text of a patient's result that the patient reads; with `summaries`
// the articles' summaries too (the printed copy names articles by title only).
inline std::vector<QString> patientTexts(const PatientResult& patient, bool summaries)
{
    std::vector<QString> texts{patient.categoryTitle, patient.categoryText, patient.instruction,
                               patient.disclaimer};
    for (const auto* flags : {&patient.alerts, &patient.toDiscuss})
        for (const PatientFlag& flag : *flags)
            texts.push_back(flag.text);
    for (const auto* lines : {&patient.reasons, &patient.nextSteps})
        for (const PatientLine& line : *lines)
            texts.push_back(line.text);
    for (const PatientArticle& article : patient.articles) {
        texts.push_back(article.title);
        if (summaries)
            texts.push_back(article.summary);
    }
    return texts;
}

// Every run of spaces and line ends made one space, so sentences that wrap
// are found whole.
inline std::string squeeze(const std::string& text)
{
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// A poppler tool's output; fails the test with the fix when it is missing.
inline std::string poppler(const std::vector<std::string>& words)
{
    const ProcessResult result = runProgram(words);
    if (result.exitCode == 127)
        FAIL(words[0] << " is not installed: apt-get install poppler-utils (make test installs it)");
    REQUIRE(result.exitCode == 0);
    return result.out;
}

// The PDF's text in page order with its layout kept (columns side by side).
inline std::string layoutText(const std::string& pdf)
{
    return poppler({"pdftotext", "-layout", pdf, "-"});
}

// The PDF's text in the order it was drawn (each table cell whole), squeezed:
// for finding sentences, which -layout interleaves with neighbouring columns.
// A line that wraps after a hyphen ("non-" / "surgical") is joined back: Qt
// breaks there without adding a hyphen of its own.
inline std::string drawnText(const std::string& pdf)
{
    std::string text = poppler({"pdftotext", "-raw", pdf, "-"});
    for (auto at = text.find("-\n"); at != std::string::npos; at = text.find("-\n", at))
        text.erase(at + 1, 1);
    return squeeze(text);
}

inline std::string pdfInfo(const std::string& pdf, const std::string& field)
{
    const std::string info = poppler({"pdfinfo", pdf});
    const auto at = info.find(field + ":");
    REQUIRE(at != std::string::npos);
    const auto end = info.find('\n', at);
    return squeeze(info.substr(at + field.size() + 1, end - at - field.size() - 1));
}

inline unsigned fileMode(const std::string& path)
{
    struct stat status
    {
    };
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

// The assessments the tests print: one for each kind of result, taken from
// the clinical specification's worked examples.
struct Example
{
    std::string name;
    json answers;
    std::string category;
};

using spinepath::test::with;

// One answer set of tests/data/report/answers.json (whose "about" says what
// each is): its base set with its own answers added or replaced.
inline json reportAnswers(const std::string& name)
{
    static const json sets = spinepath::test::testData("report/answers.json");
    const json& set = sets.at(name);
    return with(spinepath::test::baseAnswers(set.at("base").get<std::string>()), set.at("answers"));
}

inline json regenerativeAnswers()
{
    return reportAnswers("regenerative");
}

inline json withoutIdentity(json answers)
{
    for (const char* key :
         {"about.name", "about.birth_date", "about.phone", "about.email", "about.contact_ok"})
        answers.erase(key);
    return answers;
}

// Worked example 1 and more: bladder control lost, saddle numbness and leg
// weakness getting worse, otherwise disc pain. No identity given.
inline json urgentAnswers()
{
    return withoutIdentity(with(regenerativeAnswers(), {{"redflag.bladder_bowel", true},
                                                        {"redflag.saddle_numbness", true},
                                                        {"neuro.weakness", "worsening"}}));
}

inline json fusionAnswers()
{
    return reportAnswers("fusion");
}

inline json conservativeAnswers()
{
    return reportAnswers("conservative");
}

inline json postSurgicalAnswers()
{
    return reportAnswers("post-surgical");
}

inline json reviewAnswers()
{
    return reportAnswers("review");
}

inline std::vector<Example> examples()
{
    return {{"urgent", urgentAnswers(), "urgent"},
            {"fusion", fusionAnswers(), "fusion_evaluation"},
            {"regenerative", regenerativeAnswers(), "regenerative_evaluation"},
            {"conservative", conservativeAnswers(), "conservative_care_first"},
            {"post-surgical", postSurgicalAnswers(), "physician_review"},
            {"review", reviewAnswers(), "physician_review"}};
}

} // namespace spinepath::report::test
