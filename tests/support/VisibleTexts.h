#pragma once

// The texts a window shows that are the program's own (its translations'),
// not content: what the pseudo-localisation and the Spanish tests read.
// Content (questions, answers, articles, the clinic's messages, the rules'
// texts) is left out by the object names and roles its widgets carry.
#include "LayoutCheck.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabBar>
#include <QTextDocumentFragment>
#include <QWidget>

namespace spinepath::test {

// Widgets that show content, by their object names (whole, or a prefix
// ending in "_") and roles, as the content widgets set them.
inline const QStringList kContentNames = {
    // questionnaire
    QStringLiteral("questionText"),
    QStringLiteral("helpText"),
    QStringLiteral("sectionHeading"),
    QStringLiteral("choice_"),
    // the clinic's details and messages (content/clinic.json)
    QStringLiteral("titleLabel"),
    QStringLiteral("subtitleLabel"),
    QStringLiteral("noteLabel"),
    QStringLiteral("emergencyAction"),
    QStringLiteral("emergencyReasons"),
    QStringLiteral("thankYouMessage"),
    // the rules' texts on the results page
    QStringLiteral("categoryTitle"),
    QStringLiteral("categoryText"),
    QStringLiteral("alertAction"),
    QStringLiteral("disclaimer"),
    QStringLiteral("flag_"),
    QStringLiteral("factor_"),
    QStringLiteral("note_"),
    // articles
    QStringLiteral("article_"),
    QStringLiteral("articleTitle"),
    QStringLiteral("glossaryDefinition"),
    QStringLiteral("articleVersionsLabel"),
    // staff pages: the stored record (names, ids, dates, file paths)
    QStringLiteral("databasePathLabel"),
    QStringLiteral("contentFolderLabel"),
    // the settings' clinic fields: empty, they show content/clinic.json's details in grey
    QStringLiteral("clinicNameEdit"),
    QStringLiteral("clinicAddressEdit"),
    QStringLiteral("clinicPhoneEdit"),
};
inline const QStringList kContentRoles = {QStringLiteral("subheading"), QStringLiteral("intro"),
                                          // "English" / "Español" and the "A"s: never translated, by design
                                          QStringLiteral("language"), QStringLiteral("textSize")};

inline bool isContent(const QWidget* widget)
{
    for (const QWidget* w = widget; w; w = w->parentWidget()) {
        const QString name = w->objectName();
        for (const QString& content : kContentNames)
            if (content.endsWith(u'_') ? name.startsWith(content) : name == content) {
                // The answers of a yes/no question are the program's own words.
                const QWidget* parent = w->parentWidget();
                if (content == QLatin1String("choice_") && parent &&
                    QByteArray(parent->metaObject()->className()).contains("YesNo"))
                    return false;
                return true;
            }
        if (kContentRoles.contains(w->property("role").toString()))
            return true;
    }
    return false;
}

// A text a patient reads, which the translations must have given.
inline bool needsTranslation(const QString& text)
{
    for (const QChar c : text)
        if (c.isLetter())
            return true;
    return false;
}

inline QString plainText(const QLabel* label)
{
    if (label->textFormat() == Qt::PlainText)
        return label->text();
    return QTextDocumentFragment::fromHtml(label->text()).toPlainText();
}

struct ShownText
{
    QString where; // the widget, as LayoutCheck describes it
    QString text;
};

// Every visible text of `window` that the program's translations should have
// given: labels, buttons, placeholders, group titles, tabs, table headers and
// the window title, without content and without texts that have no letters.
inline QList<ShownText> visibleProgramTexts(QWidget& window)
{
    QList<ShownText> found;
    const auto add = [&](const QWidget* widget, const QString& text) {
        if (needsTranslation(text))
            found.push_back({layout::describe(widget), text});
    };
    if (!window.windowTitle().isEmpty())
        add(&window, window.windowTitle());
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->window() != &window || isContent(widget))
            continue;
        if (const auto* label = qobject_cast<QLabel*>(widget))
            add(widget, plainText(label));
        else if (const auto* button = qobject_cast<QAbstractButton*>(widget))
            add(widget, button->text());
        else if (const auto* edit = qobject_cast<QLineEdit*>(widget); edit && edit->text().isEmpty())
            add(widget, edit->placeholderText());
        else if (const auto* box = qobject_cast<QGroupBox*>(widget))
            add(widget, box->title());
        else if (const auto* tabs = qobject_cast<QTabBar*>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                add(widget, tabs->tabText(i));
        else if (const auto* header = qobject_cast<QHeaderView*>(widget); header && header->model())
            for (int i = 0; i < header->count(); ++i)
                add(widget, header->model()->headerData(i, header->orientation()).toString());
    }
    return found;
}

} // namespace spinepath::test
