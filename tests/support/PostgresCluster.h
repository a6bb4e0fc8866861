#pragma once

// A throw-away PostgreSQL 15 cluster for the tests: initdb into a temporary
// folder, started on 127.0.0.1 and a free port, stopped (pg_ctl stop -m fast)
// and removed when the test program ends, even when a test fails. The server
// refuses to run as root, and CI runs the tests as root: then the cluster
// runs as the `postgres` user (runuser), its folder handed to that user.
//
// One cluster per test program (shared(): started on first use, a few
// hundred milliseconds), a fresh database per test case (createDatabase()),
// so the tests stay fast and independent. A watchdog shell started beside
// the server stops and removes it if the test program dies without its
// destructors running (a crash, SIGKILL, an abort).
//
// Authentication is `trust` on 127.0.0.1 only, for the superuser
// `spinepath_test`; the cluster lives as long as the test program.
#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include <csignal>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

namespace spinepath::test {

class PostgresCluster final
{
public:
    static constexpr const char* kBinaries = "/usr/lib/postgresql/15/bin";
    static constexpr const char* kSuperuser = "spinepath_test";

    // Whether PostgreSQL 15 is installed here (the Makefile's test packages
    // bring it; a developer without it sees the PostgreSQL tests fail with
    // that reason).
    static bool available()
    {
        return QFile::exists(QString::fromLatin1(kBinaries) + QStringLiteral("/initdb"));
    }

    // The cluster of this test program, started on first use. Throws
    // std::runtime_error with the server's own words when it cannot start.
    static PostgresCluster& shared()
    {
        static PostgresCluster cluster;
        return cluster;
    }

    // A cluster of the caller's own with the server's durable defaults
    // (fsync and synchronous commit on), as a clinic runs it: for the
    // benchmark, whose write figures would mean nothing without them.
    // `settings`: more of the server's `-c NAME=VALUE` options.
    static std::unique_ptr<PostgresCluster> durable(const QString& settings = {})
    {
        return std::unique_ptr<PostgresCluster>(
            new PostgresCluster(QStringLiteral("-c max_connections=60 ") + settings));
    }

    ~PostgresCluster() { stop(); }
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    [[nodiscard]] int port() const { return m_port; }

    // Takes the server away as a lost network would: every connection is
    // cut at once (pg_ctl stop -m fast), and nothing answers on the port
    // until bringBack() starts it again there. Not -m immediate: with the
    // test cluster's synchronous_commit=off that would also lose the last
    // commits, which a real server (synchronous_commit on) never does.
    void pullAway()
    {
        for (const QString& name : QSqlDatabase::connectionNames())
            if (name.startsWith(QStringLiteral("pg-test-admin-")))
                disconnectAdmin(name.mid(QStringLiteral("pg-test-admin-").size()));
        run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataPath(), QStringLiteral("-m"),
                                       QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
        m_running = false;
    }
    void bringBack()
    {
        startServer();
        m_running = true;
    }
    [[nodiscard]] QString host() const { return QStringLiteral("127.0.0.1"); }
    // The server's log (removed with the cluster).
    [[nodiscard]] QString logPath() const { return m_folder->filePath(QStringLiteral("log")); }

    // The libpq URI of a database of this cluster, as SpinePath takes it.
    [[nodiscard]] QString uri(const QString& database,
                              const QString& user = QString::fromLatin1(kSuperuser)) const
    {
        return QStringLiteral("postgresql://%1@%2:%3/%4")
            .arg(user, host(), QString::number(m_port), database);
    }

    // A new, empty database (from template0); its name is returned.
    QString createDatabase()
    {
        static std::atomic<int> counter{0};
        const QString name =
            QStringLiteral("spinepath_t%1_%2").arg(QString::number(::getpid()), QString::number(++counter));
        admin(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(name));
        return name;
    }

