#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace spinepath {
class ArticleLibrary;
}

namespace spinepath::ui {

// What a library search may cost. A patient can type anything into the box:
// the query is bounded so that no input takes the kiosk more than a moment.
namespace articlesearch {
// Characters the search box takes.
inline constexpr int kMaxQueryLength = 100;
// Distinct words searched; any after these are ignored.
inline constexpr int kMaxTerms = 8;

// The words a search looks for: letters and digits, lower-case, each once,
// at most kMaxTerms of them, in the order typed.
[[nodiscard]] QStringList searchTerms(const QString& typed);
} // namespace articlesearch

struct ArticleSearchHit
{
    QString id;
    QString title;
    QString snippetHtml; // escaped plain text, the matching words marked in bold
};

// Searches the library on a worker thread, with its own database connection
// (QtSql connections belong to the thread that opened them), so the window
// stays responsive whatever is typed: the idle reset, Ctrl+Alt+S and the
// emergency banner never wait for a search. A new search supersedes the
// ones before it: those not started yet are skipped, and only the newest
// one's hits are reported. The words of the articles (for suggestions) are
// gathered once, on that thread, by the first search.
class ArticleSearcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleSearcher)

public:
    explicit ArticleSearcher(const spinepath::ArticleLibrary& library, QObject* parent = nullptr);
    // Waits for a running search (bounded, so briefly) and closes the worker's connection.
    ~ArticleSearcher() override;

    // The database whose full-text index is searched; empty: none, the
    // articles' text is matched word for word instead.
    void setDatabasePath(const QString& path);
    // Starts a search; its number comes back with the hits.
    quint64 search(const QString& words);
    // Drops every search asked for so far.
    void cancel();

signals:
    // The hits of the newest search, on the thread that asked for it.
    // `suggestion`: the words with each misspelling that matches no word of
    // the articles replaced by the closest word that does ("fusoin" ->
    // "fusion"), or empty when nothing needed correcting.
    void finished(quint64 request, const QString& words, const std::vector<ArticleSearchHit>& hits,
                  const QString& suggestion);

private:
    class Worker;

    QThread m_thread;
    Worker* m_worker; // lives on m_thread, deleted there when it ends
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_next = 0;
    QString m_databasePath;
};

} // namespace spinepath::ui

Q_DECLARE_METATYPE(std::vector<spinepath::ui::ArticleSearchHit>)
