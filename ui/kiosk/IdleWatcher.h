#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace spinepath::ui {

// Tells when nobody has used the application for a while. Every key press,
// click, touch and wheel turn in any of its windows starts the wait again.
// A bare mouse move does not: a nudged mouse or a jittery touch screen must
// not keep one patient's answers on screen for the next.
class IdleWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdleWatcher)

public:
    explicit IdleWatcher(std::chrono::milliseconds timeout, QObject* parent = nullptr);
    ~IdleWatcher() override;

    void setTimeout(std::chrono::milliseconds timeout);
    [[nodiscard]] std::chrono::milliseconds timeout() const;

    // An inactive watcher never fires; activating it starts a fresh wait.
    void setActive(bool active);
    [[nodiscard]] bool isActive() const noexcept { return m_active; }

    // Starts the wait again, as if the user had just touched the screen.
    void restart();
    // How long until idle() fires; zero when inactive.
    [[nodiscard]] std::chrono::milliseconds remaining() const;

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    bool m_active = false;
};

} // namespace spinepath::ui
