// ContentRoles: the content ids the program relies on, declared under named
// roles in rules/interface.json, and the check that fails on each of them.
#include "core/clinic/ContentCheck.h"
#include "core/content/ContentRoles.h"

#include <catch2/catch.hpp>

#include "support/TempDir.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

namespace fs = std::filesystem;
using nlohmann::json;
using spinepath::ContentError;
using spinepath::ContentProblem;
using spinepath::ContentRoles;
using Role = ContentRoles::Role;
using Kind = ContentRoles::Kind;

namespace {

const std::string kContent = std::string(SPINEPATH_SOURCE_DIR) + "/content";

json readJson(const std::string& path)
{
    std::ifstream stream(path);
    return json::parse(stream);
}

const json& interface()
{
    static const json loaded = readJson(kContent + "/" + ContentRoles::kFile);
    return loaded;
}

// A copy of the content folder; `change` edits it before the check.
class ContentCopy final
{
public:
    ContentCopy() { fs::copy(kContent, m_folder.path("content"), fs::copy_options::recursive); }

    [[nodiscard]] std::string path(const std::string& name = {}) const
    {
        return m_folder.path("content") + (name.empty() ? "" : "/" + name);
    }
    void editJson(const std::string& name, const std::function<void(json&)>& change) const
    {
        json document = readJson(path(name));
        change(document);
        m_folder.write("content/" + name, document.dump(2));
    }
    void editText(const std::string& name, const std::string& from, const std::string& to) const
    {
        std::string text = spinepath::test::readAll(path(name));
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        m_folder.write("content/" + name, text);
    }

private:
    spinepath::test::TempDir m_folder;
};

// Renames every item whose linkId is `from` (the questionnaire's own references are left to break).
void renameLinkId(json& items, const std::string& from, const std::string& to)
{
    if (!items.is_array())
        return;
    for (json& item : items) {
        if (item.value("linkId", "") == from)
            item["linkId"] = to;
        if (item.contains("item"))
            renameLinkId(item["item"], from, to);
    }
}

// Renames `id` where content declares it, as an author might.
void renameAtSource(const ContentCopy& copy, const ContentRoles::RoleInfo& info, const std::string& id)
{
    const std::string renamed = id + "_renamed";
    switch (info.kind) {
    case Kind::Question:
    case Kind::Section:
        copy.editJson("questionnaire/spinepath-intake.json",
                      [&](json& questionnaire) { renameLinkId(questionnaire["item"], id, renamed); });
        break;
    case Kind::DerivedConcept:
        copy.editJson("rules/spinepath-core.json", [&](json& rules) {
            for (json& derived : rules["derived"])
                if (derived["id"] == id)
                    derived["id"] = renamed;
        });
        break;
    case Kind::Article:
        copy.editText("articles/" + id + ".md", "\nid: " + id + "\n", "\nid: " + id + "-renamed\n");
        break;
    }
}

std::string describe(const std::vector<ContentProblem>& problems)
{
    std::string text;
    for (const ContentProblem& problem : problems)
        text += problem.describe() + "\n";
    return text;
}

// The problem of the role: in interface.json, at its pointer, naming role and id.
bool namesRole(const std::vector<ContentProblem>& problems, const ContentRoles::RoleInfo& info,
               const std::string& id, const std::string& cause)
{
    for (const ContentProblem& problem : problems)
        if (problem.file.ends_with(ContentRoles::kFile) &&
            problem.pointer == "/roles/" + std::string(info.name) &&
            problem.message.find("\"" + std::string(info.name) + "\"") != std::string::npos &&
            (id.empty() || problem.message.find("\"" + id + "\"") != std::string::npos) &&
            problem.message.find(cause) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("The roles are read from interface.json, one entry per role", "[content][roles]")
{
    const ContentRoles roles = ContentRoles::load(kContent);
    CHECK(roles.file() == kContent + "/" + ContentRoles::kFile);
    for (std::size_t i = 0; i < ContentRoles::all().size(); ++i) {
        const ContentRoles::RoleInfo& info = ContentRoles::all()[i];
        INFO(info.name);
        CHECK(static_cast<std::size_t>(info.role) == i); // all() is in Role order
        CHECK(&ContentRoles::info(info.role) == &info);
        CHECK_FALSE(info.what.empty());
        const json& declared = interface().at("roles").at(std::string(info.name));
        if (info.list)
            CHECK(roles.ids(info.role) == declared.get<std::vector<std::string>>());
        else
            CHECK(roles.ids(info.role) == std::vector<std::string>{declared.get<std::string>()});
    }
    CHECK(roles.id(Role::IdentityName) == interface()["roles"]["identity.name"]);
    CHECK(roles.ids(Role::PegItems).size() == interface()["roles"]["peg.items"].size());
}

TEST_CASE("Missing or malformed roles are refused, each named", "[content][roles]")
{
    json broken = interface();
    broken["roles"].erase("identity.name");
    broken["roles"]["peg.items"] = "peg.pain";                       // a list role given one id
    broken["roles"]["article.glossary"] = json::array({"glossary"}); // a single role given a list
    broken["roles"]["peg.score"] = "";
    const auto problems = ContentRoles::check(broken, "interface.json");
    INFO(describe(problems));
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].pointer == "/roles/identity.name");
    CHECK(problems[0].message.find("is missing") != std::string::npos);
    CHECK(problems[0].message.find("the patient's name") != std::string::npos);
    CHECK(problems[1].pointer == "/roles/peg.items");
    CHECK(problems[1].message.find("array") != std::string::npos);
    CHECK(problems[2].pointer == "/roles/peg.score");
    CHECK(problems[3].pointer == "/roles/article.glossary");
    CHECK_THROWS_AS(ContentRoles::fromJson(broken, "interface.json"), ContentError);

    json none = interface();
    none.erase("roles");
    const auto missing = ContentRoles::check(none, "interface.json");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].pointer == "/roles");
    CHECK(ContentRoles::check(interface(), "interface.json").empty());
}

