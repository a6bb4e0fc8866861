// The intake questionnaire in content/ against the clinical contract: the
// linkIds, types and codes of section 1 of the clinical specification are an
// interface shared with the rules, storage and exports, so they are written out
// here by hand rather than read from the content being tested.
#include "QuestionnaireTestSupport.h"

#include "core/questionnaire/Questionnaire.h"
#include "support/ExampleAnswers.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace spinepath::questionnaire;
using namespace spinepath::questionnaire::test;
using nlohmann::json;

namespace {

struct ContractItem
{
    std::string linkId;
    ItemType type;
    bool repeats;
    std::vector<std::string> codes;
};

const std::vector<ContractItem>& contract()
{
    // In document order: the safety screen asks the age first, then the red
    // flags in the order of the spec's table.
    static const std::vector<ContractItem> items{
        {"safety.age", ItemType::Integer, false, {}},
        {"redflag.bladder_bowel", ItemType::Boolean, false, {}},
        {"redflag.saddle_numbness", ItemType::Boolean, false, {}},
        {"redflag.sexual_function", ItemType::Boolean, false, {}},
        {"redflag.both_legs", ItemType::Boolean, false, {}},
        {"redflag.progressive_weakness", ItemType::Boolean, false, {}},
        {"redflag.gait", ItemType::Boolean, false, {}},
        {"redflag.recent_trauma", ItemType::Boolean, false, {}},
        {"redflag.trauma_major", ItemType::Boolean, false, {}},
        {"redflag.fever", ItemType::Boolean, false, {}},
        {"redflag.weight_loss", ItemType::Boolean, false, {}},
        {"redflag.cancer_history", ItemType::Boolean, false, {}},
        {"redflag.infection_risk",
         ItemType::Choice,
         true,
         {"iv_drugs", "weak_immune", "recent_infection", "none"}},
        {"redflag.procedure_then_worse", ItemType::Boolean, false, {}},
        {"redflag.bone_risk", ItemType::Choice, true, {"steroids", "osteoporosis", "none"}},
        {"redflag.night_pain", ItemType::Boolean, false, {}},
        {"redflag.thoracic_pain", ItemType::Boolean, false, {}},
        {"redflag.systemic", ItemType::Boolean, false, {}},
        {"pain.duration", ItemType::Choice, false, {"lt6w", "6w_3m", "3m_6m", "6m_12m", "gt12m"}},
        {"pain.location", ItemType::Choice, false, {"back_mostly", "leg_mostly", "both"}},
        {"peg.pain", ItemType::Integer, false, {}},
        {"peg.enjoyment", ItemType::Integer, false, {}},
        {"peg.activity", ItemType::Integer, false, {}},
        {"ibp.onset_before_40", ItemType::Boolean, false, {}},
        {"ibp.slow_onset", ItemType::Boolean, false, {}},
        {"ibp.better_with_exercise", ItemType::Boolean, false, {}},
        {"ibp.rest_no_help", ItemType::Boolean, false, {}},
        {"ibp.night_better_up", ItemType::Boolean, false, {}},
        {"dx.told",
         ItemType::Choice,
         true,
         {"ddd", "annular_tear", "herniation", "spondylolisthesis", "deformity", "fracture", "stenosis",
          "unknown"}},
        {"dx.spondy_grade", ItemType::Choice, false, {"grade1", "grade2", "grade3plus", "unknown"}},
        {"dx.deformity_progressive", ItemType::Boolean, false, {}},
        {"dx.fracture_stability", ItemType::Choice, false, {"stable", "unstable", "unknown"}},
        {"img.mri", ItemType::Choice, false, {"within_12m", "older", "none"}},
        {"img.findings",
         ItemType::Choice,
         true,
         {"annular_tear", "disc_degeneration", "contained_herniation", "extruded_herniation", "normal",
          "unknown"}},
        {"img.flexion_extension", ItemType::Choice, false, {"abnormal_motion", "normal", "not_done"}},
        {"img.discography", ItemType::Choice, false, {"concordant", "nonconcordant", "not_done"}},
        {"cc.pt", ItemType::Choice, false, {"none", "lt6w", "ge6w"}},
        {"cc.meds", ItemType::Boolean, false, {}},
        {"cc.injections", ItemType::Boolean, false, {}},
        {"cc.relief", ItemType::Choice, false, {"lasting", "temporary", "none"}},
        {"cc.pain_program", ItemType::Boolean, false, {}},
        {"inst.told_unstable", ItemType::Choice, false, {"yes", "no", "unknown"}},
        {"neuro.numbness", ItemType::Choice, false, {"none", "stable", "worsening"}},
        {"neuro.weakness", ItemType::Choice, false, {"none", "stable", "worsening"}},
        {"hx.prior_surgery", ItemType::Choice, false, {"none", "decompression", "fusion", "other"}},
        {"hx.pain_after_surgery", ItemType::Boolean, false, {}},
        {"hx.adjacent_segment", ItemType::Boolean, false, {}},
        {"proc.blood_thinner", ItemType::Boolean, false, {}},
        {"pref.motion", ItemType::Choice, false, {"important", "neutral", "not_important"}},
        {"pref.avoid_surgery", ItemType::Boolean, false, {}},
        {"about.name", ItemType::String, false, {}},
        {"about.birth_date", ItemType::Date, false, {}},
        {"about.phone", ItemType::String, false, {}},
        {"about.email", ItemType::String, false, {}},
        {"about.contact_ok", ItemType::Boolean, false, {}},
    };
    return items;
}

const std::vector<std::string> kInflammatory{"ibp.onset_before_40", "ibp.slow_onset",
                                             "ibp.better_with_exercise", "ibp.rest_no_help",
                                             "ibp.night_better_up"};

// Required always, or (for the conditional items) whenever they are shown.
// The hidden legacy redflag.systemic is never asked, so it is not required.
const std::set<std::string> kRequired = [] {
    std::set<std::string> required(spinepath::test::safetyLinkIds().begin(),
                                   spinepath::test::safetyLinkIds().end());
    required.insert({"redflag.trauma_major",
                     "pain.duration",
                     "pain.location",
                     "peg.pain",
                     "peg.enjoyment",
                     "peg.activity",
                     "ibp.onset_before_40",
                     "ibp.slow_onset",
                     "ibp.better_with_exercise",
                     "ibp.rest_no_help",
                     "ibp.night_better_up",
                     "dx.told",
                     "dx.spondy_grade",
                     "dx.deformity_progressive",
                     "dx.fracture_stability",
                     "img.mri",
                     "img.findings",
                     "cc.pt",
                     "cc.relief",
                     "cc.pain_program",
                     "inst.told_unstable",
                     "neuro.numbness",
                     "neuro.weakness",
                     "hx.prior_surgery",
                     "hx.pain_after_surgery",
                     "hx.adjacent_segment",
                     "proc.blood_thinner",
                     "pref.motion",
                     "pref.avoid_surgery"});
    return required;
}();

// Answers that show no conditional item and complete the questionnaire: the
// negative safety screen "N" of the spec, with acute pain.
json baseAnswers()
{
    return spinepath::test::with(spinepath::test::negativeSafetyScreen(), {{"pain.duration", "6w_3m"},
                                                                           {"pain.location", "back_mostly"},
                                                                           {"peg.pain", 6},
                                                                           {"peg.enjoyment", 7},
                                                                           {"peg.activity", 6},
                                                                           {"dx.told", {"ddd"}},
                                                                           {"img.mri", "none"},
                                                                           {"cc.pt", "ge6w"},
                                                                           {"cc.relief", "temporary"},
                                                                           {"cc.pain_program", false},
                                                                           {"inst.told_unstable", "no"},
                                                                           {"neuro.numbness", "none"},
                                                                           {"neuro.weakness", "none"},
                                                                           {"hx.prior_surgery", "none"},
                                                                           {"proc.blood_thinner", false},
                                                                           {"pref.motion", "important"},
                                                                           {"pref.avoid_surgery", true}});
}

bool shown(const json& answers, const std::string& linkId)
{
    return intake().isEnabled(*intake().find(linkId), answers);
}

} // namespace

