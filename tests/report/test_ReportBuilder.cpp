// ReportData: what the documents show, built from answers, the result and content.
#include "ReportTestSupport.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/report/ClinicalLabels.h"
#include "core/report/PatientCopy.h"
#include "core/report/PatientResult.h"
#include "core/report/PhysicianSummary.h"
#include "core/scoring/Ruleset.h"
#include "core/scoring/ScreeningContent.h"
#include "core/util/ContentProblem.h"
#include "support/AssessmentModes.h"

#include <algorithm>

using namespace spinepath;
using namespace spinepath::report;
using namespace spinepath::report::test;

namespace {

ReportData build(const json& answers, AssessmentInfo info = {})
{
    return content().reportFromInput(answers, std::move(info), printedAt());
}

const AnswerLine* findLine(const ReportData& data, const std::string& linkId)
{
    for (const AnswerSection& section : data.answerSections)
        for (const AnswerLine& line : section.lines)
            if (line.linkId == linkId)
                return &line;
    return nullptr;
}

} // namespace

TEST_CASE("Each example assessment has the category the clinical specification gives it")
{
    for (const Example& example : examples()) {
        INFO(example.name);
        CHECK(build(example.answers).result.category == example.category);
    }
}

TEST_CASE("The report carries the record: identity, versions, print time and the result")
{
    const ReportData data =
        build(regenerativeAnswers(), {QStringLiteral("a-1"), {}, AssessmentMode::Kiosk, {}, {}});
    CHECK(data.patient.name == "Maria Example");
    CHECK(data.patient.birthDate == "1978-04-12");
    CHECK(data.patient.phone == "(555) 010-2233");
    CHECK(data.patient.email == "maria@example.org");
    CHECK(data.patient.contactOk == true);
    CHECK(data.assessmentId == QStringLiteral("a-1"));
    CHECK(data.mode == AssessmentMode::Kiosk);
    CHECK_FALSE(data.takenAt.isValid());
    CHECK(data.questionnaireId == "spinepath-intake");
    CHECK_FALSE(data.questionnaireVersion.empty());
    CHECK(data.rulesetId == "spinepath-core");
    CHECK(data.rulesetVersion == data.result.rulesetVersion);
    CHECK(data.printedAt == printedAt());
    CHECK(data.clinic.name == "Riverside Spine Clinic");
    CHECK(data.answers.at("pain.duration") == "6m_12m");

    CHECK(data.categoryName == QStringLiteral("Regenerative evaluation"));
    CHECK(
        data.categoryClinical.startsWith(QStringLiteral("Chronic (6 months or more) axial discogenic pain")));
    CHECK(data.patientResult.categoryTitle ==
          QStringLiteral("A disc treatment still being studied may be talked about"));
    REQUIRE(data.factors.size() == data.result.factors.size());
    for (std::size_t i = 0; i < data.factors.size(); ++i) {
        CHECK(data.factors[i].id == data.result.factors[i].id);
        CHECK(data.factors[i].weight == data.result.factors[i].weight);
        CHECK(data.factors[i].reason.toStdString() == data.result.factors[i].reason);
    }
    REQUIRE(data.notes.size() == 5); // spec v2 E3: the level, biologics, investigational, sealant, programme
    CHECK(data.notes[0].id == "discography_may_confirm_level");
    CHECK(data.notes[0].clinical.contains(QStringLiteral("Provocation discography")));
    CHECK(data.patientResult.nextSteps[0].text.contains(QStringLiteral("disc test")));
    CHECK(data.patientResult.instruction.isEmpty());
}

TEST_CASE("The PEG line has the three items under their short labels")
{
    const ReportData data = build(regenerativeAnswers());
    REQUIRE(data.result.peg);
    CHECK(*data.result.peg == Approx(6.3));
    REQUIRE(data.pegItems.size() == 3);
    CHECK(data.pegItems[0].label == QStringLiteral("pain"));
    CHECK(data.pegItems[0].value == 7);
    CHECK(data.pegItems[1].value == 6);
    CHECK(data.pegItems[2].value == 6);

    json partial = regenerativeAnswers();
    partial.erase("peg.activity");
    const ReportData missing = build(partial);
    CHECK_FALSE(missing.result.peg);
    CHECK_FALSE(missing.pegItems[2].value);
}

