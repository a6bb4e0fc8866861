#pragma once

// What a screen reader user would call broken, read through the same
// accessible interfaces the accessibility bus (AT-SPI) reads: a control a
// patient can reach with Tab that has no name, the wrong role or a name that
// is not what it shows; a page whose heading is not read first. Used by the
// accessibility tests of the patient and staff screens.
#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QStringList>
#include <QWidget>

namespace spinepath::test {

namespace accessible {

inline QString describe(const QWidget* widget)
{
    return QStringLiteral("%1 (%2) on %3")
        .arg(widget->objectName(), QString::fromLatin1(widget->metaObject()->className()),
             widget->window()->objectName());
}

// The role a screen reader must announce for a control a patient can reach.
inline bool roleFits(const QWidget* widget, QAccessible::Role role)
{
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        if (!button->isCheckable())
            return role == QAccessible::Button || role == QAccessible::Link;
        return role == (button->autoExclusive() ? QAccessible::RadioButton : QAccessible::CheckBox) ||
               role == QAccessible::Button; // a toggle button (the text size)
    }
    if (qobject_cast<const QLineEdit*>(widget))
        return role == QAccessible::EditableText;
    if (qobject_cast<const QComboBox*>(widget))
        return role == QAccessible::ComboBox;
    if (qobject_cast<const QAbstractScrollArea*>(widget))
        return role == QAccessible::Client || role == QAccessible::List || role == QAccessible::Table ||
               role == QAccessible::Document || role == QAccessible::EditableText ||
               role == QAccessible::StaticText;
    return role != QAccessible::NoRole && role != QAccessible::Client;
}

// What a button's text says aloud: no mnemonic ampersand, and no trailing
// ellipsis (it marks a button that opens a dialog; nobody says it).
inline QString spokenText(QString text)
{
    text.remove(u'&');
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    else if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    return text;
}

} // namespace accessible

// Problems with the controls `root` shows now.
inline QStringList accessibilityProblems(QWidget* root)
{
    QStringList problems;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (!widget->isVisible() || !widget->isEnabled() || !(widget->focusPolicy() & Qt::TabFocus))
            continue;
        if (widget->focusProxy())
            continue; // the focus goes to its proxy (a tab widget's tab bar), checked on its own
        QAccessibleInterface* node = QAccessible::queryAccessibleInterface(widget);
        if (!node) {
            problems << accessible::describe(widget) + QStringLiteral(": no accessible interface");
            continue;
        }
        if (node->text(QAccessible::Name).trimmed().isEmpty())
            problems << accessible::describe(widget) + QStringLiteral(": no name");
        if (!accessible::roleFits(widget, node->role()))
            problems << accessible::describe(widget) + QStringLiteral(": role %1").arg(node->role());
        // A button's name holds what it shows (WCAG 2.5.3, label in name: a
        // speech-input user says what they see).
        if (const auto* button = qobject_cast<const QAbstractButton*>(widget);
            button && !button->text().isEmpty() && button->text() != QStringLiteral("A") &&
            !node->text(QAccessible::Name).contains(accessible::spokenText(button->text())))
            problems << accessible::describe(widget) +
                            QStringLiteral(": named \"%1\" but shows \"%2\"")
                                .arg(node->text(QAccessible::Name), button->text());
    }
    return problems;
}

// The first text a screen reader reads on `page`, walking its accessible
// tree in order: what a patient hears first when the page appears.
inline QString firstTextRead(QWidget* page)
{
    QList<QAccessibleInterface*> toVisit{QAccessible::queryAccessibleInterface(page)};
    while (!toVisit.isEmpty()) {
        QAccessibleInterface* node = toVisit.takeFirst();
        if (!node || node->state().invisible)
            continue;
        if ((node->role() == QAccessible::StaticText || node->role() == QAccessible::Heading) &&
            !node->text(QAccessible::Name).trimmed().isEmpty())
            return node->text(QAccessible::Name);
        QList<QAccessibleInterface*> children;
        for (int i = 0; i < node->childCount(); ++i)
            children << node->child(i);
        toVisit = children + toVisit; // depth first, in the order of the tree
    }
    return {};
}

} // namespace spinepath::test