TEST_CASE("Intake questionnaire has the identity the responses refer to", "[QuestionnaireIntake]")
{
    const auto& q = intake();
    CHECK(q.id() == "spinepath-intake");
    CHECK(q.url() == "https://spinepath.example/fhir/Questionnaire/spinepath-intake");
    CHECK(q.version() == "2.0.0");
    CHECK(q.status() == "active");
    CHECK_FALSE(q.name().empty());
    CHECK_FALSE(q.title().empty());
    CHECK(q.source().contains("date"));
}

TEST_CASE("Intake questionnaire holds every item of the contract", "[QuestionnaireIntake]")
{
    const auto& q = intake();
    for (const auto& expected : contract()) {
        INFO(expected.linkId);
        const Item* item = q.find(expected.linkId);
        REQUIRE(item);
        CHECK(item->type() == expected.type);
        CHECK(item->repeats() == expected.repeats);
        CHECK(item->required() == kRequired.contains(expected.linkId));
        CHECK_FALSE(item->text().empty());

        std::vector<std::string> codes;
        for (const auto& option : item->answerOptions()) {
            CHECK(option.kind == AnswerOption::Kind::Coding);
            CHECK(option.coding.system == "https://spinepath.example/fhir/CodeSystem/" + expected.linkId);
            CHECK_FALSE(option.coding.display.empty());
            codes.push_back(option.coding.code);
        }
        CHECK(codes == expected.codes);
    }
}

