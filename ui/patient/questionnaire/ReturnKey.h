#pragma once

#include <QObject>

class QAbstractButton;
class QLineEdit;

namespace spinepath::ui {

// Return and Enter act on the control that has the focus, never on a page:
// on a button they press it (as Space does), and in a text field they move on
// to the next control (as Tab does), so that Enter after typing an answer
// never leaves the page. Qt presses a button on Enter only when it is a
// dialog's "auto default" button, which the style sheet draws as the default
// one, so this is a filter of its own instead.
class ReturnKey final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReturnKey)

public:
    ~ReturnKey() override;

    static void pressesButton(QAbstractButton& button);
    static void movesOn(QLineEdit& edit);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit ReturnKey(QObject* parent);
};

} // namespace spinepath::ui
