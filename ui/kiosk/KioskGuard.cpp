#include "KioskGuard.h"

#include <QAbstractPrintDialog>
#include <QCoreApplication>
#include <QFileDialog>
#include <QKeyEvent>
#include <QPageSetupDialog>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QTimer>
#include <QWidget>

#include <spdlog/spdlog.h>

namespace spinepath::ui {

KioskGuard::KioskGuard(QWidget* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{
    QCoreApplication::instance()->installEventFilter(this);
}

KioskGuard::~KioskGuard()
{
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

bool KioskGuard::isCloseKey(const QKeyEvent& event)
{
    const Qt::KeyboardModifiers modifiers =
        event.modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    switch (event.key()) {
    case Qt::Key_F4:
        return modifiers & (Qt::AltModifier | Qt::ControlModifier);
    case Qt::Key_Q:
    case Qt::Key_W:
        return modifiers & Qt::ControlModifier;
    case Qt::Key_Escape:
    case Qt::Key_Close:
    case Qt::Key_Back: // a "back" key would walk to the previous patient's page
        return true;
    default:
        return false;
    }
}

bool KioskGuard::isStaffKey(const QKeyEvent& event)
{
    const Qt::KeyboardModifiers modifiers =
        event.modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    return event.key() == Qt::Key_S && modifiers == (Qt::ControlModifier | Qt::AltModifier);
}

bool KioskGuard::isFileOrPrintDialog(const QObject* object)
{
    return qobject_cast<const QFileDialog*>(object) || qobject_cast<const QAbstractPrintDialog*>(object) ||
           qobject_cast<const QPrintPreviewDialog*>(object) || qobject_cast<const QPageSetupDialog*>(object);
}

bool KioskGuard::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::Show:
        // The kiosk never opens these for a patient; should a path ever be
        // missed, the dialog goes before anyone can use it.
        if (m_engaged && isFileOrPrintDialog(watched)) {
            spdlog::error("a {} opened at the kiosk; closed", watched->metaObject()->className());
            // Rejected from the event loop, not inside its own show: a modal
            // one's exec() then returns as if cancelled.
            QPointer<QDialog> dialog = static_cast<QDialog*>(watched);
            QTimer::singleShot(0, dialog, [dialog] {
                if (dialog)
                    dialog->reject();
            });
        }
        break;
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        const auto& key = static_cast<const QKeyEvent&>(*event);
        if (isStaffKey(key)) {
            // Once, on the press: ShortcutOverride comes first for the same key.
            if (event->type() == QEvent::KeyPress)
                emit staffRequested();
            event->accept();
            return true;
        }
        if (m_engaged && isCloseKey(key)) {
            event->accept();
            return true;
        }
        break;
    }
    case QEvent::Close:
        if (m_engaged && watched == m_window) {
            event->ignore();
            return true;
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace spinepath::ui
