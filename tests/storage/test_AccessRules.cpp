// A clinic network's logins (security/AccessRules): a kiosk's login stores
// answers but reads no patient's, not even its own from an earlier session;
// staff read everything; three kiosks storing at once, one killed, lose or
// double nothing. Runs on the test program's own PostgreSQL cluster.
// Synthetic data only.
#include "ClinicServer.h"
#include "StorageTestSupport.h"
#include "support/ChildProcess.h"

#include "core/security/AccessRules.h"
#include "core/storage/DatabaseEvents.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <csignal>
#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace storagetest;
using spinepath::test::ChildProcess;
using spinepath::test::PostgresCluster;
using spinepath::test::runCli;

namespace {

std::vector<std::string> idsIn(const std::string& storeOutput)
{
    std::vector<std::string> ids;
    std::istringstream lines(storeOutput);
    std::string line;
    while (std::getline(lines, line))
        if (!line.empty()) {
            const json printed = json::parse(line, nullptr, false);
            if (printed.is_object() && printed.contains("id"))
                ids.push_back(printed["id"].get<std::string>());
        }
    return ids;
}

// Every text cell of every relation `connection` may SELECT from, in every
// schema the server has (its catalogue too: statistics views have leaked
// table contents before).
std::vector<std::string> everythingReadable(QSqlDatabase& connection, std::vector<std::string>& refused)
{
    QSqlQuery relations(connection);
    REQUIRE(relations.exec(QStringLiteral(
        "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') "
        "AND n.nspname NOT LIKE 'pg_toast%' AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1")));
    std::vector<QString> names;
    while (relations.next())
        names.push_back(relations.value(0).toString());
    std::vector<std::string> cells;
    for (const QString& name : names) {
        QSqlQuery rows(connection);
        if (!rows.exec(QStringLiteral("SELECT * FROM ") + name)) {
            refused.push_back(name.toStdString());
            continue;
        }
        while (rows.next())
            for (int column = 0; column < rows.record().count(); ++column)
                cells.push_back(rows.value(column).toString().toStdString());
    }
    return cells;
}

} // namespace

TEST_CASE("A kiosk's login stores answers but reads no patient's, not even its own later",
          "[postgresql][access]")
{
    ClinicServer server;
    // The owner makes the schema and stores a patient seen at the front desk.
    REQUIRE(runCli({"store", "--jsonl", "--db", server.ownerUri()},
                   completeAnswers("Ophelia Staffordshire").dump() + "\n")
                .exitCode == 0);
    server.addLogin("kiosk", "kiosk_waiting_room");
    server.addLogin("staff", "front_desk");

    // The kiosk stores a patient of its own through SpinePath.
    const auto stored = runCli({"store", "--jsonl", "--db", server.uriOf("kiosk_waiting_room")},
                               completeAnswers("Kiosky Underhill").dump() + "\n");
    INFO(stored.err);
    REQUIRE(stored.exitCode == 0);
    REQUIRE(idsIn(stored.out).size() == 1);
    {
        QSqlDatabase owner = server.connectAs("front_desk");
        QSqlQuery analyse(owner);
        analyse.exec(QStringLiteral("ANALYZE")); // fills pg_stats, a classic leak
    }

    // With only the kiosk's password: no name, phone, e-mail or answer of
    // any patient anywhere it can read.
    QSqlDatabase thief = server.connectAs("kiosk_waiting_room");
    std::vector<std::string> refused;
    const std::vector<std::string> cells = everythingReadable(thief, refused);
    CHECK(cells.size() > 50); // it did read: the articles, the catalogue
    for (const std::string& cell : cells)
        for (const char* secret :
             {"Ophelia", "Staffordshire", "Kiosky", "Underhill", "555-0142", "zq.synthetic", "1971-04-02"}) {
            INFO(cell.substr(0, 200));
            CHECK(cell.find(secret) == std::string::npos);
        }
    QSqlQuery audit(thief);
    CHECK_FALSE(audit.exec(QStringLiteral("SELECT count(*) FROM audit_log")));
    QSqlQuery counted(thief);
    REQUIRE(counted.exec(QStringLiteral("SELECT count(*) FROM assessments")));
    REQUIRE(counted.next());
    CHECK(counted.value(0).toInt() == 0);
    // It cannot choose the staff PIN of the clinic's computers either.
    QSqlQuery pin(thief);
    CHECK_FALSE(pin.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('staff.pin_hash', 'x') "
                                        "ON CONFLICT (key) DO UPDATE SET value = 'x'")));
    // Nor claim a session by its name: rows carry random ones.
    QSqlQuery guess(thief);
    REQUIRE(guess.exec(QStringLiteral("SET spinepath.kiosk_session = ''")));
    REQUIRE(counted.exec(QStringLiteral("SELECT count(*) FROM assessments")));
    REQUIRE(counted.next());
    CHECK(counted.value(0).toInt() == 0);

    // An export with the kiosk's login is refused, saying why; staff see all.
    const auto kioskExport =
        runCli({"db", "export", "--format", "jsonl", "--db", server.uriOf("kiosk_waiting_room")});
    CHECK(kioskExport.exitCode != 0);
    CHECK(kioskExport.out.empty());
    CHECK_THAT(kioskExport.err, Catch::Contains("kiosk"));
    const auto staffExport =
        runCli({"db", "export", "--format", "jsonl", "--db", server.uriOf("front_desk")});
    INFO(staffExport.err);
    CHECK(staffExport.exitCode == 0);
    CHECK_THAT(staffExport.out, Catch::Contains("Ophelia Staffordshire"));
    CHECK_THAT(staffExport.out, Catch::Contains("Kiosky Underhill"));
}

