#include "core/storage/DatabaseEvents.h"

#include <QSqlDriver>

#include <nlohmann/json.hpp>

namespace spinepath::storage {

std::optional<DatabaseEvent> DatabaseEvent::fromPayload(const QString& payload)
{
    const nlohmann::json document = nlohmann::json::parse(payload.toStdString(), nullptr, false);
    if (!document.is_object())
        return std::nullopt;
    auto text = [&](const char* key) -> std::optional<std::string> {
        const auto found = document.find(key);
        if (found == document.end() || !found->is_string())
            return std::nullopt;
        return found->get<std::string>();
    };
    auto event = text("event");
    auto id = text("id");
    auto at = text("at");
    if (!event || !id || !at || (*event != "emergency" && *event != "completed" && *event != "abandoned"))
        return std::nullopt;
    return DatabaseEvent{*event, *id, *at};
}

std::string DatabaseEvent::toJson() const
{
    return nlohmann::ordered_json{{"event", event}, {"id", id}, {"at", at}}.dump();
}

DatabaseEvents::DatabaseEvents(const Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{}

DatabaseEvents::~DatabaseEvents()
{
    if (m_listening)
        m_database.connection().driver()->unsubscribeFromNotification(QString::fromLatin1(kChannel));
}

Result<void> DatabaseEvents::start()
{
    if (m_listening)
        return {};
    if (m_database.engine() != Engine::Postgres)
        return Error{ErrorKind::InvalidArgument,
                     "Live events come from a clinic's PostgreSQL server; the SQLite file " +
                         m_database.path().toStdString() + " has no other computer to hear from."};
    QSqlDriver* driver = m_database.connection().driver();
    if (!driver->subscribeToNotification(QString::fromLatin1(kChannel)))
        return Error{ErrorKind::Io, "SpinePath could not listen for events from the database server " +
                                        m_database.path().toStdString() + "."};
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
                if (name != QLatin1String(kChannel))
                    return;
                if (auto event = DatabaseEvent::fromPayload(payload.toString()))
                    emit received(*event);
            });
    m_listening = true;
    return {};
}

} // namespace spinepath::storage
