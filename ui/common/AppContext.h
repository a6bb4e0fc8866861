#pragma once

#include "core/clinic/ClinicContent.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseLocation.h"

#include <memory>
#include <string>
#include <vector>

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
    // The problem is a clinic's server out of reach: a kiosk keeps the
    // answers in its outbox meanwhile (MainWindow::keepUnsentIn).
    bool databaseUnreachable = false;
    // Which database this program was started on and where that came from
    // (--db, SPINEPATH_DB, this computer's setting or the default), for the
    // settings page; set by openDatabase and DatabaseStartup::start.
    spinepath::storage::DatabaseLocation databaseLocation;

    // Both phases of the content at once.
    [[nodiscard]] static std::unique_ptr<AppContext> load(const std::string& contentDirectory);
    // The clinic's details only; content->loadClinical() loads the rest.
    [[nodiscard]] static std::unique_ptr<AppContext> loadClinicDetails(const std::string& contentDirectory);
    // Opens the database (a path, or the default) and loads the articles into
    // it when their content changed: checkDatabase() then useCheckedDatabase(),
    // on this thread. The program runs the check in a worker (DatabaseStartup).
    void openDatabase(const QString& path);

    // What the start-up check of the database found.
    struct DatabaseCheck
    {
        std::string problem; // empty when the file passed and may be opened cheaply
        // The articles could not be stored: the database is still used (as
        // before the check moved to a worker), with this as databaseProblem.
        std::string articlesProblem;
        std::vector<spinepath::storage::Notice> notices;
        // A clinic's server asked for a password that ~/.pgpass does not hold.
        bool passwordNeeded = false;
        // A clinic's server could not be reached.
        bool unreachable = false;
    };
    // Everything about opening the database whose cost grows with the file:
    // the quick_check (and a damaged file set aside), migrations, the audit of
    // what the open did, the articles stored. Uses a connection of its own,
    // closed before it returns, so it may run on any thread. `path` is
    // absolute (resolveDatabasePath).
    [[nodiscard]] static DatabaseCheck checkDatabase(const QString& path,
                                                     const std::vector<spinepath::storage::Article>& articles,
                                                     const QString& password = {});
    // The articles of the loaded content, as checkDatabase stores them.
    [[nodiscard]] std::vector<spinepath::storage::Article> articlesToStore() const;
    // After checkDatabase, on the thread that will use the database: opens
    // this thread's connection without the quick_check (constant time), or
    // sets databaseProblem to why the check or this open failed.
    // `password`: for a clinic's server, as typed (never kept beyond the open).
    void useCheckedDatabase(const QString& path, DatabaseCheck check, const QString& password = {});
    // `path`, or the default database when it is empty, made absolute.
    [[nodiscard]] static QString resolveDatabasePath(const QString& path);
};

} // namespace spinepath::ui
