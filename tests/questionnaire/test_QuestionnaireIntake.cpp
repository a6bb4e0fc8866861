// The intake questionnaire in content/ against the clinical contract: the
// linkIds, types and codes of section 1 of the clinical specification are an
// interface shared with the rules, storage and exports, so they are written out
// here by hand rather than read from the content being tested.
#include "QuestionnaireTestSupport.h"

#include "core/questionnaire/Questionnaire.h"

#include <catch2/catch.hpp>

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
    static const std::vector<ContractItem> items{
        {"redflag.bladder_bowel", ItemType::Boolean, false, {}},
        {"redflag.saddle_numbness", ItemType::Boolean, false, {}},
        {"redflag.progressive_weakness", ItemType::Boolean, false, {}},
        {"redflag.recent_trauma", ItemType::Boolean, false, {}},
        {"redflag.systemic", ItemType::Boolean, false, {}},
        {"pain.duration", ItemType::Choice, false, {"lt6w", "6w_3m", "3m_6m", "6m_12m", "gt12m"}},
        {"pain.location", ItemType::Choice, false, {"back_mostly", "leg_mostly", "both"}},
        {"peg.pain", ItemType::Integer, false, {}},
        {"peg.enjoyment", ItemType::Integer, false, {}},
        {"peg.activity", ItemType::Integer, false, {}},
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
        {"inst.told_unstable", ItemType::Choice, false, {"yes", "no", "unknown"}},
        {"neuro.numbness", ItemType::Choice, false, {"none", "stable", "worsening"}},
        {"neuro.weakness", ItemType::Choice, false, {"none", "stable", "worsening"}},
        {"hx.prior_surgery", ItemType::Choice, false, {"none", "decompression", "fusion", "other"}},
        {"hx.pain_after_surgery", ItemType::Boolean, false, {}},
        {"hx.adjacent_segment", ItemType::Boolean, false, {}},
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

// Required always, or (for the conditional items) whenever they are shown.
const std::set<std::string> kRequired{"redflag.bladder_bowel",
                                      "redflag.saddle_numbness",
                                      "redflag.progressive_weakness",
                                      "redflag.recent_trauma",
                                      "redflag.systemic",
                                      "pain.duration",
                                      "pain.location",
                                      "peg.pain",
                                      "peg.enjoyment",
                                      "peg.activity",
                                      "dx.told",
                                      "dx.spondy_grade",
                                      "dx.deformity_progressive",
                                      "dx.fracture_stability",
                                      "img.mri",
                                      "img.findings",
                                      "cc.pt",
                                      "cc.relief",
                                      "inst.told_unstable",
                                      "neuro.numbness",
                                      "neuro.weakness",
                                      "hx.prior_surgery",
                                      "hx.pain_after_surgery",
                                      "hx.adjacent_segment",
                                      "pref.motion",
                                      "pref.avoid_surgery"};

// Answers that show no conditional item and complete the questionnaire.
json baseAnswers()
{
    return {{"redflag.bladder_bowel", false},
            {"redflag.saddle_numbness", false},
            {"redflag.progressive_weakness", false},
            {"redflag.recent_trauma", false},
            {"redflag.systemic", false},
            {"pain.duration", "6m_12m"},
            {"pain.location", "back_mostly"},
            {"peg.pain", 6},
            {"peg.enjoyment", 7},
            {"peg.activity", 6},
            {"dx.told", {"ddd"}},
            {"img.mri", "none"},
            {"cc.pt", "ge6w"},
            {"cc.relief", "temporary"},
            {"inst.told_unstable", "no"},
            {"neuro.numbness", "none"},
            {"neuro.weakness", "none"},
            {"hx.prior_surgery", "none"},
            {"pref.motion", "important"},
            {"pref.avoid_surgery", true}};
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
    CHECK(q.version() == "1.0.0");
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
                                             "section.neuro", "section.history", "section.goals",
                                             "section.about"});

    const std::vector<std::pair<std::string, std::string>> placement{
        {"redflag.systemic", "section.safety"},   {"peg.activity", "section.pain"},
        {"dx.spondy_grade", "section.diagnosis"}, {"img.discography", "section.imaging"},
        {"cc.relief", "section.conservative"},    {"inst.told_unstable", "section.stability"},
        {"neuro.weakness", "section.neuro"},      {"hx.adjacent_segment", "section.history"},
        {"pref.avoid_surgery", "section.goals"},  {"about.contact_ok", "section.about"}};
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
    for (const char* linkId : {"dx.spondy_grade", "dx.deformity_progressive", "dx.fracture_stability",
                               "img.findings", "hx.pain_after_surgery", "hx.adjacent_segment"}) {
        INFO(linkId);
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

    answers["hx.prior_surgery"] = "fusion";
    answers["img.mri"] = "within_12m";
    result = intake().validate(answers);
    CHECK(result.valid());
    CHECK(result.missingLinkIds() ==
          std::vector<std::string>{"img.findings", "hx.pain_after_surgery", "hx.adjacent_segment"});

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
