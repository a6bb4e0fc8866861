// store and db: the local SQLite database, headless. The same repositories as
// the GUI; every message is the core's plain-English text.
#include "AnswerNotes.h"
#include "Commands.h"
#include "JsonLines.h"
#include "Output.h"
#include "ResetPinCommand.h"
#include "SecretInput.h"

#include "core/jsonlogic/Json.h"
#include "core/scoring/ScreeningContent.h"
#include "core/security/AccessRules.h"
#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentExport.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/AssessmentRescore.h"
#include "core/storage/AssessmentRetention.h"
#include "core/storage/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseCopy.h"
#include "core/storage/DatabaseEvents.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageTime.h"
#include "core/util/ContentPaths.h"
#include "core/util/LineReader.h"

#include "core/util/Counted.h"
#include "core/util/Translator.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include <unistd.h>

namespace spinepath::cli {

using nlohmann::json;
using scoring::ScreeningContent;
namespace security = spinepath::security;
namespace storage = spinepath::storage;

namespace {

// QtSql needs a QCoreApplication; the names match the GUI's, so both find
// the same default database.
class CoreApplication final
{
public:
    CoreApplication()
        : m_application(m_argc, m_argv)
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SpinePath"));
        QCoreApplication::setApplicationName(QStringLiteral("SpinePath"));
        spinepath::Translator::install(m_application);
    }
    Q_DISABLE_COPY_MOVE(CoreApplication)

private:
    char m_name[14] = "spinepath-cli";
    char* m_argv[2] = {m_name, nullptr};
    int m_argc = 1;
    QCoreApplication m_application;
};

std::string actor()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? std::string("cli") : "cli:" + user.toStdString();
}

int exitCodeFor(const storage::Error& error)
{
    return error.kind == storage::ErrorKind::Corrupt ? kSomeInputFailed : kUsageOrFileError;
}

// One input line on its way into the database.
struct PendingLine
{
    std::size_t number = 0;
    std::string error;      // set: the line failed before storing
    std::size_t stored = 0; // index into the batch when it was scored
};

class LineStore final
{
public:
    LineStore(const ScreeningContent& content, storage::AssessmentLifecycle& lifecycle, AssessmentMode mode)
        : m_content(content)
        , m_lifecycle(lifecycle)
        , m_mode(mode)
    {}
    Q_DISABLE_COPY_MOVE(LineStore)

    // Scores one line and queues it for the next commit, or records why not.
    void add(std::string_view text, std::size_t number)
    {
        PendingLine line{number, {}, m_batch.size()};
        try {
            // parseJson, not json::parse: its messages do not repeat the text
            // around a syntax error, which can be an answer.
            const json input = jsonlogic::parseJson(text);
            scoring::InputNotes notes;
            const json answers = m_content.scorer().acceptedAnswers(input, &notes);
            printAnswerNotes("line " + std::to_string(number), notes);
            // {} (or only answers to questions not shown) is no assessment:
            // a million such lines once became a million "completed" ones.
            if (answers.empty())
                throw std::runtime_error("the answer set has no answers to questions that are shown; an "
                                         "empty answer set is not a completed assessment");
            m_batch.push_back(AssessmentSession::finished(m_content, answers, m_mode, storage::storageNow()));
        } catch (const std::exception& error) {
            line.error = error.what();
        }
        m_lines.push_back(std::move(line));
    }

    [[nodiscard]] std::size_t size() const { return m_lines.size(); }

    // Commits the queued assessments in one transaction, then prints one
    // line per input line, in order: an id only once its commit is done.
    // Returns the number of failed lines.
    std::size_t commit(Output& output)
    {
        std::vector<std::string> ids;
        std::string storeError;
        if (!m_batch.empty()) {
            auto stored = m_lifecycle.storeCompleted(m_batch);
            if (stored)
                ids = std::move(stored).value();
            else
                storeError = stored.error().message;
        }
        std::size_t failures = 0;
        for (const PendingLine& line : m_lines) {
            std::string& out = output.buffer();
            if (!line.error.empty() || !storeError.empty()) {
                appendLineError(out, line.error.empty() ? storeError : line.error, line.number);
                ++failures;
            } else {
                out += nlohmann::ordered_json{{"id", ids[line.stored]},
                                              {"category", m_batch[line.stored].result.category}}
                           .dump();
            }
            out += '\n';
        }
        output.flush();
        m_lines.clear();
        m_batch.clear();
        return failures;
    }

private:
    const ScreeningContent& m_content;
    storage::AssessmentLifecycle& m_lifecycle;
    AssessmentMode m_mode;
    std::vector<PendingLine> m_lines;
    std::vector<storage::CompletedAssessment> m_batch;
};