TEST_CASE("check-content passes the real content with every role in place", "[content][roles]")
{
    const auto report = spinepath::checkContent(kContent);
    INFO(describe(report.problems));
    CHECK(report.problems.empty());
}

TEST_CASE("check-content fails naming role, file and id when any id the program relies on is renamed",
          "[content][roles]")
{
    const ContentRoles roles = ContentRoles::load(kContent);
    for (const ContentRoles::RoleInfo& info : ContentRoles::all()) {
        for (const std::string& id : roles.ids(info.role)) {
            INFO("role " << info.name << ", id " << id);
            const ContentCopy copy;
            renameAtSource(copy, info, id);
            const auto report = spinepath::checkContent(copy.path());
            INFO(describe(report.problems));
            CHECK(namesRole(report.problems, info, id, "which is no"));
        }
    }
}

TEST_CASE("check-content fails naming the role when it is left out of interface.json", "[content][roles]")
{
    for (const ContentRoles::RoleInfo& info : ContentRoles::all()) {
        INFO("role " << info.name);
        const ContentCopy copy;
        copy.editJson(ContentRoles::kFile, [&](json& doc) { doc["roles"].erase(std::string(info.name)); });
        const auto report = spinepath::checkContent(copy.path());
        INFO(describe(report.problems));
        CHECK(namesRole(report.problems, info, "", "is missing"));
    }
}

TEST_CASE("A role naming a question of the wrong type is refused with the types it needs", "[content][roles]")
{
    const ContentCopy copy;
    const std::string name = interface()["roles"]["identity.name"];
    copy.editJson(ContentRoles::kFile, [&](json& doc) { doc["roles"]["identity.birthDate"] = name; });
    const auto report = spinepath::checkContent(copy.path());
    INFO(describe(report.problems));
    CHECK(namesRole(report.problems, ContentRoles::info(Role::IdentityBirthDate), name,
                    "must be of type date"));
}

TEST_CASE("check-content fails when a pathway of the rules has no name in labels.json", "[content][roles]")
{
    const ContentCopy copy;
    const std::string pathway = readJson(kContent + "/rules/spinepath-core.json")["pathways"][0];
    copy.editJson("report/labels.json", [&](json& labels) {
        labels["pathways"].erase(pathway);
        labels["scores"].erase(pathway);
    });
    const auto report = spinepath::checkContent(copy.path());
    const std::string said = describe(report.problems);
    INFO(said);
    CHECK(said.find("report/labels.json at /pathways: has no name for the pathway \"" + pathway + "\"") !=
          std::string::npos);
    CHECK(said.find("report/labels.json at /scores: has no name for the score of the pathway \"" + pathway +
                    "\"") != std::string::npos);
}

TEST_CASE("check-content fails when the interface's pathways are not the rules'", "[content][roles]")
{
    const ContentCopy copy;
    copy.editJson("rules/spinepath-core.json", [&](json& rules) {
        const std::string dropped = rules["pathways"].back();
        rules["pathways"].erase(rules["pathways"].size() - 1);
        for (json& factor : rules["factors"])
            if (factor["pathway"] == dropped)
                factor["pathway"] = "none", factor["weight"] = 0;
    });
    const auto report = spinepath::checkContent(copy.path());
    const std::string said = describe(report.problems);
    INFO(said);
    CHECK(said.find("the pathways id \"" + interface()["pathways"].back().get<std::string>() +
                    "\" of the interface") != std::string::npos);
}
