#pragma once

#include "core/storage/Database.h"
#include "core/storage/Outbox.h"

#include <QObject>
#include <QString>

#include <memory>
#include <string>

class QThread;
class QTimer;

namespace spinepath {

// What a kiosk needs to send its outbox: where it is, the server, and the
// name the kiosk reports under.
struct OutboxRoute
{
    QString outboxPath;          // Outbox::defaultPath() unless given
    storage::OpenOptions server; // path: the server's URI
    std::string kioskName;       // KioskReports; the host name unless the clinic names the kiosk
};

// One attempt to send everything the outbox holds (OutboxDelivery::run).
struct DeliveryRound
{
    int sent = 0;           // assessments the server took in this round
    int unsent = 0;         // still in the outbox afterwards
    bool reachable = false; // the server answered
    std::string problem;    // why something was not sent (empty when all went)
};

// Sends what the outbox holds to the server, oldest first, each entry in
// one transaction (AssessmentLifecycle::deliver) and removed from the
// outbox only once the server has committed it: an entry is sent again
// after a failure anywhere, and the server stores it once. Reports the
// count left to the server (KioskReports) before and after. Connections
// are opened on first use, on the calling thread, and opened again after
// the server was lost.
class OutboxDelivery final
{
public:
    explicit OutboxDelivery(OutboxRoute route);
    ~OutboxDelivery();
    Q_DISABLE_COPY_MOVE(OutboxDelivery)

    [[nodiscard]] DeliveryRound run();

private:
    [[nodiscard]] DeliveryRound attempt();
    [[nodiscard]] bool openOutbox(DeliveryRound& round);
    [[nodiscard]] bool openServer(DeliveryRound& round);
    void report(int unsent, const QDateTime& oldest, DeliveryRound& round);
    void loseServer(const storage::Error& error, DeliveryRound& round);

    OutboxRoute m_route;
    std::unique_ptr<storage::Outbox> m_outbox;
    std::unique_ptr<storage::Database> m_server;
};

// Runs OutboxDelivery on a thread of its own, now and then and whenever
// asked: a server out of reach can take seconds to answer (the connect
// timeout), and the patient at the kiosk must never wait for it.
class OutboxSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxSender)

public:
    // `intervalMs`: how often it tries while answers wait; it reports that
    // it is alive (with nothing to send) every third interval.
    explicit OutboxSender(OutboxRoute route, int intervalMs = 10000, QObject* parent = nullptr);
    // Waits for a round in progress, then stops the thread.
    ~OutboxSender() override;

    void start();
    // Tries at once (from any thread): the kiosk has just kept answers.
    void sendNow();

signals:
    // After every round, on the thread that made the sender.
    void roundFinished(const spinepath::DeliveryRound& round);

private:
    class Worker;
    QThread* m_thread = nullptr;
    Worker* m_worker = nullptr; // lives on m_thread
};

} // namespace spinepath

Q_DECLARE_METATYPE(spinepath::DeliveryRound)