    // Runs SQL as the superuser in the maintenance database `postgres`
    // (or `database`); throws on an error.
    void admin(const QString& sql, const QString& database = QStringLiteral("postgres"))
    {
        const QString connectionName = QStringLiteral("pg-test-admin-") + database;
        {
            QSqlDatabase connection =
                QSqlDatabase::contains(connectionName)
                    ? QSqlDatabase::database(connectionName, false)
                    : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
            if (!connection.isValid())
                throw std::runtime_error(
                    "the Qt PostgreSQL driver is missing (Debian package libqt6sql6-psql)");
            if (!connection.isOpen()) {
                connection.setHostName(host());
                connection.setPort(m_port);
                connection.setUserName(QString::fromLatin1(kSuperuser));
                connection.setDatabaseName(database);
                if (!connection.open())
                    throw std::runtime_error("cannot connect to the test cluster: " +
                                             connection.lastError().text().toStdString());
            }
            QSqlQuery query(connection);
            if (!query.exec(sql))
                throw std::runtime_error(sql.toStdString() + ": " + query.lastError().text().toStdString());
        }
    }

    // Closes the admin connection to `database` (DROP DATABASE needs that).
    static void disconnectAdmin(const QString& database)
    {
        const QString connectionName = QStringLiteral("pg-test-admin-") + database;
        if (!QSqlDatabase::contains(connectionName))
            return;
        {
            QSqlDatabase connection = QSqlDatabase::database(connectionName, false);
            connection.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
    }

private:
    // The tests trade durability for speed: a crash of the test machine
    // loses nothing anyone needs.
    static constexpr const char* kTestSettings =
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60";

    explicit PostgresCluster(const QString& settings = QString::fromLatin1(kTestSettings))
        : m_settings(settings)
    {
        if (!available())
            throw std::runtime_error("PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin/initdb); "
                                     "`make test` installs the package postgresql");
        ensureApplication();
        // QtSql's list of connections is a global made on first use; made
        // now, during this constructor, it outlives this object, whose
        // destructor closes the admin connections in it.
        static_cast<void>(QSqlDatabase::connectionNames());
        m_folder = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/spinepath-pg-XXXXXX"));
        if (!m_folder->isValid())
            throw std::runtime_error("no temporary folder for the test cluster");
        m_asPostgres = ::geteuid() == 0;
        if (m_asPostgres) {
            const passwd* postgres = ::getpwnam("postgres");
            if (postgres == nullptr)
                throw std::runtime_error(
                    "running as root, but there is no `postgres` user to run the server");
            if (::chown(QFile::encodeName(m_folder->path()).constData(), postgres->pw_uid,
                        postgres->pw_gid) != 0)
                throw std::runtime_error("cannot hand the test cluster's folder to the postgres user");
        }
        startWatchdog(); // from here on, a crash leaves nothing behind
        run(QStringLiteral("initdb"),
            {QStringLiteral("-D"), dataPath(), QStringLiteral("-U"), QString::fromLatin1(kSuperuser),
             QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
             QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync"),
             QStringLiteral("--no-instructions")});
        // The test superuser connects without a password; every other role
        // must give one (scram-sha-256), so the tests can check that
        // SpinePath finds it in PGPASSFILE or takes it as asked for.
        writeAccessRules();
        // A free port can be taken by someone else between asking and
        // starting: try a few.
        for (int attempt = 0;; ++attempt) {
            m_port = freePort();
            try {
                startServer();
                break;
            } catch (const std::runtime_error&) {
                if (attempt >= 2)
                    throw;
            }
        }
        m_running = true;
    }

    void startServer() const
    {
        run(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), dataPath(), QStringLiteral("-l"),
             m_folder->filePath(QStringLiteral("log")), QStringLiteral("-w"), QStringLiteral("-t"),
             QStringLiteral("30"), QStringLiteral("-o"),
             QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -c unix_socket_directories='%2' ")
                     .arg(QString::number(m_port), m_folder->path()) +
                 m_settings,
             QStringLiteral("start")});
    }

