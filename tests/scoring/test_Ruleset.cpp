// Ruleset: the real rules load with the spec's interface; a broken ruleset is
// refused with the file, the JSON pointer of the fault and a clear message.
// Broken rulesets are the real one, loaded from the source tree and mutated.
#include "ScoringTestSupport.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace spinepath;
using namespace spinepath::scoring;
using nlohmann::json;

namespace {

const char* const kFile = "content/rules/spinepath-core.json";

std::vector<ContentProblem> problemsOf(const json& rules)
{
    try {
        (void)Ruleset::fromJson(rules, kFile);
    } catch (const ContentError& error) {
        CHECK(std::string(error.what()).find(kFile) != std::string::npos);
        return error.problems();
    }
    return {};
}

// The single problem of `rules`; fails when there is none or several.
ContentProblem problemOf(const json& rules)
{
    const auto problems = problemsOf(rules);
    std::string all;
    for (const ContentProblem& problem : problems)
        all += problem.describe() + "\n";
    INFO(all);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == kFile);
    return problems[0];
}

bool mentions(const ContentProblem& problem, const std::string& text)
{
    return problem.message.find(text) != std::string::npos;
}

// A file in a fresh temporary folder, removed with it.
class TemporaryFile final
{
public:
    explicit TemporaryFile(const std::string& text)
        : m_directory(std::filesystem::temp_directory_path() /
                      ("spinepath-ruleset-test-" + std::to_string(::getpid())))
    {
        std::filesystem::create_directories(m_directory);
        std::ofstream(path()) << text;
    }
    ~TemporaryFile() { std::filesystem::remove_all(m_directory); }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    [[nodiscard]] std::string path() const { return (m_directory / "spinepath-core.json").string(); }

private:
    std::filesystem::path m_directory;
};

} // namespace

