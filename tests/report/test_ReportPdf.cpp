// The two documents as PDF, read back with poppler: what they say, in what
// order, on how many pages of which size, with which fonts, in which file mode.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "GuiApplicationListener.h"
#include "ReportTestSupport.h"

#include "core/report/PatientResult.h"
#include "core/report/ReportPdf.h"
#include "core/scoring/Ruleset.h"

#include "support/PatientResultCases.h"

#include <QPdfWriter>

#include <algorithm>
#include <cstdio>
#include <sstream>

using namespace spinepath;
using namespace spinepath::report;
using namespace spinepath::report::test;
using spinepath::test::kLeakedNumbers;
using spinepath::test::kReviewFlag;
using spinepath::test::kReviewFlagClinical;
using spinepath::test::oneFlagOfEachKind;
using spinepath::test::resultWith;
using spinepath::test::withReviewFlag;

CATCH_REGISTER_LISTENER(GuiApplicationListener)

namespace {

ReportData build(const json& answers, AssessmentInfo info = {})
{
    return content().reportFromInput(answers, std::move(info), printedAt());
}

std::string write(const TempDir& dir, const std::string& name, DocumentKind kind, const ReportData& data,
                  Paper paper = Paper::A4)
{
    const std::string path = dir.path(name);
    REQUIRE(writePdf(kind, data, paper, QString::fromStdString(path)) >= 1);
    return path;
}

// The lines of -layout text; where a text first appears, as a line number.
std::size_t lineOf(const std::string& text, const std::string& needle)
{
    const auto at = text.find(needle);
    if (at == std::string::npos)
        return std::string::npos;
    return static_cast<std::size_t>(
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string str(const QString& text)
{
    return text.toStdString();
}

} // namespace

TEST_CASE("The physician summary shows each assessment's flags, category, factors and notes")
{
    const TempDir dir;
    for (const Example& example : examples()) {
        INFO(example.name);
        const ReportData data =
            build(example.answers, {QStringLiteral("id-") + QString::fromStdString(example.name),
                                    {},
                                    AssessmentMode::Kiosk,
                                    {},
                                    {}});
        const std::string pdf =
            write(dir, example.name + "-summary.pdf", DocumentKind::PhysicianSummary, data);
        const std::string text = drawnText(pdf);
        const std::string layout = layoutText(pdf);

        CHECK_THAT(text, Catch::Contains(str(data.categoryName)));
        CHECK_THAT(text, Catch::Contains(str(data.categoryClinical)));
        CHECK_THAT(text, Catch::Contains("Regenerative " +
                                         std::to_string(data.result.scores.at("regenerative")) + " / 100"));
        CHECK_THAT(text,
                   Catch::Contains("Fusion " + std::to_string(data.result.scores.at("fusion")) + " / 100"));
        for (const FlagLine& flag : data.flags) {
            CHECK_THAT(text, Catch::Contains(str(flag.title)));
            CHECK_THAT(text, Catch::Contains(str(flag.clinical)));
        }
        for (const scoring::FiredFactor& factor : data.result.factors) {
            CHECK_THAT(text, Catch::Contains(factor.reason));
            CHECK_THAT(text, Catch::Contains(
                                 str(content().labels().factor(factor.id).empty()
                                         ? QString::fromStdString(factor.id)
                                         : QString::fromStdString(content().labels().factor(factor.id)))));
        }
        for (const NoteLine& note : data.notes)
            CHECK_THAT(text, Catch::Contains(str(note.clinical)));
        CHECK_THAT(text, Catch::Contains("spinepath-intake " + data.questionnaireVersion));
        CHECK_THAT(text, Catch::Contains("spinepath-core " + data.rulesetVersion));
        CHECK_THAT(text, Catch::Contains("Assessment id-" + example.name));
        CHECK_THAT(text, Catch::Contains("Page 1 of "));
        CHECK_THAT(text, Catch::Contains(str(data.physicianDisclaimer)));
        CHECK_THAT(text, Catch::Contains("Riverside Spine Clinic"));
        CHECK_THAT(text, Catch::Contains("(555) 010-0100"));

        // Red flags come before the category, on the page and in reading order.
        const std::string flagsHeading = data.flags.empty() ? "Red flags: none reported." : "Red flags (";
        REQUIRE(lineOf(layout, flagsHeading) != std::string::npos);
        CHECK(lineOf(layout, flagsHeading) < lineOf(layout, str(data.categoryName)));
        CHECK(text.find(flagsHeading) < text.find(str(data.categoryName)));
        if (!data.flags.empty())
            CHECK(text.find(str(data.flags.back().clinical)) < text.find(str(data.categoryName)));

        // One sheet for every worked example, on the shorter US Letter too.
        CHECK(pdfInfo(pdf, "Pages") == "1");
        const std::string letter =
            write(dir, example.name + "-letter.pdf", DocumentKind::PhysicianSummary, data, Paper::Letter);
        CHECK(pdfInfo(letter, "Pages") == "1");
    }
}

TEST_CASE("The summary's answers table is in clinical wording")
{
    const TempDir dir;
    const std::string pdf = write(dir, "fusion.pdf", DocumentKind::PhysicianSummary, build(fusionAnswers()));
    const std::string text = drawnText(pdf);
    CHECK_THAT(text, Catch::Contains("Flexion-extension X-ray abnormal motion"));
    CHECK_THAT(text, Catch::Contains("Spondylolisthesis grade grade 3 or higher"));
    CHECK_THAT(text, Catch::Contains("Imaging"));
    CHECK_THAT(text, Catch::Contains("Conservative care"));
    CHECK_THAT(text, Catch::Contains("PEG 6.0 / 10 (pain 6, enjoyment 5, activity 7)"));
    CHECK_THAT(text, Catch::Contains("High-grade spondylolisthesis fusion +40"));
}

TEST_CASE("The patient's identity is printed when given, and its absence is said")
{
    const TempDir dir;
    const std::string with =
        drawnText(write(dir, "with.pdf", DocumentKind::PhysicianSummary, build(regenerativeAnswers())));
    CHECK_THAT(with, Catch::Contains("Maria Example"));
    CHECK_THAT(with, Catch::Contains("born 1978-04-12"));
    CHECK_THAT(with, Catch::Contains("maria@example.org"));
    CHECK_THAT(with, Catch::Contains("may be contacted"));

    const std::string without = drawnText(write(dir, "without.pdf", DocumentKind::PhysicianSummary,
                                                build(withoutIdentity(regenerativeAnswers()))));
    CHECK_THAT(without, Catch::Contains("Patient not given"));
    CHECK_THAT(without, !Catch::Contains("Maria"));

    const std::string copy =
        drawnText(write(dir, "copy.pdf", DocumentKind::PatientCopy, build(regenerativeAnswers())));
    CHECK_THAT(copy, Catch::Contains("Prepared for Maria Example"));
}

TEST_CASE("The patient copy is plain language without weights or scores")
{
    const TempDir dir;
    for (const Example& example : examples()) {
        INFO(example.name);
        const ReportData data = build(example.answers, {{}, {}, AssessmentMode::Home, {}, {}});
        const std::string pdf = write(dir, example.name + "-copy.pdf", DocumentKind::PatientCopy, data);
        const std::string text = drawnText(pdf);

        const PatientResult& patient = data.patientResult;
        CHECK_THAT(text, Catch::Contains(str(patient.categoryTitle)));
        CHECK_THAT(text, Catch::Contains(str(patient.categoryText)));
        for (const PatientFlag& flag : patient.alerts)
            CHECK_THAT(text, Catch::Contains(str(flag.text)));
        for (const FactorLine& factor : data.factors) {
            CHECK_THAT(text, Catch::Contains(str(factor.reason)));
            CHECK_THAT(text, !Catch::Contains(str(factor.label)));
        }
        for (const PatientLine& step : patient.nextSteps)
            CHECK_THAT(text, Catch::Contains(str(step.text)));
        for (const PatientArticle& article : patient.articles)
            CHECK_THAT(text, Catch::Contains(str(article.title)));
        CHECK_THAT(text, Catch::Contains("Call Riverside Spine Clinic at (555) 010-0100."));
        CHECK_THAT(text, Catch::Contains(content().clinic().message("resultsDisclaimer")));
        if (!data.flags.empty())
            CHECK_THAT(text, Catch::Contains(content().clinic().message(
                                 data.result.hasEmergency() ? "emergencyHome" : "urgentHome")));

        // No weights, no scores, no clinical wording.
        CHECK_THAT(text, !Catch::Contains("Weight"));
        CHECK_THAT(text, !Catch::Contains("/ 100"));
        for (const FactorLine& factor : data.factors)
            if (factor.weight !=
                0) // a listed-only factor (pathway none) weighs 0, like any "0 " in a phone number
                CHECK_THAT(text, !Catch::Contains((factor.weight > 0 ? "+" : "") +
                                                  std::to_string(factor.weight) + " "));
        CHECK_THAT(text, !Catch::Contains(str(data.categoryClinical)));
        CHECK(pdfInfo(pdf, "Pages") == "1");
        const std::string letter =
            write(dir, example.name + "-copy-letter.pdf", DocumentKind::PatientCopy, data, Paper::Letter);
        CHECK(pdfInfo(letter, "Pages") == "1");
    }
}

TEST_CASE("A4 and US Letter pages")
{
    const TempDir dir;
    const ReportData data = build(regenerativeAnswers());
    for (const DocumentKind kind : {DocumentKind::PhysicianSummary, DocumentKind::PatientCopy}) {
        const std::string a4 = write(dir, "a4.pdf", kind, data, Paper::A4);
        CHECK_THAT(pdfInfo(a4, "Page size"),
                   Catch::StartsWith("595") && Catch::Contains("842") && Catch::Contains("A4"));
        CHECK(pdfInfo(a4, "Pages") == "1");
        const std::string letter = write(dir, "letter.pdf", kind, data, Paper::Letter);
        CHECK_THAT(pdfInfo(letter, "Page size"), Catch::StartsWith("612 x 792"));
        CHECK(pdfInfo(letter, "Pages") == "1");
    }
    CHECK(paperFromString("a4") == Paper::A4);
    CHECK(paperFromString("letter") == Paper::Letter);
    CHECK_FALSE(paperFromString("A3"));
}

TEST_CASE("The PDF holds real text in embedded fonts, and its metadata never names the patient")
{
    const TempDir dir;
    const std::string pdf =
        write(dir, "fonts.pdf", DocumentKind::PhysicianSummary, build(regenerativeAnswers()));
    const std::string fonts = poppler({"pdffonts", pdf});
    std::size_t rows = 0;
    std::istringstream lines(fonts);
    std::string line;
    std::getline(lines, line);
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        if (line.empty())
            continue;
        ++rows;
        INFO(line);
        // The columns end "emb sub uni object-number generation".
        std::vector<std::string> words;
        std::istringstream split(line);
        for (std::string word; split >> word;)
            words.push_back(word);
        REQUIRE(words.size() >= 6);
        CHECK(words[words.size() - 5] == "yes");
    }
    CHECK(rows >= 2); // regular and bold at least
    // Ligatures would turn "fl" into one glyph, and a search for "flags" would miss.
    CHECK_THAT(drawnText(pdf),
               Catch::Contains("Red flags: none reported.") && Catch::Contains("Confidential"));
    CHECK(pdfInfo(pdf, "Title") == "Physician summary");
    CHECK_THAT(poppler({"pdfinfo", pdf}), !Catch::Contains("Maria"));
}

TEST_CASE("A long assessment flows onto more pages, each numbered")
{
    const TempDir dir;
    json answers = with(
        fusionAnswers(),
        {{"redflag.systemic", true},
         {"dx.told",
          {"ddd", "annular_tear", "herniation", "spondylolisthesis", "deformity", "fracture", "stenosis"}},
         {"dx.deformity_progressive", true},
         {"dx.fracture_stability", "unstable"},
         {"img.findings", {"annular_tear", "contained_herniation", "extruded_herniation"}},
         {"neuro.numbness", "worsening"},
         {"hx.prior_surgery", "fusion"},
         {"hx.pain_after_surgery", true},
         {"hx.adjacent_segment", true}});
    const ReportData data = build(answers);
    const std::string pdf = dir.path("long.pdf");
    const int pages =
        writePdf(DocumentKind::PhysicianSummary, data, Paper::Letter, QString::fromStdString(pdf));
    REQUIRE(pages >= 2);
    CHECK(pdfInfo(pdf, "Pages") == std::to_string(pages));
    const std::string text = drawnText(pdf);
    for (int page = 1; page <= pages; ++page)
        CHECK_THAT(text, Catch::Contains("Page " + std::to_string(page) + " of " + std::to_string(pages)));
    // Nothing is lost at the page break.
    for (const FactorLine& factor : data.factors)
        CHECK_THAT(text, Catch::Contains(str(factor.reason)));
    for (const AnswerSection& section : data.answerSections)
        for (const AnswerLine& line : section.lines)
            CHECK_THAT(text, Catch::Contains(str(line.label)));
    CHECK_THAT(text, Catch::Contains(str(data.physicianDisclaimer)));
}

TEST_CASE("render() follows the device's own page layout, as a printer's")
{
    const TempDir dir;
    const std::string path = dir.path("a5.pdf");
    {
        QPdfWriter writer(QString::fromStdString(path));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Landscape,
                                         QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter));
        CHECK(render(DocumentKind::PatientCopy, build(conservativeAnswers()), writer) >= 1);
    }
    CHECK_THAT(pdfInfo(path, "Page size"), Catch::StartsWith("595") && Catch::Contains("x 420"));
    CHECK_THAT(drawnText(path), Catch::Contains("Therapy and other care come first"));
}

