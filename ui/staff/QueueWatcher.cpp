#include "staff/QueueWatcher.h"

#include "core/storage/Database.h"

#include <QThread>

#include <memory>
#include <optional>

namespace spinepath::ui {

namespace storage = spinepath::storage;

// Lives on the watcher's thread: opens its connection there on first use
// and closes it there.
class QueueWatcher::Reader final : public QObject
{
public:
    explicit Reader(const storage::Database& database)
        : m_main(database)
    {}

    // On the reader's thread. Null: nothing changed and nothing forced.
    std::optional<QueueSnapshot> read(quint64 request, int rows, bool force, bool emergenciesOnly)
    {
        QueueSnapshot snapshot;
        snapshot.request = request;
        snapshot.emergenciesOnly = emergenciesOnly;
        if (!m_database) {
            auto opened = m_main.openReader();
            if (!opened) {
                snapshot.problem = QString::fromStdString(opened.error().message);
                return snapshot;
            }
            m_database = std::move(opened).value();
            m_queries = std::make_unique<storage::AssessmentQueries>(*m_database);
        }
        auto version = m_database->dataVersion();
        if (!version) {
            snapshot.problem = QString::fromStdString(version.error().message);
            return snapshot;
        }
        if (!force && m_version == *version)
            return std::nullopt;
        m_version = *version;
        // One row more than shown tells whether there is more.
        auto queue = m_queries->todayQueue({}, rows + 1);
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
        auto counts = m_queries->todayCounts();
        if (!counts) {
            snapshot.problem = QString::fromStdString(counts.error().message);
            return snapshot;
        }
        snapshot.counts = *counts;
        return snapshot;
    }

    void close()
    {
        m_queries.reset();
        m_database.reset();
    }

private:
    const storage::Database& m_main;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<storage::AssessmentQueries> m_queries;
    std::optional<qint64> m_version;
};

namespace {

// Emergencies are few; a page of them is plenty for the banner.
constexpr int kEmergencyRows = 50;

} // namespace

QueueWatcher::QueueWatcher(const storage::Database& database, QObject* parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_reader(new Reader(database))
{
    m_thread->setObjectName(QStringLiteral("queueWatcher"));
    m_reader->moveToThread(m_thread);
    m_thread->start(QThread::LowPriority);
}

QueueWatcher::~QueueWatcher()
{
    // The connection belongs to the reader's thread: closed there.
    QMetaObject::invokeMethod(
        m_reader, [reader = m_reader] { reader->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_reader;
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
    // The destructor waits for the reads queued before it, so the watcher
    // exists while they post their answer; an answer still queued when it
    // is deleted is dropped with it.
    QMetaObject::invokeMethod(
        m_reader,
        [watcher = this, reader = m_reader, request, rows, force, emergenciesOnly] {
            auto snapshot = reader->read(request, rows, force, emergenciesOnly);
            if (snapshot)
                ++watcher->m_posted;
            ++watcher->m_finished;
            if (!snapshot)
                return;
            QMetaObject::invokeMethod(
                watcher, [watcher, done = std::move(*snapshot)] { watcher->deliver(done); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return request;
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
