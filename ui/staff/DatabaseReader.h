#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace spinepath::storage {
class AssessmentQueries;
class Database;
} // namespace spinepath::storage

namespace spinepath::ui {

// The reading connection a job gets on the reader's thread; `queries` is
// null when the connection could not be opened, and `problem` says why.
struct ReadConnection
{
    const spinepath::storage::Database* database = nullptr;
    const spinepath::storage::AssessmentQueries* queries = nullptr;
    QString problem;
};

// Reads the database off the GUI thread, so nothing whose cost grows with
// the data makes the console wait: a thread of its own with its own
// read-only connection (Qt SQL connections belong to the thread that opened
// them), opened on the first job and closed on that thread. Jobs run one
// at a time in the order posted; a job posts its answer back itself.
class DatabaseReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseReader)

public:
    // `database` must outlive the reader. `name` names the thread.
    DatabaseReader(const spinepath::storage::Database& database, const QString& name,
                   QObject* parent = nullptr);
    // Waits for the jobs already posted, then closes the connection.
    ~DatabaseReader() override;

    using Job = std::function<void(const ReadConnection&)>;
    void post(Job job);

private:
    class Worker;
    QThread* m_thread;
    std::unique_ptr<Worker> m_worker;
};

} // namespace spinepath::ui
