#pragma once

#include "core/session/OutboxSender.h"
#include "core/storage/Outbox.h"

#include <QObject>
#include <QString>

#include <memory>

namespace spinepath::ui {

class MainWindow;

// A clinic network's kiosk: the outbox where the window keeps answers the
// server cannot take, and the sender that delivers them on its own thread
// and reports to the staff console how many wait. Only for a kiosk on a
// server: a single computer's SQLite file is always there.
class KioskOutbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskOutbox)

public:
    // Null when `databaseLocation` (as --db gives it; empty: the default)
    // is a SQLite file, or when the outbox cannot be opened: then the
    // kiosk runs as before and staff are told of every failed save (logged).
    [[nodiscard]] static std::unique_ptr<KioskOutbox> startFor(const QString& databaseLocation,
                                                               MainWindow& window);
    ~KioskOutbox() override;

    // The name this kiosk reports under: SPINEPATH_KIOSK_NAME, else the host name.
    [[nodiscard]] static std::string kioskName();

private:
    KioskOutbox(std::unique_ptr<spinepath::storage::Outbox> outbox, spinepath::OutboxRoute route,
                MainWindow& window);

    std::unique_ptr<spinepath::storage::Outbox> m_outbox;
    spinepath::OutboxSender* m_sender;
};

} // namespace spinepath::ui
