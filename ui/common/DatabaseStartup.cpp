#include "common/DatabaseStartup.h"

#include <QThread>

#include <spdlog/spdlog.h>

namespace spinepath::ui {

DatabaseStartup::DatabaseStartup(AppContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{}

DatabaseStartup::~DatabaseStartup()
{
    if (m_worker)
        m_worker->wait();
}

void DatabaseStartup::setCheck(Check check)
{
    m_check = std::move(check);
}

void DatabaseStartup::setPasswordPrompt(PasswordPrompt prompt)
{
    m_prompt = std::move(prompt);
}

void DatabaseStartup::start(const QString& path)
{
    if (m_worker || m_ready)
        return;
    m_context.databaseLocation = spinepath::storage::resolveDatabaseLocation(path);
    m_path = m_context.databaseLocation.location;
    m_sinceStart.start();
    run();
}

void DatabaseStartup::run()
{
    Check check = m_check;
    if (!check) {
        // A copy: the worker must not read the content while the GUI does.
        check = [articles = m_context.articlesToStore(), password = m_password](const QString& file) {
            return AppContext::checkDatabase(file, articles, password);
        };
    }
    m_result = std::make_unique<AppContext::DatabaseCheck>();
    m_worker = QThread::create([check = std::move(check), path = m_path, result = m_result.get()] {
        try {
            *result = check(path);
        } catch (const std::exception& error) {
            result->problem = error.what();
        }
    });
    m_worker->setObjectName(QStringLiteral("database-startup"));
    m_worker->setParent(this);
    // Queued: finished() comes from the worker; finish() runs on this thread.
    connect(m_worker, &QThread::finished, this, &DatabaseStartup::finish, Qt::QueuedConnection);
    m_worker->start();
}

void DatabaseStartup::finish()
{
    m_worker->wait();
    m_worker->deleteLater();
    m_worker = nullptr;
    constexpr int kAttempts = 3;
    if (m_result->passwordNeeded && m_prompt && m_attempts < kAttempts) {
        if (auto typed = m_prompt(m_path, ++m_attempts)) {
            m_password = *typed;
            run();
            return;
        }
    }
    m_context.useCheckedDatabase(m_path, std::move(*m_result), m_password);
    m_password.clear();
    m_result.reset();
    if (!m_context.database)
        spdlog::error("the database cannot be used; answers stay in memory");
    else
        spdlog::info("database checked and opened in {} ms", m_sinceStart.elapsed());
    m_ready = true;
    emit ready();
}

} // namespace spinepath::ui
