#pragma once

#include <QWidget>

#include <functional>
#include <vector>

class ArticleView;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;

namespace spinepath {
class ArticleLibrary;
}

// The patient education library: articles by topic with their summaries and
// reading time, search as the patient types, and the article itself.
class LibraryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryPage)

public:
    struct SearchHit
    {
        QString id;
        QString title;
        QString snippetHtml; // matching words marked with <mark>
    };
    // Full-text search over the articles (SQLite FTS5 in the app).
    using Search = std::function<std::vector<SearchHit>(const QString& words)>;

    LibraryPage(const spinepath::ArticleLibrary& library, Search search, QWidget* parent = nullptr);
    ~LibraryPage() override;

    // Opens an article at a section ("id" or "id#Heading").
    void openArticle(const QString& target);
    void showTopics();
    // Back to the topic list with an empty search box: nothing the last
    // reader typed or opened is left for the next.
    void clear();
    [[nodiscard]] ArticleView* articleView() const noexcept { return m_view; }

signals:
    void closeRequested();

private:
    void runSearch();
    void addArticleItem(const QString& id, const QString& title, const QString& detailHtml);

    const spinepath::ArticleLibrary& m_library;
    Search m_search;
    QLineEdit* m_searchEdit;
    QListWidget* m_list;
    ArticleView* m_view;
    QTimer* m_searchDelay;
};