TEST_CASE("Intake questionnaire asks nothing beyond the contract but help", "[QuestionnaireIntake]")
{
    std::set<std::string> contracted;
    for (const auto& item : contract())
        contracted.insert(item.linkId);
    for (const Item* item : intake().answerableItems()) {
        INFO(item->linkId());
        CHECK(contracted.contains(item->linkId()));
    }
    CHECK(intake().answerableItems().size() == contract().size());
}

TEST_CASE("Intake questionnaire has one group per section, safety first", "[QuestionnaireIntake]")
{
    std::vector<std::string> groups;
    for (const Item* item : intake().items()) {
        CHECK(item->type() == ItemType::Group);
        groups.push_back(item->linkId());
    }
    CHECK(groups == std::vector<std::string>{"section.safety", "section.pain", "section.diagnosis",
                                             "section.imaging", "section.conservative", "section.stability",
                                             "section.neuro", "section.history", "section.procedure",
                                             "section.goals", "section.about"});

    const std::vector<std::pair<std::string, std::string>> placement{
        {"redflag.systemic", "section.safety"},
        {"redflag.bone_risk", "section.safety"},
        {"peg.activity", "section.pain"},
        {"ibp.night_better_up", "section.pain"},
        {"cc.pain_program", "section.conservative"},
        {"proc.blood_thinner", "section.procedure"},
        {"dx.spondy_grade", "section.diagnosis"},
        {"img.discography", "section.imaging"},
        {"cc.relief", "section.conservative"},
        {"inst.told_unstable", "section.stability"},
        {"neuro.weakness", "section.neuro"},
        {"hx.adjacent_segment", "section.history"},
        {"pref.avoid_surgery", "section.goals"},
        {"about.contact_ok", "section.about"}};
    for (const auto& [linkId, group] : placement) {
        INFO(linkId);
        CHECK(intake().find(linkId)->parent()->linkId() == group);
    }
}

TEST_CASE("Intake PEG items are limited to 0-10", "[QuestionnaireIntake]")
{
    for (const char* linkId : {"peg.pain", "peg.enjoyment", "peg.activity"}) {
        INFO(linkId);
        CHECK(intake().find(linkId)->minValue() == 0);
        CHECK(intake().find(linkId)->maxValue() == 10);
    }
}

TEST_CASE("Intake explains hard terms in help items", "[QuestionnaireIntake]")
{
    std::string help;
    for (const Item* item : intake().allItems()) {
        if (!item->isHelp())
            continue;
        CHECK(item->parent()->isQuestion());
        help += item->text() + "\n";
    }
    for (const char* term : {"annular tear", "discogram", "bend forward", "Spondylolisthesis",
                             "Degenerative disc disease", "Stenosis"}) {
        INFO(term);
        CHECK_THAT(help, Catch::Contains(term));
    }
}

