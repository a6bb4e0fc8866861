#pragma once

#include "core/security/StaffPin.h"

#include <QDialog>
#include <QTimer>

#include <chrono>

class QLabel;
class QLineEdit;
class QPushButton;

namespace spinepath::ui {

// The staff sign-in prompt in front of the staff console and the way out of
// the kiosk. It asks for the PIN, says how many tries are left near the
// lock, and while a wait runs it counts down and keeps the sign-in button
// off, so staff see why nothing happens instead of tapping again. While the
// console is locked after too many wrong PINs it says how to reset the PIN.
//
// Open it with open(), not exec(): the kiosk keeps running its own timers
// and tests can drive it. accept() on the right PIN; reject() on Cancel.
class PinDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PinDialog)

public:
    explicit PinDialog(spinepath::security::StaffPin& pin, QWidget* parent = nullptr);
    ~PinDialog() override;

    // How often the countdown is redrawn. The wait itself comes from the
    // StaffPin each time, so a slow timer can show it late, never wrong.
    void setTickInterval(std::chrono::milliseconds interval);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void signIn();
    void showOutcome(const spinepath::security::SignInOutcome& outcome);
    // Starts (or ends) the countdown from the StaffPin's current wait and lock.
    void refreshWait();
    void clearEntry();

    spinepath::security::StaffPin& m_pin;
    QLineEdit* m_pinEdit;
    QLabel* m_message;
    QPushButton* m_signIn;
    QPushButton* m_cancel;
    QTimer m_tick;
    // The part of the message that stays once a wait is over ("Wrong PIN. 3 tries left ...").
    QString m_note;
};

} // namespace spinepath::ui
