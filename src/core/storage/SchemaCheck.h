#pragma once

#include <QSqlDatabase>

#include <string>
#include <vector>

namespace spinepath::storage {

// What in a database's schema differs from the schema SpinePath's own
// migrations make at `version`: objects (tables, indexes, triggers, views)
// nobody expects, such as a trigger another program added to run on every
// save, and expected ones that are missing. Triggers and views are also
// compared by their text (whitespace aside), since a replaced body keeps
// its name. One plain-English line per difference; empty when the schema
// is exactly SpinePath's. SQLite's own objects (sqlite_*) are not compared.
[[nodiscard]] std::vector<std::string> schemaDifferences(const QSqlDatabase& connection, int version);

} // namespace spinepath::storage
