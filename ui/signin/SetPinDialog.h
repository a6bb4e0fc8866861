#pragma once

#include "core/security/StaffPin.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// The first start in clinic mode: staff choose the PIN or passphrase that
// they will need to leave the kiosk and to open the staff console. It is
// typed twice, checked for weakness before anything is stored, and a
// storage error is shown in the dialog, which stays open so nothing is lost.
// Also used to change the PIN from the staff console.
class SetPinDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetPinDialog)

public:
    explicit SetPinDialog(spinepath::security::StaffPin& pin, QWidget* parent = nullptr);
    ~SetPinDialog() override;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void setPin();
    void refuse(const QString& why, QLineEdit* field);
    void clearEntries();

    spinepath::security::StaffPin& m_pin;
    QLineEdit* m_newPin;
    QLineEdit* m_confirmPin;
    QLabel* m_message;
    QPushButton* m_set;
    QPushButton* m_cancel;
};
