#include "kiosk/KioskOutbox.h"

#include "MainWindow.h"
#include "common/AppContext.h"

#include "core/storage/PostgresUri.h"

#include <QSysInfo>

#include <spdlog/spdlog.h>

namespace spinepath::ui {

std::unique_ptr<KioskOutbox> KioskOutbox::startFor(const QString& databaseLocation, MainWindow& window)
{
    const QString location = AppContext::resolveDatabasePath(databaseLocation);
    if (!spinepath::storage::isPostgresUri(location))
        return nullptr;
    const QString path = spinepath::storage::Outbox::defaultPath();
    auto opened = spinepath::storage::Outbox::open(path);
    if (!opened) {
        spdlog::error("the kiosk's outbox cannot be used: {}", opened.error().message);
        return nullptr;
    }
    spinepath::OutboxRoute route;
    route.outboxPath = path;
    route.server.path = location;
    route.kioskName = kioskName();
    return std::unique_ptr<KioskOutbox>(new KioskOutbox(std::move(opened).value(), std::move(route), window));
}

KioskOutbox::KioskOutbox(std::unique_ptr<spinepath::storage::Outbox> outbox, spinepath::OutboxRoute route,
                         MainWindow& window)
    : m_outbox(std::move(outbox))
    , m_sender(new spinepath::OutboxSender(std::move(route), 10000, this))
{
    window.keepUnsentIn(m_outbox.get());
    connect(&window, &MainWindow::answersKeptLocally, m_sender, &spinepath::OutboxSender::sendNow);
    connect(m_sender, &spinepath::OutboxSender::roundFinished, &window,
            [&window](const spinepath::DeliveryRound& round) {
                if (round.reachable)
                    window.serverReachable();
                if (round.unsent > 0)
                    spdlog::warn("{} assessment(s) wait in the kiosk's outbox: {}", round.unsent,
                                 round.problem);
            });
    m_sender->start();
}

KioskOutbox::~KioskOutbox() = default;

std::string KioskOutbox::kioskName()
{
    const QString named = qEnvironmentVariable("SPINEPATH_KIOSK_NAME");
    return (named.isEmpty() ? QSysInfo::machineHostName() : named).toStdString();
}

} // namespace spinepath::ui
