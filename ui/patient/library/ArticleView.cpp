#include "ArticleView.h"

#include "common/ReportPrinter.h"
#include "common/StaffFileChooser.h"

#include "core/content/ArticleLibrary.h"
#include "core/content/ArticleMarkup.h"

#include <spdlog/spdlog.h>

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <sys/stat.h>

#include <cmath>
#include <optional>

namespace spinepath::ui {

namespace {

// Draws the articles' SVG illustrations at a readable width, crisp at any
// screen density, from the resources where the build put them.
class ArticleBrowser final : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

protected:
    QVariant loadResource(int type, const QUrl& name) override
    {
        // Only the program's own illustrations, never a file or anything
        // else an article might name: the allow-list again,
        // in case a document reached the browser some other way.
        if (type != QTextDocument::ImageResource ||
            !spinepath::ArticleMarkup::isAllowedImage(name.toString()))
            return {};
        QSvgRenderer renderer(QStringLiteral(":/") + name.path());
        if (!renderer.isValid())
            return {};
        const QSize natural = renderer.defaultSize();
        const int width = std::min(640, std::max(320, viewport()->width() - 48));
        QImage image(QSize(width, width * natural.height() / std::max(1, natural.width())),
                     QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        return image;
    }
};

} // namespace

ArticleView::ArticleView(const spinepath::ArticleLibrary& library, const std::string& glossaryId,
                         QWidget* parent)
    : QWidget(parent)
    , m_library(library)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_browser(new ArticleBrowser(this))
    , m_definition(new QLabel(this))
    , m_closeDefinition(new QPushButton(tr("Close"), this))
    , m_related(new QLabel(this))
    , m_print(new QPushButton(tr("Print"), this))
    , m_save(new QPushButton(tr("Save as PDF"), this))
    , m_printMessage(new QLabel(this))
{
    setObjectName(QStringLiteral("articleView"));
    m_glossaryId = QString::fromStdString(glossaryId);
    if (const auto* glossary = library.find(glossaryId))
        m_glossary = Glossary(*glossary);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Content is shown as text, never interpreted as markup.
    m_title->setTextFormat(Qt::PlainText);
    m_meta->setTextFormat(Qt::PlainText);
    m_definition->setTextFormat(Qt::PlainText);
    m_title->setObjectName(QStringLiteral("articleTitle"));
    m_title->setProperty("role", QStringLiteral("pageHeading"));
    m_title->setWordWrap(true);
    m_meta->setObjectName(QStringLiteral("articleMeta"));
    m_meta->setProperty("role", QStringLiteral("hint"));

    // Title, text and related links scroll as one page: on a small screen
    // with large text a text box of its own would be squeezed to a few
    // lines between a title and links that never move.
    auto* page = new QWidget();
    page->setObjectName(QStringLiteral("articlePage"));
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_title);
    pageLayout->addWidget(m_meta);
    m_scroll->setObjectName(QStringLiteral("articleScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The text takes the focus and scrolls the page by keyboard; a second
    // stop for the page itself would only be a Tab press more.
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setWidget(page);
    layout->addWidget(m_scroll, 1);

    m_browser->setObjectName(QStringLiteral("articleBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(tr("Article text"));
    m_browser->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_browser->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_browser->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_browser->document()->setDefaultStyleSheet(QStringLiteral("a { color: #1d5f96; }"));
    m_browser->installEventFilter(this);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &ArticleView::openLink);
    connect(m_browser->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &ArticleView::fitBrowserToText);
    // A link reached with Tab is scrolled into view: the text box no longer
    // scrolls itself.
    connect(m_browser, &QTextEdit::cursorPositionChanged, this, &ArticleView::showTextCursor);
    pageLayout->addWidget(m_browser);

    auto* definitionRow = new QHBoxLayout();
    m_definition->setObjectName(QStringLiteral("glossaryDefinition"));
    m_definition->setProperty("role", QStringLiteral("help"));
    m_definition->setWordWrap(true);
    m_closeDefinition->setObjectName(QStringLiteral("closeDefinitionButton"));
    m_closeDefinition->setAccessibleName(tr("Close the explanation"));
    definitionRow->addWidget(m_definition, 1);
    definitionRow->addWidget(m_closeDefinition);
    layout->addLayout(definitionRow);
    m_definition->hide();
    m_closeDefinition->hide();
    connect(m_closeDefinition, &QPushButton::clicked, this, [this] {
        m_definition->hide();
        m_closeDefinition->hide();
    });

    m_related->setObjectName(QStringLiteral("relatedArticles"));
    m_related->setWordWrap(true);
    m_related->setTextFormat(Qt::RichText);
    m_related->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_related->setAccessibleName(tr("Related articles"));
    connect(m_related, &QLabel::linkActivated, this, [this](const QString& link) { openLink(QUrl(link)); });
    pageLayout->addWidget(m_related);
    pageLayout->addStretch(1);

    auto* buttons = new QHBoxLayout();
    m_buttons = buttons;
    m_printMessage->setObjectName(QStringLiteral("articlePrintMessage"));
    m_printMessage->setWordWrap(true);
    m_printMessage->setTextFormat(Qt::PlainText);
    m_printMessage->hide();
    m_print->setObjectName(QStringLiteral("printArticleButton"));
    m_save->setObjectName(QStringLiteral("saveArticleButton"));
    m_print->setAccessibleName(tr("Print this article"));
    m_save->setAccessibleDescription(tr("Save this article as a PDF file"));
    connect(m_print, &QPushButton::clicked, this, &ArticleView::print);
    connect(m_save, &QPushButton::clicked, this, &ArticleView::saveAsPdfWithDialog);
    buttons->addWidget(m_printMessage, 1);
    buttons->addStretch(1); // the buttons keep their size with or without a message
    buttons->addWidget(m_print);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
}

ArticleView::~ArticleView() = default;

void ArticleView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitButtonsToWidth();
}

void ArticleView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange)
        fitButtonsToWidth();
}

