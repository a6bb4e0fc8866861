#include "core/storage/Dialect.h"

#include <QRegularExpression>

#include <algorithm>

namespace spinepath::storage {

namespace {

QStringList wordsOf(const std::string& typed)
{
    return QString::fromStdString(typed).split(QRegularExpression(QStringLiteral("\\s+")),
                                               Qt::SkipEmptyParts);
}

class SqliteDialect final : public Dialect
{
public:
    Engine engine() const override { return Engine::Sqlite; }
    const char* name() const override { return "SQLite"; }
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }

    QString patientNameMatches(const QString& patientColumn) const override
    {
        return patientColumn +
               QStringLiteral(" IN (SELECT rowid FROM patients_fts WHERE patients_fts MATCH :name)");
    }
    // An FTS5 query matching every word as a prefix: "ann smi" finds "Anna
    // Smith". Each word is quoted, so nothing typed is FTS syntax.
    QString patientNameQuery(const std::string& typed) const override
    {
        QStringList terms;
        for (QString word : wordsOf(typed)) {
            word.replace(u'"', QStringLiteral("\"\""));
            bool hasText = false;
            for (const QChar c : word)
                hasText = hasText || c.isLetterOrNumber();
            if (hasText)
                terms << u'"' + word + QStringLiteral("\"*");
        }
        return terms.join(u' ');
    }
    QString caseBlind(const QString& expression) const override
    {
        return expression + QStringLiteral(" COLLATE NOCASE");
    }
    QString orderedJoin() const override { return QStringLiteral("CROSS JOIN"); }
    QString assessmentRowKey(const QString& alias) const override { return alias + QStringLiteral(".rowid"); }
    QString nullsFirst(const QString& column, bool descending) const override
    {
        return descending ? column + QStringLiteral(" DESC") : column;
    }
    QString indexHint(const QString& index) const override { return QStringLiteral(" INDEXED BY ") + index; }

    QString articleSearch() const override
    {
        return QStringLiteral("SELECT a.id, a.title, a.version, snippet(articles_fts, 1, :open, :close, "
                              ":ellipsis, :words) FROM articles_fts JOIN articles a ON a.rowid = "
                              "articles_fts.rowid WHERE articles_fts MATCH :query AND a.language = :language "
                              "ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT :limit");
    }
    QString articleQuery(const QStringList& stems) const override
    {
        QStringList terms;
        for (const QString& stem : stems)
            terms << u'"' + stem + QStringLiteral("\"*");
        return terms.join(u' ');
    }
    QString snippetOptions(const QString&, const QString&, int) const override { return {}; }
    QString purgeNameIndex() const override
    {
        return QStringLiteral("INSERT INTO patients_fts (patients_fts) VALUES ('optimize')");
    }
};

// PostgreSQL: tsvector columns with GIN indexes (Migrations.cpp), prefix
// matches with :*, ts_headline for the snippet. Articles use the
// spinepath_search configuration ('simple' without accents: no language
// stemming, the C++ stems, as for FTS5); names use 'simple'.
class PostgresDialect final : public Dialect
{
public:
    Engine engine() const override { return Engine::Postgres; }
    const char* name() const override { return "PostgreSQL"; }
    QString beginWrite() const override { return QStringLiteral("BEGIN"); }

    QString patientNameMatches(const QString& patientColumn) const override
    {
        return patientColumn + QStringLiteral(" IN (SELECT id FROM patients WHERE name_search @@ "
                                              "to_tsquery('simple', :name))");
    }
    // Only letters and digits reach the tsquery: "o'brien" is "o" and
    // "brien", as the tokenizer splits the stored name.
    QString patientNameQuery(const std::string& typed) const override
    {
        return prefixQuery(QString::fromStdString(typed).toLower().split(
            QRegularExpression(QStringLiteral("[^\\w]+|_")), Qt::SkipEmptyParts));
    }
    QString caseBlind(const QString& expression) const override
    {
        return QStringLiteral("lower(") + expression + u')';
    }
    QString orderedJoin() const override { return QStringLiteral("JOIN"); }
    QString assessmentRowKey(const QString& alias) const override { return alias + QStringLiteral(".id"); }
    // The indexes on these columns are made NULLS FIRST (Migrations.cpp),
    // so both directions still walk them.
    QString nullsFirst(const QString& column, bool descending) const override
    {
        return column + (descending ? QStringLiteral(" DESC NULLS LAST") : QStringLiteral(" NULLS FIRST"));
    }
    QString indexHint(const QString&) const override { return {}; }

    // ts_headline marks the words; the ellipsis is added where the snippet
    // does not reach the start or the end of the text, as FTS5 does.
    QString articleSearch() const override
    {
        return QStringLiteral(
            "SELECT id, title, version, "
            "CASE WHEN starts_with(plain_text, bare) THEN '' ELSE :ellipsis END || headline || "
            "CASE WHEN right(plain_text, length(bare)) = bare THEN '' ELSE :ellipsis END "
            "FROM (SELECT id, title, version, plain_text, rank, headline, "
            "replace(replace(headline, :open, ''), :close, '') AS bare FROM ("
            "SELECT a.id, a.title, a.version, a.plain_text, "
            "ts_rank(CAST(ARRAY[0, 0, 0.2, 1] AS real[]), a.search_vector, q) AS rank, "
            "ts_headline('spinepath_search', a.plain_text, q, :options) AS headline "
            "FROM articles a, to_tsquery('spinepath_search', :query) q "
            "WHERE a.search_vector @@ q AND a.language = :language "
            "ORDER BY rank DESC, a.id LIMIT :limit) AS found) AS marked ORDER BY rank DESC, id");
    }
    // The index holds words without their accents (the spinepath_search
    // configuration, Migrations.cpp), so the query drops them too:
    // "cirugía" and "cirugia" find the same articles, as with FTS5.
    QString articleQuery(const QStringList& stems) const override
    {
        QStringList bare;
        for (const QString& stem : stems)
            bare << withoutAccents(stem);
        return prefixQuery(bare);
    }
    QString snippetOptions(const QString& open, const QString& close, int words) const override
    {
        // Option values in double quotes; a quote inside a marker is dropped.
        auto quoted = [](QString text) -> QString { return u'"' + text.remove(u'"') + u'"'; };
        return QStringLiteral("StartSel=%1, StopSel=%2, MaxWords=%3, MinWords=%4, ShortWord=0, "
                              "HighlightAll=false, MaxFragments=1, FragmentDelimiter=\" \"")
            .arg(quoted(open), quoted(close), QString::number(words),
                 QString::number(std::max(1, words / 2)));
    }
    QString purgeNameIndex() const override { return {}; }

private:
    static QString withoutAccents(const QString& word)
    {
        QString bare;
        for (const QChar c : word.normalized(QString::NormalizationForm_D))
            if (c.category() != QChar::Mark_NonSpacing)
                bare += c;
        return bare;
    }
    static QString prefixQuery(const QStringList& words)
    {
        QStringList terms;
        for (const QString& word : words) {
            QString clean;
            for (const QChar c : word)
                if (c.isLetterOrNumber())
                    clean += c;
            if (!clean.isEmpty())
                terms << u'\'' + clean + QStringLiteral("':*");
        }
        return terms.join(QStringLiteral(" & "));
    }
};

} // namespace

const Dialect& Dialect::of(Engine engine)
{
    static const SqliteDialect sqlite;
    static const PostgresDialect postgres;
    return engine == Engine::Postgres ? static_cast<const Dialect&>(postgres) : sqlite;
}

} // namespace spinepath::storage
