#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace spinepath::storage {

// The database engines SpinePath stores in: an SQLite file (one computer,
// no set-up) or a PostgreSQL server (a clinic network).
enum class Engine
{
    Sqlite,
    Postgres,
};

// Every place where the SQL of the two engines differs, in one object, so a
// repository writes its query once and asks the dialect only for the part
// that differs (a full-text match, a case-blind sort key), never
// `if (engine == ...)` in every query. SQL both engines understand (ON
// CONFLICT, RETURNING, CASE, window-free SELECTs) is written directly.
class Dialect
{
public:
    virtual ~Dialect() = default;
    Dialect() = default;
    Dialect(const Dialect&) = delete;
    Dialect& operator=(const Dialect&) = delete;

    [[nodiscard]] static const Dialect& of(Engine engine);

    [[nodiscard]] virtual Engine engine() const = 0;
    [[nodiscard]] virtual const char* name() const = 0;

    // Opens a write transaction. SQLite: BEGIN IMMEDIATE takes the write
    // lock up front, where the busy timeout applies.
    [[nodiscard]] virtual QString beginWrite() const = 0;

    // A condition on `patientColumn` that holds for the patients whose name
    // matches the bound :name, and the text to bind for what staff typed
    // (every word a prefix; nothing typed is query syntax). An empty text:
    // nothing typed could match.
    [[nodiscard]] virtual QString patientNameMatches(const QString& patientColumn) const = 0;
    [[nodiscard]] virtual QString patientNameQuery(const std::string& typed) const = 0;

    // The sort key for a name in case-blind order (an index serves it).
    [[nodiscard]] virtual QString caseBlind(const QString& expression) const = 0;
    // The join that keeps its left table the outer loop (SQLite's planner
    // hint CROSS JOIN); a plain JOIN elsewhere.
    [[nodiscard]] virtual QString orderedJoin() const = 0;
    // ORDER BY a column that may be NULL, NULL sorting as the smallest
    // value (SQLite's rule, which the staff list's order keeps).
    [[nodiscard]] virtual QString nullsFirst(const QString& column, bool descending) const = 0;
    // Names the index a query must walk (SQLite's INDEXED BY; the
    // PostgreSQL planner picks its own).
    [[nodiscard]] virtual QString indexHint(const QString& index) const = 0;
    // A column that identifies an assessment row, for a page's inner SELECT.
    [[nodiscard]] virtual QString assessmentRowKey(const QString& alias) const = 0;

    // The article search in one language: binds :query (articleQuery()),
    // :language, :open, :close, :ellipsis, :words, :limit and :options
    // (snippetOptions()); returns id, title, version and the highlighted
    // snippet, best first (the title weighs 5 times the text).
    [[nodiscard]] virtual QString articleSearch() const = 0;
    // Stems, each matched as a prefix, all required.
    [[nodiscard]] virtual QString articleQuery(const QStringList& stems) const = 0;
    [[nodiscard]] virtual QString snippetOptions(const QString& open, const QString& close,
                                                 int words) const = 0;

    // After rows left the name index: make the index forget them (SQLite's
    // FTS5 keeps deleted terms until merged). Empty: nothing to do.
    [[nodiscard]] virtual QString purgeNameIndex() const = 0;
};

} // namespace spinepath::storage
