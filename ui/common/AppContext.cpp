#include "common/AppContext.h"

#include "core/storage/ArticleRepository.h"
#include "core/storage/AuditLog.h"

#include <spdlog/spdlog.h>

namespace spinepath::ui {

namespace {

std::string_view noticeName(spinepath::storage::Notice::Kind kind)
{
    using Kind = spinepath::storage::Notice::Kind;
    switch (kind) {
    case Kind::Created:
        return "created";
    case Kind::SetAside:
        return "set_aside";
    case Kind::BackedUp:
        return "backed_up";
    case Kind::Migrated:
        return "migrated";
    }
    return "other";
}

} // namespace

std::unique_ptr<AppContext> AppContext::load(const std::string& contentDirectory)
{
    auto context = std::make_unique<AppContext>();
    context->content = spinepath::ClinicContent::load(contentDirectory);
    return context;
}

std::unique_ptr<AppContext> AppContext::loadClinicDetails(const std::string& contentDirectory)
{
    auto context = std::make_unique<AppContext>();
    context->content = spinepath::ClinicContent::loadClinicDetails(contentDirectory);
    return context;
}

QString AppContext::resolveDatabasePath(const QString& path)
{
    // --db, SPINEPATH_DB, this computer's setting, the default file.
    return spinepath::storage::resolveDatabaseLocation(path).location;
}

void AppContext::openDatabase(const QString& path)
{
    databaseLocation = spinepath::storage::resolveDatabaseLocation(path);
    const QString resolved = databaseLocation.location;
    useCheckedDatabase(resolved, checkDatabase(resolved, articlesToStore()));
}

std::vector<spinepath::storage::Article> AppContext::articlesToStore() const
{
    std::vector<spinepath::storage::Article> articles;
    // Each language's library is indexed on its own, for search in that language.
    for (const std::string& language : content->languages())
        for (const auto& [id, article] : content->articles(language).articles()) {
            spinepath::storage::Article stored;
            stored.id = id;
            stored.title = article.title;
            stored.body = article.body;
            stored.version = article.version;
            stored.language = language;
            articles.push_back(std::move(stored));
        }
    return articles;
}

AppContext::DatabaseCheck AppContext::checkDatabase(const QString& path,
                                                    const std::vector<spinepath::storage::Article>& articles,
                                                    const QString& password)
{
    DatabaseCheck check;
    spinepath::storage::OpenOptions options;
    options.path = path;
    options.password = password;
    auto opened = spinepath::storage::Database::open(options);
    if (!opened) {
        check.problem = opened.error().message;
        check.passwordNeeded = opened.error().kind == spinepath::storage::ErrorKind::PasswordNeeded;
        check.unreachable = opened.error().kind == spinepath::storage::ErrorKind::Unreachable;
        return check;
    }
    const std::unique_ptr<spinepath::storage::Database> database = std::move(opened.value());
    check.notices = database->notices();
    // What the open did (a file set aside, a backup, a migration) is shown
    // in the staff console and kept in the audit trail: the kind and the
    // file, which hold no patient data.
    spinepath::storage::AuditLog audit(*database);
    for (const spinepath::storage::Notice& notice : check.notices) {
        if (notice.kind == spinepath::storage::Notice::Kind::Created)
            continue; // a first start, nothing went wrong
        std::string detail(noticeName(notice.kind));
        if (!notice.file.isEmpty())
            detail += ' ' + notice.file.toStdString();
        if (auto logged = audit.append("spinepath", spinepath::storage::audit::kDatabaseNotice, {}, detail);
            !logged)
            spdlog::warn("database notice not audited: {}", logged.error().message);
    }
    // Articles are stored (and indexed for search) only when their text changed.
    spinepath::storage::ArticleRepository repository(*database);
    for (const spinepath::storage::Article& article : articles)
        if (auto upserted = repository.upsert(article); !upserted)
            check.articlesProblem = upserted.error().message;
    return check;
}

void AppContext::useCheckedDatabase(const QString& path, DatabaseCheck check, const QString& password)
{
    if (!check.problem.empty()) {
        databaseProblem = std::move(check.problem);
        databaseUnreachable = check.unreachable;
        return;
    }
    spinepath::storage::OpenOptions options;
    options.path = path;
    options.password = password;
    // The file passed its quick_check a moment ago on the checking
    // connection; everything else the open does is cheap and runs again.
    options.quickCheck = false;
    auto opened = spinepath::storage::Database::open(options);
    if (!opened) {
        databaseProblem = opened.error().message;
        databaseUnreachable = opened.error().kind == spinepath::storage::ErrorKind::Unreachable;
        return;
    }
    database = std::move(opened.value());
    database->adoptNotices(std::move(check.notices));
    databaseProblem = std::move(check.articlesProblem);
}

} // namespace spinepath::ui
