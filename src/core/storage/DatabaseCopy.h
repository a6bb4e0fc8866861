#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <string>
#include <vector>

namespace spinepath::storage {

// What one table's copy did.
struct TableCopy
{
    std::string table;
    qint64 rows = 0;   // in the source
    qint64 copied = 0; // new in the target (0 on a second run)
};

// Moves a clinic from one computer's SQLite file to its PostgreSQL server
// (`spinepath-cli db migrate`): every assessment, patient, flag, article
// shown, audit entry, setting and article, keeping their ids, so links,
// audit entries and exports stay the same. All in one transaction on the
// target, then each table is compared row by row, column by column; any
// difference undoes the copy and names the table and the row's key (never
// its content). Running it again copies nothing twice: rows already there
// are kept and compared. Both databases must be at this version's schema.
class DatabaseCopy final
{
public:
    DatabaseCopy(const Database& from, const Database& to);
    DatabaseCopy(const DatabaseCopy&) = delete;
    DatabaseCopy& operator=(const DatabaseCopy&) = delete;

    [[nodiscard]] Result<std::vector<TableCopy>> run() const;

private:
    const Database& m_from;
    const Database& m_to;
};

} // namespace spinepath::storage
