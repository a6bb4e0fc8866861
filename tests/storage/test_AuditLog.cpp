#include "StorageTestSupport.h"

#include "core/storage/AuditLog.h"
#include "core/storage/Settings.h"

#include <sstream>

using namespace storagetest;
using storage::AuditLog;

TEST_CASE("The audit log lists who did what, newest first, and exports as JSON Lines", "[audit]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    AuditLog audit(*database);
    REQUIRE(audit.append("staff:okafor", storage::audit::kExported, {}, "csv, 3 assessments"));
    REQUIRE(audit.append("kiosk", storage::audit::kCreated, "00000000-0000-4000-8000-000000000007"));
    REQUIRE(audit.append("kiosk", storage::audit::kAbandoned, "00000000-0000-4000-8000-000000000007"));

    auto all = audit.list();
    REQUIRE(all);
    REQUIRE(all->size() == 3);
    CHECK(all->at(0).action == storage::audit::kAbandoned);
    CHECK(all->at(2).actor == "staff:okafor");
    CHECK(all->at(2).detail == "csv, 3 assessments");
    CHECK(all->at(2).assessmentId.empty());
    CHECK(all->at(0).at.isValid());
    CHECK(audit.list(1, 1)->at(0).action == storage::audit::kCreated);
    CHECK(audit.list(10, 0, "00000000-0000-4000-8000-000000000007")->size() == 2);

    std::string out;
    auto exported = audit.exportJsonLines(out);
    REQUIRE(exported);
    CHECK(*exported == 3);
    std::istringstream lines(out);
    std::string line;
    std::getline(lines, line);
    const json first = json::parse(line);
    CHECK(first["action"] == "database.exported");
    CHECK(first["assessment_id"].is_null());
}

TEST_CASE("The audit log never holds an answer, a name or a result", "[audit]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    AssessmentStore store(*database, "kiosk");
    const json answers = completeAnswers("Cornelius Vantablack");

    // Every kind of write the store makes.
    auto created = store.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(created);
    REQUIRE(store.lifecycle.saveAnswers(*created, storedFor(answers, "in-progress")));
    REQUIRE(store.lifecycle.complete(*created, storedFor(answers), content().scorer().score(answers)));
    REQUIRE(store.lifecycle.markReviewed(*created));
    REQUIRE(store.lifecycle.storeCompleted(std::vector{completed("Cornelius Vantablack")}));
    auto other = store.lifecycle.create({spinepath::AssessmentMode::Home, contentVersions(), {}});
    REQUIRE(other);
    REQUIRE(store.lifecycle.abandon(*other));
    REQUIRE(storage::Settings(*database, "staff").setText("clinic.name", "Synthetic Spine Clinic"));
    REQUIRE(store.retention.remove(*created));
    REQUIRE(store.retention.purgeOlderThan(0));

    std::string trail;
    REQUIRE(AuditLog(*database).exportJsonLines(trail));
    REQUIRE_FALSE(trail.empty());
    // No answer value, linkId, code or result may appear in the trail.
    std::vector<std::string> forbidden{"Vantablack",   "Cornelius", "Synthetic Spine Clinic",
                                       "regenerative", "linkId",    "redflag",
                                       "pain.",        "peg"};
    for (const auto& [linkId, value] : answers.items()) {
        forbidden.push_back(linkId);
        if (value.is_string())
            forbidden.push_back(value.get<std::string>());
    }
    for (const std::string& word : forbidden) {
        CAPTURE(word);
        CHECK(trail.find(word) == std::string::npos);
    }
    CHECK(trail.find(storage::audit::kCompleted) != std::string::npos);
    CHECK(trail.find(storage::audit::kDeleted) != std::string::npos);
    CHECK(trail.find(storage::audit::kPurged) != std::string::npos);
    CHECK(trail.find(storage::audit::kSettingChanged) != std::string::npos);
}
