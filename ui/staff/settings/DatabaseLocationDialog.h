#pragma once

#include "common/AppContext.h"

#include <QDialog>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <string>

class QLabel;
class QLineEdit;
class QPushButton;
class QThread;

namespace spinepath::ui {

// "Change…" of the database on the settings page: this computer's setting
// (storage/DatabaseLocation.h), a SQLite file or a clinic's PostgreSQL server
// as postgresql://USER@HOST[:PORT]/DBNAME. What staff give is opened as at
// start-up (the URI read by parsePostgresUri, so a password in it is refused;
// then AppContext::checkDatabase) on a worker thread, since a server can take
// seconds to answer; only a database that opened is saved, and the change is
// audited. The program goes on with the database it started with: the new
// one is used from the next start, unless --db or SPINEPATH_DB names another.
class DatabaseLocationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseLocationDialog)

public:
    // The worker's part: open `location` (absolute file, or a parsed URI) as
    // at start-up. Tests put in one that waits.
    using Check = std::function<AppContext::DatabaseCheck(const QString& location, const QString& password)>;
    // Asks for the server's password when ~/.pgpass holds none (attempt from
    // 1); nothing: not given.
    using PasswordPrompt = std::function<std::optional<QString>(const QString& location, int attempt)>;
    // Gets the location shown now, returns the chosen file (empty: cancelled).
    using FileProvider = std::function<QString(const QString& current)>;

    // `actor` is audited with the change.
    DatabaseLocationDialog(const AppContext& context, std::string actor, QWidget* parent = nullptr);
    // Waits for a check still running: it may be writing a new file.
    ~DatabaseLocationDialog() override;

    void setCheck(Check check);
    void setPasswordPrompt(PasswordPrompt prompt);
    void setFileProviderForTesting(FileProvider provider);

    [[nodiscard]] bool isChecking() const noexcept { return m_worker != nullptr; }

public slots:
    // Not while a check runs: it ends by itself (a server gives up after 10 s).
    void reject() override;

protected:
    void showEvent(QShowEvent* event) override;

signals:
    // This computer's setting now names `location`.
    void locationSaved(const QString& location);

private:
    void chooseFile();
    void checkTyped();
    void run();
    void finish();
    void save();
    void setChecking(bool checking);
    void fitHeight();
    void showMessage(const QString& text, const char* state);

    const AppContext& m_context;
    std::string m_actor;
    Check m_check;
    PasswordPrompt m_prompt;
    FileProvider m_fileProvider;

    QLineEdit* m_edit = nullptr;
    QPushButton* m_fileButton = nullptr;
    QPushButton* m_checkButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    QLabel* m_message = nullptr;

    QString m_location; // being checked: an absolute file or a URI without password
    QString m_password; // as typed for the check; never saved or logged
    int m_attempts = 0;
    QThread* m_worker = nullptr;
    // Written by the worker before it ends, read after its finished() signal.
    std::unique_ptr<AppContext::DatabaseCheck> m_result;
};

} // namespace spinepath::ui
