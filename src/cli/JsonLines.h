#pragma once

#include "Output.h"

#include "core/jsonlogic/DocumentParser.h"
#include "core/util/LineReader.h"

#include <algorithm>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace spinepath::cli {

// Appends {"error": message, "line": n} for a line that could not be handled.
void appendLineError(std::string& out, std::string_view message, std::size_t lineNumber);

// The number of workers --threads asks for, or one per core when it is absent.
unsigned workerCount(const std::string* requested);

// The streaming loop shared by the --jsonl commands. Reads standard input in
// blocks; the lines of a block are split into contiguous runs, one per worker,
// and each worker's handler(line, out) appends one answer per line (the line
// is padded for DocumentParser::parsePadded). Outputs are joined in input
// order and flushed before the next blocking read, so results stream out as
// input comes in. A line whose handler throws gets an error object and the run
// goes on. Handlers are made once per worker by makeHandler() and are used by
// one thread at a time. Returns the number of lines that failed.
template <typename MakeHandler>
std::size_t forEachJsonLine(int inputFd, Output& output, unsigned workers, MakeHandler&& makeHandler)
{
    struct Line
    {
        std::string_view text;
        std::size_t number;
    };
    using Handler = decltype(makeHandler());
    struct Worker
    {
        Handler handle;
        std::string out;
        std::size_t failures = 0;
    };

    workers = std::max(1u, workers);
    std::vector<Worker> pool;
    pool.reserve(workers);
    for (unsigned i = 0; i < workers; ++i)
        pool.push_back({makeHandler(), {}, 0});

    auto run = [](Worker& worker, const Line* first, const Line* last) {
        for (const Line* line = first; line != last; ++line) {
            const std::size_t mark = worker.out.size();
            try {
                worker.handle(line->text, worker.out);
            } catch (const std::exception& error) {
                worker.out.resize(mark);
                appendLineError(worker.out, error.what(), line->number);
                ++worker.failures;
            }
            worker.out += '\n';
        }
    };

    // Below this many lines a block is not worth a thread.
    constexpr std::size_t kLinesPerWorker = 256;
    LineReader reader(inputFd, jsonlogic::DocumentParser::kPadding);
    std::vector<Line> lines;
    std::string_view text;
    while (reader.fill()) {
        lines.clear();
        while (reader.nextLine(text))
            if (text.find_first_not_of(" \t") != std::string_view::npos)
                lines.push_back({text, reader.lineNumber()});

        const std::size_t used = std::clamp<std::size_t>(lines.size() / kLinesPerWorker, 1, workers);
        const std::size_t share = (lines.size() + used - 1) / used;
        std::vector<std::jthread> threads;
        for (std::size_t w = 1; w < used; ++w) {
            const Line* first = lines.data() + std::min(lines.size(), w * share);
            const Line* last = lines.data() + std::min(lines.size(), (w + 1) * share);
            threads.emplace_back(run, std::ref(pool[w]), first, last);
        }
        run(pool[0], lines.data(), lines.data() + std::min(lines.size(), share));
        threads.clear(); // joins

        for (std::size_t w = 0; w < used; ++w) {
            output.buffer() += pool[w].out;
            pool[w].out.clear();
        }
        output.flush();
    }
    std::size_t failures = 0;
    for (const Worker& worker : pool)
        failures += worker.failures;
    return failures;
}

} // namespace spinepath::cli
