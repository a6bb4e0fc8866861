#include "core/storage/ArticleRepository.h"

#include "core/content/ArticleMarkup.h"
#include "core/content/SearchWords.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStringList>

namespace spinepath::storage {

namespace {

// Every word's stem matched as a prefix ("fusions" finds "fusion", "degen"
// finds "degenerative"); the dialect quotes them, so search operators typed
// by a user (AND, NEAR, quotes, column filters) lose their meaning.
QString matchQuery(const Dialect& dialect, const std::string& words, const std::string& language)
{
    // Unicode letters are word letters: "cirugía" is one word, not "cirug" and "a".
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    QStringList stems;
    const QStringList parts = qtext(words).split(separators, Qt::SkipEmptyParts);
    for (const QString& part : parts)
        stems << searchwords::stem(part.toLower(), qtext(language));
    return dialect.articleQuery(stems);
}

} // namespace

std::string Article::hashOf(const std::string& title, const std::string& body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(title.data(), static_cast<qsizetype>(title.size())));
    hash.addData(QByteArrayView("\n", 1));
    hash.addData(QByteArrayView(body.data(), static_cast<qsizetype>(body.size())));
    return hash.result().toHex().toStdString();
}

ArticleRepository::ArticleRepository(const Database& database)
    : m_database(database)
{}

Result<ArticleRepository::Upsert> ArticleRepository::upsert(const Article& article)
{
    constexpr std::string_view action = "save an article";
    if (article.id.empty())
        return Error{ErrorKind::InvalidArgument, "An article needs an id."};
    const std::string hash =
        article.contentHash.empty() ? Article::hashOf(article.title, article.body) : article.contentHash;
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return std::move(begun).error();
    const std::string language = article.language.empty() ? std::string("en") : article.language;
    Statement select(
        m_database,
        QStringLiteral("SELECT content_hash FROM articles WHERE id = :id AND language = :language"));
    select.bind(QStringLiteral(":id"), qtext(article.id)).bind(QStringLiteral(":language"), qtext(language));
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    const std::optional<std::string> stored = select.next() ? std::optional(select.string(0)) : std::nullopt;
    if (auto done = select.finish(action); !done)
        return std::move(done).error();
    if (stored && *stored == hash)
        return Upsert::Unchanged;

    Statement write(
        m_database,
        stored
            ? QStringLiteral("UPDATE articles SET title = :title, body = :body, version = :version, "
                             "content_hash = :hash, reading_grade = :grade, updated_at = :now, "
                             "plain_text = :plain WHERE id = :id AND language = :language")
            : QStringLiteral("INSERT INTO articles (id, language, title, body, version, content_hash, "
                             "reading_grade, updated_at, plain_text) VALUES (:id, :language, :title, :body, "
                             ":version, :hash, :grade, :now, :plain)"));
    write.bind(QStringLiteral(":id"), qtext(article.id))
        .bind(QStringLiteral(":language"), qtext(language))
        .bind(QStringLiteral(":title"), qtext(article.title))
        .bind(QStringLiteral(":body"), qtext(article.body))
        .bind(QStringLiteral(":plain"), ArticleMarkup::plainText(qtext(article.body)))
        .bind(QStringLiteral(":version"), qtext(article.version))
        .bind(QStringLiteral(":hash"), qtext(hash))
        .bind(QStringLiteral(":grade"), article.readingGrade ? QVariant(*article.readingGrade)
                                                             : QVariant(QMetaType::fromType<double>()))
        .bind(QStringLiteral(":now"), toStorageTime(storageNow()));
    if (auto done = write.exec(action); !done)
        return std::move(done).error();
    if (auto done = transaction.commit(action); !done)
        return std::move(done).error();
    return stored ? Upsert::Updated : Upsert::Inserted;
}

Result<Article> ArticleRepository::get(const std::string& id, const std::string& language) const
{
    Statement select(m_database,
                     QStringLiteral("SELECT id, title, body, version, content_hash, reading_grade, "
                                    "updated_at FROM articles WHERE id = :id AND language = :language"));
    select.bind(QStringLiteral(":id"), qtext(id)).bind(QStringLiteral(":language"), qtext(language));
    if (auto done = select.exec("read an article"); !done)
        return std::move(done).error();
    if (!select.next())
        return Error{ErrorKind::NotFound, "There is no article with the id " + id + "."};
    Article article{select.string(0),
                    select.string(1),
                    select.string(2),
                    select.string(3),
                    select.string(4),
                    select.isNull(5) ? std::nullopt : std::optional(select.value(5).toDouble()),
                    fromStorageTime(select.text(6)),
                    language};
    if (auto done = select.finish("read an article"); !done)
        return std::move(done).error();
    return article;
}

Result<std::vector<ArticleHit>> ArticleRepository::search(const std::string& words,
                                                          const ArticleSearch& options) const
{
    std::vector<ArticleHit> hits;
    const Dialect& dialect = m_database.dialect();
    const QString query = matchQuery(dialect, words, options.language);
    if (query.isEmpty() || options.limit <= 0)
        return hits;
    Statement select(m_database, dialect.articleSearch());
    select.bind(QStringLiteral(":open"), qtext(options.openMark))
        .bind(QStringLiteral(":close"), qtext(options.closeMark))
        .bind(QStringLiteral(":ellipsis"), qtext(options.ellipsis))
        .bind(QStringLiteral(":words"), std::clamp(options.snippetWords, 1, 64))
        .bind(QStringLiteral(":query"), query)
        .bind(QStringLiteral(":language"), qtext(options.language))
        .bind(QStringLiteral(":limit"), options.limit);
    if (const QString snippet = dialect.snippetOptions(qtext(options.openMark), qtext(options.closeMark),
                                                       std::clamp(options.snippetWords, 1, 64));
        !snippet.isEmpty())
        select.bind(QStringLiteral(":options"), snippet);
    if (auto done = select.exec("search the articles"); !done)
        return std::move(done).error();
    while (select.next())
        hits.push_back({select.string(0), select.string(1), select.string(2), select.string(3)});
    if (auto done = select.finish("search the articles"); !done)
        return std::move(done).error();
    return hits;
}

} // namespace spinepath::storage
