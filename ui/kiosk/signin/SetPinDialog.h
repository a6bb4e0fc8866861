#pragma once

#include "core/security/StaffPin.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace spinepath::ui {

// Staff choose the PIN or passphrase that they need to leave the kiosk and
// to open the staff console. It is typed twice, checked for weakness before
// anything is stored, and a storage error is shown in the dialog, which
// stays open so nothing is lost.
//
// At the kiosk a PIN is set only together with the one-time reset code that
// `spinepath-cli db reset-pin` prints, so whoever taps Staff while no PIN is
// set (after a reset, or at the first start) cannot choose one. Only on a
// single office computer, whose user has a command line anyway, is the PIN
// set without a code.
class SetPinDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetPinDialog)

public:
    // The kiosk's dialog: `command` is the exact command that prints a code
    // for this database; the dialog shows it to staff.
    struct ResetCodeRequired
    {
        QString command;
    };

    // Without a code: the first start of a single office computer.
    explicit SetPinDialog(spinepath::security::StaffPin& pin, QWidget* parent = nullptr);
    // With a code: the kiosk.
    SetPinDialog(spinepath::security::StaffPin& pin, const ResetCodeRequired& codeRequired,
                 QWidget* parent = nullptr);
    ~SetPinDialog() override;

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    SetPinDialog(spinepath::security::StaffPin& pin, const QString* resetCommand, QWidget* parent);

    void setPin();
    // Sets the PIN in `secret` with the code typed; true when it is set.
    bool setWithCode(std::string_view secret);
    void refuse(const QString& why, QLineEdit* field);
    void clearEntries();

    spinepath::security::StaffPin& m_pin;
    QLineEdit* m_code = nullptr; // null without a code
    QLineEdit* m_newPin;
    QLineEdit* m_confirmPin;
    QLabel* m_message;
    QPushButton* m_set;
    QPushButton* m_cancel;
};

} // namespace spinepath::ui
