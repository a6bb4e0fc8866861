#include "core/session/OutboxSender.h"

#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/KioskReports.h"

#include <QThread>
#include <QTimer>

#include <spdlog/spdlog.h>

namespace spinepath {

using storage::ErrorKind;

OutboxDelivery::OutboxDelivery(OutboxRoute route)
    : m_route(std::move(route))
{
    // Opened when needed: a server that is there is connected to, and
    // nothing is created, checked at length or migrated from a kiosk's sender.
    m_route.server.create = false;
    m_route.server.quickCheck = false;
}

OutboxDelivery::~OutboxDelivery() = default;

bool OutboxDelivery::openOutbox(DeliveryRound& round)
{
    if (m_outbox)
        return true;
    auto opened = storage::Outbox::open(m_route.outboxPath);
    if (!opened) {
        round.problem = opened.error().message;
        return false;
    }
    m_outbox = std::move(opened).value();
    return true;
}

bool OutboxDelivery::openServer(DeliveryRound& round)
{
    if (!m_server) {
        auto opened = storage::Database::open(m_route.server);
        if (!opened) {
            round.problem = opened.error().message;
            return false;
        }
        m_server = std::move(opened).value();
    }
    round.reachable = true;
    return true;
}

void OutboxDelivery::loseServer(const storage::Error& error, DeliveryRound& round)
{
    round.problem = error.message;
    if (error.kind == ErrorKind::Unreachable) {
        // Opened again next round: the session of this connection is gone.
        m_server.reset();
        round.reachable = false;
    }
}

void OutboxDelivery::report(int unsent, const QDateTime& oldest, DeliveryRound& round)
{
    if (!m_server)
        return;
    if (auto reported = storage::KioskReports(*m_server).report(m_route.kioskName, unsent, oldest); !reported)
        loseServer(reported.error(), round);
}

DeliveryRound OutboxDelivery::run()
{
    // A connection from an earlier round may have died since (the server
    // restarted): found out on first use, it is opened again at once.
    const bool hadConnection = m_server != nullptr;
    DeliveryRound round = attempt();
    if (hadConnection && !round.reachable && !m_server)
        round = attempt();
    return round;
}

DeliveryRound OutboxDelivery::attempt()
{
    DeliveryRound round;
    if (!openOutbox(round))
        return round;
    auto pending = m_outbox->pending();
    if (!pending) {
        round.problem = pending.error().message;
        return round;
    }
    round.unsent = static_cast<int>(pending->size());
    if (!openServer(round))
        return round;
    // First what it holds, so staff see it even if sending then fails.
    report(round.unsent, pending->empty() ? QDateTime() : pending->front().queuedAt, round);
    if (pending->empty() || !m_server)
        return round;

    storage::AssessmentLifecycle lifecycle(*m_server, "kiosk " + m_route.kioskName);
    for (const storage::OutboxEntry& entry : *pending) {
        auto delivered = lifecycle.deliver(entry);
        if (!delivered) {
            // The id only: the message names no patient, the answers stay kept.
            spdlog::error("assessment {} kept on this kiosk could not be sent: {}", entry.id,
                          delivered.error().message);
            loseServer(delivered.error(), round);
            if (!m_server)
                break;
            continue;
        }
        // A newer state kept meanwhile stays, and goes next round.
        auto removed = m_outbox->remove(entry.id, entry.revision);
        if (!removed) {
            round.problem = removed.error().message;
            continue;
        }
        ++round.sent;
        spdlog::info("assessment {} kept on this kiosk was sent to the server", entry.id);
    }
    auto left = m_outbox->pending();
    if (!left) {
        round.problem = left.error().message;
        return round;
    }
    round.unsent = static_cast<int>(left->size());
    report(round.unsent, left->empty() ? QDateTime() : left->front().queuedAt, round);
    return round;
}

// Lives on the sender's thread: the delivery's connections are that thread's.
class OutboxSender::Worker final : public QObject
{
public:
    Worker(OutboxRoute route, int intervalMs, OutboxSender& owner)
        : m_route(std::move(route))
        , m_intervalMs(intervalMs)
        , m_owner(owner)
    {}

    void begin()
    {
        m_delivery = std::make_unique<OutboxDelivery>(m_route);
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, [this] { round(); });
        round();
    }

    void round()
    {
        if (!m_delivery)
            return;
        const DeliveryRound done = m_delivery->run();
        // Answers waiting: try again soon. None: only say the kiosk is alive.
        m_timer->start(done.unsent > 0 || !done.reachable ? m_intervalMs : 3 * m_intervalMs);
        emit m_owner.roundFinished(done);
    }

    void end()
    {
        delete m_timer;
        m_timer = nullptr;
        m_delivery.reset();
    }

private:
    OutboxRoute m_route;
    int m_intervalMs;
    OutboxSender& m_owner;
    std::unique_ptr<OutboxDelivery> m_delivery;
    QTimer* m_timer = nullptr;
};

OutboxSender::OutboxSender(OutboxRoute route, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new Worker(std::move(route), intervalMs, *this))
{
    qRegisterMetaType<spinepath::DeliveryRound>();
    m_thread->setObjectName(QStringLiteral("outbox sender"));
    m_worker->moveToThread(m_thread);
}

OutboxSender::~OutboxSender()
{
    if (m_thread->isRunning()) {
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { worker->end(); }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
    delete m_worker;
}

void OutboxSender::start()
{
    if (m_thread->isRunning())
        return;
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->begin(); }, Qt::QueuedConnection);
}

void OutboxSender::sendNow()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->round(); }, Qt::QueuedConnection);
}

} // namespace spinepath