TEST_CASE("Answers are grouped by section in clinical wording")
{
    const ReportData data = build(fusionAnswers());
    const AnswerLine* xray = findLine(data, "img.flexion_extension");
    REQUIRE(xray);
    CHECK(xray->label == QStringLiteral("Flexion-extension X-ray"));
    CHECK(xray->value == QStringLiteral("abnormal motion"));
    const AnswerLine* grade = findLine(data, "dx.spondy_grade");
    REQUIRE(grade);
    CHECK(grade->value == QStringLiteral("grade 3 or higher"));
    const AnswerLine* meds = findLine(data, "cc.meds");
    REQUIRE(meds);
    CHECK(meds->value == QStringLiteral("yes"));
    const AnswerLine* peg = findLine(data, "peg.activity");
    REQUIRE(peg);
    CHECK(peg->value == QStringLiteral("7/10"));

    SECTION("in the questionnaire's order of sections")
    {
        std::vector<std::string> sections;
        for (const AnswerSection& section : data.answerSections)
            sections.push_back(section.linkId);
        CHECK(sections.front() == "section.safety");
        CHECK(std::find(sections.begin(), sections.end(), "section.imaging") >
              std::find(sections.begin(), sections.end(), "section.pain"));
    }
    SECTION("several codes are joined in the order given")
    {
        const ReportData regenerative = build(regenerativeAnswers()); // findLine points into it
        const AnswerLine* told = findLine(regenerative, "dx.told");
        REQUIRE(told);
        CHECK(told->value == QStringLiteral("degenerative disc disease, annular tear"));
    }
    SECTION("the identity is not in the table: the header shows it")
    {
        CHECK_FALSE(findLine(data, "about.name"));
        CHECK(std::none_of(data.answerSections.begin(), data.answerSections.end(),
                           [](const AnswerSection& section) { return section.linkId == "section.about"; }));
    }
    SECTION("the hidden legacy question shows only in records that answer it")
    {
        json legacy = fusionAnswers();
        legacy["redflag.systemic"] = true;       // a v1-era answer set
        const ReportData stored = build(legacy); // findLine points into it
        const AnswerLine* systemic = findLine(stored, "redflag.systemic");
        REQUIRE(systemic);
        CHECK(systemic->value == QStringLiteral("yes"));
        const ReportData current = build(fusionAnswers());
        CHECK_FALSE(findLine(current, "redflag.systemic"));
        // Every "no" of the screen is gathered into one line; when none was
        // yes or blank, it gives their number.
        const auto& screen = current.answerSections.front().lines;
        REQUIRE_FALSE(screen.empty());
        CHECK(screen.back().label == QStringLiteral("Answered no"));
        CHECK(screen.back().gathered);
        CHECK(screen.back().value == QStringLiteral("all 13 yes/no questions"));
        json oneYes = fusionAnswers();
        oneYes["redflag.fever"] = true;
        const ReportData withYes = build(oneYes);
        const auto& listed = withYes.answerSections.front().lines;
        REQUIRE_FALSE(listed.empty());
        CHECK(listed.back().label == QStringLiteral("Answered no"));
        CHECK(listed.back().value.contains(QStringLiteral("New saddle anaesthesia")));
        CHECK_FALSE(listed.back().value.contains(QStringLiteral("Fever")));
    }
    SECTION("questions the patient never saw are left out; skipped ones are marked")
    {
        CHECK_FALSE(findLine(data, "hx.pain_after_surgery"));         // no prior surgery: not asked
        CHECK_FALSE(findLine(data, "dx.fracture_stability"));         // no fracture: not asked
        const ReportData conservative = build(conservativeAnswers()); // findLine points into it
        CHECK_FALSE(findLine(conservative, "pref.motion"));
        const auto preferences =
            std::find_if(conservative.answerSections.begin(), conservative.answerSections.end(),
                         [](const AnswerSection& section) { return section.linkId == "section.goals"; });
        REQUIRE(preferences != conservative.answerSections.end());
        const AnswerLine& blank = preferences->lines.back();
        CHECK(blank.label == QStringLiteral("Not answered"));
        CHECK_FALSE(blank.answered);
        CHECK(blank.gathered);
        CHECK(blank.value.contains(QStringLiteral("Motion preservation")));
    }
}