    static void ensureApplication()
    {
        static int argc = 1;
        static char name[] = "spinepath-pg-test";
        static char* argv[] = {name, nullptr};
        if (QCoreApplication::instance() == nullptr)
            new QCoreApplication(argc, argv);
    }

    void writeAccessRules() const
    {
        QFile rules(dataPath() + QStringLiteral("/pg_hba.conf"));
        if (!rules.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw std::runtime_error("cannot write the test cluster's pg_hba.conf");
        rules.write(QByteArrayLiteral("local all all trust\n"
                                      "host all spinepath_test 127.0.0.1/32 trust\n"
                                      "host all all 127.0.0.1/32 scram-sha-256\n"));
    }

    [[nodiscard]] QString dataPath() const { return m_folder->filePath(QStringLiteral("data")); }

    // A port the kernel gives out as free on 127.0.0.1 (bind to port 0).
    static int freePort()
    {
        const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t length = sizeof address;
        const bool found = probe >= 0 &&
                           ::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                           ::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) == 0;
        if (probe >= 0)
            ::close(probe);
        if (!found)
            throw std::runtime_error("no free TCP port on 127.0.0.1 for the test cluster");
        return ntohs(address.sin_port);
    }

    // Runs a PostgreSQL program, as postgres when we are root.
    void run(const QString& program, const QStringList& arguments) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        const QString binary = QString::fromLatin1(kBinaries) + u'/' + program;
        if (m_asPostgres)
            process.start(
                QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), binary} +
                    arguments);
        else
            process.start(binary, arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            QString log;
            if (QFile file(m_folder->filePath(QStringLiteral("log"))); file.open(QIODevice::ReadOnly))
                log = QString::fromUtf8(file.readAll().right(2000));
            const QString message =
                program + QStringLiteral(" failed: ") + QString::fromUtf8(process.readAll()) + u'\n' + log;
            throw std::runtime_error(message.toStdString());
        }
    }

    // If this program dies before its destructors run, the shell stops the
    // server and removes the folder once this process is gone.
    void startWatchdog()
    {
        const QString script =
            // Not holding the test's output open: CTest waits for it to close.
            QStringLiteral(
                "exec </dev/null >/dev/null 2>&1; while kill -0 %1; do sleep 1; done; "
                "if [ -f '%2/postmaster.pid' ]; then %3 %4/pg_ctl -D '%2' -m immediate -w stop; fi; "
                "rm -rf '%5'")
                .arg(QString::number(::getpid()), dataPath(),
                     m_asPostgres ? QStringLiteral("runuser -u postgres --") : QString(),
                     QString::fromLatin1(kBinaries), m_folder->path());
        qint64 pid = 0;
        if (QProcess::startDetached(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}, QString(),
                                    &pid))
            m_watchdog = pid;
    }

    void stop()
    {
        for (const QString& name : QSqlDatabase::connectionNames())
            if (name.startsWith(QStringLiteral("pg-test-admin-")))
                disconnectAdmin(name.mid(QStringLiteral("pg-test-admin-").size()));
        if (m_running) {
            try {
                run(QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), dataPath(), QStringLiteral("-m"), QStringLiteral("fast"),
                     QStringLiteral("-w"), QStringLiteral("stop")});
            } catch (const std::exception& error) {
                std::fprintf(stderr, "stopping the test cluster: %s\n", error.what());
            }
            m_running = false;
        }
        if (m_watchdog > 0)
            ::kill(static_cast<pid_t>(m_watchdog), SIGTERM);
        m_folder.reset(); // removes the folder (root, or its owner)
    }

    QString m_settings; // the server's -c options
    std::unique_ptr<QTemporaryDir> m_folder;
    bool m_asPostgres = false;
    bool m_running = false;
    int m_port = 0;
    qint64 m_watchdog = 0;
};

} // namespace spinepath::test
