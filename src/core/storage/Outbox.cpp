#include "core/storage/Outbox.h"

#include "core/storage/PrivateFiles.h"
#include "core/storage/StorageTime.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <spdlog/spdlog.h>

namespace spinepath::storage {

namespace {

using nlohmann::json;

// PRAGMA application_id of an outbox ("SPOB"), so a file that is some
// other database is never taken for one, nor one for the clinic's database.
constexpr int kApplicationId = 0x53504f42;

QString newConnectionName()
{
    return QStringLiteral("spinepath-outbox-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

json contentToJson(const ContentVersions& content)
{
    return {{"questionnaireId", content.questionnaireId},
            {"questionnaireVersion", content.questionnaireVersion},
            {"rulesetId", content.rulesetId},
            {"rulesetVersion", content.rulesetVersion}};
}

json patientToJson(const PatientIdentity& patient)
{
    json out = {{"name", patient.name},
                {"birthDate", patient.birthDate},
                {"phone", patient.phone},
                {"email", patient.email}};
    if (patient.contactOk)
        out["contactOk"] = *patient.contactOk;
    return out;
}

QString timeText(const QDateTime& time)
{
    return time.isValid() ? toStorageTime(time) : QString();
}

std::string toDocument(const OutboxEntry& entry)
{
    json document = {{"id", entry.id},
                     {"kioskSession", entry.kioskSession},
                     {"mode", toString(entry.started.mode)},
                     {"content", contentToJson(entry.started.content)},
                     {"language", entry.started.language},
                     {"startedAt", timeText(entry.started.startedAt).toStdString()},
                     {"status", toString(entry.status)},
                     {"response", entry.answers.response},
                     {"patient", patientToJson(entry.answers.patient)},
                     {"completedAt", timeText(entry.completedAt).toStdString()},
                     {"alerts", entry.alerts}};
    if (entry.result) {
        std::string result;
        entry.result->appendJson(result);
        document["result"] = json::parse(result);
    }
    return document.dump();
}

// Throws json errors on a document this version did not write; the caller
// reports the entry as unreadable and keeps it.
OutboxEntry fromDocument(const std::string& text)
{
    const json document = json::parse(text);
    OutboxEntry entry;
    entry.id = document.at("id").get<std::string>();
    entry.kioskSession = document.at("kioskSession").get<std::string>();
    const auto mode = assessmentModeFromString(document.at("mode").get<std::string>());
    const auto status = statusFromString(document.at("status").get<std::string>());
    if (!mode || !status)
        throw std::invalid_argument("unknown mode or status");
    entry.started.mode = *mode;
    entry.status = *status;
    const json& content = document.at("content");
    entry.started.content = {content.at("questionnaireId").get<std::string>(),
                             content.at("questionnaireVersion").get<std::string>(),
                             content.at("rulesetId").get<std::string>(),
                             content.at("rulesetVersion").get<std::string>()};
    entry.started.language = document.at("language").get<std::string>();
    entry.started.startedAt =
        fromStorageTime(QString::fromStdString(document.at("startedAt").get<std::string>()));
    entry.answers.response = document.at("response");
    const json& patient = document.at("patient");
    entry.answers.patient.name = patient.at("name").get<std::string>();
    entry.answers.patient.birthDate = patient.at("birthDate").get<std::string>();
    entry.answers.patient.phone = patient.at("phone").get<std::string>();
    entry.answers.patient.email = patient.at("email").get<std::string>();
    if (patient.contains("contactOk"))
        entry.answers.patient.contactOk = patient.at("contactOk").get<bool>();
    entry.completedAt =
        fromStorageTime(QString::fromStdString(document.at("completedAt").get<std::string>()));
    entry.alerts = document.at("alerts").get<std::vector<std::string>>();
    if (document.contains("result"))
        entry.result = scoring::ScreeningResult::fromJson(document.at("result"));
    return entry;
}

} // namespace

QString Outbox::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("SPINEPATH_OUTBOX");
    if (!fromEnvironment.isEmpty())
        return QFileInfo(fromEnvironment).absoluteFilePath();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("outbox.sqlite"));
}

Outbox::Outbox(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

Outbox::~Outbox()
{
    {
        QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
        if (connection.isOpen())
            connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Error Outbox::failure(const QString& detail, std::string_view action) const
{
    return Error{ErrorKind::Io, "SpinePath could not " + std::string(action) + " in the kiosk's outbox " +
                                    m_path.toStdString() + ". Details: " + detail.toStdString()};
}

Result<std::unique_ptr<Outbox>> Outbox::open(const QString& path)
{
    constexpr std::string_view action = "open the file of unsent answers";
    if (auto folder = preparePrivateFolder(QFileInfo(path).absolutePath()); !folder)
        return std::move(folder).error();
    const FileState state = inspectFile(path);
    if (state == FileState::NotSqlite)
        return Error{ErrorKind::NotOurs,
                     "The kiosk's outbox " + path.toStdString() +
                         " is not a SpinePath outbox (it is not an SQLite database). "
                         "SpinePath has not changed it: it may hold unsent answers. Move it "
                         "away, or give SpinePath another outbox (SPINEPATH_OUTBOX)."};
    if (state != FileState::Missing)
        if (auto exposed = checkNotExposed(path); !exposed)
            return std::move(exposed).error();

    std::unique_ptr<Outbox> outbox(new Outbox(path, newConnectionName()));
    const PrivateUmask privateFiles;
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), outbox->m_connectionName);
    connection.setDatabaseName(path);
    connection.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!connection.open())
        return outbox->failure(connection.lastError().text(), action);
    QSqlQuery query(connection);
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return outbox->failure(query.lastError().text(), action);
    const int applicationId = query.value(0).toInt();
    query.finish();
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !query.next())
        return outbox->failure(query.lastError().text(), action);
    const bool isNew = query.value(0).toInt() == 0;
    query.finish();
    if (!isNew && applicationId != kApplicationId)
        return Error{ErrorKind::NotOurs,
                     "The file " + path.toStdString() +
                         " is another database, not a SpinePath outbox. SpinePath has not "
                         "changed it; give SpinePath another outbox (SPINEPATH_OUTBOX)."};
    // Answers are removed once delivered: secure_delete zeroes their pages.
    const QStringList setup{
        QStringLiteral("PRAGMA synchronous = FULL"),
        QStringLiteral("PRAGMA secure_delete = ON"),
        QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId),
        QStringLiteral("CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, revision INTEGER NOT NULL, "
                       "queued_at TEXT NOT NULL, entry TEXT NOT NULL)"),
    };
    for (const QString& sql : setup)
        if (!query.exec(sql))
            return outbox->failure(query.lastError().text(), action);
    if (!makeDatabaseFilesPrivate(path))
        spdlog::warn("The outbox's files could not all be made private (mode 0600).");
    return outbox;
}

