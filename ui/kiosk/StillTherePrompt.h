#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>

class QLabel;
class QPushButton;

namespace spinepath::ui {

// "Are you still there?": covers the whole window after the kiosk has been
// idle, counts down, and either lets the patient carry on or, at zero, tells
// the kiosk to clear everything. An overlay rather than a dialog, so no
// window manager can put it behind the answers it is meant to hide. While it
// shows, the window's other contents are hidden, not just painted over: a
// passer-by sees nothing of them and a screen reader cannot read them out.
class StillTherePrompt final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StillTherePrompt)

public:
    // Covers `parent` and follows its size.
    explicit StillTherePrompt(QWidget* parent);
    ~StillTherePrompt() override;

    // Shows the prompt and counts down from `seconds`, one per `tick`.
    void start(int seconds, std::chrono::milliseconds tick = std::chrono::seconds(1));
    // Hides the prompt without a signal (the kiosk was reset some other way).
    void dismiss();
    [[nodiscard]] int secondsLeft() const noexcept { return m_secondsLeft; }

signals:
    void continued();
    void expired();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void countDown();
    void showSecondsLeft();
    void hideWhatIsCovered();
    void showWhatWasCovered();

    QLabel* m_countdown;
    QPushButton* m_stillHere;
    QTimer m_ticks;
    int m_secondsLeft = 0;
    QList<QPointer<QWidget>> m_covered;
    QPointer<QWidget> m_focusBefore;
};

} // namespace spinepath::ui