TEST_CASE("Flags keep the ruleset's order and wording, and set what the patient must do now")
{
    const ReportData kiosk = build(urgentAnswers(), {{}, {}, AssessmentMode::Kiosk, {}, {}});
    REQUIRE(kiosk.flags.size() == 3);
    CHECK(kiosk.flags[0].id == "cauda_equina_bladder_bowel");
    CHECK(kiosk.flags[0].severity == "emergency");
    CHECK(kiosk.flags[0].clinical.contains(QStringLiteral("cauda equina")));
    CHECK(kiosk.flags[2].id == "progressive_weakness");
    CHECK(kiosk.flags[2].severityName == QStringLiteral("emergency"));
    CHECK(kiosk.flags[2].alert);
    CHECK(kiosk.patient.empty());
    CHECK(kiosk.patientResult.instruction.toStdString() == content().clinic().message("emergencyKiosk"));

    const ReportData home = build(urgentAnswers(), {{}, {}, AssessmentMode::Home, {}, {}});
    CHECK(home.patientResult.instruction.toStdString() == content().clinic().message("emergencyHome"));

    const ReportData urgentOnly = build(with(fusionAnswers(), {{"redflag.systemic", true}}));
    REQUIRE(urgentOnly.flags.size() == 1);
    CHECK(urgentOnly.patientResult.instruction.toStdString() == content().clinic().message("urgentHome"));
}

TEST_CASE("The patient's part is the PatientResult of the result, for the assessment's mode")
{
    for (const std::optional<AssessmentMode> mode : kEveryMode) {
        const ReportData data = build(urgentAnswers(), {{}, {}, mode, {}, {}});
        const PatientResult expected =
            makePatientResult(data.result, content().screening().ruleset(), content().clinic(),
                              content().articles(), content().screening().roles(), mode);
        CHECK(data.patientResult.instruction == expected.instruction);
        CHECK(data.patientResult.categoryText == expected.categoryText);
        REQUIRE(data.patientResult.articles.size() == expected.articles.size());
        REQUIRE_FALSE(expected.articles.empty());
        CHECK(data.patientResult.articles.front().id == "warning-signs");
        CHECK(data.patientResult.alerts.size() == data.flags.size());
    }
}

TEST_CASE("A QuestionnaireResponse gives the same report, with its id and time")
{
    questionnaire::ResponseOptions options;
    options.id = "response-7";
    options.status = "in-progress"; // spec v2 asks more than this record answers
    options.authored = "2026-03-01T09:30:00+01:00";
    const json response = questionnaire::toQuestionnaireResponse(content().screening().questionnaire(),
                                                                 postSurgicalAnswers(), options);
    CHECK(spinepath::test::responseProblems(content().screening().questionnaire(), response) == "");
    const ReportData fromResponse = build(response);
    const ReportData fromFlat = build(postSurgicalAnswers());
    CHECK(fromResponse.assessmentId == QStringLiteral("response-7"));
    CHECK(fromResponse.takenAt == QDateTime(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc()));
    CHECK(fromResponse.answers == fromFlat.answers);
    CHECK(fromResponse.result.toJson() == fromFlat.result.toJson());
    std::vector<std::string> factors;
    for (const FactorLine& factor : fromResponse.factors)
        factors.push_back(factor.id);
    CHECK(std::find(factors.begin(), factors.end(), "failed_back_surgery") != factors.end());
    CHECK(std::find(factors.begin(), factors.end(), "adjacent_segment_disease") != factors.end());
}

TEST_CASE("Answers that cannot be scored are refused with the reason")
{
    // The item and the rule, never the value.
    CHECK_THROWS_WITH(build(json{{"pain.duration", "forever"}}),
                      Catch::Contains("pain.duration") && !Catch::Contains("forever"));
    CHECK_THROWS_WITH(build(json{{"no.such.question", true}}), Catch::Contains("no.such.question"));
    CHECK_THROWS(build(json::array()));
}

TEST_CASE("A stored result is shown as stored, even if the rules would now say otherwise")
{
    scoring::ScreeningResult stored = content().screening().scorer().score(conservativeAnswers());
    stored.category = "physician_review";
    stored.rulesetVersion = "0.9.0";
    const ReportData data = content().reportFromResult(conservativeAnswers(), stored, {}, printedAt());
    CHECK(data.result.category == "physician_review");
    CHECK(data.categoryName == QStringLiteral("Physician review"));
    CHECK(data.rulesetVersion == "0.9.0");
}

