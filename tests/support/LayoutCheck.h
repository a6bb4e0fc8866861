#pragma once

// What a patient would call a broken layout, found from widget geometry:
// a control cut off at the window's edge or needing sideways scrolling, and
// two controls drawn over each other. Used by the screen-size tests.
#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStringList>
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

} // namespace layout

// Every problem found on what `window` shows now; empty when the layout holds.
inline QStringList layoutProblems(QWidget& window)
{
    QList<QWidget*> leaves;
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->window() != &window || !layout::isLeaf(widget))
            continue;
        if (const auto* label = qobject_cast<QLabel*>(widget);
            label && label->text().isEmpty() && label->pixmap().isNull())
            continue; // an empty message line takes no room a patient sees
        leaves << widget;
    }

    QStringList problems;
    QList<QRect> rects;
    for (QWidget* widget : std::as_const(leaves)) {
        const QRect rect(widget->mapTo(&window, QPoint(0, 0)), widget->size());
        rects << rect;
        if (!layout::frameFor(widget, &window).contains(rect))
            problems << QStringLiteral("%1 at (%2,%3 %4x%5) is cut off")
                            .arg(layout::describe(widget))
                            .arg(rect.x())
                            .arg(rect.y())
                            .arg(rect.width())
                            .arg(rect.height());
    }
    for (qsizetype i = 0; i < leaves.size(); ++i)
        for (qsizetype j = i + 1; j < leaves.size(); ++j) {
            if (leaves[i]->isAncestorOf(leaves[j]) || leaves[j]->isAncestorOf(leaves[i]))
                continue;
            if (rects[i].intersects(rects[j]))
                problems << QStringLiteral("%1 overlaps %2")
                                .arg(layout::describe(leaves[i]), layout::describe(leaves[j]));
        }
    return problems;
}

} // namespace spinepath::test