// Print and Save side by side when both fit, one above the other when not
// (a narrow pane, large text): a squeezed button cuts its words.
void ArticleView::fitButtonsToWidth()
{
    int sideBySide = 0;
    for (const QPushButton* button : {m_print, m_save})
        if (!button->isHidden())
            sideBySide += button->sizeHint().width() + m_buttons->spacing();
    m_buttons->setDirection(sideBySide <= contentsRect().width() ? QBoxLayout::LeftToRight
                                                                 : QBoxLayout::TopToBottom);
}

bool ArticleView::showArticle(const QString& id, const QString& section)
{
    const auto* article = m_library.find(id.toStdString());
    if (!article)
        return false;
    m_current = id;
    m_title->setText(QString::fromStdString(article->title));
    m_meta->setText(tr("%n minute(s) to read", nullptr, article->minutes));
    // Through the allow-list: check-content reports what it drops, so
    // normally nothing is; a problem here means unchecked content.
    const auto sanitized = spinepath::ArticleMarkup::sanitize(QString::fromStdString(article->body));
    if (!sanitized.problems.empty())
        spdlog::warn("article {}: {} part(s) outside the allow-list dropped (run check-content)", article->id,
                     sanitized.problems.size());
    const QString markdown =
        id == m_glossaryId ? sanitized.markdown : m_glossary.linkTerms(sanitized.markdown);
    spinepath::ArticleMarkup::render(markdown, *m_browser->document());
    m_definition->hide();
    m_closeDefinition->hide();
    showPrintMessage({});

    // Related articles as links that wrap with the window's width.
    QStringList links;
    for (const std::string& relatedId : article->related)
        if (const auto* related = m_library.find(relatedId))
            links << QStringLiteral("<a href=\"article:%1\">%2</a>")
                         .arg(QString::fromStdString(relatedId).toHtmlEscaped(),
                              QString::fromStdString(related->title).toHtmlEscaped());
    m_related->setText(links.isEmpty() ? QString()
                                       : tr("Related: %1").arg(links.join(QStringLiteral(" &middot; "))));
    m_related->setVisible(!links.isEmpty());

    m_browser->moveCursor(QTextCursor::Start);
    m_scroll->verticalScrollBar()->setValue(0);
    fitBrowserToText();
    // The rules name a section by its English heading; a translation says its own.
    if (!section.isEmpty())
        scrollToSection(QString::fromStdString(article->heading(section.toStdString())));
    return true;
}

// Puts the heading at the top of the view once the page has its new height
// (the scroll area lays its page out when events are next processed).
void ArticleView::scrollToSection(const QString& section)
{
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() > 0 &&
            block.text().compare(section, Qt::CaseInsensitive) == 0) {
            m_browser->setTextCursor(QTextCursor(block));
            const int top =
                static_cast<int>(m_browser->document()->documentLayout()->blockBoundingRect(block).top());
            QTimer::singleShot(0, this, [this, article = m_current, top] {
                if (m_current == article)
                    m_scroll->verticalScrollBar()->setValue(
                        m_browser->viewport()->mapTo(m_scroll->widget(), QPoint(0, top)).y());
            });
            return;
        }
    }
}

// The text box is as tall as its text, so the page around it does the scrolling.
void ArticleView::fitBrowserToText()
{
    const int chrome = 2 * m_browser->frameWidth(); // the focus band; the browser has no viewport margins
    const int height = static_cast<int>(std::ceil(m_browser->document()->size().height())) + chrome;
    if (m_browser->height() != height || m_browser->minimumHeight() != height)
        m_browser->setFixedHeight(height);
}

