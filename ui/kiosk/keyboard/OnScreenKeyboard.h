#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QMainWindow;
class QQuickItem;
class QQuickWidget;

namespace spinepath::ui {

// The kiosk's on-screen keyboard, inside the patient's own window.
//
// Qt's virtual keyboard would otherwise open as a window of its own. Under
// cage (the kiosk's compositor) a tap on that window gives it the focus, the
// text field loses it and the keyboard closes: nothing is ever typed. So
// main() turns that window off (QT_VIRTUALKEYBOARD_DESKTOP_DISABLE) and this
// widget, docked under the page in the main window, draws the keyboard (a
// QML InputPanel in a QQuickWidget that never takes the focus). It shows
// while Qt's input method asks for the keyboard for a field of this window,
// the page above shrinks to make room, and the field is scrolled into view.
class OnScreenKeyboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnScreenKeyboard)

public:
    ~OnScreenKeyboard() override;

    // True when Qt's virtual keyboard is the program's input method
    // (QT_IM_MODULE, which main() sets at the kiosk when it is installed).
    [[nodiscard]] static bool isInputMethod();
    // Docks a keyboard under the central widget's content of `window`. Null,
    // with a warning in the log, when its QML modules cannot be loaded: the
    // kiosk then runs without one (a hardware keyboard still types).
    [[nodiscard]] static OnScreenKeyboard* attach(QMainWindow& window);

    // Up, taking room under the page (it is never hidden, only collapsed).
    [[nodiscard]] bool isShown() const noexcept { return m_shown; }
    // The QML InputPanel, for tests that tap its keys.
    [[nodiscard]] QQuickItem* panel() const;
    [[nodiscard]] QQuickWidget* view() const noexcept { return m_view; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    explicit OnScreenKeyboard(QMainWindow& window);
    [[nodiscard]] bool load();
    // Shown while the input method wants the keyboard for a field of this window.
    void followInputMethod();
    void fitToWindow();
    // Its panel's height while shown, else none.
    void applyHeight();
    // The page has just shrunk: the field being typed in must not be left under the keyboard.
    void keepFocusInView();

    QMainWindow& m_window;
    QQuickWidget* m_view;
    QTimer m_updateSoon;
    bool m_shown = false;
};

} // namespace spinepath::ui
