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

void AppContext::openDatabase(const QString& path)
{
    spinepath::storage::OpenOptions options;
    options.path = path;
    auto opened = spinepath::storage::Database::open(options);
    if (!opened) {
        databaseProblem = opened.error().message;
        return;
    }
    database = std::move(opened.value());
    // What the open did (a file set aside, a backup, a migration) is shown
    // in the staff console and kept in the audit trail: the kind and the
    // file, which hold no patient data.
    spinepath::storage::AuditLog audit(*database);
    for (const spinepath::storage::Notice& notice : database->notices()) {
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
    for (const auto& [id, article] : content->articles().articles()) {
        spinepath::storage::Article stored;
        stored.id = id;
        stored.title = article.title;
        stored.body = article.body;
        stored.version = article.version;
        if (auto upserted = repository.upsert(stored); !upserted)
            databaseProblem = upserted.error().message;
    }
}

} // namespace spinepath::ui
