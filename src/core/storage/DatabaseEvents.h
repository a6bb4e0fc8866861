#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <QObject>
#include <QString>

#include <optional>
#include <string>

namespace spinepath::storage {

// What a clinic network announces (migration 9's trigger): a finished
// assessment, an emergency, an abandoned kiosk session. Never a patient's
// name or answers: the id is enough to look the rest up with a staff login.
struct DatabaseEvent
{
    std::string event; // "emergency", "completed" or "abandoned"
    std::string id;
    std::string at; // UTC, ISO 8601 with milliseconds

    // Reads the server's payload; nothing when it is not one of ours.
    [[nodiscard]] static std::optional<DatabaseEvent> fromPayload(const QString& payload);
    // One line of compact JSON: {"event":...,"id":...,"at":...}.
    [[nodiscard]] std::string toJson() const;
};

// Hears those announcements as they are committed, on the thread of the
// database's connection, through PostgreSQL's LISTEN/NOTIFY: no polling,
// so an emergency reaches the staff console at once. A SQLite file has no
// other computer to hear from (start() says so).
class DatabaseEvents final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseEvents)

public:
    static constexpr const char* kChannel = "spinepath_events";

    // `database` must outlive this object.
    explicit DatabaseEvents(const Database& database, QObject* parent = nullptr);
    ~DatabaseEvents() override;

    Result<void> start();
    [[nodiscard]] bool isListening() const { return m_listening; }

signals:
    void received(const spinepath::storage::DatabaseEvent& event);

private:
    const Database& m_database;
    bool m_listening = false;
};

} // namespace spinepath::storage
