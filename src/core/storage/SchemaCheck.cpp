#include "core/storage/SchemaCheck.h"

#include "core/storage/Migrations.h"

#include <QSqlQuery>

#include <atomic>
#include <map>
#include <utility>

namespace spinepath::storage {

namespace {

// (type, name) -> the table it belongs to and, for triggers and views, the
// text that defines it.
using Schema = std::map<std::pair<std::string, std::string>, std::string>;

Schema readSchema(const QSqlDatabase& connection)
{
    Schema schema;
    QSqlQuery query(connection);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                                   "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")))
        return schema;
    while (query.next()) {
        const std::string type = query.value(0).toString().toStdString();
        std::string key = "on " + query.value(2).toString().toStdString();
        if (type == "trigger" || type == "view")
            key += ": " + query.value(3).toString().simplified().toStdString();
        schema[{type, query.value(1).toString().toStdString()}] = std::move(key);
    }
    return schema;
}

// The schema the migrations make, built in a private in-memory database.
Schema expectedSchema(int version)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("spinepath-expected-schema-") + QString::number(++counter);
    Schema schema;
    {
        QSqlDatabase memory = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        memory.setDatabaseName(QStringLiteral(":memory:"));
        if (memory.open()) {
            QSqlQuery query(memory);
            for (const Migration& step : migrations())
                if (step.version <= version)
                    for (const char* sql : step.statements)
                        query.exec(QString::fromUtf8(sql));
            schema = readSchema(memory);
        }
        memory.close();
    }
    QSqlDatabase::removeDatabase(name);
    return schema;
}

} // namespace

std::vector<std::string> schemaDifferences(const QSqlDatabase& connection, int version)
{
    std::vector<std::string> differences;
    const Schema expected = expectedSchema(version);
    const Schema found = readSchema(connection);
    for (const auto& [key, definition] : found) {
        const auto wanted = expected.find(key);
        if (wanted == expected.end())
            differences.push_back("a " + key.first + " named '" + key.second + "' (" +
                                  definition.substr(0, definition.find(':')) +
                                  ") that SpinePath did not make");
        else if (wanted->second != definition)
            differences.push_back("the " + key.first + " '" + key.second +
                                  "' has been changed from what SpinePath made");
    }
    for (const auto& [key, definition] : expected)
        if (!found.contains(key))
            differences.push_back("the " + key.first + " '" + key.second + "' is missing");
    return differences;
}

} // namespace spinepath::storage
