// A kiosk on a clinic network loses its server in the middle of a
// questionnaire: the patient goes on, the answers wait in the kiosk's outbox
// (AssessmentSession, Outbox), and once the server is back OutboxDelivery
// sends them: nothing lost, nothing stored twice, however often it is sent.
// The server is really taken away (pg_ctl stop -m immediate) and brought
// back. Runs on the test program's own PostgreSQL cluster, as a kiosk login.
// Synthetic data only.
#include "ClinicServer.h"
#include "StorageTestSupport.h"
#include "support/TestSeed.h"

#include "core/session/OutboxSender.h"
#include "core/storage/AuditLog.h"
#include "core/storage/KioskReports.h"
#include "core/storage/Outbox.h"
#include "core/storage/PostgresUri.h"

#include <QSignalSpy>

#include <random>

using namespace storagetest;
using spinepath::AssessmentSession;
using spinepath::DeliveryRound;
using spinepath::OutboxDelivery;
using spinepath::OutboxRoute;
using spinepath::test::PostgresCluster;
using storage::Status;

namespace {

// The server comes back even when a check fails half way.
struct ServerAway
{
    ServerAway() { PostgresCluster::shared().pullAway(); }
    ~ServerAway() { back(); }
    ServerAway(const ServerAway&) = delete;
    ServerAway& operator=(const ServerAway&) = delete;
    void back()
    {
        if (!m_back)
            PostgresCluster::shared().bringBack();
        m_back = true;
    }

private:
    bool m_back = false;
};

// A kiosk as the program runs one: its login's connection, its outbox, and
// the lifecycle its sessions store through.
struct Kiosk
{
    Kiosk(ClinicServer& server, const std::string& login, const QString& outboxPath)
        : database(openOrFail(QString::fromStdString(server.uriOf(login))))
        , lifecycle(*database, "patient")
    {
        auto opened = storage::Outbox::open(outboxPath);
        REQUIRE(opened);
        outbox = std::move(opened).value();
        route.outboxPath = outboxPath;
        route.server.path = QString::fromStdString(server.uriOf(login));
        route.kioskName = login;
    }

    std::unique_ptr<AssessmentSession> newSession()
    {
        auto session =
            std::make_unique<AssessmentSession>(content(), spinepath::AssessmentMode::Kiosk, &lifecycle);
        session->keepUnsentIn(outbox.get(), database->kioskSession().toStdString());
        return session;
    }

