#include "FirstFrame.h"

#include <QEvent>
#include <QObject>
#include <QTimer>
#include <QWidget>

namespace {

class FirstPaint final : public QObject
{
public:
    FirstPaint(QWidget& watched, std::function<void()> work)
        : QObject(&watched)
        , m_work(std::move(work))
    {
        watched.installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            // The paint event is being delivered now; the frame is on screen
            // once it has been handled and flushed.
            QTimer::singleShot(0, watched, std::move(m_work));
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_work;
};

} // namespace

void runAfterFirstFrame(QWidget& window, std::function<void()> work)
{
    new FirstPaint(window, std::move(work));
}
