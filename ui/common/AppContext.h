#pragma once

#include "core/clinic/ClinicContent.h"
#include "core/storage/Database.h"

#include <memory>
#include <string>

namespace spinepath::ui {

// What the GUI works with: the content folder, loaded in two phases (see
// ClinicContent), and the clinic's database.
struct AppContext
{
    std::unique_ptr<spinepath::ClinicContent> content;
    // Null when the database could not be opened: the app still runs, keeps
    // answers in memory, and says why they are not being saved.
    std::unique_ptr<spinepath::storage::Database> database;
    std::string databaseProblem;

    // Both phases of the content at once.
    [[nodiscard]] static std::unique_ptr<AppContext> load(const std::string& contentDirectory);
    // The clinic's details only; content->loadClinical() loads the rest.
    [[nodiscard]] static std::unique_ptr<AppContext> loadClinicDetails(const std::string& contentDirectory);
    // Opens the database (a path, or the default) and loads the articles into
    // it when their content changed.
    void openDatabase(const QString& path);
};

} // namespace spinepath::ui
