// The clinic network part of `make bench`: PostgreSQL side by side with
// SQLite, in the same run, on the same generated assessments.
//
//  1. The staff console's reads at 100,000 assessments (the queries of
//     AssessmentQueries the console runs: its list's first page and count,
//     a search by name, today's queue and its counts), PostgreSQL read as a
//     staff login, as the front desk would.
//  2. Kiosks storing: 1 and 3 concurrent `spinepath-cli store --jsonl`
//     processes on kiosk logins, each fed one answer set at a time and
//     waiting for its id (one commit per patient, as a kiosk stores), against
//     1 and 3 writers of the SQLite file.
//
// The server is a throw-away cluster (tests/support/PostgresCluster.h) with
// PostgreSQL's durable defaults (fsync, synchronous commit), stopped and
// removed at the end. Synthetic data only: names are drawn from invented
// lists.
//
//     spinepath-bench-clinic --answers FLAT.jsonl --work DIR --cli SPINEPATH_CLI
//                            [--count 100000] [--kiosk-lines 300] [--content DIR]
//                            [--explain PLANS.log]
#include "BenchNames.h"
#include "BenchSupport.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/scoring/ScreeningContent.h"
#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseCopy.h"
#include "core/storage/StorageTime.h"
#include "core/util/ContentPaths.h"
#include "core/util/Logging.h"
#include "core/util/TextFile.h"
#include "support/PostgresCluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

using nlohmann::json;
using spinepath::bench::fail;
using spinepath::bench::millisecondsSince;
using spinepath::bench::need;
using Clock = std::chrono::steady_clock;
namespace storage = spinepath::storage;
using spinepath::bench::benchAssessment;
using spinepath::bench::kFirstNames;
using spinepath::bench::kLastNames;
using spinepath::bench::someTimeAgo;
using spinepath::test::PostgresCluster;

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double percentile(std::vector<double> values, double share)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1,
                           static_cast<std::size_t>(share * static_cast<double>(values.size())))];
}

struct Options
{
    std::string answers, work, cli, content;
    std::string explain; // where the plans of the slower reads go
    std::size_t count = 100'000;
    std::size_t kioskLines = 300;
};

// The answer sets with an invented name each, as a kiosk sends them.
std::vector<json> namedAnswers(const std::string& path, std::size_t count, std::mt19937_64& random)
{
    std::vector<json> sets;
    std::istringstream lines(spinepath::readTextFile(path));
    std::string line;
    while (sets.size() < count && std::getline(lines, line)) {
        json answers = json::parse(line);
        answers["about.name"] = std::string(kFirstNames[random() % std::size(kFirstNames)]) + " " +
                                kLastNames[random() % std::size(kLastNames)];
        sets.push_back(std::move(answers));
    }
    if (sets.size() < count)
        fail("only " + std::to_string(sets.size()) + " answer sets in " + path);
    return sets;
}

// --- 1. Filling both databases with the same assessments ------------------

struct Filled
{
    double sqliteSeconds = 0;
    double postgresSeconds = 0;
    std::size_t today = 0;
};

