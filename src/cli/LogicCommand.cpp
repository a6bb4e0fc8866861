#include "Commands.h"
#include "JsonLines.h"
#include "Output.h"

#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/DocumentParser.h"
#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/jsonlogic/Rule.h"
#include "core/util/TextFile.h"

#include <cstdio>
#include <memory>
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

int evaluateOnce(const Rule& rule, const std::string& dataPath)
{
    const std::string text = readTextFile(dataPath);
    Arena arena;
    Value data;
    try {
        data = fromJson(parseJson(text), arena);
    } catch (const std::exception& error) {
        throw std::runtime_error((dataPath == "-" ? std::string("standard input") : dataPath) + ": " +
                                 error.what());
    }
    Output output(STDOUT_FILENO);
    appendJson(output.buffer(), rule.evaluate(data, arena));
    output.buffer() += '\n';
    output.flush();
    return kSuccess;
}

// The throughput path: simdjson parses each line in place, the rule runs over
// arena values, and each worker's arena is reset per line, so the loop does
// not allocate. The compiled rule is shared by the workers; it is immutable.
int evaluateLines(const Rule& rule, unsigned workers)
{
    struct LineEvaluator
    {
        const Rule* rule;
        std::unique_ptr<DocumentParser> parser = std::make_unique<DocumentParser>();
        std::unique_ptr<Arena> arena = std::make_unique<Arena>();

        void operator()(std::string_view line, std::string& out)
        {
            arena->reset();
            appendJson(out, rule->evaluate(parser->parsePadded(line, *arena), *arena));
        }
    };
    Output output(STDOUT_FILENO);
    const std::size_t failures =
        forEachJsonLine(STDIN_FILENO, output, workers, [&] { return LineEvaluator{&rule}; });
    if (failures > 0)
        std::fprintf(stderr, "spinepath-cli: %zu line(s) could not be evaluated\n", failures);
    return failures > 0 ? kSomeInputFailed : kSuccess;
}

} // namespace

int runLogic(Arguments arguments)
{
    const bool jsonLines = arguments.takeFlag("--jsonl");
    const auto threads = arguments.takeOption("--threads");
    const auto files = arguments.positionals();
    if (files.size() != (jsonLines ? 1u : 2u))
        throw UsageError(
            "usage: spinepath-cli logic RULE.json DATA.json|-   or   spinepath-cli logic RULE.json --jsonl");
    const Rule rule = loadRule(files[0]);
    return jsonLines ? evaluateLines(rule, workerCount(threads ? &*threads : nullptr))
                     : evaluateOnce(rule, files[1]);
}

} // namespace spinepath::cli
