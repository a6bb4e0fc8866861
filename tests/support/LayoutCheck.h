#pragma once

// What a patient would call a broken layout, found from widget geometry: a
// control cut off at the window's edge, a page that needs sideways
// scrolling, text that does not fit the room it was given, and two controls
// drawn over each other. Used by the screen-size tests.
#include "LayoutSettle.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStringList>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTabBar>
#include <QToolButton>
#include <QWidget>

namespace spinepath::test {

namespace layout {

// Controls and texts: what a patient reads or touches.
inline bool isLeaf(const QWidget* widget)
{
    return qobject_cast<const QAbstractButton*>(widget) || qobject_cast<const QLabel*>(widget) ||
           qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QComboBox*>(widget) ||
           (qobject_cast<const QAbstractScrollArea*>(widget) && !qobject_cast<const QScrollArea*>(widget));
}

// The area a widget must fit in: the viewport of the scroll area that holds
// it (which scrolls up and down, never sideways), or else the window.
inline QRect frameFor(const QWidget* widget, const QWidget* window)
{
    for (const QWidget* parent = widget->parentWidget(); parent && parent != window;
         parent = parent->parentWidget())
        if (const auto* scroll = qobject_cast<const QScrollArea*>(parent)) {
            const QWidget* viewport = scroll->viewport();
            const QRect inWindow(viewport->mapTo(window, QPoint(0, 0)), viewport->size());
            // Up and down is what scrolling is for; only the sides must fit.
            return QRect(inWindow.left(), -1000000, inWindow.width(), 2000000);
        }
    return window->rect();
}

inline QString describe(const QWidget* widget)
{
    const QString name = widget->objectName().isEmpty()
                             ? QString::fromLatin1(widget->metaObject()->className())
                             : widget->objectName();
    if (const auto* label = qobject_cast<const QLabel*>(widget))
        return name + QStringLiteral(" \"") + label->text().left(30) + u'"';
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        return name + QStringLiteral(" \"") + button->text().left(30) + u'"';
    return name;
}

// The width a button's text has inside its border and padding, as the
// style (style sheet included) lays it out.
inline int textRoom(const QAbstractButton* button)
{
    QStyleOptionButton option;
    option.initFrom(button);
    option.text = button->text();
    option.icon = button->icon();
    option.iconSize = button->iconSize();
    QStyle::SubElement contents = QStyle::SE_PushButtonContents;
    if (qobject_cast<const QRadioButton*>(button))
        contents = QStyle::SE_RadioButtonContents;
    else if (qobject_cast<const QCheckBox*>(button))
        contents = QStyle::SE_CheckBoxContents;
    return button->style()->subElementRect(contents, &option, button).width();
}

// Text that needs more room than its widget has: a wrapped label or button
// shorter than its lines, a one-line label or button narrower than its text.
inline bool textIsClipped(const QWidget* widget)
{
    constexpr int slack = 1; // rounding in the layout, not a clipped line
    if (const auto* label = qobject_cast<const QLabel*>(widget)) {
        if (label->text().isEmpty())
            return false;
        if (label->wordWrap())
            return label->heightForWidth(label->width()) > label->height() + slack;
        return label->sizeHint().width() > label->width() + slack ||
               label->sizeHint().height() > label->height() + slack;
    }
    const auto* button = qobject_cast<const QAbstractButton*>(widget);
    if (!button || button->text().isEmpty())
        return false;
    if (button->hasHeightForWidth())
        return button->heightForWidth(button->width()) > button->height() + slack;
    if (const auto* tool = qobject_cast<const QToolButton*>(button))
        return tool->toolButtonStyle() != Qt::ToolButtonIconOnly &&
               tool->sizeHint().width() > tool->width() + slack;
    const int iconWidth = button->icon().isNull() ? 0 : button->iconSize().width() + 4;
    return button->fontMetrics().horizontalAdvance(QString(button->text()).remove(u'&')) + iconWidth >
           textRoom(button) + slack;
}

// Where a widget draws: a label inside its margins, and a one-line label only
// where its text is (stretched across a row, it leaves the rest empty).
inline QRect drawnRect(const QWidget* widget)
{
    const auto* label = qobject_cast<const QLabel*>(widget);
    if (!label)
        return widget->rect();
    const QRect contents = label->contentsRect(); // a margin kept clear is not drawn on
    if (label->wordWrap() || !label->pixmap().isNull())
        return contents;
    const QSize used(std::min(label->sizeHint().width(), contents.width()), contents.height());
    return QStyle::alignedRect(label->layoutDirection(), label->alignment(), used, contents);
}

// The part of `widget` the window shows: the scroll areas it sits in clip it.
inline QRect shownRect(const QWidget* widget, const QWidget* window)
{
    const QRect drawn = drawnRect(widget);
    QRect shown(widget->mapTo(window, drawn.topLeft()), drawn.size());
    for (const QWidget* parent = widget->parentWidget(); parent && parent != window;
         parent = parent->parentWidget())
        if (const auto* scroll = qobject_cast<const QAbstractScrollArea*>(parent))
            shown &= QRect(scroll->viewport()->mapTo(window, QPoint(0, 0)), scroll->viewport()->size());
    return shown;
}

} // namespace layout

// Every problem found on what `window` shows now; empty when the layout holds.
inline QStringList layoutProblems(QWidget& window)
{
    QList<QWidget*> leaves;
    QStringList problems;
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->window() != &window)
            continue;
        if (const auto* scroll = qobject_cast<QAbstractScrollArea*>(widget);
            scroll && scroll->horizontalScrollBar()->isVisible())
            problems << layout::describe(widget) + QStringLiteral(" needs sideways scrolling");
        if (!layout::isLeaf(widget))
            continue;
        // A tab bar too narrow for its tabs scrolls them with two arrows,
        // drawn touching each other: Qt's design, not a broken layout.
        if (qobject_cast<const QTabBar*>(widget->parentWidget()))
            continue;
        if (const auto* label = qobject_cast<QLabel*>(widget);
            label && label->text().isEmpty() && label->pixmap().isNull())
            continue; // an empty message line takes no room a patient sees
        leaves << widget;
    }

    QList<QRect> shown; // what the window shows of each: scrolled-out parts overlap nothing
    for (QWidget* widget : std::as_const(leaves)) {
        const QRect rect(widget->mapTo(&window, QPoint(0, 0)), widget->size());
        shown << layout::shownRect(widget, &window);
        if (!layout::frameFor(widget, &window).contains(rect))
            problems << QStringLiteral("%1 at (%2,%3 %4x%5) is cut off")
                            .arg(layout::describe(widget))
                            .arg(rect.x())
                            .arg(rect.y())
                            .arg(rect.width())
                            .arg(rect.height());
        else if (layout::textIsClipped(widget))
            problems << QStringLiteral("%1 (%2x%3) clips its text")
                            .arg(layout::describe(widget))
                            .arg(rect.width())
                            .arg(rect.height());
    }
    for (qsizetype i = 0; i < leaves.size(); ++i)
        for (qsizetype j = i + 1; j < leaves.size(); ++j) {
            if (leaves[i]->isAncestorOf(leaves[j]) || leaves[j]->isAncestorOf(leaves[i]))
                continue;
            if (shown[i].intersects(shown[j]))
                problems << QStringLiteral("%1 overlaps %2")
                                .arg(layout::describe(leaves[i]), layout::describe(leaves[j]));
        }
    return problems;
}

} // namespace spinepath::test