TEST_CASE("The file is private to its owner, replaced whole, and errors name it")
{
    const TempDir dir;
    const ReportData data = build(regenerativeAnswers());

    SECTION("a new file is 0600 whatever the umask")
    {
        const mode_t previous = ::umask(0);
        const std::string path = write(dir, "new.pdf", DocumentKind::PhysicianSummary, data);
        ::umask(previous);
        CHECK(fileMode(path) == 0600);
    }
    SECTION("an existing readable file becomes 0600 and holds the new document")
    {
        const std::string path = dir.write("old.pdf", "old contents");
        REQUIRE(::chmod(path.c_str(), 0644) == 0);
        write(dir, "old.pdf", DocumentKind::PatientCopy, data);
        CHECK(fileMode(path) == 0600);
        CHECK(readAll(path).rfind("%PDF-", 0) == 0);
        // No temporary file is left beside it.
        for (const auto& entry : fs::directory_iterator(dir.path("")))
            CHECK_THAT(entry.path().filename().string(), !Catch::StartsWith(".old.pdf."));
    }
    SECTION("a folder that does not exist")
    {
        const std::string path = dir.path("missing/out.pdf");
        CHECK_THROWS_WITH(
            writePdf(DocumentKind::PhysicianSummary, data, Paper::A4, QString::fromStdString(path)),
            Catch::Contains(path) && Catch::Contains("does not exist"));
    }
    SECTION("a folder given as the file")
    {
        CHECK_THROWS_AS(
            writePdf(DocumentKind::PhysicianSummary, data, Paper::A4, QString::fromStdString(dir.path(""))),
            ReportError);
    }
    SECTION("a folder that cannot be written")
    {
        if (::geteuid() == 0)
            SUCCEED("root writes anywhere: nothing to check");
        else {
            const std::string locked = dir.path("locked");
            fs::create_directory(locked);
            fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
            CHECK_THROWS_WITH(writePdf(DocumentKind::PhysicianSummary, data, Paper::A4,
                                       QString::fromStdString(locked + "/out.pdf")),
                              Catch::Contains("Permission denied"));
            fs::permissions(locked, fs::perms::owner_all);
        }
    }
}

