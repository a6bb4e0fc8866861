#pragma once

#include "core/content/ClinicInfo.h"
#include "core/security/StaffPin.h"
#include "core/storage/ClinicSettings.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

class QDialog;

namespace spinepath::ui {

class IdleWatcher;
class InWindowDialogs;
class KioskGuard;
class MainWindow;
class OnScreenKeyboard;
class StaffConsole;
class StillTherePrompt;
struct AppContext;

// SpinePath at the clinic: what is on screen, and who may see it. The patient
// window, locked down when it runs as the front-desk kiosk; the PIN prompt;
// the staff console. Only one of the patient window and the console shows at
// a time, an idle kiosk clears itself for the next patient, and an idle
// console locks itself.
class ClinicMode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClinicMode)

public:
    struct Options
    {
        bool kiosk = false;
        // Full screen and frameless; tests keep a plain window.
        bool fullScreen = true;
        spinepath::security::StaffPin::Cost pinCost = spinepath::security::StaffPin::Cost::Interactive;
        // --lang: the clinic's language whatever the settings say; empty: theirs.
        QString language;
    };

    ClinicMode(AppContext& context, MainWindow& window, const Options& options, QObject* parent = nullptr);
    ~ClinicMode() override;

    // Shows the patient window; in kiosk mode locked down, with the dialog
    // that sets a PIN (with a reset code) on top if there is none yet.
    // False, with `problem` set, when the kiosk cannot run (no database to
    // keep the PIN and the answers in).
    [[nodiscard]] bool start(QString* problem = nullptr);
    // The database is open (or failed to open): the staff PIN, the settings
    // and the console come now. Called by the constructor when the database
    // is already open, else by the program when its check in a worker thread
    // has finished (DatabaseStartup), before MainWindow::useDatabase; once only.
    void useDatabase();

    // Null until the database is in use.
    [[nodiscard]] StaffConsole* console() const noexcept { return m_console.get(); }
    [[nodiscard]] bool isConsoleOpen() const;
    // The on-screen keyboard in the patient window: null unless this is the
    // kiosk with Qt's virtual keyboard as the input method (and its QML loads).
    [[nodiscard]] OnScreenKeyboard* keyboard() const noexcept { return m_keyboard; }
    [[nodiscard]] const spinepath::storage::ClinicSettingsValues& settings() const noexcept
    {
        return m_settings;
    }
    // The idle wait and the countdown tick in milliseconds instead of the
    // settings' seconds, so tests need not wait minutes.
    void setTimingForTesting(std::chrono::milliseconds patientIdle, std::chrono::milliseconds countdownTick,
                             std::chrono::milliseconds staffIdle);

public slots:
    // The PIN prompt (or, while no PIN is set, the dialog that sets one:
    // at the kiosk only with a reset code).
    void requestStaff();
    // Back to the patient window; `reason` goes to the audit log.
    void lockConsole(const QString& reason = QStringLiteral("locked"));

signals:
    // Staff left kiosk mode from the console: the program should end.
    void exitRequested();

protected:
    // Closing the console (its window button, Alt+F4) locks it like the Lock
    // button: the kiosk never ends up with no window, or an unlocked one.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] bool prepareKiosk(QString* problem);
    // The dialog that sets a PIN while none is set, deleted when closed.
    [[nodiscard]] QDialog* makeSetPinDialog();
    // Opens a sign-in dialog: with the on-screen keyboard inside the patient
    // window, as it can only type there (InWindowDialogs).
    void showSignIn(QDialog& dialog);
    void applySettings(const spinepath::storage::ClinicSettingsValues& values);
    void openConsole();
    void patientIdle();
    // The idle reset: dialogs closed, the patient window cleared.
    void resetForNextPatient();
    // The kiosk cannot run without its database: staff are told, the program ends.
    void stopKiosk(const QString& problem);
    void showPatientWindow();
    void audit(std::string_view action, std::string_view detail = {});

    AppContext& m_context;
    MainWindow& m_window;
    const Options m_options;
    const spinepath::ClinicInfo m_contentClinic; // as content/clinic.json has it, before staff edits
    spinepath::storage::ClinicSettingsValues m_settings;
    std::unique_ptr<spinepath::security::StaffPin> m_pin;
    std::unique_ptr<StaffConsole> m_console;
    KioskGuard* m_guard;
    IdleWatcher* m_patientIdle;
    IdleWatcher* m_staffIdle;
    StillTherePrompt* m_stillThere;
    OnScreenKeyboard* m_keyboard = nullptr;
    InWindowDialogs* m_inWindowDialogs = nullptr;
    QPointer<QDialog> m_signIn;
    QPointer<QDialog> m_firstPin; // the first start's "choose the PIN", while it is open
    std::chrono::milliseconds m_countdownTick{std::chrono::seconds(1)};
    bool m_started = false;
    // Why the kiosk must stop, once the patient who started before the
    // database check failed has left.
    QString m_stopWhenPatientLeaves;
};

} // namespace spinepath::ui
