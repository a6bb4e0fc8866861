#include "AppContext.h"

std::unique_ptr<AppContext> AppContext::load(const std::string& contentDirectory)
{
    auto context = std::make_unique<AppContext>();
    context->contentDirectory = contentDirectory;
    context->screening = std::make_unique<spinepath::scoring::ScreeningContent>(
        spinepath::scoring::ScreeningContent::load(contentDirectory));
    context->clinic = spinepath::ClinicInfo::load(contentDirectory);
    context->articles = spinepath::ArticleLibrary::load(contentDirectory);
    return context;
}