TEST_CASE("The same report makes the same pages every time")
{
    const ReportData data = build(postSurgicalAnswers());
    const PdfDocument first = pdf(DocumentKind::PhysicianSummary, data, Paper::A4);
    const PdfDocument second = pdf(DocumentKind::PhysicianSummary, data, Paper::A4);
    CHECK(first.pages == 1);
    CHECK(second.pages == first.pages);
    CHECK(first.bytes.size() > 1000);
    CHECK(first.bytes.startsWith("%PDF-"));
}

namespace {

// The loaded rules with a flag for review added (tests/support/PatientResultCases.h).
const scoring::Ruleset& reviewRules()
{
    static const scoring::Ruleset rules = withReviewFlag(content().screening().ruleset());
    return rules;
}

ReportData buildWithReviewRules(const scoring::ScreeningResult& result, const AssessmentInfo& info)
{
    const ReportBuilder builder(content().screening().questionnaire(), reviewRules(), content().clinic(),
                                content().articles(), content().labels(), content().screening().roles());
    return builder.build(json::object(), result, info, printedAt());
}

} // namespace

TEST_CASE("The patient copy prints the whole PatientResult the results page shows, and no number from the "
          "scoring")
{
    const TempDir dir;
    const scoring::ScreeningResult result =
        resultWith(reviewRules(), oneFlagOfEachKind(reviewRules()), reviewRules().categories().front().id);
    for (const AssessmentMode mode : {AssessmentMode::Home, AssessmentMode::Kiosk}) {
        const bool home = mode == AssessmentMode::Home;
        INFO((home ? "home" : "kiosk"));
        const ReportData data = buildWithReviewRules(result, {{}, {}, mode, {}, {}});
        const PatientResult& patient = data.patientResult;
        const std::string text = drawnText(write(dir, "copy.pdf", DocumentKind::PatientCopy, data));

        for (const QString& expected : patientTexts(patient, false)) {
            REQUIRE_FALSE(expected.isEmpty());
            CHECK_THAT(text, Catch::Contains(squeeze(str(expected))));
        }
        CHECK_THAT(text,
                   Catch::Contains("Rules used: " + reviewRules().id() + " " + reviewRules().version()));

        // The instruction for this place only.
        const std::string ownInstruction =
            content().clinic().message(home ? "emergencyHome" : "emergencyKiosk");
        const std::string otherInstruction =
            content().clinic().message(home ? "emergencyKiosk" : "emergencyHome");
        CHECK(str(patient.instruction) == ownInstruction);
        CHECK_THAT(text, !Catch::Contains(otherInstruction));

        // What alarms comes before the result; what the doctor will ask about, after it.
        const auto at = [&text](const QString& part) { return text.find(squeeze(str(part))); };
        CHECK(at(patient.alerts.back().text) < at(patient.categoryTitle));
        CHECK(at(patient.instruction) < at(patient.categoryTitle));
        CHECK(at(patient.toDiscuss.front().text) > at(patient.categoryText));
        CHECK(text.find("Your doctor will also ask about") < at(patient.toDiscuss.front().text));

        for (const char* number : kLeakedNumbers)
            CHECK_THAT(text, !Catch::Contains(number));
        CHECK_THAT(text, !Catch::Contains("Weight"));
        CHECK_THAT(text, !Catch::Contains("PEG"));
    }
}

