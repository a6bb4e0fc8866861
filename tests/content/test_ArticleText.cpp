// The patient articles of content/articles against the checkable rules of
// clinical spec v2 section 6, read from tests/data/articles: reading grade,
// no repair claim stated as fact, the statements each article must (and must
// not) make, warning signs that match the flags of content/rules at their
// severity, and section links of the rules that resolve to real headings.
#include "core/content/ArticleLibrary.h"
#include "core/content/ReadingLevel.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using nlohmann::json;
using spinepath::Article;
using spinepath::ArticleLibrary;
using spinepath::ReadingLevel;
namespace fs = std::filesystem;

namespace {

const std::string kContent = std::string(SPINEPATH_SOURCE_DIR) + "/content";

json readJson(const std::string& path)
{
    std::ifstream stream(path);
    if (!stream)
        throw std::runtime_error("cannot read " + path);
    return json::parse(stream);
}

const json& section6()
{
    static const json rules = readJson(std::string(SPINEPATH_TEST_DATA_DIR) + "/articles/section6.json");
    return rules;
}

const json& warningFlags()
{
    static const json flags =
        readJson(std::string(SPINEPATH_TEST_DATA_DIR) + "/articles/warning-signs-flags.json");
    return flags;
}

const ArticleLibrary& library()
{
    static const ArticleLibrary loaded = ArticleLibrary::load(kContent);
    return loaded;
}

const Article& article(const std::string& id)
{
    const Article* found = library().find(id);
    if (!found)
        throw std::runtime_error("content/articles has no article \"" + id + "\"");
    return *found;
}

// Lower case, Markdown emphasis removed, runs of white space as one space: the
// form phrases are matched in, so line breaks and bold text do not matter.
std::string normalized(const std::string& markdown)
{
    std::string text;
    bool space = false;
    for (const char c : markdown) {
        if (c == '*' || c == '_' || c == '`')
            continue;
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !text.empty();
            continue;
        }
        if (space)
            text += ' ';
        space = false;
        text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

bool isWordCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// The phrase as whole words: "score" is not found in "scores", "thin" not in "within".
bool containsPhrase(const std::string& normalizedText, const std::string& phrase)
{
    const std::string wanted = normalized(phrase);
    for (std::size_t at = normalizedText.find(wanted); at != std::string::npos;
         at = normalizedText.find(wanted, at + 1)) {
        const std::size_t end = at + wanted.size();
        const bool startsWord =
            at == 0 || !isWordCharacter(normalizedText[at - 1]) || !isWordCharacter(wanted.front());
        const bool endsWord = end == normalizedText.size() || !isWordCharacter(normalizedText[end]) ||
                              !isWordCharacter(wanted.back());
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

// The Markdown of each "## " section, by heading; the text before the first heading is under "".
std::map<std::string, std::string> sections(const std::string& body)
{
    std::map<std::string, std::string> found;
    std::string heading;
    std::istringstream lines(body);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("## ", 0) == 0) {
            heading = line.substr(3);
            found[heading];
            continue;
        }
        found[heading] += line + '\n';
    }
    return found;
}

std::string sectionText(const Article& source, const std::string& heading)
{
    const auto all = sections(source.body);
    const auto found = all.find(heading);
    if (found == all.end())
        throw std::runtime_error(source.file + " has no section \"## " + heading + "\"");
    return found->second;
}

// Sentences as the reading check sees them: plain text, cut after . ? or !
std::vector<std::string> sentences(const std::string& markdown)
{
    std::vector<std::string> found;
    std::istringstream lines(ReadingLevel::plainText(markdown));
    for (std::string line; std::getline(lines, line);) {
        std::string sentence;
        for (std::size_t i = 0; i < line.size(); ++i) {
            sentence += line[i];
            const bool end = line[i] == '.' || line[i] == '?' || line[i] == '!';
            if (end && (i + 1 == line.size() || line[i + 1] == ' ')) {
                found.push_back(sentence);
                sentence.clear();
                ++i; // the space
            }
        }
        if (!sentence.empty())
            found.push_back(sentence);
    }
    return found;
}

std::regex caseless(const std::string& pattern)
{
    return std::regex(pattern, std::regex::ECMAScript | std::regex::icase);
}

// Spec 6.2: a sentence about a treatment that uses a repair word must state it as an aim.
class RepairClaimCheck final
{
public:
    explicit RepairClaimCheck(const json& rule)
        : m_subject(caseless(rule.at("subject").get<std::string>()))
        , m_claim(caseless(rule.at("claim").get<std::string>()))
        , m_qualifier(caseless(rule.at("qualifier").get<std::string>()))
    {}

    [[nodiscard]] bool isClaim(const std::string& sentence) const
    {
        return std::regex_search(sentence, m_subject) && std::regex_search(sentence, m_claim) &&
               !std::regex_search(sentence, m_qualifier);
    }

private:
    std::regex m_subject;
    std::regex m_claim;
    std::regex m_qualifier;
};

std::vector<const Article*> articlesOf(const json& rule)
{
    const std::string id = rule.at("article").get<std::string>();
    std::vector<const Article*> selected;
    if (id != "*") {
        selected.push_back(&article(id));
        return selected;
    }
    for (const auto& [unused, each] : library().articles())
        selected.push_back(&each);
    return selected;
}

// Every string inside an "articles" array anywhere in a rules document.
void collectArticleLinks(const json& node, std::vector<std::string>& links)
{
    if (node.is_object()) {
        for (const auto& [key, value] : node.items()) {
            if (key == "articles" && value.is_array()) {
                for (const json& link : value)
                    if (link.is_string())
                        links.push_back(link.get<std::string>());
            } else {
                collectArticleLinks(value, links);
            }
        }
    } else if (node.is_array()) {
        for (const json& item : node)
            collectArticleLinks(item, links);
    }
}

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

TEST_CASE("The articles load without problems", "[articles]")
{
    for (const auto& problem : library().problems())
        FAIL_CHECK(problem.describe());
    CHECK(library().articles().size() >= 10);
}

TEST_CASE("Every article reads at grade 8 or below, and the median at grade 6 or below", "[articles][grade]")
{
    std::vector<double> grades;
    for (const auto& [id, each] : library().articles()) {
        std::string error;
        const auto grade = ReadingLevel::fleschKincaid(ReadingLevel::plainText(each.body), error);
        INFO(each.file << ": " << error);
        REQUIRE(grade.has_value());
        INFO(each.file << " reads at grade " << *grade);
        CHECK(*grade <= ReadingLevel::kMaximumGrade);
        grades.push_back(*grade);
    }
    REQUIRE_FALSE(grades.empty());
    std::sort(grades.begin(), grades.end());
    const std::size_t middle = grades.size() / 2;
    const double median =
        grades.size() % 2 == 1 ? grades[middle] : (grades[middle - 1] + grades[middle]) / 2.0;
    INFO("median grade " << median);
    CHECK(median <= 6.0);
}

TEST_CASE("The repair-claim check finds a stated repair and lets an aim pass", "[articles][section6]")
{
    const json& rule = section6().at("repairClaims");
    const RepairClaimCheck check(rule);
    for (const json& sentence : rule.at("mustFlag")) {
        INFO(sentence.get<std::string>());
        CHECK(check.isClaim(sentence.get<std::string>()));
    }
    for (const json& sentence : rule.at("mustPass")) {
        INFO(sentence.get<std::string>());
        CHECK_FALSE(check.isClaim(sentence.get<std::string>()));
    }
}

TEST_CASE("No article states that a treatment repairs, heals, regenerates or seals as a fact",
          "[articles][section6]")
{
    const RepairClaimCheck check(section6().at("repairClaims"));
    for (const auto& [id, each] : library().articles()) {
        std::vector<std::string> texts = sentences(each.body);
        texts.push_back(each.title);
        texts.push_back(each.summary);
        for (const std::string& sentence : texts) {
            INFO(each.file << ": \"" << sentence << "\"");
            CHECK_FALSE(check.isClaim(sentence));
        }
    }
}

TEST_CASE("Articles make the statements of clinical spec section 6 and avoid the ones it forbids",
          "[articles][section6]")
{
    for (const json& rule : section6().at("rules")) {
        const std::string why = rule.at("why").get<std::string>();
        for (const Article* each : articlesOf(rule)) {
            const std::string markdown = rule.contains("section")
                                             ? sectionText(*each, rule.at("section").get<std::string>())
                                             : each->body;
            if (rule.contains("ifMentions") &&
                !std::regex_search(markdown, caseless(rule.at("ifMentions").get<std::string>())))
                continue;
            const std::string text = normalized(markdown);
            for (const json& phrase : rule.value("mustContain", json::array())) {
                INFO(why << " | " << each->file << " must say \"" << phrase.get<std::string>() << "\"");
                CHECK(containsPhrase(text, phrase.get<std::string>()));
            }
            for (const json& phrase : rule.value("mustNotContain", json::array())) {
                INFO(why << " | " << each->file << " must not say \"" << phrase.get<std::string>() << "\"");
                CHECK_FALSE(containsPhrase(text, phrase.get<std::string>()));
            }
        }
    }
}

TEST_CASE("Warning signs list each flag under the heading of its severity", "[articles][warning-signs]")
{
    const Article& warnings = article("warning-signs");
    const json& headings = warningFlags().at("headings");
    const std::string emergency = normalized(sectionText(warnings, headings.at("emergency")));
    for (const json& flag : warningFlags().at("flags")) {
        const std::string id = flag.at("id").get<std::string>();
        const std::string severity = flag.at("severity").get<std::string>();
        REQUIRE(headings.contains(severity));
        const std::string heading = headings.at(severity).get<std::string>();
        const std::string text = normalized(sectionText(warnings, heading));
        for (const json& phrase : flag.at("phrases")) {
            INFO(id << " (" << severity << ") must be under \"## " << heading << "\": \""
                    << phrase.get<std::string>() << "\"");
            CHECK(containsPhrase(text, phrase.get<std::string>()));
        }
        for (const json& phrase : flag.value("notInEmergency", json::array())) {
            INFO(id << " is " << severity << ", so \"" << phrase.get<std::string>()
                    << "\" must not be under \"## " << headings.at("emergency").get<std::string>() << "\"");
            CHECK_FALSE(containsPhrase(emergency, phrase.get<std::string>()));
        }
    }
}

TEST_CASE("Every flag of the rules has a warning-signs entry with the same severity",
          "[articles][warning-signs]")
{
    std::map<std::string, std::string> listed;
    for (const json& flag : warningFlags().at("flags"))
        listed[flag.at("id").get<std::string>()] = flag.at("severity").get<std::string>();
    std::size_t flags = 0;
    for (const auto& entry : fs::directory_iterator(kContent + "/rules")) {
        if (entry.path().extension() != ".json")
            continue;
        const json rules = readJson(entry.path().string());
        if (!rules.contains("flags"))
            continue;
        // The ruleset defines flags as objects with a severity; interface.json lists their ids.
        for (const json& flag : rules.at("flags")) {
            ++flags;
            const std::string id =
                flag.is_object() ? flag.at("id").get<std::string>() : flag.get<std::string>();
            INFO(entry.path().filename().string()
                 << ": flag " << id << " needs an entry in tests/data/articles/warning-signs-flags.json"
                 << " and a line in warning-signs.md under the heading of its severity");
            REQUIRE(listed.count(id) == 1);
            if (flag.is_object())
                CHECK(listed.at(id) == flag.at("severity").get<std::string>());
        }
    }
    CHECK(flags > 0);
}

TEST_CASE("Every article section the rules link to is a heading of that article", "[articles][links]")
{
    std::vector<std::string> links;
    for (const auto& entry : fs::directory_iterator(kContent + "/rules"))
        if (entry.path().extension() == ".json")
            collectArticleLinks(readJson(entry.path().string()), links);
    REQUIRE_FALSE(links.empty());
    for (const std::string& link : links) {
        const std::size_t hash = link.find('#');
        const std::string id = link.substr(0, hash);
        INFO("content/rules links to \"" << link << "\"");
        const Article* target = library().find(id);
        REQUIRE(target != nullptr);
        if (hash == std::string::npos)
            continue;
        // The library scrolls to a heading compared without case.
        std::set<std::string> headings;
        for (const auto& [heading, unused] : sections(target->body))
            headings.insert(lowered(heading));
        CHECK(headings.count(lowered(link.substr(hash + 1))) == 1);
    }
}

TEST_CASE("Each article's minutes follow its length (words / 150, at least 1)", "[articles]")
{
    for (const auto& [id, each] : library().articles()) {
        std::istringstream words(each.body);
        const auto count = std::distance(std::istream_iterator<std::string>(words), {});
        const int expected = std::max(1, static_cast<int>(std::lround(static_cast<double>(count) / 150.0)));
        INFO(each.file << ": " << count << " words");
        CHECK(each.minutes == expected);
    }
}
