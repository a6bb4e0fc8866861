#pragma once

// A clinic network's server for the storage tests: a database of the test
// program's own cluster (tests/support/PostgresCluster.h) with its owner,
// and kiosk and staff logins made as a clinic makes them.
#include "StorageTestSupport.h"
#include "support/ChildProcess.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>

#include <map>
#include <string>

namespace storagetest {

// One database of the cluster with its owner (the test superuser), and
// logins whose passwords a PGPASSFILE holds, as a clinic's computers would.
class ClinicServer final
{
public:
    ClinicServer()
    {
        ensureApplication();
        auto& cluster = spinepath::test::PostgresCluster::shared();
        m_database = cluster.createDatabase();
        m_ownerUri = cluster.uri(m_database).toStdString();
        m_passFile = m_folder.file(QStringLiteral("pgpass"));
        qputenv("PGPASSFILE", QFile::encodeName(m_passFile));
    }
    ~ClinicServer() { qunsetenv("PGPASSFILE"); }
    ClinicServer(const ClinicServer&) = delete;
    ClinicServer& operator=(const ClinicServer&) = delete;

    [[nodiscard]] const std::string& ownerUri() const { return m_ownerUri; }
    [[nodiscard]] std::string uriOf(const std::string& login) const
    {
        return spinepath::test::PostgresCluster::shared()
            .uri(m_database, QString::fromStdString(login))
            .toStdString();
    }

    // `db create-role`, as the owner, with the password on standard input.
    void addLogin(const std::string& role, const std::string& login)
    {
        const std::string password = "pw-" + login + "-Synthetic1";
        const auto made =
            spinepath::test::runCli({"db", "create-role", role, login, "--db", m_ownerUri}, password + "\n");
        INFO(made.err);
        REQUIRE(made.exitCode == 0);
        QFile file(m_passFile);
        REQUIRE(file.open(QIODevice::Append));
        file.write(QStringLiteral("127.0.0.1:%1:%2:%3:%4\n")
                       .arg(QString::number(spinepath::test::PostgresCluster::shared().port()), m_database,
                            QString::fromStdString(login), QString::fromStdString(password))
                       .toUtf8());
        file.close();
        REQUIRE(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        m_passwords[login] = password;
    }

    // A plain connection as `login`, outside SpinePath: what a thief with
    // the kiosk's password would have.
    [[nodiscard]] QSqlDatabase connectAs(const std::string& login) const
    {
        const QString name = QStringLiteral("raw-") + QString::fromStdString(login);
        QSqlDatabase connection = QSqlDatabase::contains(name)
                                      ? QSqlDatabase::database(name, false)
                                      : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        connection.setHostName(QStringLiteral("127.0.0.1"));
        connection.setPort(spinepath::test::PostgresCluster::shared().port());
        connection.setDatabaseName(m_database);
        connection.setUserName(QString::fromStdString(login));
        connection.setPassword(QString::fromStdString(m_passwords.at(login)));
        if (!connection.open())
            FAIL("cannot connect as " << login << ": " << connection.lastError().text().toStdString());
        return connection;
    }

private:
    TempFolder m_folder;
    QString m_database;
    std::string m_ownerUri;
    QString m_passFile;
    std::map<std::string, std::string> m_passwords;
};

} // namespace storagetest