int parseDays(const std::string& text)
{
    int days = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (error != std::errc() || end != text.data() + text.size() || days < 0)
        throw UsageError("--older-than takes a number of days (0 or more), not \"" + text + "\"");
    return days;
}

// The options of every db subcommand, taken out before the words are read.
struct DbOptions
{
    std::optional<std::string> file;
    std::optional<std::string> format;
    std::optional<std::string> content;
    std::optional<std::string> olderThan;
    std::optional<std::string> output;
    std::optional<std::string> from; // db migrate
    std::optional<std::string> to;
    bool full = false;
    bool dryRun = false;
    bool newPin = false;
    std::vector<std::string> words; // the subcommand and its arguments

    explicit DbOptions(Arguments& arguments)
        : file(arguments.takeOption("--db"))
        , format(arguments.takeOption("--format"))
        , content(arguments.takeOption("--content"))
        , olderThan(arguments.takeOption("--older-than"))
        , output(takeOutput(arguments))
        , from(arguments.takeOption("--from"))
        , to(arguments.takeOption("--to"))
        , full(arguments.takeFlag("--full"))
        , dryRun(arguments.takeFlag("--dry-run"))
        , newPin(arguments.takeFlag("--new-pin"))
        , words(arguments.positionals())
    {}

    static std::optional<std::string> takeOutput(Arguments& arguments)
    {
        auto longForm = arguments.takeOption("--output");
        auto shortForm = arguments.takeOption("-o");
        return longForm ? longForm : shortForm;
    }

    // No db command makes a database or sets a damaged one aside (only
    // `store` and the program do): a wrong path or a damaged file is an
    // error with a non-zero exit, and the file stays as it was.
    [[nodiscard]] storage::OpenOptions openOptions(bool readOnly) const
    {
        storage::OpenOptions options;
        if (file)
            options.path = QString::fromStdString(*file);
        options.readOnly = readOnly;
        options.recoverDamaged = false;
        options.create = false;
        return options;
    }

    [[nodiscard]] ScreeningContent loadContent() const
    {
        return ScreeningContent::load(
            contentDirectory(content ? QString::fromStdString(*content) : QString()).toStdString());
    }
};

constexpr const char* kDbUsage =
    "usage: spinepath-cli db export --format jsonl|csv|fhir [-o FILE] | check [--full] | stats | "
    "purge --older-than DAYS | delete ID | reset-pin [--new-pin] | rescore [--dry-run] | "
    "create-role kiosk|staff NAME | watch   [--db FILE|URI]   | migrate --from FILE --to URI";

// Opens the database and tells staff what happened on the way (a damaged
// file set aside, a migration). Null after printing why it failed.
std::unique_ptr<storage::Database> openDatabase(const storage::OpenOptions& given)
{
    storage::OpenOptions options = given;
    auto opened = storage::Database::open(options);
    // A PostgreSQL server whose password is not in ~/.pgpass: asked for on
    // the terminal (never taken from the command line, never echoed).
    if (!opened && opened.error().kind == storage::ErrorKind::PasswordNeeded && inputIsTerminal()) {
        constexpr std::size_t kLongestPassword = 1024;
        if (auto typed = readSecretLine("Database password: ", kLongestPassword)) {
            options.password = QString::fromStdString(*typed);
            opened = storage::Database::open(options);
        }
    }
    if (!opened) {
        printError(opened.error().message);
        return nullptr;
    }
    for (const storage::Notice& notice : (*opened)->notices())
        if (notice.kind != storage::Notice::Kind::Created)
            printError(notice.message);
    return std::move(opened).value();
}