TEST_CASE("Intake shows conditional items only when the spec says so", "[QuestionnaireIntake]")
{
    json answers = baseAnswers();
    for (const char* linkId :
         {"dx.spondy_grade", "dx.deformity_progressive", "dx.fracture_stability", "img.findings",
          "hx.pain_after_surgery", "hx.adjacent_segment", "redflag.trauma_major"}) {
        INFO(linkId);
        CHECK_FALSE(shown(answers, linkId));
    }
    for (const auto& linkId : kInflammatory)
        CHECK_FALSE(shown(answers, linkId));

    SECTION("the kind of accident is asked only after an injury")
    {
        answers["redflag.recent_trauma"] = true;
        CHECK(shown(answers, "redflag.trauma_major"));
        answers["redflag.recent_trauma"] = false;
        CHECK_FALSE(shown(answers, "redflag.trauma_major"));
        answers.erase("redflag.recent_trauma");
        CHECK_FALSE(shown(answers, "redflag.trauma_major"));
    }
    SECTION("the inflammatory back pain items need pain of 3 months or more")
    {
        for (const char* duration : {"3m_6m", "6m_12m", "gt12m"}) {
            INFO(duration);
            answers["pain.duration"] = duration;
            for (const auto& linkId : kInflammatory)
                CHECK(shown(answers, linkId));
        }
        answers["pain.duration"] = "lt6w";
        for (const auto& linkId : kInflammatory)
            CHECK_FALSE(shown(answers, linkId));
        answers.erase("pain.duration");
        for (const auto& linkId : kInflammatory)
            CHECK_FALSE(shown(answers, linkId));
    }

    SECTION("diagnosis follow-ups follow dx.told")
    {
        answers["dx.told"] = {"ddd", "spondylolisthesis"};
        CHECK(shown(answers, "dx.spondy_grade"));
        CHECK_FALSE(shown(answers, "dx.deformity_progressive"));
        answers["dx.told"] = {"deformity", "fracture"};
        CHECK_FALSE(shown(answers, "dx.spondy_grade"));
        CHECK(shown(answers, "dx.deformity_progressive"));
        CHECK(shown(answers, "dx.fracture_stability"));
    }
    SECTION("img.findings needs an MRI")
    {
        answers["img.mri"] = "within_12m";
        CHECK(shown(answers, "img.findings"));
        answers["img.mri"] = "older";
        CHECK(shown(answers, "img.findings"));
        answers.erase("img.mri");
        CHECK_FALSE(shown(answers, "img.findings"));
    }
    SECTION("surgical follow-ups follow hx.prior_surgery")
    {
        answers["hx.prior_surgery"] = "decompression";
        CHECK(shown(answers, "hx.pain_after_surgery"));
        CHECK_FALSE(shown(answers, "hx.adjacent_segment"));
        answers["hx.prior_surgery"] = "fusion";
        CHECK(shown(answers, "hx.pain_after_surgery"));
        CHECK(shown(answers, "hx.adjacent_segment"));
        answers.erase("hx.prior_surgery");
        CHECK_FALSE(shown(answers, "hx.pain_after_surgery"));
    }
}

TEST_CASE("Intake answers validate, and shown follow-ups become required", "[QuestionnaireIntake]")
{
    json answers = baseAnswers();
    auto result = intake().validate(answers);
    CHECK(result.valid());
    CHECK(result.complete());

    answers["redflag.recent_trauma"] = true;
    answers["pain.duration"] = "gt12m";
    answers["hx.prior_surgery"] = "fusion";
    answers["img.mri"] = "within_12m";
    result = intake().validate(answers);
    CHECK(result.valid());
    std::vector<std::string> expected{"redflag.trauma_major"};
    expected.insert(expected.end(), kInflammatory.begin(), kInflammatory.end());
    expected.insert(expected.end(), {"img.findings", "hx.pain_after_surgery", "hx.adjacent_segment"});
    CHECK(result.missingLinkIds() == expected);

    answers["redflag.trauma_major"] = false;
    for (const auto& linkId : kInflammatory)
        answers[linkId] = false;
    answers["img.findings"] = {"annular_tear"};
    answers["hx.pain_after_surgery"] = true;
    answers["hx.adjacent_segment"] = true;
    answers["about.birth_date"] = "1970-02-28";
    CHECK(intake().validate(answers).complete());

    answers["peg.pain"] = 11;
    answers["dx.told"] = {"slipped_disc"};
    answers["pain.duration"] = "forever";
    const auto errors = intake().validate(answers).errors();
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].linkId == "pain.duration");
    CHECK(errors[0].code == IssueCode::UnknownCode);
    CHECK(errors[1].linkId == "peg.pain");
    CHECK(errors[1].code == IssueCode::OutOfRange);
    CHECK(errors[2].linkId == "dx.told");
}

