#include "core/storage/KioskReports.h"

#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

namespace spinepath::storage {

KioskReports::KioskReports(const Database& database)
    : m_database(database)
{}

Result<void> KioskReports::report(const std::string& kiosk, int unsent, const QDateTime& oldestUnsent)
{
    if (m_database.engine() != Engine::Postgres)
        return {};
    Statement upsert(
        m_database,
        QStringLiteral("INSERT INTO kiosk_reports (kiosk, unsent, oldest_unsent, reported_at) "
                       "VALUES (:kiosk, :unsent, :oldest, :now) ON CONFLICT (kiosk) DO UPDATE SET "
                       "unsent = excluded.unsent, oldest_unsent = excluded.oldest_unsent, "
                       "reported_at = excluded.reported_at"));
    upsert.bind(QStringLiteral(":kiosk"), qtext(kiosk))
        .bind(QStringLiteral(":unsent"), unsent)
        .bind(QStringLiteral(":oldest"),
              oldestUnsent.isValid() ? QVariant(toStorageTime(oldestUnsent)) : nullableText(QString()))
        .bind(QStringLiteral(":now"), toStorageTime(storageNow()));
    return upsert.exec("report the answers this kiosk has not sent");
}

Result<std::vector<KioskReport>> KioskReports::list() const
{
    std::vector<KioskReport> reports;
    if (m_database.engine() != Engine::Postgres)
        return reports;
    constexpr std::string_view action = "read the kiosks' reports";
    Statement select(m_database, QStringLiteral("SELECT kiosk, unsent, oldest_unsent, reported_at FROM "
                                                "kiosk_reports ORDER BY kiosk"));
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    while (select.next())
        reports.push_back({select.string(0), static_cast<int>(select.integer(1)),
                           select.isNull(2) ? QDateTime() : fromStorageTime(select.text(2)),
                           fromStorageTime(select.text(3))});
    if (auto done = select.finish(action); !done)
        return std::move(done).error();
    return reports;
}

} // namespace spinepath::storage