TEST_CASE("The physician summary names the questionnaire and the rules behind the result, and every fired "
          "flag with its severity and clinical text")
{
    const TempDir dir;
    const scoring::ScreeningResult result =
        resultWith(reviewRules(), oneFlagOfEachKind(reviewRules()), reviewRules().categories().front().id);
    AssessmentInfo stored{QStringLiteral("a-42"), {}, AssessmentMode::Home, "spinepath-intake", "0.9.0", {}};
    const ReportData data = buildWithReviewRules(result, stored);
    const std::string pdf = write(dir, "summary.pdf", DocumentKind::PhysicianSummary, data);
    const std::string text = drawnText(pdf);

    // The questionnaire the patient answered (stored with the assessment), and the rules that scored it.
    CHECK_THAT(text, Catch::Contains("Questionnaire spinepath-intake 0.9.0"));
    CHECK_THAT(text, Catch::Contains("Rules " + reviewRules().id() + " " + reviewRules().version()));
    CHECK_THAT(text, Catch::Contains("Regenerative 73 / 100"));
    CHECK_THAT(text, Catch::Contains("Fusion 41 / 100"));
    CHECK_THAT(text, Catch::Contains("PEG 6.7 / 10"));

    REQUIRE(data.flags.size() == 3);
    for (const FlagLine& flag : data.flags) {
        INFO(flag.id);
        CHECK_THAT(text, Catch::Contains(str(flag.title) + " [" + str(flag.severityName.toUpper()) + "]"));
        CHECK_THAT(text, Catch::Contains(str(flag.clinical)));
        CHECK(flag.severityName.toStdString() == content().labels().severity(flag.severity));
    }
    CHECK_THAT(text, Catch::Contains(kReviewFlagClinical));
    // Red flags first, then the one for review, then the category.
    CHECK_THAT(text, Catch::Contains("Red flags (2)") && Catch::Contains("For review (1)"));
    CHECK(text.find("Red flags (2)") < text.find("For review (1)"));
    CHECK(text.find(kReviewFlagClinical) < text.find(str(data.categoryName)));
    CHECK(pdfInfo(pdf, "Pages") == "1");

    SECTION("an answers file names the loaded questionnaire")
    {
        const ReportData fromFile = buildWithReviewRules(result, {});
        const auto& questionnaire = content().screening().questionnaire();
        CHECK_THAT(drawnText(write(dir, "file.pdf", DocumentKind::PhysicianSummary, fromFile)),
                   Catch::Contains("Questionnaire " + questionnaire.id() + " " + questionnaire.version()));
    }
    SECTION("only flags for review: no red flags, and the review box")
    {
        const ReportData calm = buildWithReviewRules(
            resultWith(reviewRules(), {kReviewFlag}, reviewRules().categories().back().id), stored);
        const std::string calmText = drawnText(write(dir, "calm.pdf", DocumentKind::PhysicianSummary, calm));
        CHECK_THAT(calmText, Catch::Contains("Red flags: none reported."));
        CHECK_THAT(calmText, Catch::Contains("For review (1)") && Catch::Contains(kReviewFlagClinical));
    }
}
