#include "ClinicMode.h"

#include "IdleWatcher.h"
#include "KioskGuard.h"
#include "MainWindow.h"
#include "PatientTraces.h"
#include "StillTherePrompt.h"
#include "common/AppContext.h"
#include "kiosk/keyboard/InWindowDialogs.h"
#include "kiosk/keyboard/OnScreenKeyboard.h"
#include "kiosk/signin/PinDialog.h"
#include "kiosk/signin/SetPinDialog.h"
#include "staff/StaffConsole.h"
#include "staff/audit/AuditLogPage.h"
#include "staff/settings/SettingsPage.h"

#include "core/storage/AuditLog.h"

#include <QEvent>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>

#include <spdlog/spdlog.h>

#include <utility>

namespace spinepath::ui {

namespace storage = spinepath::storage;
using namespace std::chrono_literals;

namespace {

// `path` as one word for a POSIX shell: as it is when that is safe, else in
// single quotes, so the command shown to staff can be typed or pasted as it is.
QString shellWord(const QString& path)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+$"));
    if (safe.match(path).hasMatch())
        return path;
    QString quoted = path;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

ClinicMode::ClinicMode(AppContext& context, MainWindow& window, const Options& options, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_window(window)
    , m_options(options)
    , m_contentClinic(context.content->clinic())
    , m_guard(new KioskGuard(&window, this))
    , m_patientIdle(new IdleWatcher(90s, this))
    , m_staffIdle(new IdleWatcher(5min, this))
    , m_stillThere(new StillTherePrompt(&window))
{
    m_patientIdle->setObjectName(QStringLiteral("patientIdle"));
    m_staffIdle->setObjectName(QStringLiteral("staffIdle"));
    m_guard->setEngaged(options.kiosk);
    connect(m_guard, &KioskGuard::staffRequested, this, &ClinicMode::requestStaff);
    connect(&m_window, &MainWindow::staffRequested, this, &ClinicMode::requestStaff);
    connect(m_patientIdle, &IdleWatcher::idle, this, &ClinicMode::patientIdle);
    connect(m_stillThere, &StillTherePrompt::continued, m_patientIdle, &IdleWatcher::restart);
    connect(&window, &MainWindow::patientActivity, this, [this] {
        // Whoever answers is still there, even while the prompt asks.
        m_stillThere->dismiss();
        m_patientIdle->restart();
    });
    connect(m_stillThere, &StillTherePrompt::expired, this, &ClinicMode::resetForNextPatient);
    connect(m_staffIdle, &IdleWatcher::idle, this, [this] { lockConsole(QStringLiteral("idle")); });
    // main() chose Qt's virtual keyboard for the kiosk, without its window of
    // its own: it is drawn here, and the sign-in dialogs come inside the window.
    if (options.kiosk && OnScreenKeyboard::isInputMethod()) {
        m_keyboard = OnScreenKeyboard::attach(window);
        if (m_keyboard)
            m_inWindowDialogs = InWindowDialogs::attach(window);
    }
    // The program opens the database after the first frame; tests and
    // tools that opened it already get everything at once.
    if (m_context.database || !m_context.databaseProblem.empty())
        useDatabase();
}

ClinicMode::~ClinicMode() = default;

void ClinicMode::useDatabase()
{
    if (m_console)
        return;
    if (m_context.database) {
        m_pin = std::make_unique<spinepath::security::StaffPin>(
            *m_context.database, spinepath::security::StaffPin::Clock{}, m_options.pinCost);
        if (auto loaded = storage::loadClinicSettings(*m_context.database))
            m_settings = loaded.value();
        else
            spdlog::warn("clinic settings unreadable, defaults used: {}", loaded.error().message);
    }

    // Made now, hidden, so an emergency reaches it before anyone signs in.
    m_console = std::make_unique<StaffConsole>(m_context, "staff");
    m_console->setWindowTitle(tr("SpinePath staff console"));
    m_console->setKioskControlsVisible(m_options.kiosk);
    m_console->installEventFilter(this);
    if (m_context.database) {
        auto* settingsPage = new SettingsPage(m_context, "staff");
        connect(settingsPage, &SettingsPage::settingsSaved, this, &ClinicMode::applySettings);
        m_console->addPage(settingsPage, tr("Settings"));
        m_console->addPage(new AuditLogPage(*m_context.database, "staff"), tr("Audit log"));
    }
    applySettings(m_settings);

    connect(&m_window, &MainWindow::emergencyAlert, m_console.get(), &StaffConsole::alertEmergency);
    connect(&m_window, &MainWindow::assessmentFinished, this, [this](const QString& id) {
        m_console->refresh();
        if (m_settings.autoPrint)
            m_console->printAutomatically(id);
    });
    connect(m_console.get(), &StaffConsole::lockRequested, this, [this] { lockConsole(); });
    connect(m_console.get(), &StaffConsole::exitKioskRequested, this, [this] {
        audit(storage::audit::kKioskExited);
        m_guard->setEngaged(false);
        m_patientIdle->setActive(false);
        m_staffIdle->setActive(false);
        emit exitRequested();
    });

    if (m_started) {
        QString problem;
        if (!prepareKiosk(&problem)) {
            spdlog::error("the kiosk cannot run without its database");
            // The database is checked while the first patient may already
            // be answering: those answers stay on screen (the window says
            // they are not saved) until the patient leaves.
            if (m_window.session())
                m_stopWhenPatientLeaves = problem;
            else
                stopKiosk(problem);
        }
    }
}

void ClinicMode::stopKiosk(const QString& problem)
{
    QMessageBox::critical(&m_window, tr("SpinePath cannot start"), problem);
    emit exitRequested();
}

bool ClinicMode::start(QString* problem)
{
    m_window.setKioskMode(m_options.kiosk);
    showPatientWindow();
    m_started = true;
    return !m_console || prepareKiosk(problem);
}

bool ClinicMode::prepareKiosk(QString* problem)
{
    if (!m_options.kiosk)
        return true;
    if (!m_pin) {
        if (problem)
            *problem = tr("The kiosk needs its database to keep answers and the staff PIN: %1")
                           .arg(QString::fromStdString(m_context.databaseProblem));
        return false;
    }
    // Without a PIN, staff are asked for one at once, with the reset code
    // that only a command line on this computer gives, so a patient can
    // never be the one to choose it. Cancelling leaves the kiosk locked
    // (ending the program would be a way out of it); Staff asks again.
    const auto isSet = m_pin->isSet();
    if (isSet && !isSet.value()) {
        QDialog* dialog = makeSetPinDialog();
        m_signIn = dialog;
        m_firstPin = dialog;
        showSignIn(*dialog);
    }
    return true;
}

QDialog* ClinicMode::makeSetPinDialog()
{
    // At the kiosk the one at the screen may be a patient: no PIN without
    // the code. A single office computer's user has a command line anyway.
    SetPinDialog* dialog = m_options.kiosk
                               ? new SetPinDialog(*m_pin,
                                                  SetPinDialog::ResetCodeRequired{
                                                      QStringLiteral("spinepath-cli db reset-pin --db %1")
                                                          .arg(shellWord(m_context.database->path()))},
                                                  &m_window)
                               : new SetPinDialog(*m_pin, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

bool ClinicMode::isConsoleOpen() const
{
    return m_console && m_console->isVisible();
}

void ClinicMode::setTimingForTesting(std::chrono::milliseconds patientIdle,
                                     std::chrono::milliseconds countdownTick,
                                     std::chrono::milliseconds staffIdle)
{
    m_patientIdle->setTimeout(patientIdle);
    m_countdownTick = countdownTick;
    m_staffIdle->setTimeout(staffIdle);
}

void ClinicMode::applySettings(const storage::ClinicSettingsValues& values)
{
    m_settings = values;
    m_patientIdle->setTimeout(std::chrono::seconds(values.idleSeconds));
    m_staffIdle->setTimeout(std::chrono::minutes(values.staffLockMinutes));
    if (m_console) {
        m_console->setPaper(values.paper);
        m_console->setPrinterName(QString::fromStdString(values.printer));
    }
    m_window.setClinicPrinter(QString::fromStdString(values.printer));
    m_window.setClinicLanguage(m_options.language.isEmpty() ? QString::fromStdString(values.language)
                                                            : m_options.language);
    m_context.content->setClinic(
        m_contentClinic.withOverrides(values.clinicName, values.clinicAddress, values.clinicPhone));
    m_window.showClinicDetails();
}

void ClinicMode::requestStaff()
{
    if (!m_console || isConsoleOpen() || m_signIn)
        return;
    if (!m_pin) {
        QMessageBox::warning(&m_window, tr("Staff console"),
                             tr("The staff console needs the database, which cannot be used: %1")
                                 .arg(QString::fromStdString(m_context.databaseProblem)));
        return;
    }
    const auto isSet = m_pin->isSet();
    if (!isSet) {
        QMessageBox::warning(
            &m_window, tr("Staff console"),
            tr("The staff PIN cannot be read: %1").arg(QString::fromStdString(isSet.error().message)));
        return;
    }
    QDialog* dialog = isSet.value() ? new PinDialog(*m_pin, &m_window) : makeSetPinDialog();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &ClinicMode::openConsole);
    m_signIn = dialog;
    // The patient's idle clock must not clear the screen under staff typing.
    m_stillThere->dismiss();
    showSignIn(*dialog);
}

void ClinicMode::showSignIn(QDialog& dialog)
{
    if (m_inWindowDialogs)
        m_inWindowDialogs->present(dialog);
    else
        dialog.open();
}

void ClinicMode::openConsole()
{
    m_guard->setEngaged(false);
    m_patientIdle->setActive(false);
    m_stillThere->dismiss();
    m_console->refresh();
    if (m_options.kiosk) {
        m_window.hide();
        if (m_options.fullScreen) {
            if (const QScreen* screen = m_window.screen())
                m_console->setGeometry(screen->geometry());
            m_console->showFullScreen();
        } else {
            m_console->resize(m_window.size());
            m_console->show();
        }
    } else {
        if (!m_console->testAttribute(Qt::WA_WState_ExplicitShowHide))
            m_console->resize(1280, 800);
        m_console->show();
    }
    m_console->raise();
    m_console->activateWindow();
    m_staffIdle->setActive(true);
}

void ClinicMode::lockConsole(const QString& reason)
{
    if (!isConsoleOpen())
        return;
    m_staffIdle->setActive(false);
    m_console->hide();
    // A print dialog or message box staff left open must not wait for the
    // next patient.
    patienttraces::closeStrayWindows();
    audit(storage::audit::kSignedOut, reason.toStdString());
    showPatientWindow();
}

bool ClinicMode::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_console.get() && event->type() == QEvent::Close) {
        event->ignore();
        lockConsole(QStringLiteral("closed"));
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void ClinicMode::showPatientWindow()
{
    m_guard->setEngaged(m_options.kiosk);
    if (m_options.kiosk && m_options.fullScreen) {
        m_window.setWindowFlags(m_window.windowFlags() | Qt::FramelessWindowHint);
        // Without a window manager (a bare kiosk X session) the full-screen
        // request alone does nothing: the geometry is set as well.
        if (const QScreen* screen = m_window.screen())
            m_window.setGeometry(screen->geometry());
        m_window.showFullScreen();
    } else {
        m_window.show();
    }
    m_window.raise();
    m_window.activateWindow();
    m_patientIdle->setActive(m_options.kiosk);
}

void ClinicMode::patientIdle()
{
    // Nothing of a patient on screen: nothing to ask about. A library page
    // or a dialog left open is simply closed.
    if (m_stillThere->isVisible())
        return;
    if (!m_window.session()) {
        resetForNextPatient();
        return;
    }
    m_stillThere->start(m_settings.countdownSeconds, m_countdownTick);
}

void ClinicMode::resetForNextPatient()
{
    // Every dialog goes, modal or not, whoever opened it (the PIN prompt
    // too); only the first-start PIN dialog stays, as nobody may use the
    // kiosk before it is done.
    patienttraces::closeStrayWindows(m_firstPin);
    // A sign-in shown inside the window is no window of its own: closed here.
    if (m_signIn && m_signIn != m_firstPin && m_signIn->isVisible())
        m_signIn->reject();
    m_window.clearForNextPatient();
    m_patientIdle->restart();
    if (!m_stopWhenPatientLeaves.isEmpty())
        stopKiosk(std::exchange(m_stopWhenPatientLeaves, {}));
}

void ClinicMode::audit(std::string_view action, std::string_view detail)
{
    if (!m_context.database)
        return;
    if (auto done = storage::AuditLog(*m_context.database).append("staff", action, {}, detail); !done)
        spdlog::warn("audit entry {} not written: {}", action, done.error().message);
}

} // namespace spinepath::ui
