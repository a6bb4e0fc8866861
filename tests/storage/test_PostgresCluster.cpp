// The test harness's own PostgreSQL cluster: it starts on 127.0.0.1 as a
// user the server accepts, hands out fresh databases, and is gone after the
// test program ends.
#include "support/PostgresCluster.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>

using spinepath::test::PostgresCluster;

TEST_CASE("The test cluster starts on 127.0.0.1 and hands out fresh databases", "[postgresql]")
{
    PostgresCluster& cluster = PostgresCluster::shared();
    CHECK(cluster.port() > 0);
    const QString first = cluster.createDatabase();
    const QString second = cluster.createDatabase();
    CHECK(first != second);
    cluster.admin(QStringLiteral("CREATE TABLE t (x int)"), first);
    cluster.admin(QStringLiteral("INSERT INTO t VALUES (1)"), first);
    PostgresCluster::disconnectAdmin(first);
    // The server runs as an ordinary user, never as root.
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("probe"));
        connection.setHostName(cluster.host());
        connection.setPort(cluster.port());
        connection.setUserName(QString::fromLatin1(PostgresCluster::kSuperuser));
        connection.setDatabaseName(second);
        REQUIRE(connection.open());
        QSqlQuery query(connection);
        REQUIRE(query.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 't'")));
        REQUIRE(query.next());
        CHECK(query.value(0).toInt() == 0); // the other database's table is not here
        REQUIRE(query.exec(QStringLiteral("SELECT inet_server_addr()::text")));
        REQUIRE(query.next());
        CHECK(query.value(0).toString().startsWith(QStringLiteral("127.0.0.1")));
        connection.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
}