// Into SQLite through storeCompleted, 1,000 to a transaction, started over
// the last three years and one in 500 today (a day's work for the queue,
// some 200 patients). Then copied to the server as a clinic moves there
// (`db migrate`, DatabaseCopy: same ids, compared row by row afterwards).
// storeCompleted straight into PostgreSQL stores about 250 a second on 2
// cores (6 to 7 minutes for 100,000): it prepares the statements for flags,
// patient and audit entry anew for each assessment, round trips that the
// kiosks' figures below include.
Filled fill(const spinepath::scoring::ScreeningContent& content, const Options& options,
            storage::Database& sqlite, storage::Database& postgres)
{
    const auto versions = storage::ContentVersions::of(content.questionnaire(), content.ruleset());
    std::mt19937_64 random(20261205);
    const std::vector<json> sets =
        namedAnswers(options.answers, std::min<std::size_t>(options.count, 20'000), random);
    const QDateTime now = storage::storageNow();
    const QDateTime midnight = now.toLocalTime().date().startOfDay();
    const qint64 todaySoFar = std::max<qint64>(1, midnight.secsTo(now));
    storage::AssessmentLifecycle toSqlite(sqlite, "bench");
    Filled filled;
    std::vector<storage::CompletedAssessment> batch;
    const auto flush = [&] {
        const auto start = Clock::now();
        need(toSqlite.storeCompleted(batch));
        filled.sqliteSeconds += millisecondsSince(start) / 1000;
        batch.clear();
    };
    for (std::size_t i = 0; i < options.count; ++i) {
        // 20,000 distinct answer sets, each with several names over the run.
        QDateTime startedAt;
        if (i % 500 == 250) {
            startedAt = midnight.addSecs(static_cast<qint64>(random() % static_cast<quint64>(todaySoFar)));
            ++filled.today;
        } else {
            startedAt = someTimeAgo(now, random);
        }
        storage::CompletedAssessment assessment =
            benchAssessment(content, versions, sets[i % sets.size()], startedAt, random);
        batch.push_back(std::move(assessment));
        if (batch.size() == 1000)
            flush();
    }
    if (!batch.empty())
        flush();
    const auto start = Clock::now();
    for (const storage::TableCopy& table : need(storage::DatabaseCopy(sqlite, postgres).run()))
        if (table.copied != table.rows)
            fail("copied " + std::to_string(table.copied) + " of " + std::to_string(table.rows) +
                 " rows of " + table.table);
    filled.postgresSeconds = millisecondsSince(start) / 1000;
    return filled;
}

// --- 2. The staff console's reads ------------------------------------------

struct Read
{
    std::string what;
    double sqlite = 0, postgres = 0;
    std::size_t rows = 0;
};

constexpr int kRuns = 21;
constexpr int kConsolePage = 200; // AssessmentListModel::kPageSize, also the queue's first page

// Median of kRuns runs, the first (cold) run included.
double timed(const std::function<std::size_t()>& query, std::size_t& rows)
{
    std::vector<double> times;
    for (int i = 0; i < kRuns; ++i) {
        const auto start = Clock::now();
        rows = query();
        times.push_back(millisecondsSince(start));
    }
    return median(times);
}

std::vector<Read> consoleReads(const storage::Database& sqlite, const storage::Database& postgres)
{
    using Query = std::function<std::size_t(const storage::AssessmentQueries&)>;
    storage::AssessmentFilter byName;
    byName.name = "black"; // a surname prefix, as staff type it
    storage::PageRequest page;
    page.limit = kConsolePage;
    const std::vector<std::pair<std::string, Query>> queries = {
        {"staff list, newest first, first page of 200",
         [&](const auto& q) { return need(q.list({}, page)).rows.size(); }},
        {"count shown above the list (all assessments)",
         [&](const auto& q) { return static_cast<std::size_t>(need(q.count())); }},
        {"search by name (\"black\", a surname prefix), first page of 200",
         [&](const auto& q) { return need(q.list(byName, page)).rows.size(); }},
        {"count of that search",
         [&](const auto& q) { return static_cast<std::size_t>(need(q.count(byName))); }},
        {"today's queue, first page (201 rows asked)",
         [&](const auto& q) { return need(q.todayQueue({}, kConsolePage + 1)).size(); }},
        {"today's counts (total and urgent)",
         [&](const auto& q) { return static_cast<std::size_t>(need(q.todayCounts()).total); }},
    };
    const storage::AssessmentQueries onSqlite(sqlite);
    const storage::AssessmentQueries onPostgres(postgres);
    std::vector<Read> reads;
    for (const auto& [what, query] : queries) {
        Read read{what};
        std::size_t sqliteRows = 0;
        read.sqlite = timed([&] { return query(onSqlite); }, sqliteRows);
        read.postgres = timed([&] { return query(onPostgres); }, read.rows);
        if (sqliteRows != read.rows)
            fail(what + ": " + std::to_string(sqliteRows) + " rows from SQLite, " +
                 std::to_string(read.rows) + " from PostgreSQL");
        reads.push_back(std::move(read));
    }
    return reads;
}

// --- 3. Kiosks storing ------------------------------------------------------

// One `spinepath-cli store --jsonl` fed a line at a time: each answer set is
// written when the id of the one before has come back, as a kiosk stores one
// patient's answers when the patient finishes.
class Kiosk final
{
public:
    Kiosk(const Options& options, const std::string& database, const std::string& log)
    {
        int in[2], out[2];
        if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
            fail("no pipe for a kiosk");
        const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, err, STDERR_FILENO);
        std::vector<std::string> words{options.cli, "store", "--jsonl", "--db", database};
        if (!options.content.empty()) {
            words.emplace_back("--content");
            words.push_back(options.content);
        }
        std::vector<char*> argv;
        for (std::string& word : words)
            argv.push_back(word.data());
        argv.push_back(nullptr);
        if (::posix_spawn(&m_pid, options.cli.c_str(), &actions, nullptr, argv.data(), environ) != 0)
            fail("cannot start " + options.cli);
        posix_spawn_file_actions_destroy(&actions);
        ::close(in[0]);
        ::close(out[1]);
        ::close(err);
        m_in = in[1];
        m_out = out[0];
    }
    ~Kiosk()
    {
        if (m_in >= 0)
            ::close(m_in);
        if (m_out >= 0)
            ::close(m_out);
    }
    Kiosk(const Kiosk&) = delete;
    Kiosk& operator=(const Kiosk&) = delete;

    // Stores one answer set; the milliseconds until its id came back.
    double store(const std::string& line)
    {
        const auto start = Clock::now();
        const std::string text = line + '\n';
        for (std::size_t written = 0; written < text.size();) {
            const ssize_t n = ::write(m_in, text.data() + written, text.size() - written);
            if (n <= 0)
                fail("a kiosk stopped taking answers (see its log)");
            written += static_cast<std::size_t>(n);
        }
        std::string reply = readLine();
        if (reply.find("\"id\"") == std::string::npos)
            fail("a kiosk did not store an answer set: " + reply.substr(0, 200));
        return millisecondsSince(start);
    }

    // Ends the input and waits for the process; its exit code.
    int finish()
    {
        ::close(m_in);
        m_in = -1;
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

private:
    std::string readLine()
    {
        for (;;) {
            if (const auto end = m_buffer.find('\n'); end != std::string::npos) {
                std::string line = m_buffer.substr(0, end);
                m_buffer.erase(0, end + 1);
                return line;
            }
            char chunk[4096];
            const ssize_t n = ::read(m_out, chunk, sizeof chunk);
            if (n <= 0)
                fail("a kiosk ended before answering (see its log)");
            m_buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }

    pid_t m_pid = -1;
    int m_in = -1, m_out = -1;
    std::string m_buffer;
};

struct Throughput
{
    std::string engine;
    int writers = 0;
    std::size_t stored = 0;
    double seconds = 0;
    double medianMs = 0, p95Ms = 0;
    [[nodiscard]] double rate() const { return static_cast<double>(stored) / seconds; }
};

// `databases[k]` is what kiosk k opens (its own login on PostgreSQL). Each
// kiosk first stores one answer set untimed (process start, content, the
// connection), then all start together.
Throughput kiosks(const Options& options, const std::string& engine,
                  const std::vector<std::string>& databases, const std::vector<std::string>& lines,
                  const std::string& log)
{
    const auto writers = static_cast<std::ptrdiff_t>(databases.size());
    std::vector<std::unique_ptr<Kiosk>> processes;
    for (const std::string& database : databases) {
        processes.push_back(std::make_unique<Kiosk>(options, database, log));
        processes.back()->store(lines.front());
    }
    std::barrier ready(writers + 1);
    std::vector<std::vector<double>> latencies(databases.size());
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < databases.size(); ++k)
        threads.emplace_back([&, k] {
            ready.arrive_and_wait();
            for (std::size_t i = 0; i < options.kioskLines; ++i)
                latencies[k].push_back(
                    processes[k]->store(lines[(k * options.kioskLines + i + 1) % lines.size()]));
        });
    ready.arrive_and_wait();
    const auto start = Clock::now();
    for (std::thread& thread : threads)
        thread.join();
    Throughput result{engine, static_cast<int>(writers)};
    result.seconds = millisecondsSince(start) / 1000;
    std::vector<double> all;
    for (const auto& each : latencies)
        all.insert(all.end(), each.begin(), each.end());
    result.stored = all.size();
    result.medianMs = median(all);
    result.p95Ms = percentile(all, 0.95);
    for (auto& process : processes)
        if (const int code = process->finish(); code != 0)
            fail("a kiosk ended with exit code " + std::to_string(code) + " (see " + log + ")");
    return result;
}

std::string uri(const PostgresCluster& cluster, const QString& database, const QString& user)
{
    return cluster.uri(database, user).toStdString();
}

// `db create-role kiosk|staff NAME`, the password on standard input, and
// the password in the PGPASSFILE the kiosks and the staff connection read.
void createLogin(const Options& options, const PostgresCluster& cluster, const QString& database,
                 const std::string& role, const std::string& login, const std::string& passFile)
{
    const std::string password = "pw-" + login + "-Synthetic1";
    const std::string command = "'" + options.cli + "' db create-role " + role + " " + login + " --db '" +
                                uri(cluster, database, QString::fromLatin1(PostgresCluster::kSuperuser)) +
                                "' > /dev/null 2>> '" + options.work + "/clinic-roles.log'";
    FILE* pipe = ::popen(command.c_str(), "w");
    if (pipe == nullptr)
        fail("cannot run " + options.cli);
    std::fputs((password + "\n").c_str(), pipe);
    if (::pclose(pipe) != 0)
        fail("db create-role " + role + " " + login + " failed");
    QFile file(QString::fromStdString(passFile));
    if (!file.open(QIODevice::Append))
        fail("cannot write " + passFile);
    file.write(QStringLiteral("127.0.0.1:%1:%2:%3:%4\n")
                   .arg(QString::number(cluster.port()), database, QString::fromStdString(login),
                        QString::fromStdString(password))
                   .toUtf8());
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

std::string ratio(double a, double b)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1fx", a / b);
    return buffer;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    spinepath::logging::initForCli(spdlog::level::warn);
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        const std::string value = argv[i + 1];
        if (option == "--answers")
            options.answers = value;
        else if (option == "--work")
            options.work = value;
        else if (option == "--cli")
            options.cli = value;
        else if (option == "--content")
            options.content = value;
        else if (option == "--count")
            options.count = std::stoul(value);
        else if (option == "--explain")
            options.explain = value;
        else if (option == "--kiosk-lines")
            options.kioskLines = std::stoul(value);
        else
            fail("unknown option " + option);
    }
    if (options.answers.empty() || options.work.empty() || options.cli.empty() || options.count == 0)
        fail("usage: spinepath-bench-clinic --answers FLAT.jsonl --work DIR --cli SPINEPATH_CLI [--count N] "
             "[--kiosk-lines N] [--content DIR]");
    if (!PostgresCluster::available())
        fail("PostgreSQL 15 is not installed (make deps-test installs it)");
    QDir().mkpath(QString::fromStdString(options.work));
    const std::string sqlitePath = options.work + "/clinic.sqlite";
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(QString::fromStdString(sqlitePath + suffix));
    const std::string passFile = options.work + "/clinic.pgpass";
    QFile::remove(QString::fromStdString(passFile));
    ::setenv("PGPASSFILE", passFile.c_str(), 1);
    const std::string log = options.work + "/clinic-kiosks.log";
    QFile::remove(QString::fromStdString(log));
    QFile::remove(QString::fromStdString(options.work + "/clinic-roles.log"));

    const auto content = spinepath::scoring::ScreeningContent::load(
        spinepath::contentDirectory(QString::fromStdString(options.content)).toStdString());

    const auto clusterStart = Clock::now();
    std::unique_ptr<PostgresCluster> cluster;
    try {
        cluster = PostgresCluster::durable();
    } catch (const std::exception& error) {
        fail(std::string("cannot start the PostgreSQL cluster: ") + error.what());
    }
    const QString databaseName = QStringLiteral("spinepath_bench");
    cluster->admin(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(databaseName));
    const std::string ownerUri =
        uri(*cluster, databaseName, QString::fromLatin1(PostgresCluster::kSuperuser));
    std::printf("PostgreSQL 15 cluster on 127.0.0.1:%d (fsync and synchronous_commit on) in %.1f s\n",
                cluster->port(), millisecondsSince(clusterStart) / 1000);

    std::vector<Read> reads;
    std::size_t stored = 0;
    {
        storage::OpenOptions sqliteOptions;
        sqliteOptions.path = QString::fromStdString(sqlitePath);
        storage::OpenOptions ownerOptions;
        ownerOptions.path = QString::fromStdString(ownerUri);
        auto sqlite = need(storage::Database::open(sqliteOptions));
        Filled filled;
        {
            auto owner = need(storage::Database::open(ownerOptions));
            filled = fill(content, options, *sqlite, *owner);
            // As after a night's autovacuum: the planner's statistics of the
            // whole table, not of its first rows.
            cluster->admin(QStringLiteral("VACUUM ANALYZE"), databaseName);
        }
        stored = options.count;
        std::printf("Stored %zu assessments (%zu today) in SQLite, 1,000 per transaction, in %.1f s (%.0f a "
                    "second); copied to PostgreSQL (db migrate) in %.1f s (%.0f a second)\n",
                    stored, filled.today, filled.sqliteSeconds,
                    static_cast<double>(stored) / filled.sqliteSeconds, filled.postgresSeconds,
                    static_cast<double>(stored) / filled.postgresSeconds);
        std::fflush(stdout);

        createLogin(options, *cluster, databaseName, "staff", "frontdesk", passFile);
        if (!options.explain.empty()) {
            // The plan of each of the staff login's statements over 1 ms, as
            // the server ran it (auto_explain), to find a missing index. The
            // timings of such a run are not the table's.
            for (const char* setting :
                 {"session_preload_libraries = 'auto_explain'", "auto_explain.log_min_duration = 1",
                  "auto_explain.log_analyze = on", "auto_explain.log_buffers = on"})
                cluster->admin(QStringLiteral("ALTER ROLE frontdesk SET ") + QLatin1String(setting));
        }
        storage::OpenOptions staffOptions;
        staffOptions.path = QString::fromStdString(uri(*cluster, databaseName, QStringLiteral("frontdesk")));
        auto staff = need(storage::Database::open(staffOptions));
        reads = consoleReads(*sqlite, *staff);
    }
    if (!options.explain.empty()) {
        QFile::remove(QString::fromStdString(options.explain));
        QFile::copy(cluster->logPath(), QString::fromStdString(options.explain));
    }

    std::printf("\nThe staff console's reads at %zu assessments, median of %d runs (the first included); "
                "PostgreSQL as a staff login over TCP on the same machine\n\n",
                stored, kRuns);
    std::printf("| read | SQLite ms | PostgreSQL ms | PostgreSQL / SQLite | rows |\n|---|---|---|---|---|\n");
    for (const Read& read : reads)
        std::printf("| %s | %.2f | %.2f | %s | %zu |\n", read.what.c_str(), read.sqlite, read.postgres,
                    ratio(read.postgres, read.sqlite).c_str(), read.rows);
    std::fflush(stdout);

    // Kiosks: a login each, storing into the 100,000.
    std::vector<std::string> kioskUris;
    for (int k = 1; k <= 3; ++k) {
        const std::string login = "kiosk" + std::to_string(k);
        createLogin(options, *cluster, databaseName, "kiosk", login, passFile);
        kioskUris.push_back(uri(*cluster, databaseName, QString::fromStdString(login)));
    }
    std::vector<std::string> lines;
    {
        std::mt19937_64 random(7);
        for (const json& answers :
             namedAnswers(options.answers, std::min<std::size_t>(options.count, 5000), random))
            lines.push_back(answers.dump());
    }
    std::vector<Throughput> runs;
    runs.push_back(kiosks(options, "PostgreSQL", {kioskUris[0]}, lines, log));
    runs.push_back(kiosks(options, "PostgreSQL", kioskUris, lines, log));
    runs.push_back(kiosks(options, "SQLite", {sqlitePath}, lines, log));
    runs.push_back(kiosks(options, "SQLite", {sqlitePath, sqlitePath, sqlitePath}, lines, log));

    std::printf("\nKiosks storing: `spinepath-cli store --jsonl` fed one answer set at a time (one commit "
                "each), %zu per kiosk, into the %zu\n\n",
                options.kioskLines, stored);
    std::printf(
        "| engine | kiosks | stored | seconds | assessments/s | vs 1 kiosk | median ms per store | p95 ms "
        "|\n|---|---|---|---|---|---|---|---|\n");
    for (const Throughput& run : runs) {
        const Throughput& one = run.engine == "PostgreSQL" ? runs[0] : runs[2];
        std::printf("| %s | %d | %zu | %.2f | %.0f | %s | %.2f | %.2f |\n", run.engine.c_str(), run.writers,
                    run.stored, run.seconds, run.rate(), ratio(run.rate(), one.rate()).c_str(), run.medianMs,
                    run.p95Ms);
    }
    std::printf("3 PostgreSQL kiosks against 3 SQLite writers: %s\n",
                ratio(runs[1].rate(), runs[3].rate()).c_str());
    return 0;
}
