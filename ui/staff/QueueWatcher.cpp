#include "staff/QueueWatcher.h"

#include <spdlog/spdlog.h>

#include "core/storage/Database.h"

#include <algorithm>

namespace spinepath::ui {

namespace storage = spinepath::storage;

namespace {

// Emergencies are few; a page of them is plenty for the banner.
constexpr int kEmergencyRows = 50;

} // namespace

QueueWatcher::QueueWatcher(const storage::Database& database, QObject* parent)
    : QObject(parent)
    , m_reader(std::make_unique<DatabaseReader>(database, QStringLiteral("queueWatcher")))
{}

// The reads queued before it finish first; an answer they posted and that
// is still queued is dropped with the watcher.
QueueWatcher::~QueueWatcher()
{
    m_reader.reset();
}

quint64 QueueWatcher::check(int rows, bool force)
{
    return post(rows, force, false);
}

quint64 QueueWatcher::checkEmergencies()
{
    return post(kEmergencyRows, false, true);
}

quint64 QueueWatcher::post(int rows, bool force, bool emergenciesOnly)
{
    const quint64 request = ++m_requests;
    if (force)
        m_lastForced = request;
    m_reader->post([this, request, rows, force, emergenciesOnly](const ReadConnection& connection) {
        auto snapshot = read(connection, request, rows, force, emergenciesOnly);
        if (snapshot)
            ++m_posted;
        ++m_finished;
        if (!snapshot)
            return;
        QMetaObject::invokeMethod(
            this, [this, done = std::move(*snapshot)] { deliver(done); }, Qt::QueuedConnection);
    });
    return request;
}

// On the reader's thread. Null: nothing changed and nothing forced.
std::optional<QueueSnapshot> QueueWatcher::read(const ReadConnection& connection, quint64 request, int rows,
                                                bool force, bool emergenciesOnly)
{
    QueueSnapshot snapshot;
    snapshot.request = request;
    snapshot.emergenciesOnly = emergenciesOnly;
    if (!connection.queries) {
        snapshot.problem = connection.problem;
        return snapshot;
    }
    auto version = connection.database->dataVersion();
    if (!version) {
        snapshot.problem = QString::fromStdString(version.error().message);
        return snapshot;
    }
    if (!force && m_version == *version)
        return std::nullopt;
    m_version = *version;
    // One row more than shown tells whether there is more.
    auto queue = connection.queries->todayQueue({}, rows + 1);
    if (!queue) {
        snapshot.problem = QString::fromStdString(queue.error().message);
        return snapshot;
    }
    snapshot.rows = std::move(queue).value();
    if (emergenciesOnly) {
        // Emergencies come first: the rest of the page is not wanted.
        std::erase_if(snapshot.rows, [](const auto& row) { return row.severity != "emergency"; });
        return snapshot;
    }
    if (static_cast<int>(snapshot.rows.size()) > rows) {
        snapshot.rows.resize(static_cast<std::size_t>(rows));
        snapshot.hasMore = true;
    }
    auto counts = connection.queries->todayCounts();
    if (!counts) {
        snapshot.problem = QString::fromStdString(counts.error().message);
        return snapshot;
    }
    snapshot.counts = *counts;
    // Beside the queue, not in its way: a login that may not read the
    // reports still sees its patients.
    if (auto kiosks = spinepath::storage::KioskReports(*connection.database).list())
        snapshot.kiosks = std::move(kiosks).value();
    else
        spdlog::warn("the kiosks' reports could not be read: {}", kiosks.error().message);
    return snapshot;
}

bool QueueWatcher::isSettled() const
{
    return m_finished.load() == m_requests && m_posted.load() == m_delivered;
}

void QueueWatcher::deliver(const QueueSnapshot& snapshot)
{
    ++m_delivered;
    // Newest wins: a read asked for before the latest forced one (a longer
    // page, the console's own write) is already out of date.
    if (snapshot.request < m_lastForced)
        return;
    ++m_reads;
    emit queueRead(snapshot);
}

} // namespace spinepath::ui