TEST_CASE("The core ruleset loads with the spec's categories, flags, factors and notes", "[ruleset]")
{
    const Ruleset ruleset = Ruleset::fromFile(test::rulesetPath());
    CHECK(ruleset.id() == "spinepath-core");
    CHECK(ruleset.version() == "2.0.0");
    CHECK(ruleset.questionnaire() == test::content().questionnaire().url());
    CHECK(ruleset.file() == test::rulesetPath());
    CHECK(ruleset.scoreMin() == 0);
    CHECK(ruleset.scoreMax() == 100);

    // Spec v2 section 3: three severities, highest first; only emergency interrupts.
    std::vector<std::tuple<std::string, bool, bool>> severities;
    for (const SeverityRule& severity : ruleset.severities())
        severities.emplace_back(severity.id, severity.interrupts, severity.alert);
    CHECK(severities == std::vector<std::tuple<std::string, bool, bool>>{
                            {"emergency", true, true}, {"urgent", false, true}, {"review", false, false}});

    // First match wins, in the spec's order; the last one takes everything left.
    std::vector<std::string> categories;
    for (const CategoryRule& category : ruleset.categories()) {
        categories.push_back(category.id);
        CHECK_FALSE(category.title.empty());
        CHECK_FALSE(category.patient.empty());
        CHECK_FALSE(category.clinical.empty());
    }
    CHECK(categories == std::vector<std::string>{"urgent", "fusion_evaluation", "regenerative_evaluation",
                                                 "conservative_care_first", "physician_review"});
    CHECK(ruleset.source()["categories"].back()["when"] == true);

    // The flag table of spec v2 section 3, in its order, with its severities.
    const std::vector<std::pair<std::string, std::string>> flags = {
        {"cauda_equina_bladder_bowel", "emergency"},
        {"cauda_equina_saddle_numbness", "emergency"},
        {"progressive_weakness", "emergency"},
        {"progressive_numbness", "urgent"},
        {"possible_fracture", "urgent"},
        {"systemic_red_flag", "urgent"},
        {"cauda_equina_other", "emergency"},
        {"possible_cord_compression", "emergency"},
        {"gait_disturbance", "urgent"},
        {"fragility_fracture_risk", "urgent"},
        {"cancer_history", "urgent"},
        {"spinal_infection_risk", "urgent"},
        {"infection_risk_factor", "review"},
        {"age_red_flag", "review"},
        {"outside_intended_population", "review"},
        {"nonmechanical_pain", "review"},
        {"thoracic_pain", "review"},
        {"safety_screen_incomplete", "review"}};
    REQUIRE(ruleset.flags().size() == flags.size());
    for (std::size_t i = 0; i < flags.size(); ++i) {
        const FlagRule& flag = ruleset.flags()[i];
        INFO(flags[i].first);
        CHECK(flag.id == flags[i].first);
        CHECK(flag.severity == flags[i].second);
        CHECK_FALSE(flag.patient.empty());
        CHECK_FALSE(flag.clinical.empty());
    }

    // The factor table: the weights are the spec's (v2 fixes them), in its order.
    const std::vector<std::tuple<std::string, std::string, int>> factors = {
        {"chronic_pain", "regenerative", 10},
        {"discogenic_source", "regenerative", 10},
        {"annular_tear", "regenerative", 10},
        {"conservative_care_failed", "regenerative", 10},
        {"contained_disc", "regenerative", 10},
        {"stable_spine", "regenerative", 10},
        {"prefers_motion_preservation", "regenerative", 5},
        {"concordant_discography", "regenerative", 5},
        {"failed_back_surgery", "none", 0},
        {"adjacent_segment_disease", "none", 0},
        {"high_grade_spondylolisthesis", "fusion", 40},
        {"progressive_deformity", "fusion", 35},
        {"unstable_fracture", "fusion", 40},
        {"documented_instability", "fusion", 30},
        {"low_grade_spondylolisthesis", "fusion", 15},
        {"non_contained_disc", "regenerative", -25},
        {"structural_instability", "regenerative", -70},
        {"axial_predominant", "regenerative", 10},
        {"leg_predominant", "regenerative", -10}};
    REQUIRE(ruleset.factors().size() == factors.size());
    for (std::size_t i = 0; i < factors.size(); ++i) {
        const FactorRule& factor = ruleset.factors()[i];
        INFO(std::get<0>(factors[i]));
        CHECK(factor.id == std::get<0>(factors[i]));
        CHECK(factor.pathway == std::get<1>(factors[i]));
        CHECK(factor.weight == std::get<2>(factors[i]));
        CHECK_FALSE(factor.reason.empty());
    }
    const std::vector<std::string> notes = {"discography_may_confirm_level",
                                            "mri_may_miss_annular_tears",
                                            "adjacent_segment_disease",
                                            "low_grade_slip_review",
                                            "decompression_may_be_needed",
                                            "recent_imaging_needed",
                                            "other_biologics",
                                            "investigational_treatment",
                                            "sealant_precautions",
                                            "blood_thinner_plan",
                                            "post_surgical_review",
                                            "radicular_pain_review",
                                            "inflammatory_back_pain_features",
                                            "consider_combined_programme"};
    REQUIRE(ruleset.notes().size() == notes.size());
    for (std::size_t i = 0; i < notes.size(); ++i) {
        INFO(notes[i]);
        CHECK(ruleset.notes()[i].id == notes[i]);
        CHECK_FALSE(ruleset.notes()[i].text.empty());
        CHECK_FALSE(ruleset.notes()[i].clinical.empty());
    }
    CHECK(ruleset.findFlag("annular_tear") == nullptr);
    CHECK(ruleset.findCategory("surgery") == nullptr);
    CHECK(ruleset.findSeverity("soon") == nullptr);

    // Each stage compiles to one array rule with one condition per entry.
    CHECK(ruleset.derived().size() == ruleset.source()["derived"].size());
    CHECK(ruleset.derived()[0].name == "chronic");
}

TEST_CASE("A factor of pathway none counts toward no score and must weigh 0", "[ruleset]")
{
    json rules = test::coreRules();
    const std::size_t factor = test::indexOf(rules, "factors", "failed_back_surgery");
    rules["factors"][factor]["weight"] = 10;
    const ContentProblem problem = problemOf(rules);
    CHECK(problem.pointer == test::pointerTo("factors", factor, "/weight"));
    CHECK(mentions(problem, "none"));
}

