#include "ArticleSearch.h"

#include "core/content/ArticleLibrary.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

#include <spdlog/spdlog.h>

namespace spinepath::ui {

namespace storage = spinepath::storage;

QStringList articlesearch::searchTerms(const QString& typed)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
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
    Worker(const spinepath::ArticleLibrary& library, std::shared_ptr<std::atomic<quint64>> latest)
        : m_library(library)
        , m_latest(std::move(latest))
    {}

    // Null when the search was superseded before it finished.
    [[nodiscard]] std::optional<std::vector<ArticleSearchHit>> run(quint64 request, const QString& words,
                                                                   const QString& databasePath)
    {
        if (request != m_latest->load())
            return std::nullopt;
        const QStringList terms = articlesearch::searchTerms(words);
        std::vector<ArticleSearchHit> hits;
        if (terms.isEmpty())
            return hits;
        if (useDatabase(databasePath))
            hits = searchIndex(terms);
        else
            hits = matchText(terms);
        if (request != m_latest->load())
            return std::nullopt;
        return hits;
    }

private:
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
        auto found = storage::ArticleRepository(*m_database).search(terms.join(u' ').toStdString(), options);
        if (!found) {
            spdlog::warn("library search failed: {}", found.error().message);
            return hits;
        }
        for (const auto& hit : found.value()) {
            QString snippet = QString::fromStdString(hit.snippet).toHtmlEscaped();
            snippet.replace(u'\x01', QStringLiteral("<b style='background:#fff1b8'>"));
            snippet.replace(u'\x02', QStringLiteral("</b>"));
            hits.push_back({QString::fromStdString(hit.id), QString::fromStdString(hit.title), snippet});
        }
        return hits;
    }

    // Without the index: articles that hold every word.
    std::vector<ArticleSearchHit> matchText(const QStringList& terms) const
    {
        std::vector<ArticleSearchHit> hits;
        for (const auto& [id, article] : m_library.articles()) {
            const QString text = QString::fromStdString(article.title + '\n' + article.body);
            if (std::all_of(terms.begin(), terms.end(),
                            [&](const QString& term) { return text.contains(term, Qt::CaseInsensitive); }))
                hits.push_back({QString::fromStdString(id), QString::fromStdString(article.title), {}});
        }
        return hits;
    }

    const spinepath::ArticleLibrary& m_library;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<storage::Database> m_database;
};

ArticleSearcher::ArticleSearcher(const spinepath::ArticleLibrary& library, QObject* parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<std::vector<ArticleSearchHit>>();
    m_thread.setObjectName(QStringLiteral("library search"));
    m_worker = new Worker(library, m_latest);
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
        auto hits = worker->run(request, words, path);
        if (!hits)
            return;
        // Back on the asking thread; a search asked for meanwhile wins.
        QMetaObject::invokeMethod(this, [this, request, words, found = std::move(*hits)] {
            if (request == m_latest->load())
                emit finished(request, words, found);
        });
    });
    return request;
}

void ArticleSearcher::cancel()
{
    m_latest->store(++m_next);
}

} // namespace spinepath::ui
