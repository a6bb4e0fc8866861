#pragma once

// Shared by the report tests: the real content folder, the assessments the
// tests print, a private temporary folder and a way to run poppler's tools
// and the CLI as child processes.
#include "core/clinic/ClinicContent.h"
#include "core/report/ReportBuilder.h"

#include <catch2/catch.hpp>

#include "support/TempDir.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QTimeZone>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

struct ProcessResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs a program (found on PATH unless the name has a slash) with standard
// input from `input`; collects what it writes.
inline ProcessResult run(const TempDir& dir, std::vector<std::string> words, const std::string& input = "")
{
    const std::string inPath = dir.write(".stdin", input);
    const std::string outPath = dir.path(".stdout");
    const std::string errPath = dir.path(".stderr");
    std::vector<char*> argv;
    for (std::string& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const int in = ::open(inPath.c_str(), O_RDONLY);
        const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0)
            ::_exit(126);
        ::dup2(in, STDIN_FILENO);
        ::dup2(out, STDOUT_FILENO);
        ::dup2(err, STDERR_FILENO);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    ProcessResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = readAll(outPath);
    result.err = readAll(errPath);
    return result;
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
inline std::string poppler(const TempDir& dir, const std::vector<std::string>& words)
{
    const ProcessResult result = run(dir, words);
    if (result.exitCode == 127)
        FAIL(words[0] << " is not installed: apt-get install poppler-utils (make test installs it)");
    REQUIRE(result.exitCode == 0);
    return result.out;
}

// The PDF's text in page order with its layout kept (columns side by side).
inline std::string layoutText(const TempDir& dir, const std::string& pdf)
{
    return poppler(dir, {"pdftotext", "-layout", pdf, "-"});
}

// The PDF's text in the order it was drawn (each table cell whole), squeezed:
// for finding sentences, which -layout interleaves with neighbouring columns.
// A line that wraps after a hyphen ("non-" / "surgical") is joined back: Qt
// breaks there without adding a hyphen of its own.
inline std::string drawnText(const TempDir& dir, const std::string& pdf)
{
    std::string text = poppler(dir, {"pdftotext", "-raw", pdf, "-"});
    for (auto at = text.find("-\n"); at != std::string::npos; at = text.find("-\n", at))
        text.erase(at + 1, 1);
    return squeeze(text);
}

inline std::string pdfInfo(const TempDir& dir, const std::string& pdf, const std::string& field)
{
    const std::string info = poppler(dir, {"pdfinfo", pdf});
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

// The negative safety screen of clinical spec v2 (base answer set N).
inline json typicalSafetyScreen()
{
    json screen = {{"safety.age", 42}, {"redflag.infection_risk", {"none"}}, {"redflag.bone_risk", {"none"}}};
    for (const char* linkId :
         {"redflag.bladder_bowel", "redflag.saddle_numbness", "redflag.sexual_function", "redflag.both_legs",
          "redflag.progressive_weakness", "redflag.gait", "redflag.recent_trauma", "redflag.fever",
          "redflag.weight_loss", "redflag.cancer_history", "redflag.procedure_then_worse",
          "redflag.night_pain", "redflag.thoracic_pain"})
        screen[linkId] = false;
    return screen;
}

inline json with(json base, const json& more)
{
    for (const auto& [key, value] : more.items())
        base[key] = value;
    return base;
}

// Worked example 3, with the patient's name and details.
inline json regenerativeAnswers()
{
    return with(typicalSafetyScreen(), {{"pain.duration", "6m_12m"},
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
    return with(typicalSafetyScreen(), {{"pain.duration", "gt12m"},
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
    return with(typicalSafetyScreen(), {{"pain.duration", "lt6w"},
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
    return with(typicalSafetyScreen(), {{"pain.duration", "gt12m"},
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
    return with(typicalSafetyScreen(), {{"pain.duration", "3m_6m"},
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
