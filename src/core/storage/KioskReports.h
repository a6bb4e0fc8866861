#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <QDateTime>

#include <string>
#include <vector>

namespace spinepath::storage {

// What a kiosk last told the server about its outbox.
struct KioskReport
{
    std::string kiosk;      // the kiosk's name (its host name unless the clinic names it)
    int unsent = 0;         // assessments kept on it, not yet on the server
    QDateTime oldestUnsent; // when the oldest of them was kept; invalid when none
    QDateTime reportedAt;   // when it last reached the server
};

// The kiosks' reports of answers they hold unsent (Outbox), so the staff
// console can list kiosks that could not reach the server. A kiosk reports
// whenever it reaches the server; one that has not reported for a while is
// out of reach, and its last report says what it held then. Only a clinic
// network's server keeps them: on a SQLite file report() does nothing and
// list() is empty.
class KioskReports final
{
public:
    explicit KioskReports(const Database& database);
    Q_DISABLE_COPY_MOVE(KioskReports)

    Result<void> report(const std::string& kiosk, int unsent, const QDateTime& oldestUnsent);
    // Every kiosk that ever reported, by name.
    [[nodiscard]] Result<std::vector<KioskReport>> list() const;

private:
    const Database& m_database;
};

} // namespace spinepath::storage