int runExport(const DbOptions& options)
{
    const auto format = storage::exportFormatFromString(options.format.value_or(""));
    if (!format || options.words.size() != 1)
        throw UsageError("usage: spinepath-cli db export --format jsonl|csv|fhir [-o FILE] [--db FILE|URI]");
    const ScreeningContent content = options.loadContent();
    // Not read-only: the export is audited.
    auto database = openDatabase(options.openOptions(false));
    if (!database)
        return kUsageOrFileError;
    const storage::AssessmentExport exporter(*database, content.questionnaire(), actor());
    const auto exported = [&]() -> storage::Result<storage::ExportSummary> {
        if (options.output)
            // A 0600 temporary file renamed when complete: never a partial
            // file under the name given, whatever stops the export.
            return exporter.writeFile(*format, storage::ExportSelection::all(),
                                      QString::fromStdString(*options.output), storage::audit::kExported);
        // A closed pipe (`| head`) is then a write error, so the export is
        // recorded as failed instead of the process dying unrecorded.
        std::signal(SIGPIPE, SIG_IGN);
        QFile output;
        if (!output.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered,
                         QFileDevice::DontCloseHandle))
            return storage::Error{storage::ErrorKind::Io, "cannot write to standard output"};
        return exporter.write(*format, storage::ExportSelection::all(), output, storage::audit::kExported);
    }();
    if (!exported) {
        printError(exported.error().message);
        return exitCodeFor(exported.error());
    }
    for (const storage::ExportFailure& failure : exported->failures)
        printError("assessment " + failure.assessmentId + ": " + failure.message);
    return exported->failures.empty() ? kSuccess : kSomeInputFailed;
}

// Read-only from start to end: a damaged file is reported, never moved,
// repaired or migrated.
int runCheck(const DbOptions& options)
{
    if (options.words.size() != 1)
        throw UsageError("usage: spinepath-cli db check [--full] [--db FILE|URI]");
    auto database = openDatabase(options.openOptions(true));
    if (!database)
        return kSomeInputFailed;
    if (auto checked = database->check(options.full); !checked) {
        printError(checked.error().message);
        return kSomeInputFailed;
    }
    std::printf("%s: no problems found (database version %d%s)\n", database->path().toStdString().c_str(),
                database->schemaVersion(),
                database->schemaVersion() < storage::Database::kSchemaVersion
                    ? "; SpinePath updates it when it next opens it"
                    : "");
    return kSuccess;
}

// Every stored result re-scored under the current content: a line per
// assessment whose category changes; with --dry-run nothing is written (the
// file is opened read-only), without it all changes in one audited
// transaction.
int runRescore(const DbOptions& options)
{
    if (options.words.size() != 1)
        throw UsageError("usage: spinepath-cli db rescore [--dry-run] [--db FILE|URI] [--content DIR]");
    const ScreeningContent content = options.loadContent();
    auto database = openDatabase(options.openOptions(options.dryRun));
    if (!database)
        return kUsageOrFileError;
    const storage::AssessmentRescore rescore(*database, content.scorer(), actor());
    auto done = options.dryRun ? rescore.preview() : rescore.apply();
    if (!done) {
        printError(done.error().message);
        return exitCodeFor(done.error());
    }
    Output output(STDOUT_FILENO);
    for (const storage::RescoreChange& change : done->changes) {
        output.buffer() += change.assessmentId + ": " + change.oldCategory + " -> " + change.newCategory +
                           " (ruleset " + change.oldRulesetVersion + " -> " + change.newRulesetVersion +
                           ")\n";
        output.flushIfLarge();
    }
    output.flush();
    // Named by item and reason only: the answer itself stays in the database.
    for (const storage::RescoreRefusal& refusal : done->refused)
        printError("assessment " + refusal.assessmentId + " left as it was: " +
                   (refusal.linkId.empty() ? std::string("its answers") : "its answer to " + refusal.linkId) +
                   " does not fit the current questionnaire (" + refusal.reason + ")");
    printError(util::counted(done->examined, "assessment", "assessments") + " examined, " +
               std::to_string(done->changes.size()) + " change category, " +
               util::counted(done->updated, "result differs", "results differ") + ", " +
               std::to_string(done->refusedAssessments) + " left as they were; " +
               (done->written ? "the new results are stored"
                              : (options.dryRun ? "dry run: nothing was written" : "nothing to write")));
    return done->refusedAssessments > 0 ? kSomeInputFailed : kSuccess;
}

