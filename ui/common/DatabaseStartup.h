#pragma once

#include "common/AppContext.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace spinepath::ui {

// Opens the clinic's database at start-up without making anyone wait. What
// grows with the file (the quick_check that reads all of it: seconds at
// 100,000 assessments, more when it is not in the page cache; a damaged file
// set aside; migrations; the articles) runs on a worker thread with its own
// connection. Back on the GUI thread the context then opens the GUI's
// connection without the check (QtSql connections belong to the thread that
// made them) and ready() is emitted. Until then a patient can start: the
// session keeps the answers in memory and stores them once the window has the
// database (MainWindow::useDatabase).
class DatabaseStartup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseStartup)

public:
    // The worker's part, given the absolute path. Tests put in one that
    // waits or fails; the default is AppContext::checkDatabase with the
    // content's articles.
    using Check = std::function<AppContext::DatabaseCheck(const QString& path)>;

    explicit DatabaseStartup(AppContext& context, QObject* parent = nullptr);
    // Waits for a check still running: it may be writing (a migration, a
    // file set aside), and SQLite must not be cut off by the program's exit.
    ~DatabaseStartup() override;

    void setCheck(Check check);
    // Asks for the password of a clinic's server when ~/.pgpass holds none;
    // `attempt` counts from 1 (a wrong one is asked for again). Nothing: not
    // given (cancelled), and the server's message becomes the problem. Not
    // set (the kiosk: a patient must not be asked): never asked.
    using PasswordPrompt = std::function<std::optional<QString>(const QString& location, int attempt)>;
    void setPasswordPrompt(PasswordPrompt prompt);
    // Starts the check of `path` (empty: the default database). Once only;
    // the content's articles must be loaded (ClinicContent::loadClinical).
    void start(const QString& path);
    // ready() has been emitted: the context has its database or its problem.
    [[nodiscard]] bool isReady() const noexcept { return m_ready; }

signals:
    // On the GUI thread: context.database, or context.databaseProblem, is set.
    void ready();

private:
    void run();
    void finish();

    AppContext& m_context;
    Check m_check;
    QString m_path;
    QThread* m_worker = nullptr;
    // Written by the worker before it ends, read after its finished() signal.
    std::unique_ptr<AppContext::DatabaseCheck> m_result;
    bool m_ready = false;
    PasswordPrompt m_prompt;
    QString m_password; // as typed; handed to the opens, never logged
    int m_attempts = 0;
    QElapsedTimer m_sinceStart; // for the log: how long the check took
};

} // namespace spinepath::ui
