// AssessmentRetention: deleting one assessment and purging those past the
// clinic's retention period remove them everywhere, the name index and the
// WAL included. Synthetic data only.
#include "StorageTestSupport.h"

#include "core/storage/AuditLog.h"
#include "core/storage/Settings.h"

#include <QFileInfo>

using namespace storagetest;
using storage::ErrorKind;
using storage::Status;

TEST_CASE("Deleting removes an assessment everywhere, including the name index and the WAL",
          "[retention][sqlite]")
{
    TempFolder folder;
    const QString path = folder.database();
    auto database = openOrFail(path);
    AssessmentStore store(*database, "staff:rivera");
    auto kept = store.lifecycle.storeCompleted(std::vector{completed("Keeper Otherperson")});
    auto doomed = store.lifecycle.storeCompleted(std::vector{completed("Wilhelmina Zanzibar")});
    REQUIRE(kept);
    REQUIRE(doomed);
    const std::string id = doomed->front();
    REQUIRE(store.lifecycle.recordShownArticles(id, std::vector<storage::ShownArticle>{{"a", "1", "h"}}));
    CHECK(store.queries.list(byName("zanzi"))->rows.size() == 1);

    REQUIRE(store.retention.remove(id));

    CHECK(store.queries.get(id).error().kind == ErrorKind::NotFound);
    CHECK(store.queries.list(byName("zanzi"))->rows.empty());
    CHECK(*store.queries.count() == 1);
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM patients")).toInt() == 1);
    CHECK(scalar(*database,
                 QStringLiteral("SELECT count(*) FROM patients_fts WHERE patients_fts MATCH 'wilhelmina'"))
              .toInt() == 0);
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM assessment_flags WHERE assessment_id = '") +
                                QString::fromStdString(id) + u'\'')
              .toInt() == 0);
    CHECK(scalar(*database, QStringLiteral("SELECT count(*) FROM assessment_articles")).toInt() == 0);
    // Not a byte of the name is left in the file or the WAL.
    CHECK_FALSE(fileHolds(path, "Wilhelmina"));
    CHECK_FALSE(fileHolds(path + QStringLiteral("-wal"), "Wilhelmina"));
    CHECK_FALSE(fileHolds(path, "Zanzibar"));
    CHECK(QFileInfo(path + QStringLiteral("-wal")).size() == 0); // checkpointed and truncated
    // The kept assessment is untouched.
    CHECK(store.queries.list(byName("keeper"))->rows.size() == 1);

    auto entries = storage::AuditLog(*database).list(10, 0, id);
    REQUIRE(entries);
    REQUIRE_FALSE(entries->empty());
    CHECK(entries->front().action == storage::audit::kDeleted);
    CHECK(entries->front().actor == "staff:rivera");
    CHECK(store.retention.remove(id).error().kind == ErrorKind::NotFound);
}

TEST_CASE("Purging deletes finished assessments older than the retention period", "[retention]")
{
    TempFolder folder;
    const QString path = folder.database();
    auto database = openOrFail(path);
    AssessmentStore store(*database, "test");
    REQUIRE(store.lifecycle.storeCompleted(
        std::vector{completed("Old Timer", day(400)), completed("Recent Visitor", day(5))}));
    auto unfinished = store.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), day(500)});
    REQUIRE(unfinished);

    storage::Settings settings(*database, "test");
    CHECK(*store.retention.purgeExpired() == 0); // no retention set: keep everything
    REQUIRE(settings.setInteger(storage::Settings::kRetentionDays, 365));
    auto purged = store.retention.purgeExpired();
    REQUIRE(purged);
    CHECK(*purged == 1);
    CHECK(store.queries.list(byName("timer"))->rows.empty());
    CHECK(store.queries.list(byName("recent"))->rows.size() == 1);
    CHECK(store.queries.get(*unfinished)); // never purged: it may still be resumed
    CHECK_FALSE(fileHolds(path, "Old Timer"));
    CHECK(*store.retention.purgeOlderThan(1) == 1);
    CHECK(store.retention.purgeOlderThan(-1).error().kind == ErrorKind::InvalidArgument);
}
