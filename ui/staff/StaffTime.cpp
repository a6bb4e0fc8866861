#include "staff/StaffTime.h"

#include <QLocale>
#include <QRegularExpression>

namespace spinepath::ui {

QString staffClock(const QTime& time)
{
    if (!time.isValid())
        return {};
    const QLocale locale;
    // Some locales' short format still has seconds (the C locale's is
    // HH:mm:ss): they are dropped with their separator.
    QString format = locale.timeFormat(QLocale::ShortFormat);
    static const QRegularExpression seconds(QStringLiteral("[:.]?s+"));
    format.remove(seconds);
    return locale.toString(time, format.trimmed());
}

QString staffTime(const QDateTime& time)
{
    return time.isValid() ? staffClock(time.toLocalTime().time()) : QString();
}

QString staffDate(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().date().toString(Qt::ISODate) : QString();
}

QString staffDateTime(const QDateTime& time)
{
    return time.isValid() ? staffDate(time) + u' ' + staffTime(time) : QString();
}

} // namespace spinepath::ui
