#include "LibraryPage.h"

#include "patient/PageMargins.h"

#include "ArticleListDelegate.h"
#include "ArticleView.h"

#include "core/content/ArticleLibrary.h"

#include <QAccessible>
#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace spinepath::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kHtmlRole = ArticleListDelegate::kHtmlRole;
const QList<int> kSplitterSizes = {360, 880};

QString topicName(const std::string& topic)
{
    if (topic == "basics")
        return LibraryPage::tr("How the spine works");
    if (topic == "treatments")
        return LibraryPage::tr("Treatments");
    if (topic == "tests")
        return LibraryPage::tr("Tests");
    if (topic == "safety")
        return LibraryPage::tr("Safety");
    return LibraryPage::tr("Help and words");
}

} // namespace

LibraryPage::LibraryPage(const spinepath::ArticleLibrary& library, const std::string& glossaryId,
                         QWidget* parent)
    : QWidget(parent)
    , m_library(library)
    , m_searcher(new ArticleSearcher(library, this))
    , m_searchEdit(new QLineEdit(this))
    , m_suggestion(new QPushButton(this))
    , m_list(new QListWidget(this))
    , m_view(new ArticleView(library, glossaryId, this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("libraryPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);

    auto* top = new QHBoxLayout();
    auto* heading = new QLabel(tr("Learn about your spine"), this);
    m_heading = heading;
    heading->setProperty("role", QStringLiteral("pageHeading"));
    heading->setWordWrap(true);
    auto* back = new QPushButton(tr("Back"), this);
    back->setObjectName(QStringLiteral("libraryBackButton"));
    back->setAccessibleDescription(tr("Leave the library"));
    back->setMinimumHeight(48);
    m_toList = new QPushButton(tr("All articles"), this);
    m_toList->setObjectName(QStringLiteral("libraryListButton"));
    m_toList->setMinimumHeight(48);
    m_toList->hide();
    top->addWidget(heading, 1);
    top->addWidget(m_toList);
    top->addWidget(back);
    connect(m_toList, &QPushButton::clicked, this, [this] {
        m_articleOpen = false;
        showPanes();
        m_list->setFocus(Qt::OtherFocusReason);
    });
    layout->addLayout(top);
    connect(back, &QPushButton::clicked, this, &LibraryPage::closeRequested);

    m_splitter = new QSplitter(this);
    QSplitter* splitter = m_splitter;
    auto* side = new QWidget(splitter);
    m_side = side;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 8, 0);
    m_searchEdit->setObjectName(QStringLiteral("librarySearch"));
    m_searchEdit->setPlaceholderText(tr("Search the articles"));
    m_searchEdit->setAccessibleName(tr("Search the articles"));
    m_searchEdit->setClearButtonEnabled(true);
    nameClearButton();
    // Long enough for any real question; a paste of 32,767 characters is cut here.
    m_searchEdit->setMaxLength(articlesearch::kMaxQueryLength);
    m_list->setObjectName(QStringLiteral("articleList"));
    m_list->setAccessibleName(tr("Articles"));
    m_list->setItemDelegate(new ArticleListDelegate(m_list));
    m_list->setWordWrap(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // "Did you mean ...?": a button, so Tab reaches it and Space runs it.
    m_suggestion->setObjectName(QStringLiteral("librarySuggestion"));
    m_suggestion->setProperty("role", QStringLiteral("link"));
    m_suggestion->setText(tr("Did you mean another word?"));
    m_suggestion->hide();
    sideLayout->addWidget(m_searchEdit);
    sideLayout->addWidget(m_suggestion);
    sideLayout->addWidget(m_list, 1);
    splitter->addWidget(side);
    splitter->addWidget(m_view);
    side->setMinimumWidth(300);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes(kSplitterSizes);
    layout->addWidget(splitter, 1);

    // Search as the patient types, without a query per key press.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &LibraryPage::runSearch);
    connect(m_searcher, &ArticleSearcher::finished, this, &LibraryPage::showHits);
    connect(m_suggestion, &QPushButton::clicked, this, &LibraryPage::searchSuggestion);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { openArticle(item->data(kIdRole).toString()); });
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { openArticle(item->data(kIdRole).toString()); });
    connect(m_view, &ArticleView::articleRequested, this, &LibraryPage::openArticle);
    showTopics();
}

LibraryPage::~LibraryPage() = default;

void LibraryPage::nameClearButton()
{
    // QLineEdit's clear button is a tool button with an icon and no text:
    // a screen reader would announce an unnamed button.
    const QString name = tr("Clear the search");
    if (auto* clear = m_searchEdit->findChild<QAction*>(QStringLiteral("_q_qlineeditclearaction")))
        clear->setText(name);
    for (auto* button : m_searchEdit->findChildren<QToolButton*>()) {
        button->setAccessibleName(name);
        button->setToolTip(name);
    }
}

