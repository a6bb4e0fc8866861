// PatientResult: what the patient sees of a result, worded once for the
// results page and the patient copy.
#include "ReportTestSupport.h"

#include "core/report/PatientResult.h"
#include "core/scoring/Ruleset.h"

#include "support/AssessmentModes.h"
#include "support/PatientResultCases.h"

#include <algorithm>

using namespace spinepath;
using namespace spinepath::report;
using namespace spinepath::report::test;
using namespace spinepath::test;

namespace {

const scoring::Ruleset& rules()
{
    static const scoring::Ruleset loaded = withReviewFlag(content().screening().ruleset());
    return loaded;
}

PatientResult patientOf(const scoring::ScreeningResult& result, std::optional<AssessmentMode> mode)
{
    return makePatientResult(result, rules(), content().clinic(), content().articles(),
                             content().screening().roles(), mode);
}

std::string str(const QString& text)
{
    return text.toStdString();
}

std::string message(const std::string& key)
{
    return content().clinic().message(key);
}

std::vector<std::string> idsOf(const std::vector<PatientFlag>& flags)
{
    std::vector<std::string> ids;
    for (const PatientFlag& flag : flags)
        ids.push_back(flag.id);
    return ids;
}

std::vector<std::string> articleIds(const PatientResult& patient)
{
    std::vector<std::string> ids;
    for (const PatientArticle& article : patient.articles)
        ids.push_back(article.id);
    return ids;
}

const std::string& emergency()
{
    return severityWhere(rules(), true, true).id;
}

const std::string& urgent()
{
    return severityWhere(rules(), false, true).id;
}

const std::string& firstCategory()
{
    return rules().categories().front().id;
}

} // namespace

TEST_CASE("The patient sees no number from the scoring: no score, weight or PEG")
{
    const scoring::ScreeningResult result = resultWith(rules(), oneFlagOfEachKind(rules()), firstCategory(),
                                                       rules().factors().size(), rules().notes().size());
    for (const std::optional<AssessmentMode> mode : kEveryMode) {
        const PatientResult patient = patientOf(result, mode);
        for (const QString& text : patientTexts(patient, true)) {
            INFO(str(text));
            for (const char* number : kLeakedNumbers)
                CHECK_FALSE(text.contains(QLatin1String(number)));
        }
        // Each reason is the rule's text as written: nothing (a weight) added to it.
        REQUIRE(patient.reasons.size() == result.factors.size());
        for (std::size_t i = 0; i < patient.reasons.size(); ++i) {
            CHECK(patient.reasons[i].id == result.factors[i].id);
            CHECK(str(patient.reasons[i].text) == rules().findFactor(result.factors[i].id)->reason);
        }
    }
}

TEST_CASE("The patient's result is worded from the rules and clinic.json")
{
    const scoring::ScreeningResult result = resultWith(rules(), {}, rules().categories().back().id);
    const PatientResult patient = patientOf(result, AssessmentMode::Home);
    const scoring::CategoryRule& category = rules().categories().back();
    CHECK(str(patient.categoryTitle) == category.title);
    CHECK(str(patient.categoryText) == category.patient);
    CHECK(patient.alerts.empty());
    CHECK(patient.toDiscuss.empty());
    CHECK(patient.instruction.isEmpty());
    REQUIRE(patient.nextSteps.size() == result.notes.size());
    for (std::size_t i = 0; i < patient.nextSteps.size(); ++i) {
        CHECK(patient.nextSteps[i].id == result.notes[i]);
        CHECK(str(patient.nextSteps[i].text) == rules().findNote(result.notes[i])->text);
    }
    CHECK(str(patient.disclaimer) == message("resultsDisclaimer"));
    CHECK(patient.rulesetId == rules().id());
    CHECK(patient.rulesetVersion == rules().version());
}

