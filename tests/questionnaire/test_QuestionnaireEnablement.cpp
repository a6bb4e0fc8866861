#include "QuestionnaireTestSupport.h"

#include "core/questionnaire/Questionnaire.h"

#include <catch2/catch.hpp>

using namespace spinepath::questionnaire;
using namespace spinepath::questionnaire::test;
using nlohmann::json;

namespace {

bool enabled(const json& answers, const std::string& linkId)
{
    const Item* item = sleepAndWork().find(linkId);
    REQUIRE(item);
    return sleepAndWork().isEnabled(*item, answers);
}

const json kEmployed{{"work.employed", true}};

json employedWith(const json& more)
{
    json answers = kEmployed;
    answers.update(more);
    return answers;
}

} // namespace

TEST_CASE("Enablement: items without conditions are enabled", "[QuestionnaireEnablement]")
{
    CHECK(enabled(json::object(), "work"));
    CHECK(enabled(json::object(), "work.employed"));
    CHECK(enabled(json::object(), "sleep.hours"));
}

TEST_CASE("Enablement: = on a boolean enables a group and its children", "[QuestionnaireEnablement]")
{
    CHECK_FALSE(enabled(json::object(), "work.job"));
    CHECK_FALSE(enabled({{"work.employed", false}}, "work.job"));
    CHECK(enabled(kEmployed, "work.job"));
    // A child is only as enabled as its parent.
    CHECK_FALSE(enabled({{"work.employed", false}}, "work.shift"));
    CHECK(enabled(kEmployed, "work.shift"));
}

TEST_CASE("Enablement: = on a coding", "[QuestionnaireEnablement]")
{
    CHECK(enabled(employedWith({{"work.shift", "night"}}), "work.night_note"));
    CHECK_FALSE(enabled(employedWith({{"work.shift", "day"}}), "work.night_note"));
    CHECK_FALSE(enabled(kEmployed, "work.night_note"));
}

TEST_CASE("Enablement: > and < on integers", "[QuestionnaireEnablement]")
{
    CHECK(enabled(employedWith({{"work.hours", 41}}), "work.overtime"));
    CHECK_FALSE(enabled(employedWith({{"work.hours", 40}}), "work.overtime"));
    CHECK(enabled(employedWith({{"work.hours", 9}}), "work.part_time_reason"));
    CHECK_FALSE(enabled(employedWith({{"work.hours", 10}}), "work.part_time_reason"));
    // Unanswered: no answer is greater or less than anything.
    CHECK_FALSE(enabled(kEmployed, "work.overtime"));
    CHECK_FALSE(enabled(kEmployed, "work.part_time_reason"));
}

TEST_CASE("Enablement: <= on a decimal or = on a coding, enableBehavior any", "[QuestionnaireEnablement]")
{
    CHECK_FALSE(enabled(json::object(), "sleep.describe"));
    CHECK(enabled({{"sleep.hours", 5}}, "sleep.describe"));
    CHECK(enabled({{"sleep.hours", 4.5}}, "sleep.describe"));
    CHECK_FALSE(enabled({{"sleep.hours", 5.5}}, "sleep.describe"));
    CHECK(enabled({{"sleep.hours", 8}, {"sleep.snore", "Y"}}, "sleep.describe"));
    CHECK_FALSE(enabled({{"sleep.hours", 8}, {"sleep.snore", "N"}}, "sleep.describe"));
}

TEST_CASE("Enablement: >= on a time", "[QuestionnaireEnablement]")
{
    CHECK(enabled({{"sleep.bedtime", "23:00:00"}}, "sleep.late"));
    CHECK(enabled({{"sleep.bedtime", "23:30:00"}}, "sleep.late"));
    CHECK_FALSE(enabled({{"sleep.bedtime", "22:59:59"}}, "sleep.late"));
}

TEST_CASE("Enablement: exists and != together, enableBehavior all", "[QuestionnaireEnablement]")
{
    CHECK_FALSE(enabled(json::object(), "sleep.aids_help"));
    // != holds when no answer equals the value, including when there is no answer.
    CHECK(enabled({{"sleep.aids", {"earplugs"}}}, "sleep.aids_help"));
    CHECK(enabled({{"sleep.aids", {"earplugs"}}, {"sleep.snore", "Y"}}, "sleep.aids_help"));
    CHECK_FALSE(enabled({{"sleep.aids", {"earplugs"}}, {"sleep.snore", "N"}}, "sleep.aids_help"));
    CHECK_FALSE(enabled({{"sleep.aids", json::array()}}, "sleep.aids_help"));
}

TEST_CASE("Enablement: = on a string matches any answer of a repeating item", "[QuestionnaireEnablement]")
{
    CHECK(enabled({{"sleep.aids", {"earplugs", "melatonin"}}}, "sleep.melatonin_dose"));
    CHECK_FALSE(enabled({{"sleep.aids", {"earplugs", "a warm bath"}}}, "sleep.melatonin_dose"));
}

