#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QDialog;
class QGridLayout;
class QMainWindow;
class QScrollArea;

namespace spinepath::ui {

// The kiosk's sign-in dialogs, shown inside the patient's window in place of
// the page, above the on-screen keyboard.
//
// Only one window can type with the keyboard that OnScreenKeyboard draws in
// the main window: under cage a dialog of its own would lose the focus to the
// main window at the first tap on a key, and a modal one would block the
// keyboard altogether. So the dialog becomes a child widget here; the page
// comes back when it finishes. Scrolls when the dialog is taller than the
// room the keyboard leaves.
class InWindowDialogs final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InWindowDialogs)

public:
    ~InWindowDialogs() override;

    // Added to the central widget's layout of `window`; null when it has none.
    [[nodiscard]] static InWindowDialogs* attach(QMainWindow& window);

    // Shows `dialog` (open(), not exec()) instead of the page until it
    // finishes; the field it focuses gets the on-screen keyboard.
    void present(QDialog& dialog);

private:
    explicit InWindowDialogs(QWidget& central);
    void coverPage();
    // Once no dialog is left: the page again.
    void uncoverPage();

    QScrollArea* m_scroll;
    QWidget* m_holder;
    QGridLayout* m_holderLayout;
    QList<QPointer<QWidget>> m_covered;
};

} // namespace spinepath::ui