int runMaintenance(const DbOptions& options)
{
    const std::string& command = options.words[0];
    const bool isDelete = command == "delete";
    if (options.words.size() != (isDelete ? 2u : 1u) || (command == "purge") != options.olderThan.has_value())
        throw UsageError(kDbUsage);
    const int days = options.olderThan ? parseDays(*options.olderThan) : 0;
    // stats only reads: opened read-only, so it changes nothing on disk.
    auto database = openDatabase(options.openOptions(command == "stats"));
    if (!database)
        return kUsageOrFileError;
    json report;
    std::optional<storage::Error> failure;
    if (command == "stats") {
        if (auto stats = storage::AssessmentQueries(*database).stats())
            report = stats->toJson();
        else
            failure = stats.error();
    } else if (command == "purge") {
        if (auto purged = storage::AssessmentRetention(*database, actor()).purgeOlderThan(days))
            report = json{{"purged", *purged}, {"older_than_days", days}};
        else
            failure = purged.error();
    } else {
        if (auto removed = storage::AssessmentRetention(*database, actor()).remove(options.words[1]))
            report = json{{"deleted", options.words[1]}};
        else
            failure = removed.error();
    }
    if (failure) {
        printError(failure->message);
        return failure->kind == storage::ErrorKind::NotFound ? kSomeInputFailed : exitCodeFor(*failure);
    }
    std::printf("%s\n", report.dump(2).c_str());
    return kSuccess;
}

// Run with the database owner's login: sets the group roles' rights (again:
// an update may have added a table) and makes the login, whose password is
// read from standard input, never from the command line.
int runCreateRole(const DbOptions& options)
{
    constexpr const char* usage = "usage: spinepath-cli db create-role kiosk|staff NAME --db URI";
    if (options.words.size() != 3)
        throw UsageError(usage);
    const auto role = security::accessRoleFromString(options.words[1]);
    if (!role)
        throw UsageError(std::string("the role is kiosk or staff, not \"") + options.words[1] + "\"");
    auto database = openDatabase(options.openOptions(false));
    if (!database)
        return kUsageOrFileError;
    constexpr std::size_t kLongestPassword = 1024;
    const auto password = readSecretLine("Password for the new login: ", kLongestPassword);
    if (!password || password->empty()) {
        printError("No password was given on standard input; no login was made.");
        return kUsageOrFileError;
    }
    if (auto applied = security::applyAccessRules(*database); !applied) {
        printError(applied.error().message);
        return exitCodeFor(applied.error());
    }
    const QString name = QString::fromStdString(options.words[2]);
    if (auto made = security::createLogin(*database, *role, name, QString::fromStdString(*password)); !made) {
        printError(made.error().message);
        return exitCodeFor(made.error());
    }
    if (auto logged = storage::AuditLog(*database).append(actor(), storage::audit::kLoginMade, {},
                                                          std::string(security::toString(*role)) + " " +
                                                              options.words[2]);
        !logged)
        printError(logged.error().message);
    std::printf("The %s login \"%s\" can now connect.\n", std::string(security::toString(*role)).c_str(),
                options.words[2].c_str());
    return kSuccess;
}

// Moves a clinic's SQLite file to its PostgreSQL server. The file is
// brought to this version's schema first (with its backup copy), the
// server's database is made if empty; run again, it copies nothing twice.
int runMigrate(const DbOptions& options)
{
    constexpr const char* usage = "usage: spinepath-cli db migrate --from FILE.sqlite --to postgresql://...";
    if (options.words.size() != 1 || !options.from || !options.to || options.file)
        throw UsageError(usage);
    storage::OpenOptions source = options.openOptions(false);
    source.path = QString::fromStdString(*options.from);
    storage::OpenOptions target = options.openOptions(false);
    target.path = QString::fromStdString(*options.to);
    target.create = true;
    auto from = openDatabase(source);
    if (!from)
        return kUsageOrFileError;
    auto to = openDatabase(target);
    if (!to)
        return kUsageOrFileError;
    auto copied = storage::DatabaseCopy(*from, *to).run();
    if (!copied) {
        printError(copied.error().message);
        return exitCodeFor(copied.error());
    }
    for (const storage::TableCopy& table : *copied)
        std::printf("%s\n",
                    nlohmann::json{{"table", table.table}, {"rows", table.rows}, {"copied", table.copied}}
                        .dump()
                        .c_str());
    if (auto logged = storage::AuditLog(*to).append(actor(), storage::audit::kDatabaseMigrated, {},
                                                    "from " + from->path().toStdString());
        !logged)
        printError(logged.error().message);
    return kSuccess;
}