void LibraryPage::showSuggestion(const QString& words, const QString& suggestion)
{
    m_suggestedWords = suggestion;
    m_suggestion->setVisible(!suggestion.isEmpty());
    const QString status = suggestion.isEmpty()
                               ? QString()
                               : tr("No article matches \"%1\". Did you mean \"%2\"?").arg(words, suggestion);
    if (!suggestion.isEmpty()) // hidden, it keeps its last text: a button is never nameless
        m_suggestion->setText(tr("Did you mean \"%1\"?").arg(suggestion));
    // Announced where the patient is, the search box (a description change
    // of the focused control is read out), and as an alert. Qt 6.4's
    // setAccessibleDescription() tells no screen reader, so the event is sent here.
    if (m_searchEdit->accessibleDescription() != status) {
        m_searchEdit->setAccessibleDescription(status);
        QAccessibleEvent changed(m_searchEdit, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&changed);
    }
    if (!suggestion.isEmpty()) {
        QAccessibleEvent alert(m_suggestion, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void LibraryPage::searchSuggestion()
{
    if (m_suggestedWords.isEmpty())
        return;
    const QString words = m_suggestedWords;
    m_searchEdit->setText(words);
    m_searchEdit->setFocus(Qt::OtherFocusReason);
    m_searchDelay->stop();
    runSearch();
}

void LibraryPage::addArticleItem(const QString& id, const QString& title, const QString& detailHtml)
{
    auto* item = new QListWidgetItem(m_list);
    item->setData(kIdRole, id);
    item->setData(kHtmlRole, QString(QStringLiteral("<b>") + title.toHtmlEscaped() +
                                     QStringLiteral("</b><br>") + detailHtml));
    item->setText(title); // what a screen reader reads
}

void LibraryPage::setDatabasePath(const QString& path)
{
    m_searcher->setDatabasePath(path);
}

void LibraryPage::clear()
{
    m_searchDelay->stop();
    m_searcher->cancel();
    m_pendingSearch = 0;
    // setText, unlike clear(), also empties the undo history: Ctrl+Z must not
    // bring back what the last reader searched for.
    m_searchEdit->setText(QString());
    m_searchDelay->stop(); // changing the text started it again
    showSuggestion({}, {});
    m_view->clear();
    showTopics();
    m_list->clearSelection();
    m_list->setCurrentItem(nullptr);
    m_list->scrollToTop();
    m_splitter->setSizes(kSplitterSizes);
    m_articleOpen = false;
    showPanes();
}

void LibraryPage::showTopics()
{
    listTopics();
    // A narrow page shows the list, not the article the last visit left open.
    m_articleOpen = false;
    showPanes();
}

void LibraryPage::listTopics()
{
    m_list->clear();
    // Basics first, the glossary last: the order a patient would read them.
    static const std::vector<std::string> order = {"basics", "treatments", "tests", "safety", "help"};
    std::map<std::size_t, std::vector<const spinepath::Article*>> byTopic;
    for (const auto& [id, article] : m_library.articles()) {
        const auto position = std::find(order.begin(), order.end(), article.topic) - order.begin();
        byTopic[static_cast<std::size_t>(position)].push_back(&article);
    }
    for (const auto& [position, articles] : byTopic) {
        const QString topic = topicName(position < order.size() ? order[position] : std::string("help"));
        auto* header = new QListWidgetItem(m_list);
        header->setFlags(Qt::NoItemFlags);
        header->setData(kHtmlRole, QString(QStringLiteral("<span style='color:#17466e; font-size:15pt'><b>") +
                                           topic.toHtmlEscaped() + QStringLiteral("</b></span>")));
        header->setText(topic);
        for (const auto* article : articles)
            addArticleItem(
                QString::fromStdString(article->id), QString::fromStdString(article->title),
                QString::fromStdString(article->summary).toHtmlEscaped() + QStringLiteral("<br><i>") +
                    tr("%n minute(s) to read", nullptr, article->minutes) + QStringLiteral("</i>"));
    }
}

void LibraryPage::runSearch()
{
    const QString words = m_searchEdit->text().trimmed();
    if (articlesearch::searchTerms(words).isEmpty()) {
        m_searcher->cancel();
        m_pendingSearch = 0;
        listTopics();
        showSuggestion({}, {});
        emit searchShown();
        return;
    }
    // The list keeps the last hits until the new ones come.
    m_pendingSearch = m_searcher->search(words);
}

void LibraryPage::showHits(quint64 request, const QString& words, const std::vector<ArticleSearchHit>& hits,
                           const QString& suggestion)
{
    if (request != m_pendingSearch)
        return;
    m_pendingSearch = 0;
    m_list->clear();
    showSuggestion(words, suggestion);
    if (hits.empty()) {
        auto* none = new QListWidgetItem(m_list);
        none->setFlags(Qt::NoItemFlags);
        none->setData(kHtmlRole, tr("No article matches \"%1\".").arg(words.toHtmlEscaped()));
        none->setText(tr("No article matches \"%1\".").arg(words));
        emit searchShown();
        return;
    }
    for (const ArticleSearchHit& hit : hits)
        addArticleItem(hit.id, hit.title, hit.snippetHtml);
    emit searchShown();
}

void LibraryPage::openArticle(const QString& target)
{
    const qsizetype hash = target.indexOf(u'#');
    const QString id = hash < 0 ? target : target.left(hash);
    const QString section = hash < 0 ? QString() : target.mid(hash + 1);
    m_articleOpen = m_view->showArticle(id, section);
    showPanes();
}

void LibraryPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    showPanes();
}

void LibraryPage::showPanes()
{
    // On a narrow page the article pane would be too narrow for its title
    // and its pictures.
    const bool narrow = isNarrowPage(width());
    m_side->setVisible(!narrow || !m_articleOpen);
    m_view->setVisible(!narrow || m_articleOpen);
    m_toList->setVisible(narrow && m_articleOpen);
    // The article's own title heads a narrow page: its height goes to reading.
    m_heading->setVisible(!narrow || !m_articleOpen);
}

} // namespace spinepath::ui
