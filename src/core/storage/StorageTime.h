#pragma once

#include <QDateTime>
#include <QString>

namespace spinepath::storage {

// Times are stored as UTC ISO 8601 text with milliseconds and a "Z"
// ("2026-03-01T09:30:00.123Z"): readable in any SQLite tool, and sorted as text
// they are sorted in time, which the indexes rely on.
[[nodiscard]] QString toStorageTime(const QDateTime& time);
// An invalid QDateTime for empty or malformed text.
[[nodiscard]] QDateTime fromStorageTime(const QString& text);
// Now, to the millisecond, in UTC.
[[nodiscard]] QDateTime storageNow();
// A compact UTC stamp for file names: 20261125T145614Z (with milliseconds
// when asked, for names that must differ within a second).
[[nodiscard]] QString fileStamp(const QDateTime& time = storageNow());

} // namespace spinepath::storage