TEST_CASE("The severities are required and each flag names one of them", "[ruleset]")
{
    json rules = test::coreRules();
    rules.erase("severities");
    const auto problems = problemsOf(rules);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].pointer == "/severities");
    // Every flag then names an unknown severity: each is reported with its pointer.
    CHECK(problems.size() == 1 + rules["flags"].size());

    json duplicate = test::coreRules();
    duplicate["severities"].push_back(duplicate["severities"][0]);
    CHECK(problemOf(duplicate).pointer == "/severities/3/id");

    json notBoolean = test::coreRules();
    notBoolean["severities"][0]["interrupts"] = "yes";
    CHECK(problemOf(notBoolean).pointer == "/severities/0/interrupts");
}

TEST_CASE("Ruleset::fromFile names the file of malformed or missing rules", "[ruleset]")
{
    SECTION("malformed JSON")
    {
        std::string text = test::coreRules().dump(2);
        text.insert(text.find("\"flags\""), "\"oops\": ,\n");
        const TemporaryFile file(text);
        try {
            (void)Ruleset::fromFile(file.path());
            FAIL("a malformed file was accepted");
        } catch (const ContentError& error) {
            REQUIRE(error.problems().size() == 1);
            const ContentProblem& problem = error.problems()[0];
            CHECK(problem.file == file.path());
            CHECK(problem.pointer.empty()); // no JSON yet, so no pointer: the message has the line
            CHECK(problem.message.find("line") != std::string::npos);
            CHECK(std::string(error.what()).find(file.path()) != std::string::npos);
        }
    }
    SECTION("a missing file")
    {
        const std::string path = "/nonexistent/spinepath/rules.json";
        try {
            (void)Ruleset::fromFile(path);
            FAIL("a missing file was accepted");
        } catch (const ContentError& error) {
            REQUIRE(error.problems().size() == 1);
            CHECK(error.problems()[0].file == path);
        }
    }
    SECTION("the real file through a copy loads")
    {
        const TemporaryFile file(test::coreRules().dump());
        CHECK(Ruleset::fromFile(file.path()).file() == file.path());
    }
}

