#include "core/storage/PostgresUri.h"

#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

#include <array>

namespace spinepath::storage {

namespace {

const QStringList kSslModes{QStringLiteral("disable"),   QStringLiteral("allow"),
                            QStringLiteral("prefer"),    QStringLiteral("require"),
                            QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

Error invalid(const std::string& why)
{
    return Error{ErrorKind::InvalidArgument,
                 "The database address is not a PostgreSQL URI SpinePath can use: " + why +
                     ". Write it as postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=verify-full]."};
}

} // namespace

QString PostgresUri::display() const
{
    QString text = QStringLiteral("postgresql://") + user + u'@' + host;
    if (port != 5432)
        text += u':' + QString::number(port);
    text += u'/' + database;
    if (!sslmode.isEmpty())
        text += QStringLiteral("?sslmode=") + sslmode;
    return text;
}

bool isPostgresUri(const QString& location)
{
    return location.startsWith(QStringLiteral("postgresql://")) ||
           location.startsWith(QStringLiteral("postgres://"));
}

Result<PostgresUri> parsePostgresUri(const QString& location)
{
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid())
        return invalid("it is not a valid URI");
    // The password is refused without repeating it: the message may be logged.
    if (!url.password().isEmpty() || location.section(u'@', 0, 0).count(u':') > 1)
        return invalid("it holds a password, which would show in the process list and the log; put the "
                       "password in ~/.pgpass (or the file PGPASSFILE names) or let SpinePath ask for it");
    PostgresUri uri;
    uri.user = url.userName();
    uri.host = url.host();
    uri.database = url.path().mid(1);
    if (uri.user.isEmpty())
        return invalid("the user name is missing (USER@ before the host)");
    if (uri.host.isEmpty())
        return invalid("the host is missing");
    if (uri.database.isEmpty() || uri.database.contains(u'/'))
        return invalid("the database name is missing (/DBNAME after the host)");
    const int port = url.port(5432);
    if (port <= 0 || port > 65535)
        return invalid("the port is not a number from 1 to 65535");
    uri.port = port;
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QStringLiteral("sslmode") && kSslModes.contains(value))
            uri.sslmode = value;
        else if (key == QStringLiteral("sslmode"))
            return invalid("sslmode must be one of " + kSslModes.join(QStringLiteral(", ")).toStdString());
        else if (key == QStringLiteral("password"))
            return invalid(
                "it holds a password, which would show in the process list and the log; put the "
                "password in ~/.pgpass (or the file PGPASSFILE names) or let SpinePath ask for it");
        else
            return invalid("the parameter '" + key.toStdString() + "' is not supported (only sslmode)");
    }
    return uri;
}

QString ServerLogin::newKioskSession()
{
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QString text;
    for (const quint32 word : words)
        text += QStringLiteral("%1").arg(word, 8, 16, QLatin1Char('0'));
    return text;
}

} // namespace spinepath::storage
