#include "SetPinDialog.h"

#include "SecretEdit.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace spinepath::ui {

using spinepath::security::ResetOutcome;
using spinepath::security::StaffPin;

namespace {

long long codeMinutes()
{
    return std::chrono::duration_cast<std::chrono::minutes>(StaffPin::kResetCodeLifetime).count();
}

QLabel* makeBody(const QString& text, const char* role, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setProperty("role", QString::fromLatin1(role));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

SetPinDialog::SetPinDialog(StaffPin& pin, QWidget* parent)
    : SetPinDialog(pin, static_cast<const QString*>(nullptr), parent)
{}

SetPinDialog::SetPinDialog(StaffPin& pin, const ResetCodeRequired& codeRequired, QWidget* parent)
    : SetPinDialog(pin, &codeRequired.command, parent)
{}

SetPinDialog::SetPinDialog(StaffPin& pin, const QString* resetCommand, QWidget* parent)
    : QDialog(parent)
    , m_pin(pin)
    , m_code(resetCommand ? signin::makeSecretEdit(QStringLiteral("resetCodeEdit"), this) : nullptr)
    , m_newPin(signin::makeSecretEdit(QStringLiteral("newPinEdit"), this))
    , m_confirmPin(signin::makeSecretEdit(QStringLiteral("confirmPinEdit"), this))
    , m_message(new QLabel(this))
    , m_set(new QPushButton(tr("Set the PIN"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("setPinDialog"));
    setWindowTitle(tr("Staff PIN"));
    setModal(true);
    setMinimumWidth(m_code ? 720 : 620);

    QVBoxLayout* layout = signin::makeDialogLayout(*this, 12);
    layout->addWidget(signin::makeHeading(tr("Choose the staff PIN"), this));
    layout->addWidget(makeBody(tr("Staff need this PIN to leave the kiosk and to open the staff console. "
                                  "Patients cannot do either without it, so keep it among staff."),
                               "body", this));
    if (m_code) {
        layout->addWidget(makeBody(tr("No staff PIN is set. To set one, run this command on this computer "
                                      "(or over SSH). Enter the code it prints here, within %n minutes, "
                                      "with the new PIN.",
                                      nullptr, static_cast<int>(codeMinutes())),
                                   "body", this));
        QLabel* command = makeBody(*resetCommand, "hint", this);
        command->setObjectName(QStringLiteral("resetCommand"));
        command->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(command);
        layout->addSpacing(8);
        auto* codeLabel = new QLabel(tr("Reset code"), this);
        codeLabel->setBuddy(m_code);
        m_code->setAccessibleName(codeLabel->text());
        layout->addWidget(codeLabel);
        layout->addWidget(m_code);
    }
    layout->addWidget(makeBody(tr("Use at least %1 characters: a PIN of digits, or a passphrase. "
                                  "Not one character repeated, and not digits in a row such as 123456.")
                                   .arg(StaffPin::kMinLength),
                               "hint", this));
    layout->addSpacing(8);

    auto* newLabel = new QLabel(tr("New PIN or passphrase"), this);
    newLabel->setBuddy(m_newPin);
    m_newPin->setAccessibleName(newLabel->text());
    auto* confirmLabel = new QLabel(tr("The same again"), this);
    confirmLabel->setBuddy(m_confirmPin);
    m_confirmPin->setAccessibleName(tr("Confirm the PIN"));

    signin::setUpMessageLabel(*m_message, QStringLiteral("setPinMessage"));
    m_set->setObjectName(QStringLiteral("setPinButton"));
    QHBoxLayout* buttons = signin::makeButtonRow(*m_cancel, *m_set);

    layout->addWidget(newLabel);
    layout->addWidget(m_newPin);
    layout->addWidget(confirmLabel);
    layout->addWidget(m_confirmPin);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_set, &QPushButton::clicked, this, &SetPinDialog::setPin);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, &SetPinDialog::clearEntries);
    (m_code ? m_code : m_newPin)->setFocus();
}

SetPinDialog::~SetPinDialog()
{
    clearEntries();
}

void SetPinDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // The kiosk's version has two more paragraphs than the size hint allows for.
    signin::fitHeight(*this);
}

void SetPinDialog::keyPressEvent(QKeyEvent* event)
{
    // Return in a field before the last moves on to the next instead of
    // pressing the default button with half the entry made.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    QLineEdit* next = nullptr;
    if (m_code && m_code->hasFocus())
        next = m_newPin;
    else if (m_newPin->hasFocus())
        next = m_confirmPin;
    if (enter && next) {
        next->setFocus();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void SetPinDialog::clearEntries()
{
    if (m_code)
        signin::clearSecretEdit(*m_code);
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
        signin::clearSecretEdit(*m_newPin);
        signin::clearSecretEdit(*m_confirmPin);
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

    if (m_code) {
        const bool set = setWithCode(view);
        spinepath::security::wipe(secret);
        if (set) {
            clearEntries();
            m_message->clear();
            accept();
        }
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

bool SetPinDialog::setWithCode(std::string_view secret)
{
    QString typedCode = m_code->text();
    if (typedCode.trimmed().isEmpty()) {
        // A tap with no code is not a wrong code.
        refuse(tr("Enter the reset code first: run the command above to get one."), m_code);
        return false;
    }
    QByteArray code = typedCode.toUtf8();
    spinepath::security::wipe(typedCode);
    const ResetOutcome outcome = m_pin.setWithResetCode(
        std::string_view(code.constData(), static_cast<std::size_t>(code.size())), secret);
    spinepath::security::wipe(code);

    const QString wait =
        outcome.wait > std::chrono::seconds(0)
            ? QLatin1Char(' ') + tr("Try again in %1.").arg(signin::countdownText(outcome.wait))
            : QString();
    switch (outcome.kind) {
    case ResetOutcome::Kind::Accepted:
        return true;
    case ResetOutcome::Kind::Rejected:
        signin::clearSecretEdit(*m_code);
        refuse(tr("Wrong reset code. Check it and type it again.") + wait, m_code);
        return false;
    case ResetOutcome::Kind::Throttled:
        refuse(tr("Too many wrong codes.") + wait, m_code);
        return false;
    case ResetOutcome::Kind::NoCode:
        signin::clearSecretEdit(*m_code);
        refuse(tr("No reset code is waiting. Run the command above to get one."), m_code);
        return false;
    case ResetOutcome::Kind::Expired:
        signin::clearSecretEdit(*m_code);
        refuse(tr("The reset code has expired: a code works for %n minutes. Run the command above for a new "
                  "one.",
                  nullptr, static_cast<int>(codeMinutes())),
               m_code);
        return false;
    case ResetOutcome::Kind::WeakPin: // checked above; the core's words, should it ever differ
    case ResetOutcome::Kind::Failed:
        // The entries stay, so staff can try again once the problem is fixed.
        signin::showMessage(
            *m_message, tr("The PIN could not be stored: %1").arg(QString::fromStdString(outcome.message)));
        return false;
    }
    return false;
}

} // namespace spinepath::ui