TEST_CASE("Text from answers is escaped in both documents")
{
    json answers = regenerativeAnswers();
    answers["about.name"] = "<b>Eve</b> & \"Co\"";
    const ReportData data = build(answers);
    for (const QString& html : {physicianSummaryHtml(data), patientCopyHtml(data)}) {
        CHECK_FALSE(html.contains(QStringLiteral("<b>Eve</b>")));
        CHECK(html.contains(QStringLiteral("&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;")));
    }
}

TEST_CASE("The patient copy's HTML has no weights and no scores")
{
    for (const Example& example : examples()) {
        INFO(example.name);
        const ReportData data = build(example.answers);
        const QString html = patientCopyHtml(data);
        for (const FactorLine& factor : data.factors) {
            CHECK(html.contains(factor.reason.toHtmlEscaped()));
            CHECK_FALSE(html.contains(QStringLiteral("+%1").arg(factor.weight)));
        }
        CHECK_FALSE(html.contains(QStringLiteral("/ 100")));
    }
}

TEST_CASE("The clinical labels cover the questionnaire and the rules, and name nothing else")
{
    const ClinicalLabels& labels = content().labels();
    const auto& questionnaire = content().screening().questionnaire();
    const auto& ruleset = content().screening().ruleset();
    for (const auto& [linkId, item] : labels.items()) {
        INFO(linkId);
        const auto* question = questionnaire.find(linkId);
        REQUIRE(question);
        CHECK(question->isQuestion());
        for (const auto& [code, wording] : item.answers) {
            INFO(code);
            CHECK(question->findOption(json(code)));
        }
    }
    for (const auto* question : questionnaire.answerableItems()) {
        INFO(question->linkId());
        const auto* label = labels.item(question->linkId());
        REQUIRE(label);
        for (const auto& option : question->answerOptions())
            if (option.value.is_string())
                CHECK_FALSE(labels.answer(question->linkId(), option.value.get<std::string>()).empty());
    }
    for (const auto* item : questionnaire.items())
        if (item->type() == questionnaire::ItemType::Group)
            CHECK_FALSE(labels.section(item->linkId()).empty());
    for (const auto& category : ruleset.categories())
        CHECK_FALSE(labels.category(category.id).empty());
    for (const auto& factor : ruleset.factors())
        CHECK_FALSE(labels.factor(factor.id).empty());
    for (const auto& severity : ruleset.severities())
        CHECK_FALSE(labels.severity(severity.id).empty());
    for (const auto& [id, name] : labels.factors())
        CHECK(ruleset.findFactor(id));
    CHECK_FALSE(labels.disclaimer().empty());
}

TEST_CASE("A labels file that is not valid is refused with the place of each problem")
{
    const auto problemsOf = [](const std::string& text) {
        try {
            (void)ClinicalLabels::fromJson(text, "labels.json");
        } catch (const ContentError& error) {
            return error.problems();
        }
        return std::vector<ContentProblem>{};
    };
    CHECK(problemsOf("{").size() == 1);
    CHECK(problemsOf("[]").size() == 1);
    const auto problems = problemsOf(
        R"({"items": {"a": {"label": 3}, "b": {"label": "B", "answers": {"x": 1}}}, "factors": []})");
    REQUIRE(problems.size() == 3);
    std::vector<std::string> pointers;
    for (const ContentProblem& problem : problems)
        pointers.push_back(problem.pointer);
    CHECK(std::find(pointers.begin(), pointers.end(), "/items/a") != pointers.end());
    CHECK(std::find(pointers.begin(), pointers.end(), "/items/b/answers/x") != pointers.end());
    CHECK(std::find(pointers.begin(), pointers.end(), "/factors") != pointers.end());
}