void ArticleView::showTextCursor()
{
    const QRect cursor = m_browser->cursorRect();
    const QPoint centre = m_browser->viewport()->mapTo(m_scroll->widget(), cursor.center());
    m_scroll->ensureVisible(centre.x(), centre.y(), 0, cursor.height());
}

// The reading keys in the text scroll the page (the text box itself never
// scrolls); other keys, Tab among the links included, work as before.
bool ArticleView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_browser && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool plain = (key->modifiers() & ~(Qt::KeypadModifier | Qt::ControlModifier)) == 0;
        const auto action = [&]() -> std::optional<QAbstractSlider::SliderAction> {
            switch (key->key()) {
            case Qt::Key_Up:
                return QAbstractSlider::SliderSingleStepSub;
            case Qt::Key_Down:
                return QAbstractSlider::SliderSingleStepAdd;
            case Qt::Key_PageUp:
                return QAbstractSlider::SliderPageStepSub;
            case Qt::Key_Space: // over a chosen link, Space is the link's
                if (m_browser->textCursor().hasSelection())
                    return std::nullopt;
                return QAbstractSlider::SliderPageStepAdd;
            case Qt::Key_PageDown:
                return QAbstractSlider::SliderPageStepAdd;
            case Qt::Key_Home:
                return QAbstractSlider::SliderToMinimum;
            case Qt::Key_End:
                return QAbstractSlider::SliderToMaximum;
            default:
                return std::nullopt;
            }
        }();
        if (plain && action) {
            m_scroll->verticalScrollBar()->triggerAction(*action);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ArticleView::openLink(const QUrl& url)
{
    if (url.scheme() == QStringLiteral("glossary")) {
        // Decoded whole: "Fisura%20anular" and "V%C3%A9rtebra" are the glossary's words.
        const QString meaning = m_glossary.meaning(url.path(QUrl::FullyDecoded));
        m_definition->setText(meaning);
        m_definition->setAccessibleName(meaning);
        m_definition->setVisible(!meaning.isEmpty());
        m_closeDefinition->setVisible(!meaning.isEmpty());
        return;
    }
    if (url.scheme() == QStringLiteral("article"))
        emit articleRequested(url.path());
}

bool ArticleView::saveAsPdf(const QString& path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setDocName(m_title->text());
    m_browser->document()->print(&printer);
    // An article is not patient data, but a saved copy may sit beside some: keep it private.
    return QFile::exists(path) && ::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR) == 0;
}

void ArticleView::saveAsPdfWithDialog()
{
    // No file dialog at the kiosk, whatever calls this (the button is hidden there).
    if (m_current.isEmpty() || m_kiosk)
        return;
    const QString path = StaffFileChooser::saveFileName(
        this, tr("Save the article as a PDF"), m_current + QStringLiteral(".pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        saveAsPdf(path);
}

void ArticleView::print()
{
    if (m_current.isEmpty())
        return;
    if (m_kiosk) {
        printToClinicPrinter();
        return;
    }
    ReportPrinter::openPrintDialog(this, QStringLiteral("articlePrintDialog"), {m_title->text(), {}},
                                   [this](QPrinter& printer) {
                                       m_browser->document()->print(&printer);
                                       return true;
                                   });
}

void ArticleView::setKioskPrinting(bool kiosk, const QString& printerName)
{
    m_kiosk = kiosk;
    m_printerName = printerName;
    m_save->setVisible(!kiosk);
    fitButtonsToWidth();
}

void ArticleView::printToClinicPrinter()
{
    // One copy of each article a visit: the button cannot be used to empty
    // the clinic's paper tray.
    if (m_printed.count(m_current)) {
        showPrintMessage(tr("This article was sent to the printer already. Please ask at the front desk."));
        return;
    }
    const auto outcome =
        ReportPrinter::printDirect(m_printerName, {m_title->text(), {}}, [this](QPrinter& printer) {
            m_browser->document()->print(&printer);
            return true;
        });
    if (outcome == ReportPrinter::Outcome::NoPrinter) {
        showPrintMessage(tr("There is no printer here. The front desk can print this article for you."));
        return;
    }
    m_printed.insert(m_current);
    showPrintMessage(tr("Sent to the printer. Please collect it at the front desk."));
}

void ArticleView::showPrintMessage(const QString& text)
{
    m_printMessage->setText(text);
    m_printMessage->setVisible(!text.isEmpty());
}

void ArticleView::clear()
{
    m_current.clear();
    m_printed.clear();
    m_title->clear();
    m_meta->clear();
    m_browser->clear();
    m_browser->document()->clearUndoRedoStacks();
    m_scroll->verticalScrollBar()->setValue(0);
    m_definition->clear();
    m_definition->hide();
    m_closeDefinition->hide();
    m_related->clear();
    m_related->hide();
    showPrintMessage({});
}

} // namespace spinepath::ui
