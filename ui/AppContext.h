#pragma once

#include "core/content/ArticleLibrary.h"
#include "core/content/ClinicInfo.h"
#include "core/report/ClinicalLabels.h"
#include "core/scoring/ScreeningContent.h"
#include "core/storage/Database.h"

#include <memory>
#include <string>

// Everything the GUI loads from the content folder at start. Loading fails
// with a ContentError that names each problem; the app shows it and stops
// rather than run with broken clinical content.
//
// The program loads it in two steps: the clinic's details, which the welcome
// page shows, before the first frame; the questionnaire, rules, articles and
// report labels straight after it (loadClinicalContent). Nothing reads those
// before a patient or staff member acts, and the checks still run before any
// input is handled.
struct AppContext
{
    std::string contentDirectory;
    std::unique_ptr<spinepath::scoring::ScreeningContent> screening;
    spinepath::ClinicInfo clinic;
    spinepath::ArticleLibrary articles;
    spinepath::report::ClinicalLabels labels;
    // Null when the database could not be opened: the app still runs, keeps
    // answers in memory, and says why they are not being saved.
    std::unique_ptr<spinepath::storage::Database> database;
    std::string databaseProblem;

    // Both steps at once.
    [[nodiscard]] static std::unique_ptr<AppContext> load(const std::string& contentDirectory);
    // The clinic's details only.
    [[nodiscard]] static std::unique_ptr<AppContext> loadClinicDetails(const std::string& contentDirectory);
    // The questionnaire, rules, articles and labels from contentDirectory.
    void loadClinicalContent();
    // Opens the database (a path, or the default) and loads the articles into
    // it when their content changed.
    void openDatabase(const QString& path);
};
