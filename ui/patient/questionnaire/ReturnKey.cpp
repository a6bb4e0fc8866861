#include "ReturnKey.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>

namespace spinepath::ui {

namespace {

// Return, or Enter on the number pad; Ctrl+Enter is the "Next" shortcut.
bool isPlainReturn(const QKeyEvent& event)
{
    const bool returnKey = event.key() == Qt::Key_Return || event.key() == Qt::Key_Enter;
    return returnKey && (event.modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

} // namespace

ReturnKey::ReturnKey(QObject* parent)
    : QObject(parent)
{}

ReturnKey::~ReturnKey() = default;

void ReturnKey::pressesButton(QAbstractButton& button)
{
    button.installEventFilter(new ReturnKey(&button));
}

void ReturnKey::movesOn(QLineEdit& edit)
{
    edit.installEventFilter(new ReturnKey(&edit));
}

bool ReturnKey::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress || !isPlainReturn(*static_cast<QKeyEvent*>(event)))
        return QObject::eventFilter(watched, event);
    if (auto* button = qobject_cast<QAbstractButton*>(watched)) {
        button->click();
        return true;
    }
    if (qobject_cast<QLineEdit*>(watched)) {
        // Exactly what Tab does (QWidget::focusNextPrevChild is not public),
        // including the scroll area bringing the next field into view.
        QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
        QCoreApplication::sendEvent(watched, &tab);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace spinepath::ui