Result<qint64> Outbox::keep(const OutboxEntry& entry)
{
    constexpr std::string_view action = "keep the answers";
    const PrivateUmask privateFiles; // the rollback journal, from its first byte
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral(
        "INSERT INTO outbox (id, revision, queued_at, entry) VALUES (:id, 1, :now, :entry) "
        "ON CONFLICT (id) DO UPDATE SET revision = revision + 1, entry = excluded.entry RETURNING revision"));
    query.bindValue(QStringLiteral(":id"), QString::fromStdString(entry.id));
    query.bindValue(QStringLiteral(":now"), toStorageTime(storageNow()));
    query.bindValue(QStringLiteral(":entry"), QString::fromStdString(toDocument(entry)));
    if (!query.exec() || !query.next())
        return failure(query.lastError().text(), action);
    return query.value(0).toLongLong();
}

Result<bool> Outbox::contains(const std::string& id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), QString::fromStdString(id));
    if (!query.exec())
        return failure(query.lastError().text(), "read the unsent answers");
    return query.next();
}

Result<std::optional<OutboxEntry>> Outbox::find(const std::string& id) const
{
    auto all = pending();
    if (!all)
        return std::move(all).error();
    for (OutboxEntry& entry : *all)
        if (entry.id == id)
            return std::optional<OutboxEntry>(std::move(entry));
    return std::optional<OutboxEntry>();
}

Result<std::vector<OutboxEntry>> Outbox::pending() const
{
    constexpr std::string_view action = "read the unsent answers";
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(
            QStringLiteral("SELECT id, revision, queued_at, entry FROM outbox ORDER BY queued_at, id")))
        return failure(query.lastError().text(), action);
    std::vector<OutboxEntry> entries;
    while (query.next()) {
        try {
            OutboxEntry entry = fromDocument(query.value(3).toString().toStdString());
            entry.revision = query.value(1).toLongLong();
            entry.queuedAt = fromStorageTime(query.value(2).toString());
            entries.push_back(std::move(entry));
        } catch (const std::exception&) {
            // Kept: a newer SpinePath may read it. Named by id, never by
            // content (a parser's message quotes the text it stopped at).
            return failure(QStringLiteral("the entry %1 is damaged or was written by a newer SpinePath")
                               .arg(query.value(0).toString()),
                           action);
        }
    }
    if (query.lastError().isValid())
        return failure(query.lastError().text(), action);
    return entries;
}

Result<int> Outbox::count() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM outbox")) || !query.next())
        return failure(query.lastError().text(), "count the unsent answers");
    return query.value(0).toInt();
}

Result<bool> Outbox::remove(const std::string& id, qint64 revision)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE id = :id AND revision = :revision"));
    query.bindValue(QStringLiteral(":id"), QString::fromStdString(id));
    query.bindValue(QStringLiteral(":revision"), revision);
    if (!query.exec())
        return failure(query.lastError().text(), "remove the delivered answers");
    return query.numRowsAffected() > 0;
}

} // namespace spinepath::storage