TEST_CASE("A broken ruleset is refused with the JSON pointer of the fault", "[ruleset]")
{
    json rules = test::coreRules();

    SECTION("not an object")
    {
        const ContentProblem problem = problemOf(json::array({rules}));
        CHECK(problem.pointer.empty());
        CHECK(mentions(problem, "JSON object"));
    }
    SECTION("an unknown operator")
    {
        const std::size_t factor = test::indexOf(rules, "factors", "contained_disc");
        rules["factors"][factor]["when"]["and"][1] = {{"contained", {{"var", "img.findings"}}}};
        const ContentProblem problem = problemOf(rules);
        CHECK(problem.pointer == test::pointerTo("factors", factor, "/when/and/1"));
        CHECK(mentions(problem, "unknown operator \"contained\""));
    }
    SECTION("an unknown operator at the top of a condition")
    {
        rules["flags"][0]["when"] = {{"is", {{"var", "redflag.bladder_bowel"}, true}}};
        const ContentProblem problem = problemOf(rules);
        CHECK(problem.pointer == "/flags/0/when");
        CHECK(mentions(problem, "\"is\""));
    }
    SECTION("the wrong number of arguments")
    {
        const std::size_t flag = test::indexOf(rules, "flags", "progressive_numbness");
        rules["flags"][flag]["when"] = {{"==", {{{"var", "neuro.numbness"}}, "worsening", "stable"}}};
        const ContentProblem problem = problemOf(rules);
        CHECK(problem.pointer == test::pointerTo("flags", flag, "/when"));
        CHECK(mentions(problem, "\"==\" takes"));
        CHECK(mentions(problem, "not 3"));
    }
    SECTION("the wrong number of arguments deep in a derived concept")
    {
        const std::size_t peg = test::indexOf(rules, "derived", "peg");
        rules["derived"][peg]["value"]["if"][2]["round"].push_back(2);
        const ContentProblem problem = problemOf(rules);
        CHECK(problem.pointer == test::pointerTo("derived", peg, "/value/if/2"));
        CHECK(mentions(problem, "\"round\" takes"));
    }
    SECTION("a bad severity")
    {
        rules["flags"][3]["severity"] = "soon";
        const ContentProblem problem = problemOf(rules);
        CHECK(problem.pointer == "/flags/3/severity");
        CHECK(mentions(problem, "/severities"));
        CHECK(mentions(problem, "soon"));
    }
    SECTION("a bad pathway")
    {
        const std::size_t factor = test::indexOf(rules, "factors", "documented_instability");
        rules["factors"][factor]["pathway"] = "surgery";
        const ContentProblem problem = problemOf(rules);
        CHECK(problem.pointer == test::pointerTo("factors", factor, "/pathway"));
        CHECK(mentions(problem, "\"surgery\" is not one of the pathways listed in /pathways"));
    }
    SECTION("no pathways, or one listed twice or named none")
    {
        json none = rules;
        none.erase("pathways");
        CHECK(problemsOf(none).front().pointer == "/pathways"); // then each factor's pathway
        const std::string first = rules["pathways"][0];
        rules["pathways"].push_back(first);
        const ContentProblem twice = problemOf(rules);
        CHECK(twice.pointer == "/pathways/" + std::to_string(rules["pathways"].size() - 1));
        CHECK(mentions(twice, "listed twice"));
        rules["pathways"].back() = "none";
        CHECK(mentions(problemOf(rules), "reserved"));
    }
    SECTION("a weight that is not a whole number")
    {
        rules["factors"][0]["weight"] = 7.5;
        CHECK(problemOf(rules).pointer == "/factors/0/weight");
        rules["factors"][0]["weight"] = "ten";
        CHECK(problemOf(rules).pointer == "/factors/0/weight");
    }
    SECTION("a whole number too large for the program")
    {
        // Once read with wrap-around: 4294967297 became a weight of 1.
        for (const json& weight : {json(4294967297LL), json(-2147483649LL), json(18446744073709551615ULL)}) {
            INFO(weight.dump());
            rules["factors"][0]["weight"] = weight;
            const ContentProblem problem = problemOf(rules);
            CHECK(problem.pointer == "/factors/0/weight");
            CHECK(mentions(problem, "from -2147483648 to 2147483647"));
        }
        rules["factors"][0]["weight"] = 2147483647;
        CHECK(problemsOf(rules).empty());
        rules["scoreRange"] = {{"min", -2147483649LL}, {"max", 100}};
        CHECK(problemOf(rules).pointer == "/scoreRange/min");
    }
    SECTION("a last category that does not take everything left")
    {
        const std::size_t last = rules["categories"].size() - 1;
        rules["categories"][last]["when"] = {{"var", "derived.chronic"}};
        const ContentProblem problem = problemOf(rules);
        CHECK(problem.pointer == test::pointerTo("categories", last, "/when"));
        CHECK(mentions(problem, "\"when\": true"));
    }
    SECTION("a duplicate factor id")
    {
        rules["factors"][1]["id"] = rules["factors"][0]["id"];
        const ContentProblem problem = problemOf(rules);
        CHECK(problem.pointer == "/factors/1/id");
        CHECK(mentions(problem, "defined twice"));
        CHECK(mentions(problem, rules["factors"][0]["id"].get<std::string>()));
    }
    SECTION("a duplicate flag, category, note and derived id")
    {
        for (const char* stage : {"flags", "categories", "notes", "derived"}) {
            INFO(stage);
            json copy = test::coreRules();
            const std::size_t last = copy[stage].size() - 1;
            copy[stage][last - 1]["id"] = copy[stage][last - 2]["id"];
            CHECK(problemOf(copy).pointer == test::pointerTo(stage, last - 1, "/id"));
        }
    }
    SECTION("the same id in two stages is allowed")
    {
        // adjacent_segment_disease is both a factor and a note in the spec.
        CHECK(problemsOf(rules).empty());
    }
    SECTION("a missing or empty field")
    {
        rules["factors"][2].erase("reason");
        CHECK(problemOf(rules).pointer == "/factors/2/reason");
        rules = test::coreRules();
        rules["notes"][0]["text"] = "";
        CHECK(problemOf(rules).pointer == "/notes/0/text");
        rules = test::coreRules();
        rules["flags"][1].erase("when");
        CHECK(problemOf(rules).pointer == "/flags/1/when");
        rules = test::coreRules();
        rules.erase("version");
        CHECK(problemOf(rules).pointer == "/version");
    }
    SECTION("a stage that is not a non-empty array")
    {
        rules["notes"] = json::array();
        CHECK(problemOf(rules).pointer == "/notes");
        rules = test::coreRules();
        rules["flags"] = json::object();
        CHECK(problemOf(rules).pointer == "/flags");
        rules = test::coreRules();
        rules["factors"][4] = "chronic_pain";
        CHECK(problemOf(rules).pointer == "/factors/4");
    }
    SECTION("an article list that is not a list of ids")
    {
        rules["notes"][1]["articles"] = "disc-pain";
        CHECK(problemOf(rules).pointer == "/notes/1/articles");
        rules["notes"][1]["articles"] = json::array({"disc-pain", 3});
        CHECK(problemOf(rules).pointer == "/notes/1/articles/1");
    }
    SECTION("a wrong resourceType and score range")
    {
        rules["resourceType"] = "Questionnaire";
        CHECK(problemOf(rules).pointer == "/resourceType");
        rules = test::coreRules();
        rules["scoreRange"] = {{"min", 100}, {"max", 0}};
        CHECK(problemOf(rules).pointer == "/scoreRange");
    }
    SECTION("a condition nested as deep as a rule may be")
    {
        // 512 levels compile alone, but not inside the stage's array of
        // conditions; that RuleError once escaped Ruleset::fromJson. JSON
        // text cannot nest a condition so deep (parseJson stops at 512 from
        // the top of the file), so no fuzz input can hold this case.
        for (const int depth : {511, 512, 513}) {
            INFO(depth);
            json deep = true;
            for (int i = 0; i < depth; ++i)
                deep = json::array({deep});
            rules["notes"][2]["when"] = deep;
            const auto problems = problemsOf(rules);
            if (depth == 511) {
                CHECK(problems.empty());
                continue;
            }
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].pointer.starts_with("/notes/2/when/0/0/0/"));
            CHECK(rules.contains(json::json_pointer(problems[0].pointer)));
            CHECK(mentions(problems[0], "nested more than 512 levels deep"));
        }
    }
    SECTION("a resourceType that is missing or not a string")
    {
        // A number here once escaped as nlohmann's type_error instead of a
        // ContentError (tests/fuzz/regressions/ruleset).
        for (const json& type : {json(1), json(nullptr), json(true), json::array({"SpinePathRuleset"}),
                                 json::object({{"SpinePathRuleset", 1}})}) {
            INFO(type.dump());
            rules["resourceType"] = type;
            const ContentProblem problem = problemOf(rules);
            CHECK(problem.pointer == "/resourceType");
            CHECK(mentions(problem, "\"SpinePathRuleset\""));
        }
        rules.erase("resourceType");
        CHECK(problemOf(rules).pointer == "/resourceType");
    }
    SECTION("every problem is reported, not only the first")
    {
        rules["flags"][0]["severity"] = "later";
        rules["factors"][0]["pathway"] = "other";
        rules["factors"][3]["when"] = {{"nope", json::array()}};
        const auto problems = problemsOf(rules);
        REQUIRE(problems.size() == 3);
        CHECK(problems[0].pointer == "/flags/0/severity");
        CHECK(problems[1].pointer == "/factors/0/pathway");
        CHECK(problems[2].pointer == "/factors/3/when");
    }
}

TEST_CASE("A ContentError describes each problem as file, pointer and message", "[ruleset]")
{
    json rules = test::coreRules();
    rules["flags"][2]["severity"] = "soon";
    try {
        (void)Ruleset::fromJson(rules, kFile);
        FAIL("accepted");
    } catch (const ContentError& error) {
        CHECK(std::string(error.what()) ==
              std::string(kFile) +
                  " at /flags/2/severity: \"soon\" is not one of the severities listed in /severities");
    }
}
