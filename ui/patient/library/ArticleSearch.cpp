#include "ArticleSearch.h"

#include "core/content/ArticleLibrary.h"
#include "core/content/ArticleMarkup.h"
#include "core/content/ArticleVocabulary.h"
#include "core/content/SearchWords.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"
#include "core/util/Translator.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <optional>

#include <spdlog/spdlog.h>

namespace spinepath::ui {

namespace storage = spinepath::storage;

QStringList articlesearch::searchTerms(const QString& typed)
{
    // Unicode letters are word letters: "cirugía" is one word.
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    // The box takes kMaxQueryLength characters; text set otherwise is cut too.
    for (const QString& word : typed.left(kMaxQueryLength).split(separators, Qt::SkipEmptyParts)) {
        const QString term = word.toLower();
        if (!terms.contains(term))
            terms << term;
        if (terms.size() == kMaxTerms)
            break;
    }
    return terms;
}

// Runs on the search thread; owns that thread's database connection.
class ArticleSearcher::Worker final : public QObject
{
public:
    Worker(const spinepath::ArticleLibrary& library, QString language,
           std::shared_ptr<std::atomic<quint64>> latest)
        : m_library(library)
        , m_language(std::move(language))
        , m_latest(std::move(latest))
    {}

    struct Found
    {
        std::vector<ArticleSearchHit> hits;
        QString suggestion;
    };

    // Null when the search was superseded before it finished.
    [[nodiscard]] std::optional<Found> run(quint64 request, const QString& words, const QString& databasePath)
    {
        if (request != m_latest->load())
            return std::nullopt;
        const QStringList terms = articlesearch::searchTerms(words);
        Found found;
        if (terms.isEmpty())
            return found;
        if (useDatabase(databasePath))
            found.hits = searchIndex(terms);
        else
            found.hits = matchText(terms);
        found.suggestion = vocabulary().suggestion(terms);
        if (request != m_latest->load())
            return std::nullopt;
        return found;
    }

private:
    // The articles' words and plain texts, made by the first search that needs them.
    const ArticleVocabulary& vocabulary()
    {
        if (!m_vocabulary)
            m_vocabulary = ArticleVocabulary::of(m_library);
        return *m_vocabulary;
    }

    const std::map<QString, QString>& plainTexts()
    {
        if (m_plainTexts.empty())
            for (const auto& [id, article] : m_library.articles())
                // Folded (lower case, no accents), as the index compares words.
                m_plainTexts.emplace(
                    QString::fromStdString(id),
                    ArticleVocabulary::fold(QString::fromStdString(article.title) + u'\n' +
                                            ArticleMarkup::plainText(QString::fromStdString(article.body))));
        return m_plainTexts;
    }

    bool useDatabase(const QString& path)
    {
        if (path.isEmpty()) {
            m_database.reset();
            return false;
        }
        if (m_database && m_database->path() == path)
            return true;
        m_database.reset();
        // Read-only: the search thread never writes, creates or migrates.
        storage::OpenOptions options;
        options.path = path;
        options.readOnly = true;
        auto opened = storage::Database::open(options);
        if (!opened) {
            spdlog::warn("library search without the index: {}", opened.error().message);
            return false;
        }
        m_database = std::move(opened.value());
        return true;
    }

    std::vector<ArticleSearchHit> searchIndex(const QStringList& terms) const
    {
        std::vector<ArticleSearchHit> hits;
        storage::ArticleSearch options;
        options.openMark = "\x01";
        options.closeMark = "\x02";
        options.language = m_language.toStdString();
        auto found = storage::ArticleRepository(*m_database).search(terms.join(u' ').toStdString(), options);
        if (!found) {
            spdlog::warn("library search failed: {}", found.error().message);
            return hits;
        }
        for (const auto& hit : found.value()) {
            // Plain text (the index holds no Markdown), escaped, on one line
            // (a heading ends with a full stop, as read aloud); only the
            // marks the search put in become markup.
            static const QRegularExpression lineEnd(QStringLiteral("(?<![.!?:;\u2026])\n"));
            QString snippet = QString::fromStdString(hit.snippet)
                                  .replace(lineEnd, QStringLiteral(". "))
                                  .replace(u'\n', u' ')
                                  .toHtmlEscaped();
            snippet.replace(u'\x01', QStringLiteral("<b style='background:#fff1b8'>"));
            snippet.replace(u'\x02', QStringLiteral("</b>"));
            hits.push_back({QString::fromStdString(hit.id), QString::fromStdString(hit.title), snippet});
        }
        return hits;
    }

    // Without the index: articles whose plain text holds the stem of every word.
    std::vector<ArticleSearchHit> matchText(const QStringList& terms)
    {
        QStringList stems;
        for (const QString& term : terms)
            stems << ArticleVocabulary::fold(searchwords::stem(term, m_language));
        std::vector<ArticleSearchHit> hits;
        for (const auto& article : plainTexts()) {
            // Named, not a structured binding: clang before 16 cannot capture one.
            const QString& text = article.second;
            if (std::all_of(stems.begin(), stems.end(),
                            [&](const QString& stem) { return text.contains(stem, Qt::CaseInsensitive); }))
                hits.push_back({article.first,
                                QString::fromStdString(m_library.find(article.first.toStdString())->title),
                                {}});
        }
        return hits;
    }

    const spinepath::ArticleLibrary& m_library;
    const QString m_language; // of the library: its words are stemmed so
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<storage::Database> m_database;
    std::optional<ArticleVocabulary> m_vocabulary;
    std::map<QString, QString> m_plainTexts; // article id -> title and plain text
};

ArticleSearcher::ArticleSearcher(const spinepath::ArticleLibrary& library, QObject* parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<std::vector<ArticleSearchHit>>();
    m_thread.setObjectName(QStringLiteral("library search"));
    // The library is in the language the patient reads now; a new one is
    // made when that changes (LibraryPage is rebuilt).
    m_worker = new Worker(library, spinepath::Translator::language(), m_latest);
    m_worker->moveToThread(&m_thread);
    // The connection is closed on the thread that opened it.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ArticleSearcher::~ArticleSearcher()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

void ArticleSearcher::setDatabasePath(const QString& path)
{
    m_databasePath = path;
}

quint64 ArticleSearcher::search(const QString& words)
{
    const quint64 request = ++m_next;
    m_latest->store(request);
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker, request, words, path = m_databasePath] {
        auto found = worker->run(request, words, path);
        if (!found)
            return;
        // Back on the asking thread; a search asked for meanwhile wins.
        QMetaObject::invokeMethod(this, [this, request, words, hits = std::move(found->hits),
                                         suggestion = std::move(found->suggestion)] {
            if (request == m_latest->load())
                emit finished(request, words, hits, suggestion);
        });
    });
    return request;
}

void ArticleSearcher::cancel()
{
    m_latest->store(++m_next);
}

} // namespace spinepath::ui
