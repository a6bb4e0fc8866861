#pragma once

#include "core/storage/AssessmentQueries.h"
#include "core/storage/AssessmentRecord.h"
#include "core/storage/KioskReports.h"
#include "staff/DatabaseReader.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace spinepath::storage {
class Database;
}

namespace spinepath::ui {

// What one read of today's queue found.
struct QueueSnapshot
{
    quint64 request = 0; // the request it answers; a newer one supersedes it
    bool emergenciesOnly = false;
    std::vector<spinepath::storage::AssessmentSummary> rows;
    bool hasMore = false; // the queue goes on past `rows`
    spinepath::storage::TodayCounts counts;
    // A clinic network's kiosks and the answers they hold unsent.
    std::vector<spinepath::storage::KioskReport> kiosks;
    QString problem; // empty when the read went well
};

// Keeps the staff console's queue current without costing the GUI thread
// anything: its DatabaseReader asks SQLite's data_version, microseconds,
// and reads the queue only when something was committed since its last read.
// Commits of this program's other connection count as changes too; callers
// still force a read after their own writes, to show them at once.
class QueueWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueWatcher)

public:
    // `database` must outlive the watcher.
    explicit QueueWatcher(const spinepath::storage::Database& database, QObject* parent = nullptr);
    ~QueueWatcher() override;

    // Reads the queue's first `rows` rows and its counts if the database
    // changed since the last read, or whatever happened when `force`.
    // Returns the request's number.
    quint64 check(int rows, bool force);
    // While the console is locked: on a change, read today's emergencies
    // only (for the banner and chime), not the queue.
    quint64 checkEmergencies();
    // Reads delivered so far (each emitted queueRead), for tests and benchmarks.
    [[nodiscard]] int readsDone() const { return m_reads; }
    // Checks finished so far, whether or not they found a change.
    [[nodiscard]] quint64 checksDone() const { return m_finished.load(); }
    // Every check asked for has finished and its answer, if any, was delivered.
    [[nodiscard]] bool isSettled() const;

signals:
    // On the GUI thread; snapshots arrive in request order.
    void queueRead(const spinepath::ui::QueueSnapshot& snapshot);

private:
    quint64 post(int rows, bool force, bool emergenciesOnly);
    std::optional<QueueSnapshot> read(const ReadConnection& connection, quint64 request, int rows, bool force,
                                      bool emergenciesOnly);
    void deliver(const QueueSnapshot& snapshot);

    std::optional<qint64> m_version; // on the reader's thread only: data_version at the last read
    quint64 m_requests = 0;
    quint64 m_lastForced = 0;
    // Written by the reader's thread: checks finished, answers posted back.
    std::atomic<quint64> m_finished{0};
    std::atomic<quint64> m_posted{0};
    quint64 m_delivered = 0; // answers that reached deliver(), dropped or not
    int m_reads = 0;
    std::unique_ptr<DatabaseReader> m_reader; // last: its jobs use the members above
};

} // namespace spinepath::ui

Q_DECLARE_METATYPE(spinepath::ui::QueueSnapshot)