TEST_CASE("Intake asks the safety questions first: the age, then the red flags in the spec's order",
          "[QuestionnaireIntake]")
{
    const Item* safety = intake().find("section.safety");
    std::vector<std::string> asked;
    for (const Item* item : safety->children())
        if (item->isQuestion() && !item->hidden() && item->linkId() != "redflag.trauma_major")
            asked.push_back(item->linkId());
    CHECK(asked == spinepath::test::safetyLinkIds());
    // The follow-up sits right after the question it follows.
    const auto& children = safety->children();
    const auto trauma = std::find(children.begin(), children.end(), intake().find("redflag.recent_trauma"));
    REQUIRE(trauma + 1 != children.end());
    CHECK((*(trauma + 1))->linkId() == "redflag.trauma_major");
    // The page declares itself a Yes/No table in the content, not in code.
    CHECK(safety->itemControl() == "table");
}

TEST_CASE("Intake keeps redflag.systemic as a hidden legacy item whose answers still count",
          "[QuestionnaireIntake]")
{
    const Item* systemic = intake().find("redflag.systemic");
    REQUIRE(systemic);
    CHECK(systemic->hidden());
    CHECK(systemic->enableWhen().empty());
    CHECK(intake().isEnabled(*systemic, json::object()));
    for (const Item* item : intake().allItems())
        CHECK(item->hidden() == (item == systemic));

    // A v1-era answer set: the hidden item's answer is valid and kept.
    json answers = baseAnswers();
    answers["redflag.systemic"] = true;
    CHECK(intake().validate(answers).valid());
    CHECK(intake().validate(answers).complete());
    CHECK(intake().pruneDisabled(answers).at("redflag.systemic") == true);
    // And it is not needed for a complete answer set.
    answers.erase("redflag.systemic");
    CHECK(intake().validate(answers).complete());
}

TEST_CASE("Intake age is a whole number from 0 to 120", "[QuestionnaireIntake]")
{
    const Item* age = intake().find("safety.age");
    CHECK(age->minValue() == 0);
    CHECK(age->maxValue() == 120);
    json answers = baseAnswers();
    for (const int valid : {0, 17, 120}) {
        answers["safety.age"] = valid;
        CHECK(intake().validate(answers).valid());
    }
    for (const json& invalid : {json(-1), json(121), json(42.5), json("42")}) {
        INFO(invalid.dump());
        answers["safety.age"] = invalid;
        const auto errors = intake().validate(answers).errors();
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].linkId == "safety.age");
    }
}

TEST_CASE("Intake lists allow 'None of these' only on its own in the form, and accept it with others",
          "[QuestionnaireIntake]")
{
    for (const char* linkId : {"redflag.infection_risk", "redflag.bone_risk"}) {
        INFO(linkId);
        const Item* item = intake().find(linkId);
        for (const auto& option : item->answerOptions())
            CHECK(option.exclusive == (option.coding.code == "none"));
    }
    for (const Item* item : intake().answerableItems()) {
        if (item->linkId() == "redflag.infection_risk" || item->linkId() == "redflag.bone_risk")
            continue;
        for (const auto& option : item->answerOptions())
            CHECK_FALSE(option.exclusive);
    }
    // Rule 4 of the spec: input holding "none" and other codes is still valid;
    // the rules then count the other codes.
    json answers = baseAnswers();
    answers["redflag.bone_risk"] = {"none", "steroids"};
    CHECK(intake().validate(answers).valid());
}

TEST_CASE("Intake names the common blood thinners in the help of proc.blood_thinner", "[QuestionnaireIntake]")
{
    std::string help;
    for (const Item* child : intake().find("proc.blood_thinner")->children())
        if (child->isHelp())
            help += child->text();
    for (const char* drug : {"warfarin", "apixaban", "rivaroxaban", "dabigatran", "clopidogrel"}) {
        INFO(drug);
        CHECK_THAT(help, Catch::Contains(drug));
    }
}

TEST_CASE("Intake keeps the PEG items word for word", "[QuestionnaireIntake]")
{
    CHECK(intake().find("peg.pain")->text() ==
          "What number best describes your pain on average in the past week?");
    CHECK(intake().find("peg.enjoyment")->text() ==
          "What number best describes how, during the past week, pain has interfered with your enjoyment of "
          "life?");
    CHECK(intake().find("peg.activity")->text() ==
          "What number best describes how, during the past week, pain has interfered with your general "
          "activity?");
}
