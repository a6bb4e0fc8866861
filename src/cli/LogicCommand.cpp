#include "Commands.h"
#include "JsonLines.h"
#include "Output.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/DocumentParser.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/jsonlogic/Rule.h"
#include "core/util/Counted.h"
#include "core/util/TextFile.h"

#include <charconv>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <unistd.h>

namespace spinepath::cli {

using namespace jsonlogic;

namespace {

Rule loadRule(const std::string& path)
{
    const std::string text = readTextFile(path);
    try {
        return Rule::parse(text);
    } catch (const std::exception& error) {
        throw std::runtime_error(path + ": " + error.what());
    }
}

// --max-memory MIB: the bound of one evaluation (Arena::kDefaultLimit without it).
std::size_t memoryLimit(const std::optional<std::string>& option)
{
    if (!option)
        return Arena::kDefaultLimit;
    constexpr std::size_t kMiB = 1024 * 1024;
    std::size_t mebibytes = 0;
    const auto [end, error] = std::from_chars(option->data(), option->data() + option->size(), mebibytes);
    if (error != std::errc() || end != option->data() + option->size() || mebibytes == 0 ||
        mebibytes > std::numeric_limits<std::size_t>::max() / kMiB)
        throw UsageError("--max-memory takes a whole number of MiB (1 or more), not \"" + *option + "\"");
    return mebibytes * kMiB;
}

int evaluateOnce(const Rule& rule, const std::string& dataPath, std::size_t limit)
{
    const std::string text = readTextFile(dataPath);
    const std::string source = dataPath == "-" ? std::string("standard input") : dataPath;
    Arena arena(16 * 1024, limit);
    Value data;
    try {
        data = fromJson(parseJson(text), arena);
    } catch (const LimitError& error) {
        std::fprintf(stderr, "spinepath-cli: %s: %s\n", source.c_str(), error.what());
        return kSomeInputFailed;
    } catch (const std::exception& error) {
        throw std::runtime_error(source + ": " + error.what());
    }
    Output output(STDOUT_FILENO);
    try {
        // The printed result is bounded like the evaluation: its items may
        // all point to one long string.
        appendJson(output.buffer(), rule.evaluate(data, arena), limit);
    } catch (const LimitError& error) {
        std::fprintf(stderr, "spinepath-cli: %s: %s\n", source.c_str(), error.what());
        return kSomeInputFailed;
    }
    output.buffer() += '\n';
    output.flush();
    return kSuccess;
}

// The throughput path: simdjson parses each line in place, the rule runs over
// arena values, and each worker's arena is reset per line, so the loop does
// not allocate. The compiled rule is shared by the workers; it is immutable.
int evaluateLines(const Rule& rule, unsigned workers, std::size_t limit)
{
    struct LineEvaluator
    {
        const Rule* rule;
        std::size_t limit;
        std::unique_ptr<DocumentParser> parser = std::make_unique<DocumentParser>();
        std::unique_ptr<Arena> arena = std::make_unique<Arena>(16 * 1024, limit);

        void operator()(std::string_view line, std::string& out)
        {
            arena->reset();
            const std::size_t start = out.size();
            appendJson(out, rule->evaluate(parser->parsePadded(line, *arena), *arena), start + limit);
        }
    };
    Output output(STDOUT_FILENO);
    const std::size_t failures = forEachJsonLine(STDIN_FILENO, output, workers, [&] {
        return LineEvaluator{&rule, limit};
    });
    if (failures > 0)
        std::fprintf(stderr, "spinepath-cli: %s could not be evaluated\n",
                     util::counted(failures, "line", "lines").c_str());
    return failures > 0 ? kSomeInputFailed : kSuccess;
}

} // namespace

int runLogic(Arguments arguments)
{
    const bool jsonLines = arguments.takeFlag("--jsonl");
    const auto threads = arguments.takeOption("--threads");
    const std::size_t limit = memoryLimit(arguments.takeOption("--max-memory"));
    const auto files = arguments.positionals();
    if (files.size() != (jsonLines ? 1u : 2u))
        throw UsageError("usage: spinepath-cli logic RULE.json DATA.json|-   or   spinepath-cli logic "
                         "RULE.json --jsonl   [--max-memory MIB]");
    const Rule rule = loadRule(files[0]);
    return jsonLines ? evaluateLines(rule, workerCount(threads ? &*threads : nullptr), limit)
                     : evaluateOnce(rule, files[1], limit);
}

} // namespace spinepath::cli
