#include "QuestionnaireTestSupport.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/ValidationResult.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace spinepath::questionnaire;
using namespace spinepath::questionnaire::test;
using nlohmann::json;

namespace {

// Answers to sleepAndWork() that are valid and complete.
json validAnswers()
{
    return {{"work.employed", true},
            {"work.shift", "rotating"},
            {"work.hours", 38},
            {"work.title", "Nurse"},
            {"sleep.hours", 6.5},
            {"sleep.snore", "N"},
            {"sleep.bedtime", "22:15:00"},
            {"sleep.aids", {"earplugs", "a warm bath"}},
            {"about.birth_date", "1984-07"},
            {"about.last_study", "2023-05-06T07:08:09+02:00"},
            {"about.children", 2},
            {"about.lucky_number", 13},
            {"about.contact", "email"},
            {"about.website", "https://example.org/me"},
            {"about.weight", {{"value", 70}, {"unit", "kg"}}},
            {"about.country", "NL"},
            {"smoker", true},
            {"smoker.per_day", 3}};
}

// The single issue that validating `answers` reports.
ValidationIssue singleIssue(const json& answers)
{
    const auto result = sleepAndWork().validate(answers);
    INFO(result.toJson().dump(2));
    REQUIRE(result.issues.size() == 1);
    return result.issues.front();
}

ValidationIssue issueWith(const std::string& linkId, const json& value)
{
    json answers = validAnswers();
    answers[linkId] = value;
    return singleIssue(answers);
}

} // namespace

TEST_CASE("Validator accepts valid answers of every type", "[QuestionnaireValidator]")
{
    const auto result = sleepAndWork().validate(validAnswers());
    INFO(result.toJson().dump(2));
    CHECK(result.issues.empty());
    CHECK(result.valid());
    CHECK(result.complete());
}

TEST_CASE("Validator: unknown_link_id", "[QuestionnaireValidator]")
{
    json answers = validAnswers();
    answers["work.salary"] = 100;
    const auto issue = singleIssue(answers);
    CHECK(issue.code == IssueCode::UnknownLinkId);
    CHECK(issue.linkId == "work.salary");
    CHECK_THAT(issue.message, Catch::Contains("work.salary"));
}

TEST_CASE("Validator: wrong_type", "[QuestionnaireValidator]")
{
    const std::vector<std::pair<std::string, json>> cases{
        {"work.employed", "yes"},
        {"work.hours", 38.5},
        {"work.hours", "38"},
        {"work.hours", 5000000000LL},
        {"sleep.hours", true},
        {"about.birth_date", "07/01/1984"},
        {"about.birth_date", "1984-02-30"},
        {"about.last_study", "2023-05-06T07:08:09"}, // a time of day needs a zone
        {"sleep.bedtime", "25:00:00"},
        {"work.title", 42},
        {"work.title", "  "},
        {"work.shift", true},
        {"about.weight", 70},
        {"work.employed", nullptr},
        {"sleep.aids", "earplugs"}, // a repeating item takes a list
        {"work", true},             // a group takes no answer
    };
    for (const auto& [linkId, value] : cases) {
        INFO(linkId << " = " << value.dump());
        const auto issue = issueWith(linkId, value);
        CHECK(issue.code == IssueCode::WrongType);
        CHECK(issue.linkId == linkId);
        CHECK_THAT(issue.message, Catch::Contains(linkId));
    }
}

TEST_CASE("Validator: unknown_code", "[QuestionnaireValidator]")
{
    const std::vector<std::pair<std::string, json>> cases{
        {"work.shift", "evening"}, {"sleep.snore", "NA"}, // excluded from the contained value set
        {"about.children", 4},     {"about.lucky_number", 8}, {"about.contact", "pigeon"},
    };
    for (const auto& [linkId, value] : cases) {
        INFO(linkId << " = " << value.dump());
        const auto issue = issueWith(linkId, value);
        CHECK(issue.code == IssueCode::UnknownCode);
        CHECK(issue.linkId == linkId);
        CHECK_THAT(issue.message, Catch::Contains("not one of its options"));
        CHECK_THAT(issue.message, !Catch::Contains(value.dump()));
    }
    // open-choice takes free text, and an external value set any code.
    CHECK(sleepAndWork().validate(validAnswers()).valid());
}