TEST_CASE("Within its own session a kiosk works as on one computer", "[postgresql][access]")
{
    ClinicServer server;
    // Not before the schema exists: there would be nothing to grant.
    REQUIRE(runCli({"db", "create-role", "kiosk", "k1", "--db", server.ownerUri()}, "x\n").exitCode != 0);
    auto owner = openOrFail(QString::fromStdString(server.ownerUri())); // makes the schema
    server.addLogin("kiosk", "kiosk_two");
    auto kiosk = openOrFail(QString::fromStdString(server.uriOf("kiosk_two")));
    AssessmentStore store(*kiosk, "kiosk");
    auto id = store.lifecycle.create({spinepath::AssessmentMode::Kiosk, contentVersions(), {}});
    REQUIRE(id);
    REQUIRE(store.lifecycle.saveAnswers(*id, storedFor(completeAnswers("Wilhelmina Kiosk"), "in-progress")));
    const json answers = completeAnswers("Wilhelmina Kiosk");
    REQUIRE(store.lifecycle.complete(*id, storedFor(answers), content().scorer().score(answers)));
    auto again = store.queries.get(*id);
    REQUIRE(again);
    CHECK(again->status == storage::Status::Completed);

    // The next start of the kiosk program is a new session: nothing to see.
    auto restarted = openOrFail(QString::fromStdString(server.uriOf("kiosk_two")));
    auto hidden = storage::AssessmentQueries(*restarted).get(*id);
    REQUIRE_FALSE(hidden);
    CHECK(hidden.error().kind == storage::ErrorKind::NotFound);
    CHECK(storage::AssessmentQueries(*owner).get(*id));
    CHECK(*owner->canReadEverything());
    CHECK_FALSE(*kiosk->canReadEverything());

    // A login that could read everything cannot be made a kiosk.
    const auto refused = runCli({"db", "create-role", "kiosk", "spinepath_test", "--db", server.ownerUri()},
                                "anything-long\n");
    CHECK(refused.exitCode != 0);
    CHECK_THAT(refused.err, Catch::Contains("every patient"));
}

TEST_CASE("Three kiosks storing at once, one killed: every printed id is stored once", "[postgresql][access]")
{
    ClinicServer server;
    auto owner = openOrFail(QString::fromStdString(server.ownerUri()));
    for (const char* login : {"kiosk_a", "kiosk_b", "kiosk_c"})
        server.addLogin("kiosk", login);
    const unsigned seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    constexpr int kLines = 40;
    std::vector<std::unique_ptr<ChildProcess>> kiosks;
    for (const char* login : {"kiosk_a", "kiosk_b", "kiosk_c"})
        kiosks.push_back(std::make_unique<ChildProcess>(
            std::vector<std::string>{"store", "--jsonl", "--db", server.uriOf(login)}));
    const int killAt = 5 + static_cast<int>(random() % 30);
    for (int line = 0; line < kLines; ++line) {
        for (std::size_t k = 0; k < kiosks.size(); ++k) {
            if (k == 1 && line > killAt)
                continue;
            kiosks[k]->send(
                completeAnswers("Patient K" + std::to_string(k) + "n" + std::to_string(line)).dump() + "\n");
            kiosks[k]->pump(std::chrono::milliseconds(random() % 20));
        }
        if (line == killAt)
            kiosks[1]->killNow();
    }
    std::vector<std::string> printed;
    for (auto& kiosk : kiosks) {
        kiosk->finish();
        for (const std::string& id : idsIn(kiosk->out()))
            printed.push_back(id);
    }
    CHECK(printed.size() >= 2 * kLines);

    const auto exported = runCli({"db", "export", "--format", "jsonl", "--db", server.ownerUri()});
    REQUIRE(exported.exitCode == 0);
    std::map<std::string, int> storedIds;
    std::map<std::string, int> storedNames;
    std::istringstream lines(exported.out);
    std::string line;
    while (std::getline(lines, line)) {
        const json row = json::parse(line);
        ++storedIds[row["id"].get<std::string>()];
        ++storedNames[row["answers"].value("about.name", std::string())];
    }
    for (const std::string& id : printed) {
        INFO(id);
        CHECK(storedIds[id] == 1);
    }
    for (const auto& [name, count] : storedNames) {
        INFO(name);
        CHECK(count == 1);
    }
    const auto checked = runCli({"db", "check", "--db", server.ownerUri()});
    INFO(checked.err);
    CHECK(checked.exitCode == 0);
}
