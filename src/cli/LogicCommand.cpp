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
// arena values, and the arena is reset per line, so the loop does not allocate.
int evaluateLines(const Rule& rule)
{
    Output output(STDOUT_FILENO);
    DocumentParser parser;
    Arena arena;
    const std::size_t failures =
        forEachJsonLine(STDIN_FILENO, output, [&](std::string_view line, std::string& out) {
            arena.reset();
            appendJson(out, rule.evaluate(parser.parsePadded(line, arena), arena));
        });
    if (failures > 0)
        std::fprintf(stderr, "spinepath-cli: %zu line(s) could not be evaluated\n", failures);
    return failures > 0 ? kSomeInputFailed : kSuccess;
}

} // namespace

int runLogic(Arguments arguments)
{
    const bool jsonLines = arguments.takeFlag("--jsonl");
    const auto files = arguments.positionals();
    if (files.size() != (jsonLines ? 1u : 2u))
        throw UsageError(
            "usage: spinepath-cli logic RULE.json DATA.json|-   or   spinepath-cli logic RULE.json --jsonl");
    const Rule rule = loadRule(files[0]);
    return jsonLines ? evaluateLines(rule) : evaluateOnce(rule, files[1]);
}

} // namespace spinepath::cli
