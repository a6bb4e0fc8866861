#include "staff/DatabaseReader.h"

#include "core/storage/AssessmentQueries.h"
#include "core/storage/Database.h"

#include <QThread>

namespace spinepath::ui {

namespace storage = spinepath::storage;

// Lives on the reader's thread: the connection is opened, used and closed there.
class DatabaseReader::Worker final : public QObject
{
public:
    explicit Worker(const storage::Database& database)
        : m_main(database)
    {}

    void run(const Job& job)
    {
        ReadConnection connection;
        if (!m_database) {
            auto opened = m_main.openReader();
            if (!opened) {
                // Tried again on the next job: the file may come back.
                connection.problem = QString::fromStdString(opened.error().message);
                job(connection);
                return;
            }
            m_database = std::move(opened).value();
            m_queries = std::make_unique<storage::AssessmentQueries>(*m_database);
        }
        connection.database = m_database.get();
        connection.queries = m_queries.get();
        job(connection);
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
};

DatabaseReader::DatabaseReader(const storage::Database& database, const QString& name, QObject* parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(std::make_unique<Worker>(database))
{
    m_thread->setObjectName(name);
    m_worker->moveToThread(m_thread);
    m_thread->start(QThread::LowPriority);
}

DatabaseReader::~DatabaseReader()
{
    // Runs after every job posted before it, on the worker's thread.
    QMetaObject::invokeMethod(
        m_worker.get(), [worker = m_worker.get()] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void DatabaseReader::post(Job job)
{
    QMetaObject::invokeMethod(
        m_worker.get(), [worker = m_worker.get(), job = std::move(job)] { worker->run(job); },
        Qt::QueuedConnection);
}

} // namespace spinepath::ui
