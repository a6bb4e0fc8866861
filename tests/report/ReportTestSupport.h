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

using spinepath::test::negativeSafetyScreen;
using spinepath::test::with;

// A variant of worked example E3 (base set R) with the patient's name and
// details: other PEG answers, two diagnoses, normal flexion-extension films
// and stable numbness, and the inflammatory-pain questions left unanswered.
inline json regenerativeAnswers()
{
    return with(negativeSafetyScreen(), {{"pain.duration", "6m_12m"},
                                         {"pain.location", "back_mostly"},
                                         {"peg.pain", 7},
                                         {"peg.enjoyment", 6},
                                         {"peg.activity", 6},
                                         {"dx.told", {"ddd", "annular_tear"}},
                                         {"img.mri", "within_12m"},
                                         {"img.findings", {"annular_tear"}},
                                         {"img.flexion_extension", "normal"},
                                         {"img.discography", "not_done"},
                                         {"cc.pt", "ge6w"},
                                         {"cc.meds", true},
                                         {"cc.injections", true},
                                         {"cc.relief", "temporary"},
                                         {"inst.told_unstable", "no"},
                                         {"neuro.numbness", "stable"},
                                         {"neuro.weakness", "none"},
                                         {"hx.prior_surgery", "none"},
                                         {"pref.motion", "important"},
                                         {"pref.avoid_surgery", true},
                                         {"about.name", "Maria Example"},
                                         {"about.birth_date", "1978-04-12"},
                                         {"about.phone", "(555) 010-2233"},
                                         {"about.email", "maria@example.org"},
                                         {"about.contact_ok", true}});
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

// Worked example 2: told of a grade 3 slip, two years of pain, PT done; the
// bending X-rays showed abnormal motion.
inline json fusionAnswers()
{
    return with(negativeSafetyScreen(), {{"pain.duration", "gt12m"},
                                         {"pain.location", "both"},
                                         {"peg.pain", 6},
                                         {"peg.enjoyment", 5},
                                         {"peg.activity", 7},
                                         {"dx.told", {"spondylolisthesis"}},
                                         {"dx.spondy_grade", "grade3plus"},
                                         {"img.mri", "within_12m"},
                                         {"img.findings", {"disc_degeneration"}},
                                         {"img.flexion_extension", "abnormal_motion"},
                                         {"img.discography", "not_done"},
                                         {"cc.pt", "ge6w"},
                                         {"cc.meds", true},
                                         {"cc.injections", false},
                                         {"cc.relief", "none"},
                                         {"inst.told_unstable", "unknown"},
                                         {"neuro.numbness", "stable"},
                                         {"neuro.weakness", "none"},
                                         {"hx.prior_surgery", "none"},
                                         {"pref.motion", "neutral"},
                                         {"pref.avoid_surgery", false},
                                         {"about.name", "John Q. Sample"},
                                         {"about.birth_date", "1955-09-01"}});
}

// Worked example 4: pain for four weeks, no imaging.
inline json conservativeAnswers()
{
    return with(negativeSafetyScreen(), {{"pain.duration", "lt6w"},
                                         {"pain.location", "leg_mostly"},
                                         {"peg.pain", 5},
                                         {"peg.enjoyment", 4},
                                         {"peg.activity", 4},
                                         {"dx.told", {"unknown"}},
                                         {"img.mri", "none"},
                                         {"img.flexion_extension", "not_done"},
                                         {"img.discography", "not_done"},
                                         {"cc.pt", "none"},
                                         {"cc.meds", true},
                                         {"cc.injections", false},
                                         {"cc.relief", "none"},
                                         {"neuro.numbness", "none"},
                                         {"neuro.weakness", "none"},
                                         {"hx.prior_surgery", "none"}});
}

// Worked example 5: a fusion six years ago, pain since, wear at the level
// above. Spec v2 sends it to physician review (no disc injection after surgery).
inline json postSurgicalAnswers()
{
    return with(negativeSafetyScreen(), {{"pain.duration", "gt12m"},
                                         {"pain.location", "back_mostly"},
                                         {"peg.pain", 6},
                                         {"peg.enjoyment", 6},
                                         {"peg.activity", 5},
                                         {"dx.told", {"ddd"}},
                                         {"img.mri", "older"},
                                         {"img.findings", {"disc_degeneration"}},
                                         {"img.flexion_extension", "normal"},
                                         {"img.discography", "not_done"},
                                         {"cc.pt", "ge6w"},
                                         {"cc.meds", true},
                                         {"cc.injections", true},
                                         {"cc.relief", "temporary"},
                                         {"inst.told_unstable", "no"},
                                         {"neuro.numbness", "none"},
                                         {"neuro.weakness", "none"},
                                         {"hx.prior_surgery", "fusion"},
                                         {"hx.pain_after_surgery", true},
                                         {"hx.adjacent_segment", true},
                                         {"pref.motion", "important"},
                                         {"pref.avoid_surgery", true}});
}

// Worked example 6: chronic pain, an extruded herniation, no red flags.
inline json reviewAnswers()
{
    return with(negativeSafetyScreen(), {{"pain.duration", "3m_6m"},
                                         {"pain.location", "leg_mostly"},
                                         {"dx.told", {"herniation"}},
                                         {"img.mri", "within_12m"},
                                         {"img.findings", {"extruded_herniation"}},
                                         {"cc.pt", "lt6w"},
                                         {"cc.meds", true},
                                         {"cc.injections", false},
                                         {"cc.relief", "temporary"},
                                         {"neuro.numbness", "stable"},
                                         {"neuro.weakness", "none"},
                                         {"hx.prior_surgery", "none"}});
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
