#include "SetPinDialog.h"

#include "SecretEdit.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using spinepath::security::StaffPin;

SetPinDialog::SetPinDialog(StaffPin& pin, QWidget* parent)
    : QDialog(parent)
    , m_pin(pin)
    , m_newPin(signin::makeSecretEdit(QStringLiteral("newPinEdit"), this))
    , m_confirmPin(signin::makeSecretEdit(QStringLiteral("confirmPinEdit"), this))
    , m_message(new QLabel(this))
    , m_set(new QPushButton(tr("Set the PIN"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("setPinDialog"));
    setWindowTitle(tr("Staff PIN"));
    setModal(true);
    setMinimumWidth(620);

    auto* heading = signin::makeHeading(tr("Choose the staff PIN"), this);
    auto* why = new QLabel(tr("Staff need this PIN to leave the kiosk and to open the staff console. "
                              "Patients cannot do either without it, so keep it among staff."),
                           this);
    why->setProperty("role", QStringLiteral("body"));
    why->setWordWrap(true);
    auto* rules = new QLabel(tr("Use at least %1 characters: a PIN of digits, or a passphrase. "
                                "Not one character repeated, and not digits in a row such as 123456.")
                                 .arg(StaffPin::kMinLength),
                             this);
    rules->setProperty("role", QStringLiteral("hint"));
    rules->setWordWrap(true);

    auto* newLabel = new QLabel(tr("New PIN or passphrase"), this);
    newLabel->setBuddy(m_newPin);
    m_newPin->setAccessibleName(newLabel->text());
    auto* confirmLabel = new QLabel(tr("The same again"), this);
    confirmLabel->setBuddy(m_confirmPin);
    m_confirmPin->setAccessibleName(tr("Confirm the PIN"));

    signin::setUpMessageLabel(*m_message, QStringLiteral("setPinMessage"));
    m_set->setObjectName(QStringLiteral("setPinButton"));
    QHBoxLayout* buttons = signin::makeButtonRow(*m_cancel, *m_set);

    QVBoxLayout* layout = signin::makeDialogLayout(*this, 12);
    layout->addWidget(heading);
    layout->addWidget(why);
    layout->addWidget(rules);
    layout->addSpacing(8);
    layout->addWidget(newLabel);
    layout->addWidget(m_newPin);
    layout->addWidget(confirmLabel);
    layout->addWidget(m_confirmPin);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_set, &QPushButton::clicked, this, &SetPinDialog::setPin);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, &SetPinDialog::clearEntries);
    m_newPin->setFocus();
}

SetPinDialog::~SetPinDialog()
{
    clearEntries();
}

void SetPinDialog::keyPressEvent(QKeyEvent* event)
{
    // Return in the first field moves on to the second instead of pressing
    // the default button with half the entry made.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_newPin->hasFocus()) {
        m_confirmPin->setFocus();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void SetPinDialog::clearEntries()
{
    signin::clearSecretEdit(*m_newPin);
    signin::clearSecretEdit(*m_confirmPin);
}

void SetPinDialog::refuse(const QString& why, QLineEdit* field)
{
    signin::showMessage(*m_message, why);
    field->setFocus();
}

void SetPinDialog::setPin()
{
    QString typed = m_newPin->text();
    QString again = m_confirmPin->text();
    const bool same = typed == again;
    spinepath::security::wipe(again);
    QByteArray secret = typed.toUtf8();
    spinepath::security::wipe(typed);
    const std::string_view view(secret.constData(), static_cast<std::size_t>(secret.size()));

    if (const auto weakness = StaffPin::weaknessOf(view)) {
        spinepath::security::wipe(secret);
        clearEntries();
        switch (*weakness) {
        case StaffPin::Weakness::TooShort:
            refuse(tr("Too short: use at least %1 characters.").arg(StaffPin::kMinLength), m_newPin);
            return;
        case StaffPin::Weakness::OneCharacterRepeated:
            refuse(tr("Too easy to guess: do not use one character repeated, such as 111111."), m_newPin);
            return;
        case StaffPin::Weakness::StraightRun:
            refuse(tr("Too easy to guess: do not use digits in a row, such as 123456."), m_newPin);
            return;
        }
    }
    if (!same) {
        spinepath::security::wipe(secret);
        signin::clearSecretEdit(*m_confirmPin);
        refuse(tr("The two entries are not the same. Type the same PIN in both fields."), m_confirmPin);
        return;
    }

    const auto stored = m_pin.set(view);
    spinepath::security::wipe(secret);
    if (!stored) {
        // The entries stay, so staff can try again once the problem is fixed.
        signin::showMessage(
            *m_message,
            tr("The PIN could not be stored: %1").arg(QString::fromStdString(stored.error().message)));
        return;
    }
    clearEntries();
    m_message->clear();
    accept();
}