TEST_CASE("Without a labels file the questionnaire's own wording is used")
{
    const TempDir empty;
    const ClinicalLabels none = ClinicalLabels::load(empty.path(""));
    CHECK(none.items().empty());
    const auto& screening = content().screening();
    const ReportBuilder builder(screening.questionnaire(), screening.ruleset(), content().clinic(),
                                content().articles(), none, screening.roles());
    const json answers = screening.scorer().acceptedAnswers(fusionAnswers());
    const ReportData data = builder.build(answers, screening.scorer().score(answers), {}, printedAt());
    const AnswerLine* xray = findLine(data, "img.flexion_extension");
    REQUIRE(xray);
    CHECK(xray->label.toStdString() == screening.questionnaire().find("img.flexion_extension")->text());
    CHECK(xray->value == QStringLiteral("Yes, and they showed too much movement"));
    CHECK(data.categoryName == data.patientResult.categoryTitle);
    CHECK(data.factors.front().label.toStdString() == data.factors.front().id);
}

TEST_CASE("The report has one score per pathway of the rules, named by labels.json, in the rules' order")
{
    const auto& ruleset = content().screening().ruleset();
    scoring::ScreeningResult result = content().screening().scorer().score(regenerativeAnswers());
    result.scores["retired"] = 12; // a pathway of the rules that stored this result
    const ReportBuilder builder(content().screening().questionnaire(), ruleset, content().clinic(),
                                content().articles(), content().labels(), content().screening().roles());
    const ReportData data = builder.build(json::object(), result, {}, printedAt());
    REQUIRE(data.scores.size() == ruleset.pathways().size() + 1);
    for (std::size_t i = 0; i < ruleset.pathways().size(); ++i) {
        const std::string& pathway = ruleset.pathways()[i];
        CHECK(data.scores[i].pathway == pathway);
        CHECK(data.scores[i].label.toStdString() == content().labels().score(pathway));
        CHECK_FALSE(data.scores[i].label.isEmpty());
        CHECK(data.scores[i].value == result.scores.at(pathway));
    }
    CHECK(data.scores.back().pathway == "retired");
    CHECK(data.scores.back().label == QStringLiteral("retired"));
    const QString summary = physicianSummaryHtml(data);
    for (const ScoreLine& score : data.scores)
        CHECK(summary.contains(score.label));
}

TEST_CASE("The summary lists each instance of a repeating group with its own answers")
{
    // Issue 19: the questions of a repeating group were read at the top level
    // of the answers, where they never are, so each showed as left blank.
    const auto form = questionnaire::Questionnaire::fromFile(
        std::string(SPINEPATH_SOURCE_DIR) + "/tests/data/questionnaire/repeating-group.json");
    const TempDir empty;
    const ClinicalLabels none = ClinicalLabels::load(empty.path(""));
    // The rules and roles of spinepath --preview: any questionnaire, no clinical content.
    const auto preview = scoring::ScreeningContent::preview(form);
    const ReportBuilder builder(form, preview.ruleset(), content().clinic(), content().articles(), none,
                                preview.roles());
    const auto sectionsOf = [&](const json& answers) {
        return builder.build(answers, preview.scorer().score(answers), {}, printedAt()).answerSections;
    };
    const json answers = json::parse(R"({
        "meds": [{"meds.name": "ibuprofen", "meds.times": ["08:00:00", "20:00:00"]},
                 {"meds.name": "paracetamol"}],
        "smoker": true, "smoker.per_day": 5})");
    const auto sections = sectionsOf(answers);
    REQUIRE(sections.size() == 2);
    CHECK(sections[0].linkId == "meds");
    const auto& lines = sections[0].lines;
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].label == QStringLiteral("Name (1)"));
    CHECK(lines[0].value == QStringLiteral("ibuprofen"));
    CHECK(lines[1].label == QStringLiteral("When you take it (1)"));
    CHECK(lines[1].value == QStringLiteral("08:00:00, 20:00:00"));
    CHECK(lines[2].label == QStringLiteral("Name (2)"));
    CHECK(lines[2].value == QStringLiteral("paracetamol"));
    // The second instance has no times: left blank, named with its number.
    CHECK(lines[3].value == QStringLiteral("When you take it (2)"));
    CHECK(sections[1].lines.at(1).value == QStringLiteral("5"));

    // No instance at all: each question of the group is left blank once.
    const auto blank = sectionsOf(json::parse(R"({"smoker": false})"));
    REQUIRE(blank.size() == 2);
    REQUIRE(blank[0].lines.size() == 1);
    CHECK(blank[0].lines[0].value == QStringLiteral("Name; When you take it"));
}
