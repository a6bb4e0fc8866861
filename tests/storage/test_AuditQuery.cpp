// The audit viewer's queries: filters, keyset paging, counts and file exports.
#include "StorageTestSupport.h"

#include "core/storage/AuditLog.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace storagetest;
using storage::AuditFilter;
using storage::AuditLog;

namespace {

const std::string kFirst = "11111111-0000-4000-8000-000000000001";
const std::string kSecond = "22222222-0000-4000-8000-000000000002";

// Entries one minute apart from 2026-03-01T08:00Z, so date ranges are exact.
void seed(const storage::Database& database)
{
    AuditLog audit(database);
    REQUIRE(audit.append("staff", storage::audit::kSignedIn));
    REQUIRE(audit.append("staff", storage::audit::kViewed, kFirst));
    REQUIRE(audit.append("staff", storage::audit::kPrinted, kFirst, "physician summary"));
    REQUIRE(audit.append("staff", storage::audit::kSignInFailed, {}, "1 in a row"));
    REQUIRE(audit.append("staff", storage::audit::kViewed, kSecond));
    REQUIRE(audit.append("kiosk", storage::audit::kCreated, kSecond, "kiosk"));
    // One minute apart from 08:00, written as the storage writes times (on both engines).
    const QDateTime start = QDateTime::fromString(QStringLiteral("2026-03-01T08:00:00Z"), Qt::ISODate);
    QSqlQuery ids = sql(database, QStringLiteral("SELECT id FROM audit_log ORDER BY id"));
    std::vector<qint64> all;
    while (ids.next())
        all.push_back(ids.value(0).toLongLong());
    for (std::size_t i = 0; i < all.size(); ++i)
        sql(database, QStringLiteral("UPDATE audit_log SET at = '%1' WHERE id = %2")
                          .arg(start.addSecs(60 * static_cast<qint64>(i))
                                   .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")),
                               QString::number(all[i])));
}

QDateTime utc(const char* text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
}

std::vector<std::string> actionsOf(const std::vector<storage::AuditEntry>& entries)
{
    std::vector<std::string> actions;
    for (const auto& entry : entries)
        actions.push_back(entry.action);
    return actions;
}

QStringList fileLines(const QString& path)
{
    QStringList lines = QString::fromUtf8(fileBytes(path)).split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

TEST_CASE("Audit entries filter by action, time, assessment and actor", "[audit]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    seed(*database);
    AuditLog audit(*database);

    AuditFilter filter;
    CHECK(*audit.count(filter) == 6);
    filter.action = storage::audit::kViewed;
    CHECK(actionsOf(*audit.query(filter, 50)) ==
          std::vector<std::string>{"assessment.viewed", "assessment.viewed"});
    CHECK(audit.query(filter, 50)->at(0).assessmentId == kSecond); // newest first
    CHECK(*audit.count(filter) == 2);

    filter = {};
    filter.assessmentId = "1111"; // the short id staff see
    CHECK(actionsOf(*audit.query(filter, 50)) ==
          std::vector<std::string>{"assessment.printed", "assessment.viewed"});
    filter.assessmentId = "%"; // typed, not a wildcard
    CHECK(audit.query(filter, 50)->empty());

    filter = {};
    filter.from = utc("2026-03-01T08:02:00Z");  // inclusive
    filter.until = utc("2026-03-01T08:04:00Z"); // exclusive
    CHECK(actionsOf(*audit.query(filter, 50)) ==
          std::vector<std::string>{"staff.sign_in_failed", "assessment.printed"});

    filter = {};
    filter.actor = "kiosk";
    CHECK(*audit.count(filter) == 1);
    filter.action = storage::audit::kSignedIn;
    CHECK(*audit.count(filter) == 0);
}

TEST_CASE("Audit pages continue after the last id, with nothing skipped or repeated", "[audit]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    AuditLog audit(*database);
    {
        // 2,500 entries in one transaction (one commit each would take minutes).
        sql(*database, QStringLiteral("BEGIN"));
        for (int i = 0; i < 2500; ++i)
            REQUIRE(audit.append("staff", i % 5 == 0 ? storage::audit::kPrinted : storage::audit::kViewed, {},
                                 std::to_string(i)));
        sql(*database, QStringLiteral("COMMIT"));
    }
    AuditFilter filter;
    filter.action = storage::audit::kPrinted;
    std::vector<std::string> seen;
    qint64 before = 0;
    for (;;) {
        auto page = audit.query(filter, 120, before);
        REQUIRE(page);
        if (page->empty())
            break;
        for (const auto& entry : *page)
            seen.push_back(entry.detail);
        before = page->back().id;
    }
    REQUIRE(seen.size() == 500);
    CHECK(seen.front() == "2495");
    CHECK(seen.back() == "0");
    CHECK(std::adjacent_find(seen.begin(), seen.end(), [](const auto& a, const auto& b) {
              return std::stoi(a) <= std::stoi(b);
          }) == seen.end());
}

TEST_CASE("An audit export is a private file, whole, and is itself audited", "[audit]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    seed(*database);
    AuditLog audit(*database);
    REQUIRE(audit.append("staff", storage::audit::kSettingChanged, {}, "=HYPERLINK(\"x\"), \"quoted\""));

    const QString jsonl = folder.file(QStringLiteral("audit.jsonl"));
    auto written = audit.exportToFile({}, storage::AuditExportFormat::JsonLines, jsonl, "staff:lee");
    REQUIRE(written);
    CHECK(*written == 7);
    CHECK(permissionBits(jsonl) == 0600);
    const QStringList lines = fileLines(jsonl);
    REQUIRE(lines.size() == 7);
    CHECK(json::parse(lines.first().toStdString())["action"] == "staff.signed_in"); // oldest first
    CHECK(json::parse(lines.last().toStdString())["detail"] == "=HYPERLINK(\"x\"), \"quoted\"");

    auto newest = audit.list(1);
    REQUIRE(newest);
    CHECK(newest->at(0).action == storage::audit::kAuditExported);
    CHECK(newest->at(0).actor == "staff:lee");
    CHECK(newest->at(0).detail == "jsonl, 7 entries");

    // A filtered CSV over an existing, world-readable file: replaced, and private.
    const QString csv = folder.file(QStringLiteral("audit.csv"));
    writeBytes(csv, "old");
    REQUIRE(::chmod(QFile::encodeName(csv).constData(), 0644) == 0);
    AuditFilter filter;
    filter.action = storage::audit::kSettingChanged;
    written = audit.exportToFile(filter, storage::AuditExportFormat::Csv, csv, "staff:lee");
    REQUIRE(written);
    CHECK(*written == 1);
    CHECK(permissionBits(csv) == 0600);
    const QStringList rows = fileLines(csv);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == QStringLiteral("id,at,actor,action,assessment_id,detail\r"));
    // Quoted, and a formula is shown rather than run.
    CHECK(rows[1].endsWith(
        QStringLiteral(",staff,setting.changed,,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\"\r")));
    CHECK(audit.list(1)->at(0).detail == "csv, 1 entry, filtered");
}

TEST_CASE("An audit export that cannot be written leaves no file and no record", "[audit]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    seed(*database);
    AuditLog audit(*database);
    const QString path = folder.file(QStringLiteral("missing-folder/audit.jsonl"));
    auto written = audit.exportToFile({}, storage::AuditExportFormat::JsonLines, path, "staff");
    REQUIRE_FALSE(written);
    CHECK_THAT(written.error().message, Catch::Contains("audit.jsonl"));
    CHECK_FALSE(QFile::exists(path));
    CHECK(*audit.count({}) == 6);
}

// Run by hand: test_AuditQuery "[.bench]". The viewer's queries on a trail of
// 150,000 entries; printed, not asserted, since timings depend on the machine.
TEST_CASE("Audit viewer queries on 150,000 entries", "[.bench]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    AuditLog audit(*database);
    sql(*database, QStringLiteral("BEGIN"));
    for (int i = 0; i < 150000; ++i)
        REQUIRE(audit.append("staff", i % 7 == 0 ? storage::audit::kPrinted : storage::audit::kViewed,
                             i % 3 == 0 ? kFirst : kSecond));
    REQUIRE(audit.append("staff", storage::audit::kSignInFailed, {}, "1 in a row"));
    sql(*database, QStringLiteral("COMMIT"));

    const auto time = [&](const char* what, const auto& run) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 10; ++i)
            run();
        WARN(what << ": " << static_cast<double>(timer.nsecsElapsed()) / 10e6 << " ms");
    };
    AuditFilter none;
    AuditFilter rare;
    rare.action = storage::audit::kSignInFailed;
    AuditFilter byId;
    byId.assessmentId = "1111";
    AuditFilter wideRange;
    wideRange.from = QDateTime::currentDateTimeUtc().addDays(-1);
    time("first page, no filter", [&] { REQUIRE(audit.query(none, 200)->size() == 200); });
    time("page 500 by keyset", [&] { REQUIRE(audit.query(none, 200, 50000)->size() == 200); });
    time("first page, a rare action", [&] { REQUIRE(audit.query(rare, 200)->size() == 1); });
    time("first page, an assessment id prefix", [&] { REQUIRE(audit.query(byId, 200)->size() == 200); });
    time("first page, a date range holding everything",
         [&] { REQUIRE(audit.query(wideRange, 200)->size() == 200); });
    time("count, no filter", [&] { REQUIRE(*audit.count(none) == 150001); });
    time("count, a rare action", [&] { REQUIRE(*audit.count(rare) == 1); });
}
