#include "PinDialog.h"

#include "SecretEdit.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace spinepath::ui {

using spinepath::security::SignInOutcome;
using spinepath::security::StaffPin;
using std::chrono::seconds;

namespace {

constexpr std::chrono::milliseconds kDefaultTick{500};

} // namespace

PinDialog::PinDialog(StaffPin& pin, QWidget* parent)
    : QDialog(parent)
    , m_pin(pin)
    , m_pinEdit(signin::makeSecretEdit(QStringLiteral("pinEdit"), this))
    , m_message(new QLabel(this))
    , m_signIn(new QPushButton(tr("Sign in"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Staff sign-in"));
    setModal(true);
    setMinimumWidth(560);

    auto* heading = signin::makeHeading(tr("Staff sign-in"), this);
    auto* prompt = new QLabel(tr("Enter the staff PIN or passphrase."), this);
    prompt->setProperty("role", QStringLiteral("body"));
    prompt->setWordWrap(true);
    prompt->setBuddy(m_pinEdit);
    m_pinEdit->setAccessibleName(tr("Staff PIN"));

    signin::setUpMessageLabel(*m_message, QStringLiteral("pinMessage"));
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    QHBoxLayout* buttons = signin::makeButtonRow(*m_cancel, *m_signIn);

    QVBoxLayout* layout = signin::makeDialogLayout(*this, 16);
    layout->addWidget(heading);
    layout->addWidget(prompt);
    layout->addWidget(m_pinEdit);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    // Return in the field presses the default button (QDialog), which does
    // nothing while it is disabled: no second path to verify().
    connect(m_signIn, &QPushButton::clicked, this, &PinDialog::signIn);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, [this] {
        m_tick.stop();
        clearEntry();
    });

    m_tick.setInterval(kDefaultTick);
    connect(&m_tick, &QTimer::timeout, this, &PinDialog::refreshWait);
    refreshWait();
}

PinDialog::~PinDialog()
{
    clearEntry();
}

void PinDialog::setTickInterval(std::chrono::milliseconds interval)
{
    m_tick.setInterval(interval);
}

void PinDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // A wait or lockout from before (another try, a restart) shows at once.
    refreshWait();
    m_pinEdit->setFocus();
}

void PinDialog::clearEntry()
{
    signin::clearSecretEdit(*m_pinEdit);
}

void PinDialog::signIn()
{
    if (!m_signIn->isEnabled())
        return;
    QString typed = m_pinEdit->text();
    clearEntry();
    if (typed.isEmpty()) {
        // A tap on the button with nothing typed is not a wrong PIN.
        signin::showMessage(*m_message, tr("Enter the staff PIN first."));
        m_pinEdit->setFocus();
        return;
    }
    QByteArray secret = typed.toUtf8();
    spinepath::security::wipe(typed);
    const SignInOutcome outcome = m_pin.verify(std::string_view(secret.constData(), secret.size()));
    spinepath::security::wipe(secret);
    showOutcome(outcome);
}

void PinDialog::showOutcome(const SignInOutcome& outcome)
{
    switch (outcome.kind) {
    case SignInOutcome::Kind::Accepted:
        m_note.clear();
        m_message->clear();
        accept();
        return;
    case SignInOutcome::Kind::Rejected: {
        // The count only matters near the lock; "97 tries left" would be noise.
        const int left = StaffPin::kMaxFailures - outcome.failuresInRow;
        if (left > StaffPin::kWarnWhenLeft)
            m_note = tr("Wrong PIN.");
        else if (left == 1) // English has no "1 tries" and no translation is loaded
            m_note = tr("Wrong PIN. 1 try left before the console locks until the PIN is reset.");
        else
            m_note = tr("Wrong PIN. %n tries left before the console locks until the PIN is reset.", nullptr,
                        left);
        break;
    }
    case SignInOutcome::Kind::Throttled:
        break;
    case SignInOutcome::Kind::LockedOut:
        m_note.clear();
        break;
    case SignInOutcome::Kind::NoPinSet:
        // The PIN was reset while this dialog was open.
        m_note = tr("The staff PIN has been reset. Press Cancel, then Staff again, to set a new one with the "
                    "reset code.");
        break;
    case SignInOutcome::Kind::Failed:
        m_note = tr("The PIN could not be checked: %1").arg(QString::fromStdString(outcome.message));
        break;
    }
    signin::showMessage(*m_message, m_note);
    refreshWait();
    if (m_signIn->isEnabled())
        m_pinEdit->setFocus();
}

void PinDialog::refreshWait()
{
    // Ticks on through the lock too, so the dialog comes back to life once IT resets the PIN.
    const bool locked = m_pin.isLockedOut();
    const seconds wait = locked ? seconds(0) : m_pin.waitRemaining();
    if (!locked && wait <= seconds(0)) {
        m_tick.stop();
        if (!m_signIn->isEnabled()) {
            m_signIn->setEnabled(true);
            signin::showMessage(*m_message, m_note);
            m_pinEdit->setFocus();
        }
        return;
    }
    if (m_signIn->isEnabled()) {
        m_signIn->setEnabled(false);
        // Staff may type the PIN while they wait; the focus would otherwise
        // move on from the disabled button to Cancel.
        m_pinEdit->setFocus();
    }
    const QString countdown = signin::countdownText(wait);
    if (locked)
        signin::showMessage(
            *m_message, tr("The staff console is locked after %1 wrong PINs in a row. It opens again once "
                           "the PIN is reset: ask IT to run spinepath-cli db reset-pin on this computer.")
                            .arg(StaffPin::kMaxFailures));
    else if (m_note.isEmpty())
        signin::showMessage(*m_message, tr("Too many tries. Try again in %1.").arg(countdown));
    else
        signin::showMessage(*m_message, m_note + QLatin1Char(' ') + tr("Try again in %1.").arg(countdown));
    if (!m_tick.isActive())
        m_tick.start();
}

} // namespace spinepath::ui
