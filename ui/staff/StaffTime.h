#pragma once

#include <QDateTime>
#include <QString>
#include <QTime>

namespace spinepath::ui {

// Times as staff read them in the console: local time, the locale's short
// clock (9:40 AM, 09:40), never seconds. Dates stay ISO (2026-03-15), which
// read the same in every country, as on the documents.
[[nodiscard]] QString staffClock(const QTime& time);
// The local time of day of `time`; empty when invalid.
[[nodiscard]] QString staffTime(const QDateTime& time);
// The local date; empty when invalid.
[[nodiscard]] QString staffDate(const QDateTime& time);
// The local date and time of day; empty when invalid.
[[nodiscard]] QString staffDateTime(const QDateTime& time);

} // namespace spinepath::ui