TEST_CASE("Enablement: < on a date, > on a dateTime", "[QuestionnaireEnablement]")
{
    CHECK(enabled({{"about.birth_date", "1999-12-31"}}, "about.born_before_2000"));
    CHECK_FALSE(enabled({{"about.birth_date", "2000-01-01"}}, "about.born_before_2000"));
    // A year alone cannot be ordered against a day in that same year.
    CHECK_FALSE(enabled({{"about.birth_date", "2000"}}, "about.born_before_2000"));
    CHECK(enabled({{"about.birth_date", "1999"}}, "about.born_before_2000"));

    CHECK(enabled({{"about.last_study", "2020-01-01T00:30:00+00:00"}}, "about.recent_study"));
    // 00:30 at +01:00 is 23:30 UTC on the day before.
    CHECK_FALSE(enabled({{"about.last_study", "2020-01-01T00:30:00+01:00"}}, "about.recent_study"));
    CHECK(enabled({{"about.last_study", "2021"}}, "about.recent_study"));
}

TEST_CASE("Enablement: >= on an integer choice", "[QuestionnaireEnablement]")
{
    CHECK(enabled({{"about.children", 1}}, "about.lucky_number"));
    CHECK(enabled({{"about.children", 3}}, "about.lucky_number"));
    CHECK_FALSE(enabled({{"about.children", 0}}, "about.lucky_number"));
}

TEST_CASE("Enablement: items nested under a question", "[QuestionnaireEnablement]")
{
    CHECK(enabled({{"smoker", true}}, "smoker.per_day"));
    CHECK_FALSE(enabled({{"smoker", false}}, "smoker.per_day"));
}

TEST_CASE("Enablement: an item nested under a question waits for its answer (issue 19, point 3)",
          "[QuestionnaireEnablement]")
{
    // repeating-group.json: "smoker.per_day" sits under "smoker" without an enableWhen.
    const auto form = Questionnaire::fromFile(testDataPath("repeating-group.json"));
    const Item& perDay = *form.find("smoker.per_day");
    CHECK_FALSE(form.isEnabled(perDay, json::object()));
    CHECK(form.isEnabled(perDay, {{"smoker", false}}));
    CHECK(form.isEnabled(perDay, {{"smoker", true}}));
    // Its answer is dropped with the answer it hangs under, so an export can nest it.
    CHECK(form.pruneDisabled({{"smoker.per_day", 3}}) == json::object());
    CHECK(form.validate({{"smoker.per_day", 3}}).valid());

    // A display under a question (its help) is not waiting for anything.
    json resource = readJson(testDataPath("repeating-group.json"));
    resource["item"][1]["item"].push_back(
        {{"linkId", "smoker.help"}, {"type", "display"}, {"text", "Any kind"}});
    const auto withHelp = Questionnaire::fromJson(resource);
    CHECK(withHelp.isEnabled(*withHelp.find("smoker.help"), json::object()));
}

TEST_CASE("Enablement: an answer of a disabled item counts as absent", "[QuestionnaireEnablement]")
{
    // work.hours is inside the hidden job group, so its 50 hours enable nothing.
    const json answers{{"work.employed", false}, {"work.hours", 50}, {"work.shift", "night"}};
    CHECK_FALSE(enabled(answers, "work.overtime"));
    CHECK_FALSE(enabled(answers, "work.night_note"));

    // A hidden answer cannot switch on a chained item either.
    const json chained{{"about.children", 0}, {"about.lucky_number", 7}};
    CHECK_FALSE(enabled(chained, "about.lucky_number"));
}

TEST_CASE("Enablement: enabledLinkIds lists every enabled item", "[QuestionnaireEnablement]")
{
    const auto ids = sleepAndWork().enabledLinkIds(employedWith({{"work.hours", 45}}));
    CHECK(ids.contains("work.job"));
    CHECK(ids.contains("work.overtime"));
    CHECK_FALSE(ids.contains("work.part_time_reason"));
    CHECK_FALSE(ids.contains("sleep.describe"));
    CHECK(ids.contains("sleep.bedtime"));
}

TEST_CASE("Enablement: answers of the wrong type enable nothing", "[QuestionnaireEnablement]")
{
    CHECK_FALSE(enabled({{"work.employed", "true"}}, "work.job"));
    CHECK_FALSE(enabled(employedWith({{"work.hours", "45"}}), "work.overtime"));
    CHECK_THROWS_AS(sleepAndWork().isEnabled(*sleepAndWork().find("work.job"), json::array()),
                    QuestionnaireError);
}

TEST_CASE("Enablement: an item of another questionnaire is refused", "[QuestionnaireEnablement]")
{
    const Item* foreign = intake().find("peg.pain");
    REQUIRE(foreign);
    CHECK_THROWS_AS(sleepAndWork().isEnabled(*foreign, json::object()), QuestionnaireError);
}
