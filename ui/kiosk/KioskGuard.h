#pragma once

#include <QObject>
#include <QPointer>

class QKeyEvent;
class QWidget;

namespace spinepath::ui {

// Keeps a patient at the kiosk inside SpinePath: the keys that close windows
// or leave screens (Alt+F4, Ctrl+Q, Ctrl+W, Escape) do nothing, the window
// refuses to close, Ctrl+Alt+S asks for staff instead, and a file or print
// dialog (which would open the computer's files) is closed as it shows. Lifted while staff
// are signed in, so their own dialogs behave as usual.
class KioskGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskGuard)

public:
    // Guards `window` (its close events) and every key the application receives.
    explicit KioskGuard(QWidget* window, QObject* parent = nullptr);
    ~KioskGuard() override;

    void setEngaged(bool engaged) { m_engaged = engaged; }
    [[nodiscard]] bool isEngaged() const noexcept { return m_engaged; }

    // Whether this key is one a kiosk swallows.
    [[nodiscard]] static bool isCloseKey(const QKeyEvent& event);
    [[nodiscard]] static bool isStaffKey(const QKeyEvent& event);
    // A file, print, print preview or page setup dialog.
    [[nodiscard]] static bool isFileOrPrintDialog(const QObject* object);

signals:
    // Ctrl+Alt+S, whether or not the guard is engaged.
    void staffRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QWidget> m_window;
    bool m_engaged = true;
};

} // namespace spinepath::ui
