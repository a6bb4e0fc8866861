#pragma once

#include "core/content/ArticleLibrary.h"
#include "core/content/ClinicInfo.h"
#include "core/scoring/ScreeningContent.h"

#include <memory>
#include <string>

// Everything the GUI loads from the content folder at start. Loading fails
// with a ContentError that names each problem; the app shows it and stops
// rather than run with broken clinical content.
struct AppContext
{
    std::string contentDirectory;
    std::unique_ptr<spinepath::scoring::ScreeningContent> screening;
    spinepath::ClinicInfo clinic;
    spinepath::ArticleLibrary articles;

    [[nodiscard]] static std::unique_ptr<AppContext> load(const std::string& contentDirectory);
};
