#pragma once

#include "Glossary.h"

#include <QWidget>

#include <set>
#include <string>

class QBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QTextBrowser;

namespace spinepath {
class ArticleLibrary;
}

namespace spinepath::ui {

// One article, rendered from its Markdown with its illustrations, scrolling
// as one page with its title and related articles. Glossary
// terms are links that explain themselves in a bar under the text; related
// articles follow; the article can be printed or saved as a PDF. At the
// kiosk it goes straight to the clinic's printer and is never saved: a
// print or file dialog would open the computer's files to a patient.
class ArticleView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleView)

public:
    // `glossaryId`: the glossary article (the content role "article.glossary").
    ArticleView(const spinepath::ArticleLibrary& library, const std::string& glossaryId,
                QWidget* parent = nullptr);
    ~ArticleView() override;

    // Shows an article, scrolled to the section with this heading if given.
    bool showArticle(const QString& id, const QString& section = {});
    [[nodiscard]] QString currentArticle() const { return m_current; }
    [[nodiscard]] QTextBrowser* browser() const noexcept { return m_browser; }

    // Writes the article as a PDF (0600, it is the patient's copy); false on failure.
    bool saveAsPdf(const QString& path);

    // The kiosk: Print goes to `printerName` (empty: the default printer)
    // with no dialog, each article once per visit, and there is no Save as PDF.
    void setKioskPrinting(bool kiosk, const QString& printerName);
    // Nothing shown, nothing printed yet: the next reader starts afresh.
    void clear();

public slots:
    void print();
    void saveAsPdfWithDialog();

signals:
    void articleRequested(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void openLink(const QUrl& url);
    void fitButtonsToWidth();
    void fitBrowserToText();
    void scrollToSection(const QString& section);
    void showTextCursor();
    void printToClinicPrinter();
    void showPrintMessage(const QString& text);

    const spinepath::ArticleLibrary& m_library;
    Glossary m_glossary;
    QString m_glossaryId;
    QString m_current;
    QLabel* m_title;
    QLabel* m_meta;
    QScrollArea* m_scroll;
    QTextBrowser* m_browser;
    QLabel* m_definition;
    QPushButton* m_closeDefinition;
    QLabel* m_related;
    QPushButton* m_print;
    QPushButton* m_save;
    QBoxLayout* m_buttons = nullptr;
    QLabel* m_printMessage;
    bool m_kiosk = false;
    QString m_printerName;
    std::set<QString> m_printed; // at the kiosk: articles printed during this visit
};

} // namespace spinepath::ui
