#pragma once

#include "core/storage/AssessmentRecord.h"
#include "core/storage/Result.h"

#include <QDateTime>
#include <QString>
#include <QtGlobal>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spinepath::storage {

// One assessment a kiosk could not send to the clinic's server, as it
// stands now: the whole state, not the steps, so sending it again gives
// the same rows (AssessmentLifecycle::deliver).
struct OutboxEntry
{
    std::string id;           // the assessment's UUID, the same on the kiosk and the server
    std::string kioskSession; // the server session it was started in (ServerLogin::kioskSession)
    NewAssessment started;
    // InProgress while the patient answers; Completed or Abandoned at the end.
    Status status = Status::InProgress;
    StoredAnswers answers;
    std::optional<scoring::ScreeningResult> result; // with Completed
    QDateTime completedAt;                          // with Completed
    std::vector<std::string> alerts;                // emergency flags raised while answering
    // Counts every keep() of this id, so a sender removes only what it sent
    // (Outbox::remove), never a newer state kept meanwhile.
    qint64 revision = 0;
    QDateTime queuedAt; // when the first state of it was kept
};

// The local SQLite file (mode 0600, in a 0700 folder) where a kiosk keeps
// the assessments it could not send to the clinic's server, until a sender
// delivers them. Small by nature (a few assessments per outage); each
// connection belongs to the thread that opened it, as with Database.
class Outbox final
{
public:
    // Opens or creates the file; a file that is not an outbox is refused,
    // never replaced: it may hold unsent answers.
    [[nodiscard]] static Result<std::unique_ptr<Outbox>> open(const QString& path);
    // Beside the default database (defaultDatabasePath()'s folder): outbox.sqlite.
    [[nodiscard]] static QString defaultPath();

    ~Outbox();
    Q_DISABLE_COPY_MOVE(Outbox)

    [[nodiscard]] const QString& path() const noexcept { return m_path; }

    // Keeps the newest state of an assessment, replacing an older one;
    // returns the revision it was kept as. Committed with synchronous=FULL
    // before it returns: the patient's answers are on disk.
    [[nodiscard]] Result<qint64> keep(const OutboxEntry& entry);
    [[nodiscard]] Result<bool> contains(const std::string& id) const;
    [[nodiscard]] Result<std::optional<OutboxEntry>> find(const std::string& id) const;
    // Everything waiting, oldest first.
    [[nodiscard]] Result<std::vector<OutboxEntry>> pending() const;
    [[nodiscard]] Result<int> count() const;
    // Forgets an entry that was delivered at `revision`; false when a newer
    // state was kept since (it is sent next time) or it is gone.
    [[nodiscard]] Result<bool> remove(const std::string& id, qint64 revision);

private:
    Outbox(QString path, QString connectionName);
    [[nodiscard]] Error failure(const QString& detail, std::string_view action) const;

    QString m_path;
    QString m_connectionName;
};

} // namespace spinepath::storage
