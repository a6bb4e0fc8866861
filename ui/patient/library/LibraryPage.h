#pragma once

#include "ArticleSearch.h"

#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSplitter;
class QTimer;

namespace spinepath {
class ArticleLibrary;
}

namespace spinepath::ui {

class ArticleView;

// The patient education library: articles by topic with their summaries and
// reading time, search as the patient types, and the article itself.
class LibraryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryPage)

public:
    // `glossaryId`: the glossary article (the content role "article.glossary").
    LibraryPage(const spinepath::ArticleLibrary& library, const std::string& glossaryId,
                QWidget* parent = nullptr);
    ~LibraryPage() override;

    // The database whose full-text index (SQLite FTS5) the search uses;
    // empty: none, the articles' text is matched instead.
    void setDatabasePath(const QString& path);

    // Opens an article at a section ("id" or "id#Heading").
    void openArticle(const QString& target);
    // The topic list, on a narrow page instead of any open article.
    void showTopics();
    // Back to the topic list with an empty search box, no undo history, no
    // article open and every list at its top: nothing the last reader typed
    // or opened is left for the next.
    void clear();
    [[nodiscard]] ArticleView* articleView() const noexcept { return m_view; }

signals:
    void closeRequested();
    // The list shows the hits of a search (or that there are none).
    void searchShown();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // Side by side when the page is wide enough for both; on a narrow page
    // (a small screen, scale 1.5) the list or the article, one at a time.
    void showPanes();
    void listTopics();
    void runSearch();
    void showHits(quint64 request, const QString& words, const std::vector<ArticleSearchHit>& hits,
                  const QString& suggestion);
    // Offers "Did you mean ...?" for `suggestion`, or hides it when empty.
    void showSuggestion(const QString& words, const QString& suggestion);
    // Runs the search the suggestion offers.
    void searchSuggestion();
    void nameClearButton();
    void addArticleItem(const QString& id, const QString& title, const QString& detailHtml);

    const spinepath::ArticleLibrary& m_library;
    ArticleSearcher* m_searcher;
    quint64 m_pendingSearch = 0;
    QLineEdit* m_searchEdit;
    QPushButton* m_suggestion;
    QString m_suggestedWords;
    QListWidget* m_list;
    ArticleView* m_view;
    QSplitter* m_splitter;
    QWidget* m_side = nullptr;
    QLabel* m_heading = nullptr;
    QPushButton* m_toList = nullptr; // on a narrow page: from the article back to the list
    bool m_articleOpen = false;      // the patient chose an article (not just the topic list)
    QTimer* m_searchDelay;
};

} // namespace spinepath::ui