    std::unique_ptr<storage::Database> database;
    storage::AssessmentLifecycle lifecycle;
    std::unique_ptr<storage::Outbox> outbox;
    OutboxRoute route;
};

// What the clinic's staff see of one assessment, read as the owner.
struct Stored
{
    int count = 0;
    std::string status;
    std::string category;
    std::string severity;
    json answers;
};

Stored storedOnServer(const storage::Database& owner, const std::string& id)
{
    Stored stored;
    QSqlQuery query(owner.connection());
    query.prepare(
        QStringLiteral("SELECT status, category, severity, answers FROM assessments WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), QString::fromStdString(id));
    REQUIRE(query.exec());
    while (query.next()) {
        ++stored.count;
        stored.status = query.value(0).toString().toStdString();
        stored.category = query.value(1).toString().toStdString();
        stored.severity = query.value(2).toString().toStdString();
        stored.answers = json::parse(query.value(3).toString().toStdString());
    }
    return stored;
}

qint64 assessmentCount(const storage::Database& owner)
{
    return scalar(owner, QStringLiteral("SELECT count(*) FROM assessments")).toLongLong();
}

void answerAll(AssessmentSession& session, const json& answers, std::size_t from, std::size_t to)
{
    std::size_t index = 0;
    for (const auto& [linkId, value] : answers.items()) {
        if (index >= from && index < to) {
            const auto problem = session.setAnswer(linkId, value);
            INFO(linkId);
            REQUIRE_FALSE(problem.has_value());
        }
        ++index;
    }
}

// The response the answers make, as the server must end up holding it:
// everything but its time stamp.
json withoutAuthored(json response)
{
    response.erase("authored");
    return response;
}

} // namespace

TEST_CASE("The server pulled away mid-questionnaire: the answers wait on the kiosk and arrive once",
          "[outbox][postgresql]")
{
    ClinicServer server;
    openOrFail(QString::fromStdString(server.ownerUri())).reset(); // the schema, before its logins
    server.addLogin("kiosk", "kiosk_lobby");
    TempFolder folder;
    const json answers = completeAnswers("Perpetua Ashcombe");
    const std::size_t half = answers.size() / 2;

    Kiosk kiosk(server, "kiosk_lobby", folder.file(QStringLiteral("outbox.sqlite")));
    auto session = kiosk.newSession();
    answerAll(*session, answers, 0, half);
    const std::string id = session->assessmentId();
    REQUIRE_FALSE(id.empty());
    CHECK_FALSE(session->isKeptLocally());

    QSignalSpy kept(session.get(), &AssessmentSession::keptLocally);
    QSignalSpy failed(session.get(), &AssessmentSession::saveFailed);
    {
        ServerAway away;
        answerAll(*session, answers, half, answers.size());
        CHECK(session->isKeptLocally());
        REQUIRE(session->complete());
        CHECK(failed.isEmpty()); // the patient is told of no problem: nothing was lost
        CHECK_FALSE(kept.isEmpty());
        auto pending = kiosk.outbox->pending();
        REQUIRE(pending);
        REQUIRE(pending->size() == 1);
        CHECK(pending->front().id == id);
        CHECK(pending->front().status == Status::Completed);

        // While the server is away the sender says so, and keeps everything.
        OutboxDelivery delivery(kiosk.route);
        const DeliveryRound tried = delivery.run();
        CHECK_FALSE(tried.reachable);
        CHECK(tried.sent == 0);
        CHECK(tried.unsent == 1);
        CHECK(tried.problem.find("cannot be reached") != std::string::npos);
        away.back();
    }

    OutboxDelivery delivery(kiosk.route);
    const DeliveryRound round = delivery.run();
    INFO(round.problem);
    CHECK(round.reachable);
    CHECK(round.sent == 1);
    CHECK(round.unsent == 0);
    CHECK(kiosk.outbox->count().value() == 0);

    auto owner = openOrFail(QString::fromStdString(server.ownerUri()));
    Stored stored = storedOnServer(*owner, id);
    CHECK(stored.count == 1);
    CHECK(stored.status == "completed");
    CHECK(stored.category == content().scorer().score(answers).category);
    CHECK(withoutAuthored(stored.answers) == withoutAuthored(storedFor(answers).response));
    CHECK(assessmentCount(*owner) == 1);
    CHECK(
        scalar(*owner, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'assessment.delivered'"))
            .toInt() == 1);
    auto reports = storage::KioskReports(*owner).list();
    REQUIRE(reports);
    REQUIRE(reports->size() == 1);
    CHECK(reports->front().kiosk == "kiosk_lobby");
    CHECK(reports->front().unsent == 0);

    // Sent again (a sender cut off after the commit, before it forgot the
    // entry): the server keeps the one it has.
    storage::OutboxEntry again;
    again.id = id;
    again.kioskSession = kiosk.database->kioskSession().toStdString();
    again.status = Status::InProgress;
    again.answers = storedFor(completeAnswers("Someone Else Entirely"), "in-progress");
    again.started.content = contentVersions();
    REQUIRE(kiosk.outbox->keep(again));
    const DeliveryRound repeated = OutboxDelivery(kiosk.route).run();
    CHECK(repeated.sent == 1);
    stored = storedOnServer(*owner, id);
    CHECK(stored.count == 1);
    CHECK(stored.status == "completed");
    CHECK(stored.answers.dump().find("Someone Else Entirely") == std::string::npos);
    CHECK(assessmentCount(*owner) == 1);
}

TEST_CASE("A kiosk that starts while the server is away keeps the answers, emergencies included",
          "[outbox][postgresql]")
{
    ClinicServer server;
    openOrFail(QString::fromStdString(server.ownerUri())).reset(); // the schema, before its logins
    server.addLogin("kiosk", "kiosk_east");
    TempFolder folder;
    const QString outboxPath = folder.file(QStringLiteral("outbox.sqlite"));
    std::string id;
    std::string kioskSession;
    {
        ServerAway away;
        auto outbox = storage::Outbox::open(outboxPath);
        REQUIRE(outbox);
        // No database: the start-up check could not reach the server.
        AssessmentSession session(content(), spinepath::AssessmentMode::Kiosk);
        kioskSession = storage::ServerLogin::newKioskSession().toStdString();
        session.keepUnsentIn(outbox->get(), kioskSession);
        QSignalSpy emergencies(&session, &AssessmentSession::emergencyRaised);
        REQUIRE_FALSE(session.setAnswer("redflag.bladder_bowel", true).has_value());
        CHECK(emergencies.count() == 1);
        session.serverUnreachable();
        REQUIRE(session.isKeptLocally());
        id = session.assessmentId();
        REQUIRE((*outbox)->count().value() == 1);
        REQUIRE(session.setAnswer("pain.duration", "6m_12m") == std::nullopt);
        auto kept = (*outbox)->find(id);
        REQUIRE(kept);
        REQUIRE(kept->has_value());
        CHECK((*kept)->status == Status::InProgress);
        CHECK_FALSE((*kept)->alerts.empty());
        session.abandon(); // the patient walked away
        CHECK((*outbox)->find(id).value()->status == Status::Abandoned);
    }

    // The kiosk program was restarted meanwhile: another session on the
    // server, which sees none of the earlier one's rows but the entry's.
    OutboxRoute route;
    route.outboxPath = outboxPath;
    route.server.path = QString::fromStdString(server.uriOf("kiosk_east"));
    route.kioskName = "kiosk_east";
    const DeliveryRound round = OutboxDelivery(route).run();
    INFO(round.problem);
    CHECK(round.sent == 1);
    CHECK(round.unsent == 0);

    auto owner = openOrFail(QString::fromStdString(server.ownerUri()));
    const Stored stored = storedOnServer(*owner, id);
    CHECK(stored.count == 1);
    CHECK(stored.status == "abandoned");
    CHECK(stored.severity == "emergency"); // the front desk sees what was raised
    CHECK(scalar(*owner, QStringLiteral("SELECT kiosk_session FROM assessments")).toString().toStdString() ==
          kioskSession);
    // The kiosk's own login reads nothing of another session's patients.
    auto kiosk = openOrFail(QString::fromStdString(server.uriOf("kiosk_east")));
    CHECK(scalar(*kiosk, QStringLiteral("SELECT count(*) FROM assessments")).toInt() == 0);
}

TEST_CASE("The server goes away and comes back at random moments: every answer set arrives once",
          "[outbox][postgresql]")
{
    const std::uint32_t seed = spinepath::test::testSeed("outbox outages");
    std::mt19937 random(seed);
    ClinicServer server;
    openOrFail(QString::fromStdString(server.ownerUri())).reset(); // the schema, before its logins
    server.addLogin("kiosk", "kiosk_west");
    TempFolder folder;
    Kiosk kiosk(server, "kiosk_west", folder.file(QStringLiteral("outbox.sqlite")));
    OutboxDelivery delivery(kiosk.route);

    std::map<std::string, std::string> expectedCategory;
    for (int patient = 0; patient < 3; ++patient) {
        const json answers =
            completeAnswers("Patient Number" + std::string(1, static_cast<char>('A' + patient)));
        std::uniform_int_distribution<std::size_t> moment(0, answers.size());
        const std::size_t away = moment(random);
        const std::size_t back = std::uniform_int_distribution<std::size_t>(away, answers.size())(random);
        INFO("patient " << patient << ": server away at answer " << away << ", back at " << back);
        // After an outage the kiosk's own connection is connected again
        // (the program does so when its sender reaches the server).
        REQUIRE(kiosk.database->reconnect());
        auto session = kiosk.newSession();
        answerAll(*session, answers, 0, away);
        {
            ServerAway gone;
            answerAll(*session, answers, away, back);
            gone.back();
        }
        answerAll(*session, answers, back, answers.size());
        REQUIRE(session->complete());
        expectedCategory[session->assessmentId()] = content().scorer().score(answers).category;
        // Sometimes the sender runs at once, sometimes only later.
        if (random() % 2 == 0)
            (void)delivery.run();
    }
    DeliveryRound round = delivery.run();
    INFO(round.problem);
    CHECK(round.unsent == 0);
    CHECK(kiosk.outbox->count().value() == 0);

    auto owner = openOrFail(QString::fromStdString(server.ownerUri()));
    CHECK(assessmentCount(*owner) == 3);
    for (const auto& [id, category] : expectedCategory) {
        const Stored stored = storedOnServer(*owner, id);
        CHECK(stored.count == 1);
        CHECK(stored.status == "completed");
        CHECK(stored.category == category);
    }
    CHECK(owner->check());
}

TEST_CASE("The sender runs on its own thread and reports each round", "[outbox][postgresql]")
{
    ClinicServer server;
    openOrFail(QString::fromStdString(server.ownerUri())).reset(); // the schema, before its logins
    server.addLogin("kiosk", "kiosk_north");
    TempFolder folder;
    Kiosk kiosk(server, "kiosk_north", folder.file(QStringLiteral("outbox.sqlite")));
    storage::OutboxEntry entry;
    entry.id = "55555555-5555-4555-8555-555555555555";
    entry.kioskSession = kiosk.database->kioskSession().toStdString();
    entry.started.content = contentVersions();
    entry.answers = storedFor(completeAnswers("Tamsin Oakhurst"), "in-progress");
    REQUIRE(kiosk.outbox->keep(entry));

    spinepath::OutboxSender sender(kiosk.route, 60000);
    QSignalSpy rounds(&sender, &spinepath::OutboxSender::roundFinished);
    sender.start();
    REQUIRE(rounds.wait(20000));
    const auto first = rounds.takeFirst().at(0).value<DeliveryRound>();
    CHECK(first.sent == 1);
    CHECK(first.unsent == 0);
    REQUIRE(kiosk.outbox->keep(entry));
    sender.sendNow(); // not waiting the minute
    REQUIRE(rounds.wait(20000));
    CHECK(rounds.takeFirst().at(0).value<DeliveryRound>().unsent == 0);
    auto owner = openOrFail(QString::fromStdString(server.ownerUri()));
    CHECK(storedOnServer(*owner, entry.id).count == 1);
}