TEST_CASE("Validator: out_of_range", "[QuestionnaireValidator]")
{
    const std::vector<std::pair<std::string, json>> cases{
        {"work.hours", 0},
        {"work.hours", 81},
        {"sleep.hours", -0.5},
        {"sleep.hours", 24.25},
        {"about.birth_date", "1899-12-31"},
    };
    for (const auto& [linkId, value] : cases) {
        INFO(linkId << " = " << value.dump());
        const auto issue = issueWith(linkId, value);
        CHECK(issue.code == IssueCode::OutOfRange);
        CHECK(issue.linkId == linkId);
    }
    CHECK(sleepAndWork()
              .validate(json{{"work.employed", true}, {"work.shift", "day"}, {"work.hours", 80}})
              .valid());
}

TEST_CASE("Validator: too_long counts characters", "[QuestionnaireValidator]")
{
    const auto issue = issueWith("work.title", std::string(21, 'x'));
    CHECK(issue.code == IssueCode::TooLong);
    CHECK(issue.linkId == "work.title");
    CHECK_THAT(issue.message, Catch::Contains("20"));

    json answers = validAnswers();
    answers["work.title"] =
        "Krankenpfleger \xc3\xa4\xc3\xb6\xc3\xbc\xc3\x9f\xc3\xa9"; // 20 characters, 25 bytes
    CHECK(sleepAndWork().validate(answers).issues.empty());

    const auto freeText = issueWith("sleep.aids", {"melatonin", std::string(31, 'z')});
    CHECK(freeText.code == IssueCode::TooLong);
}

TEST_CASE("Validator: not_repeating", "[QuestionnaireValidator]")
{
    const auto issue = issueWith("sleep.snore", {"Y", "N"});
    CHECK(issue.code == IssueCode::NotRepeating);
    CHECK(issue.linkId == "sleep.snore");
}

TEST_CASE("Validator: missing_required makes answers incomplete, not invalid", "[QuestionnaireValidator]")
{
    json answers = validAnswers();
    answers.erase("work.hours");
    const auto issue = singleIssue(answers);
    CHECK(issue.code == IssueCode::MissingRequired);
    CHECK(issue.linkId == "work.hours");

    const auto result = sleepAndWork().validate(answers);
    CHECK(result.valid());
    CHECK_FALSE(result.complete());
    CHECK(result.errors().empty());
    CHECK(result.missingLinkIds() == std::vector<std::string>{"work.hours"});

    // Required items of a hidden group are not missing.
    const auto unemployed = sleepAndWork().validate(json{{"work.employed", false}});
    CHECK(unemployed.complete());

    // An empty list is no answer.
    CHECK(sleepAndWork().validate(json::object()).missingLinkIds() ==
          std::vector<std::string>{"work.employed"});
}

TEST_CASE("Validator: a required group needs one answer inside", "[QuestionnaireValidator]")
{
    const auto q = Questionnaire::fromJson(json::parse(R"({
        "resourceType": "Questionnaire",
        "item": [{"linkId": "g", "type": "group", "required": true, "item": [
            {"linkId": "a", "type": "string"}, {"linkId": "b", "type": "boolean", "repeats": true}]}]
    })"));
    CHECK(q.validate(json::object()).missingLinkIds() == std::vector<std::string>{"g"});
    CHECK(q.validate(json{{"b", json::array()}}).missingLinkIds() == std::vector<std::string>{"g"});
    CHECK(q.validate(json{{"b", {false}}}).complete());
}

TEST_CASE("Validator: errors and missing answers together", "[QuestionnaireValidator]")
{
    const json answers{{"work.employed", true}, {"work.hours", 100}, {"bogus", 1}};
    const auto result = sleepAndWork().validate(answers);
    CHECK_FALSE(result.valid());
    CHECK_FALSE(result.complete());
    const auto report = result.toJson();
    CHECK(report["valid"] == false);
    CHECK(report["complete"] == false);
    std::vector<std::string> codes;
    for (const auto& issue : report["issues"])
        codes.push_back(issue["code"]);
    CHECK(codes == std::vector<std::string>{"unknown_link_id", "out_of_range", "missing_required"});
    CHECK(report["issues"][2]["linkId"] == "work.shift");
}