// One JSON line per announcement, as it is committed, until interrupted. A
// lost connection ends it with an error (events may have been missed), so a
// service manager restarts it and the paging system notices.
int runWatch(const DbOptions& options)
{
    if (options.words.size() != 1)
        throw UsageError("usage: spinepath-cli db watch --db URI");
    auto database = openDatabase(options.openOptions(false));
    if (!database)
        return kUsageOrFileError;
    storage::DatabaseEvents events(*database);
    if (auto started = events.start(); !started) {
        printError(started.error().message);
        return kUsageOrFileError;
    }
    // On standard error, so standard output holds only the events.
    std::fprintf(stderr, "Listening for events from %s.\n", database->path().toStdString().c_str());
    QObject::connect(&events, &storage::DatabaseEvents::received, [](const storage::DatabaseEvent& event) {
        std::printf("%s\n", event.toJson().c_str());
        std::fflush(stdout);
    });
    constexpr int kAliveCheckMs = 5000;
    QTimer alive;
    alive.setInterval(kAliveCheckMs);
    int exitCode = kSuccess;
    QObject::connect(&alive, &QTimer::timeout, [&] {
        if (auto reached = storage::execute(*database, QStringLiteral("SELECT 1"), "hear from the server");
            !reached) {
            printError(reached.error().message + " Events may have been missed.");
            exitCode = kSomeInputFailed;
            QCoreApplication::exit(exitCode);
        }
    });
    alive.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

int runStore(Arguments arguments)
{
    const bool jsonLines = arguments.takeFlag("--jsonl");
    const auto modeName = arguments.takeOption("--mode");
    const auto file = arguments.takeOption("--db");
    const auto contentOption = arguments.takeOption("--content");
    const auto mode = assessmentModeFromString(modeName.value_or("kiosk"));
    if (!mode)
        throw UsageError("--mode is kiosk or home, not \"" + *modeName + "\"");
    if (!jsonLines || !arguments.positionals().empty())
        throw UsageError("usage: spinepath-cli store --jsonl [--db FILE|URI] [--mode kiosk|home]");
    CoreApplication application;
    storage::OpenOptions options;
    if (file)
        options.path = QString::fromStdString(*file);
    auto database = openDatabase(options);
    if (!database)
        return kUsageOrFileError;
    // After the application object exists, so an installed content folder is found.
    const ScreeningContent content = ScreeningContent::load(
        contentDirectory(contentOption ? QString::fromStdString(*contentOption) : QString()).toStdString());
    storage::AssessmentLifecycle lifecycle(*database, actor());
    LineStore store(content, lifecycle, *mode);

    // One transaction per block of input read (at most kBatch lines): a
    // steady stream commits often, a file is stored in large batches.
    constexpr std::size_t kBatch = 1000;
    Output output(STDOUT_FILENO);
    LineReader reader(STDIN_FILENO, 0);
    std::size_t failures = 0;
    std::string_view text;
    while (reader.fill()) {
        while (reader.nextLine(text)) {
            if (text.find_first_not_of(" \t") == std::string_view::npos)
                continue;
            store.add(text, reader.lineNumber());
            if (store.size() >= kBatch)
                failures += store.commit(output);
        }
        if (store.size() > 0)
            failures += store.commit(output);
    }
    if (failures > 0)
        printError(util::counted(failures, "line", "lines") + " could not be stored");
    return failures > 0 ? kSomeInputFailed : kSuccess;
}

int runDb(Arguments arguments)
{
    const DbOptions options(arguments);
    if (options.words.empty())
        throw UsageError(kDbUsage);
    const std::string& command = options.words[0];
    if (command != "export" && command != "check" && command != "stats" && command != "purge" &&
        command != "delete" && command != "reset-pin" && command != "rescore" && command != "create-role" &&
        command != "watch" && command != "migrate")
        throw UsageError("unknown db command \"" + command + "\"");
    if (((options.format || options.output) && command != "export") || (options.full && command != "check") ||
        (options.dryRun && command != "rescore") || (options.newPin && command != "reset-pin") ||
        ((options.from || options.to) && command != "migrate"))
        throw UsageError(kDbUsage);
    CoreApplication application;
    if (command == "export")
        return runExport(options);
    if (command == "check")
        return runCheck(options);
    if (command == "rescore")
        return runRescore(options);
    if (command == "create-role")
        return runCreateRole(options);
    if (command == "watch")
        return runWatch(options);
    if (command == "migrate")
        return runMigrate(options);
    if (command == "reset-pin") {
        if (options.words.size() != 1)
            throw UsageError(kDbUsage);
        auto database = openDatabase(options.openOptions(false));
        return database ? runResetPin(*database, options.newPin, actor()) : kUsageOrFileError;
    }
    return runMaintenance(options);
}

} // namespace spinepath::cli