TEST_CASE("Flags are grouped by how alarming their severity is, the most severe first")
{
    // The rules' order puts the interrupting flag first; ask for the other two first.
    const auto kinds = oneFlagOfEachKind(rules());
    const PatientResult patient =
        patientOf(resultWith(rules(), {kinds[2], kinds[1], kinds[0]}, firstCategory()), AssessmentMode::Home);
    CHECK(idsOf(patient.alerts) == std::vector<std::string>{kinds[0], kinds[1]});
    CHECK(idsOf(patient.toDiscuss) == std::vector<std::string>{kReviewFlag});
    CHECK(patient.alerts[0].severity == emergency());
    CHECK(patient.alerts[1].severity == urgent());
    CHECK(str(patient.toDiscuss[0].text) == kReviewFlagPatient);
    for (const PatientFlag& flag : patient.alerts)
        CHECK(str(flag.text) == rules().findFlag(flag.id)->patient);

    SECTION("a more severe flag comes first, wherever the rules put it")
    {
        const auto urgentFlags = flagsOf(rules(), urgent());
        const auto emergencyFlags = flagsOf(rules(), emergency());
        scoring::ScreeningResult result = resultWith(rules(), {}, firstCategory());
        result.flags = {urgentFlags.front(), emergencyFlags.back()}; // as a ruleset could order them
        const PatientResult mixed = patientOf(result, AssessmentMode::Home);
        CHECK(idsOf(mixed.alerts) == std::vector<std::string>{emergencyFlags.back(), urgentFlags.front()});
    }
    SECTION("flags for review alone alarm no one: no box, no instruction")
    {
        const PatientResult calm =
            patientOf(resultWith(rules(), {kReviewFlag}, firstCategory()), AssessmentMode::Home);
        CHECK(calm.alerts.empty());
        CHECK(calm.instruction.isEmpty());
        CHECK(idsOf(calm.toDiscuss) == std::vector<std::string>{kReviewFlag});
    }
}

TEST_CASE("What to do now is worded for where the patient is")
{
    const auto emergencyFlag = flagsOf(rules(), emergency()).front();
    const auto urgentFlag = flagsOf(rules(), urgent()).front();
    const auto instruction = [](const std::string& flag, std::optional<AssessmentMode> mode) {
        return str(patientOf(resultWith(rules(), {flag, kReviewFlag}, firstCategory()), mode).instruction);
    };

    SECTION("an emergency at home: call the emergency number now")
    {
        const std::string home = instruction(emergencyFlag, AssessmentMode::Home);
        CHECK(home == message("emergencyHome"));
        CHECK_THAT(home, Catch::Contains(content().clinic().emergencyNumber));
        CHECK_THAT(home, !Catch::Contains("front desk"));
    }
    SECTION("an emergency at the kiosk: tell the front desk now")
    {
        const std::string kiosk = instruction(emergencyFlag, AssessmentMode::Kiosk);
        CHECK(kiosk == message("emergencyKiosk"));
        CHECK_THAT(kiosk, Catch::Contains("front desk"));
    }
    SECTION("an emergency where the place is not known: calling for help is right anywhere")
    {
        CHECK(instruction(emergencyFlag, std::nullopt) == message("emergencyHome"));
    }
    SECTION("an urgent flag: be seen soon, by phone from home, at the desk in the clinic")
    {
        const std::string home = instruction(urgentFlag, AssessmentMode::Home);
        CHECK(home == message("urgentHome"));
        CHECK_THAT(home, Catch::Contains(content().clinic().phone));
        CHECK(instruction(urgentFlag, AssessmentMode::Kiosk) == message("urgentKiosk"));
        CHECK(instruction(urgentFlag, std::nullopt) == message("urgentHome"));
        CHECK(home != instruction(emergencyFlag, AssessmentMode::Home));
    }
    SECTION("an emergency and an urgent flag together: the emergency's")
    {
        const PatientResult both = patientOf(
            resultWith(rules(), {urgentFlag, emergencyFlag}, firstCategory()), AssessmentMode::Kiosk);
        CHECK(str(both.instruction) == message("emergencyKiosk"));
    }
    SECTION("every alerting severity has its two messages in clinic.json, with no placeholder left")
    {
        for (const scoring::SeverityRule& severity : rules().severities()) {
            if (!severity.alert)
                continue;
            for (const AssessmentMode mode : {AssessmentMode::Home, AssessmentMode::Kiosk}) {
                const std::string key = instructionKey(severity.id, mode);
                INFO(key);
                CHECK(content().clinic().messages.count(key) == 1);
                CHECK_THAT(message(key), !Catch::Contains("{") && !Catch::Contains("["));
            }
        }
    }
}

