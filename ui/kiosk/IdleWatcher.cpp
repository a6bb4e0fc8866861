#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace spinepath::ui {

IdleWatcher::IdleWatcher(std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire seconds early on a long wait, and its
    // remaining time jumps: the countdown should start when it says.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(timeout);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::idle);
    // On the application, so input to any window or dialog counts.
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timer.setInterval(timeout);
    restart();
}

std::chrono::milliseconds IdleWatcher::timeout() const
{
    return m_timer.intervalAsDuration();
}

void IdleWatcher::setActive(bool active)
{
    m_active = active;
    if (active)
        m_timer.start();
    else
        m_timer.stop();
}

void IdleWatcher::restart()
{
    if (m_active)
        m_timer.start();
}

std::chrono::milliseconds IdleWatcher::remaining() const
{
    return m_timer.isActive() ? m_timer.remainingTimeAsDuration() : std::chrono::milliseconds(0);
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace spinepath::ui
