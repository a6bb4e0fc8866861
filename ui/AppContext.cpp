#include "AppContext.h"

#include "core/storage/ArticleRepository.h"

std::unique_ptr<AppContext> AppContext::load(const std::string& contentDirectory)
{
    auto context = loadClinicDetails(contentDirectory);
    context->loadClinicalContent();
    return context;
}

std::unique_ptr<AppContext> AppContext::loadClinicDetails(const std::string& contentDirectory)
{
    auto context = std::make_unique<AppContext>();
    context->contentDirectory = contentDirectory;
    context->clinic = spinepath::ClinicInfo::load(contentDirectory);
    return context;
}

void AppContext::loadClinicalContent()
{
    screening = std::make_unique<spinepath::scoring::ScreeningContent>(
        spinepath::scoring::ScreeningContent::load(contentDirectory));
    articles = spinepath::ArticleLibrary::load(contentDirectory);
    labels = spinepath::report::ClinicalLabels::load(contentDirectory);
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
    // Articles are stored (and indexed for search) only when their text changed.
    spinepath::storage::ArticleRepository repository(*database);
    for (const auto& [id, article] : articles.articles()) {
        spinepath::storage::Article stored;
        stored.id = id;
        stored.title = article.title;
        stored.body = article.body;
        stored.version = article.version;
        if (auto upserted = repository.upsert(stored); !upserted)
            databaseProblem = upserted.error().message;
    }
}