TEST_CASE("The articles to read come from the flags, factors and notes, once each, then both paths")
{
    const auto kinds = oneFlagOfEachKind(rules());
    const PatientResult patient =
        patientOf(resultWith(rules(), kinds, firstCategory()), AssessmentMode::Home);
    const std::vector<std::string> ids = articleIds(patient);
    std::vector<std::string> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    CHECK(std::find(ids.begin(), ids.end(), "spinal-fusion") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "regenerative-treatment") != ids.end());
    // Every article a fired flag points to is offered, first.
    std::vector<std::string> fromFlags;
    for (const std::string& flag : kinds)
        for (const std::string& target : rules().findFlag(flag)->articles)
            fromFlags.push_back(target.substr(0, target.find('#')));
    REQUIRE_FALSE(fromFlags.empty());
    for (const std::string& id : fromFlags)
        CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
    CHECK(ids.front() == fromFlags.front());
    for (const PatientArticle& article : patient.articles) {
        INFO(article.id);
        REQUIRE(content().articles().find(article.id));
        CHECK(str(article.title) == content().articles().find(article.id)->title);
        CHECK(article.target.rfind(article.id, 0) == 0);
    }

    SECTION("the warning signs, when an alerting flag fired, and not without a flag")
    {
        CHECK(std::find(ids.begin(), ids.end(), "warning-signs") != ids.end());
        const PatientResult none =
            patientOf(resultWith(rules(), {}, rules().categories().back().id, 0, 0), AssessmentMode::Home);
        CHECK(articleIds(none) == std::vector<std::string>{"spinal-fusion", "regenerative-treatment"});
    }
    SECTION("a link to a section wins over one to the same article's top")
    {
        for (const scoring::NoteRule& note : rules().notes())
            for (const std::string& target : note.articles)
                if (target.find('#') != std::string::npos) {
                    INFO(note.id);
                    scoring::ScreeningResult result = resultWith(rules(), {}, firstCategory(), 0, 0);
                    result.notes = {note.id};
                    const PatientResult withSection = patientOf(result, AssessmentMode::Home);
                    const auto found = std::find_if(
                        withSection.articles.begin(), withSection.articles.end(),
                        [&](const PatientArticle& a) { return a.id == target.substr(0, target.find('#')); });
                    REQUIRE(found != withSection.articles.end());
                    CHECK(found->target.find('#') != std::string::npos);
                }
    }
}

TEST_CASE("A stored result the rules no longer know is still shown, and still alerts")
{
    scoring::ScreeningResult stored = resultWith(rules(), {}, "retired_category", 0, 0);
    stored.flags = {"retired_flag"};
    stored.rulesetVersion = "0.9.0";
    const PatientResult patient = patientOf(stored, AssessmentMode::Kiosk);
    CHECK(patient.categoryTitle == QStringLiteral("retired_category"));
    REQUIRE(patient.alerts.size() == 1);
    CHECK(patient.alerts[0].id == "retired_flag");
    CHECK_FALSE(patient.alerts[0].text.isEmpty());
    // The lowest severity that alerts: be seen soon.
    CHECK(str(patient.instruction) == message(instructionKey(urgent(), AssessmentMode::Kiosk)));
    CHECK(patient.rulesetVersion == "0.9.0");
}

TEST_CASE("clinic.json messages take the clinic's emergency number, phone and name")
{
    ClinicInfo clinic = content().clinic();
    clinic.emergencyNumber = "112";
    clinic.phone = "01234 567890";
    clinic.name = "Clinic B";
    clinic.messages["test"] = "Call {emergencyNumber} now, or {name} on {phone}; {emergencyNumber} again.";
    CHECK(clinic.message("test") == "Call 112 now, or Clinic B on 01234 567890; 112 again.");
    CHECK(clinic.message("nothing here") == "[missing message \"nothing here\" in clinic.json]");
    // Staff-edited details (clinic settings) reach the messages.
    CHECK_THAT(clinic.withOverrides("", "", "(555) 999-0000").message("urgentHome"),
               Catch::Contains("(555) 999-0000"));
}

TEST_CASE("check-content finds a severity that alerts without what to do now")
{
    CHECK(missingInstructions(rules(), content().clinic(), "clinic.json").empty());
    ClinicInfo clinic = content().clinic();
    clinic.messages.erase(instructionKey(urgent(), AssessmentMode::Kiosk));
    const auto problems = missingInstructions(rules(), clinic, "clinic.json");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "clinic.json");
    CHECK(problems[0].pointer == "/messages");
    CHECK_THAT(problems[0].message, Catch::Contains(urgent() + "Kiosk") && Catch::Contains("at the kiosk"));
}