TEST_CASE("Validator: issue codes have stable names", "[QuestionnaireValidator]")
{
    CHECK(toString(IssueCode::UnknownLinkId) == "unknown_link_id");
    CHECK(toString(IssueCode::WrongType) == "wrong_type");
    CHECK(toString(IssueCode::UnknownCode) == "unknown_code");
    CHECK(toString(IssueCode::OutOfRange) == "out_of_range");
    CHECK(toString(IssueCode::TooLong) == "too_long");
    CHECK(toString(IssueCode::NotRepeating) == "not_repeating");
    CHECK(toString(IssueCode::MissingRequired) == "missing_required");
}

TEST_CASE("Validation messages name the item and the rule, never the answer", "[QuestionnaireValidator]")
{
    // Messages reach stderr (and so terminals, logs, mail from
    // cron); a birth date or a phone number in them is patient data. Each
    // value below is wrong for its item of the intake questionnaire.
    const std::string phone = "+1 555 0100 4477 ext 9911 (evenings only, please)";
    const std::vector<std::pair<std::string, json>> wrong{
        {"about.birth_date", "1984-13-45"},    // not a date
        {"about.birth_date", "07/04/1984"},    // another form
        {"about.birth_date", 19840704},        // a number
        {"about.phone", phone},                // longer than maxLength 40
        {"about.phone", json::array({phone})}, // a list for a single answer
        {"about.name", 5551234567},            // a number for a text
        {"pain.duration", "555-0100-4477"},    // not one of the options
        {"peg.pain", 9876543},                 // above the maximum
        {"peg.pain", -9876543},                // below the minimum
    };
    for (const auto& [linkId, value] : wrong) {
        const auto result = intake().validate(json{{linkId, value}});
        const auto errors = result.errors();
        INFO(linkId << " = " << value.dump());
        REQUIRE(errors.size() == 1);
        const std::string& message = errors.front().message;
        INFO(message);
        CHECK(errors.front().linkId == linkId);
        CHECK_THAT(message, Catch::Contains("'" + linkId + "'"));
        const std::string text = value.is_array()    ? value[0].get<std::string>()
                                 : value.is_string() ? value.get<std::string>()
                                                     : value.dump();
        CHECK(message.find(text) == std::string::npos);
        CHECK(message.find("9876543") == std::string::npos);
        CHECK(message.find("1984") == std::string::npos);
        CHECK(message.find("555") == std::string::npos);
    }
}

TEST_CASE("Validator: too_short and no_match from the minLength and regex extensions (issue 19, point 11)",
          "[QuestionnaireValidator]")
{
    // display-features-section.json: "shown.code" has minLength 3, maxLength 6, regex [A-Z]+[0-9]*.
    const json section = readJson(testDataPath("display-features-section.json"));
    const auto form = Questionnaire::fromJson(
        json{{"resourceType", "Questionnaire"}, {"status", "draft"}, {"item", json::array({section})}});
    const auto issueOf = [&](const json& value) {
        const auto issues = form.validate(json{{"shown.code", value}}).errors();
        REQUIRE(issues.size() == 1);
        return issues.front();
    };
    const auto tooShort = issueOf("AB");
    CHECK(tooShort.code == IssueCode::TooShort);
    CHECK(tooShort.linkId == "shown.code");
    CHECK_THAT(tooShort.message, Catch::Contains("at least 3 characters"));
    const auto noMatch = issueOf("ab12");
    CHECK(noMatch.code == IssueCode::NoMatch);
    CHECK_THAT(noMatch.message, !Catch::Contains("ab12")); // never the answer
    // The whole answer must match, not a part of it.
    CHECK(issueOf("AB12x").code == IssueCode::NoMatch);
    CHECK(issueOf("ABCDEFG").code == IssueCode::TooLong);
    CHECK(form.validate(json{{"shown.code", "ABC12"}}).errors().empty());
    CHECK(toString(IssueCode::TooShort) == "too_short");
    CHECK(toString(IssueCode::NoMatch) == "no_match");
}
