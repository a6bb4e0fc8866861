#include "staff/settings/DatabaseLocationDialog.h"

#include "common/DatabasePasswordPrompt.h"
#include "common/StaffFileChooser.h"

#include "core/storage/AuditLog.h"
#include "core/storage/DatabaseLocation.h"
#include "core/storage/PostgresUri.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShowEvent>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace spinepath::ui {

namespace storage = spinepath::storage;

namespace {

// As many tries at a password as at start-up (DatabaseStartup).
constexpr int kPasswordAttempts = 3;

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

DatabaseLocationDialog::DatabaseLocationDialog(const AppContext& context, std::string actor, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("databaseLocationDialog"));
    setWindowTitle(tr("This computer's database"));
    auto* layout = new QVBoxLayout(this);

    auto* intro = new QLabel(
        tr("A database file on this computer, or the clinic's PostgreSQL server as "
           "postgresql://USER@HOST/DBNAME?sslmode=verify-full. A password never goes in the address: "
           "put it in ~/.pgpass, or SpinePath asks for it. SpinePath opens the database before it "
           "saves the setting, and uses it from the next start."),
        this);
    intro->setObjectName(QStringLiteral("databaseLocationIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);

    auto* label = new QLabel(tr("&Database file or server address"), this);
    label->setObjectName(QStringLiteral("databaseLocationLabel"));
    layout->addWidget(label);
    auto* row = new QHBoxLayout();
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("databaseLocationEdit"));
    m_edit->setAccessibleName(tr("Database file or server address"));
    m_edit->setPlaceholderText(tr("/path/to/spinepath.sqlite or postgresql://USER@HOST/DBNAME"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setText(context.databaseLocation.location);
    label->setBuddy(m_edit);
    row->addWidget(m_edit, 1);
    m_fileButton = new QPushButton(tr("Choose a file…"), this);
    m_fileButton->setObjectName(QStringLiteral("databaseFileButton"));
    m_fileButton->setAccessibleName(tr("Choose a file"));
    m_fileButton->setAutoDefault(false);
    row->addWidget(m_fileButton);
    layout->addLayout(row);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("databaseLocationMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("databaseLocationButtons"));
    m_checkButton = buttons->addButton(tr("Check and save"), QDialogButtonBox::AcceptRole);
    m_checkButton->setObjectName(QStringLiteral("saveLocationButton"));
    m_checkButton->setProperty("role", QStringLiteral("primary"));
    m_checkButton->setDefault(true);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeLocationButton"));
    m_closeButton->setAutoDefault(false);
    layout->addWidget(buttons);

    // Enter in the field checks what it holds, as the default button does.
    connect(m_checkButton, &QPushButton::clicked, this, &DatabaseLocationDialog::checkTyped);
    connect(m_closeButton, &QPushButton::clicked, this, &DatabaseLocationDialog::reject);
    connect(m_fileButton, &QPushButton::clicked, this, &DatabaseLocationDialog::chooseFile);
    connect(m_edit, &QLineEdit::textEdited, this, [this] { showMessage(QString(), ""); });
    setTabOrder(m_edit, m_fileButton);
    setTabOrder(m_fileButton, m_checkButton);
    setTabOrder(m_checkButton, m_closeButton);
    resize(640, sizeHint().height());
    m_edit->setFocus();
    m_edit->selectAll();
}

DatabaseLocationDialog::~DatabaseLocationDialog()
{
    if (m_worker)
        m_worker->wait();
    m_password.clear();
}

void DatabaseLocationDialog::setCheck(Check check)
{
    m_check = std::move(check);
}

void DatabaseLocationDialog::setPasswordPrompt(PasswordPrompt prompt)
{
    m_prompt = std::move(prompt);
}

void DatabaseLocationDialog::setFileProviderForTesting(FileProvider provider)
{
    m_fileProvider = std::move(provider);
}

void DatabaseLocationDialog::reject()
{
    if (isChecking())
        return;
    QDialog::reject();
}

void DatabaseLocationDialog::chooseFile()
{
    const QString current =
        storage::isPostgresUri(m_edit->text()) ? storage::defaultDatabaseFile() : m_edit->text().trimmed();
    QString path;
    if (m_fileProvider) {
        path = m_fileProvider(current);
    } else {
        // An existing file or a new one: no question about replacing it (it
        // is opened, never overwritten).
        path = QFileDialog::getSaveFileName(this, tr("Database file"), current,
                                            tr("SpinePath databases (*.sqlite);;All files (*)"), nullptr,
                                            QFileDialog::DontConfirmOverwrite);
        StaffFileChooser::forgetDialogHistory();
    }
    if (path.isEmpty())
        return;
    m_edit->setText(QFileInfo(path).absoluteFilePath());
    showMessage(QString(), "");
    m_checkButton->setFocus();
}

void DatabaseLocationDialog::checkTyped()
{
    if (isChecking())
        return;
    const QString typed = m_edit->text().trimmed();
    if (typed.isEmpty()) {
        showMessage(tr("Type a file path or a postgresql:// address, or choose a file."), "error");
        m_edit->setFocus();
        return;
    }
    if (storage::isPostgresUri(typed)) {
        // The same reading as --db: a password in the address is refused
        // here, before anything is opened, logged or saved.
        auto uri = storage::parsePostgresUri(typed);
        if (!uri) {
            showMessage(tr("Not saved. %1").arg(fromStd(uri.error().message)), "error");
            m_edit->setFocus();
            return;
        }
        m_location = uri->display();
    } else {
        m_location = QFileInfo(typed).absoluteFilePath();
    }
    m_attempts = 0;
    m_password.clear();
    run();
}

void DatabaseLocationDialog::run()
{
    Check check = m_check;
    if (!check) {
        // A copy: the worker must not read the content while the GUI does.
        check = [articles = m_context.articlesToStore()](const QString& location, const QString& password) {
            return AppContext::checkDatabase(location, articles, password);
        };
    }
    setChecking(true);
    showMessage(tr("Opening %1…").arg(m_location), "");
    m_result = std::make_unique<AppContext::DatabaseCheck>();
    m_worker = QThread::create(
        [check = std::move(check), location = m_location, password = m_password, result = m_result.get()] {
            try {
                *result = check(location, password);
            } catch (const std::exception& error) {
                result->problem = error.what();
            }
        });
    m_worker->setObjectName(QStringLiteral("database-location-check"));
    m_worker->setParent(this);
    // Queued: finished() comes from the worker; finish() runs on this thread.
    connect(m_worker, &QThread::finished, this, &DatabaseLocationDialog::finish, Qt::QueuedConnection);
    m_worker->start();
}

void DatabaseLocationDialog::finish()
{
    m_worker->wait();
    m_worker->deleteLater();
    m_worker = nullptr;
    const std::unique_ptr<AppContext::DatabaseCheck> result = std::move(m_result);
    if (result->passwordNeeded && m_attempts < kPasswordAttempts) {
        PasswordPrompt prompt = m_prompt;
        if (!prompt)
            prompt = [this](const QString& location, int attempt) {
                return DatabasePasswordPrompt::ask(this, location, attempt, tr("Cancel"));
            };
        if (auto typed = prompt(m_location, ++m_attempts)) {
            m_password = *typed;
            run();
            return;
        }
    }
    setChecking(false);
    if (!result->problem.empty()) {
        m_password.clear();
        showMessage(tr("Not saved. %1").arg(fromStd(result->problem)), "error");
        m_edit->setFocus();
        return;
    }
    save();
}

void DatabaseLocationDialog::save()
{
    const bool typedPassword = !m_password.isEmpty();
    m_password.clear();
    if (auto saved = storage::saveDatabaseLocation(m_location); !saved) {
        showMessage(
            tr("The database opened, but the setting was not saved: %1").arg(fromStd(saved.error().message)),
            "error");
        return;
    }
    spdlog::info("this computer's database setting now names {}", m_location.toStdString());
    // Recorded in the database in use, where staff read the audit log now.
    // None is open when the program could not open its own: the log has it.
    if (m_context.database) {
        const std::string detail =
            m_location.toStdString() + " (was " + m_context.databaseLocation.location.toStdString() + ")";
        if (auto logged = storage::AuditLog(*m_context.database)
                              .append(m_actor, storage::audit::kDatabaseLocationChanged, {}, detail);
            !logged)
            spdlog::warn("database location change not audited: {}", logged.error().message);
    }
    QString text;
    switch (m_context.databaseLocation.source) {
    case storage::LocationSource::CommandLine:
        text = tr("Saved. SpinePath was started with --db, which comes before this setting: start it "
                  "without --db to use %1.")
                   .arg(m_location);
        break;
    case storage::LocationSource::Environment:
        text = tr("Saved. SPINEPATH_DB names the database on this computer and comes before this "
                  "setting: remove it to use %1.")
                   .arg(m_location);
        break;
    case storage::LocationSource::ComputerSetting:
    case storage::LocationSource::Default:
        text = tr("Saved. Restart SpinePath to use %1.").arg(m_location);
        break;
    }
    if (typedPassword)
        text += u' ' + tr("The server asked for a password: SpinePath asks for it at each start. A kiosk "
                          "cannot ask, so put it in ~/.pgpass there.");
    showMessage(text, "ok");
    m_closeButton->setFocus();
    emit locationSaved(m_location);
}

void DatabaseLocationDialog::setChecking(bool checking)
{
    m_edit->setEnabled(!checking);
    m_fileButton->setEnabled(!checking);
    m_checkButton->setEnabled(!checking);
    m_closeButton->setEnabled(!checking);
}

void DatabaseLocationDialog::showMessage(const QString& text, const char* state)
{
    m_message->setText(text);
    m_message->setAccessibleName(text);
    m_message->setProperty("state", QString::fromLatin1(state));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    fitHeight();
}

void DatabaseLocationDialog::fitHeight()
{
    // Wrapped texts need more height when a long message comes: the window
    // grows rather than cut it off (a layout does not do that for a window).
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void DatabaseLocationDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    fitHeight();
}

} // namespace spinepath::ui
