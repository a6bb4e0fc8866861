#pragma once

#include "Output.h"

#include "core/jsonlogic/DocumentParser.h"
#include "core/jsonlogic/Json.h"
#include "core/util/LineReader.h"

#include <exception>
#include <string>
#include <string_view>

namespace spinepath::cli {

// Appends {"error": message, "line": n} for a line that could not be handled.
void appendLineError(std::string& out, std::string_view message, std::size_t lineNumber);

// The streaming loop shared by the --jsonl commands: reads standard input line
// by line, calls handle(line, out) for each non-blank line (the line is padded
// for DocumentParser::parsePadded) and ends each answer with a newline. A line
// whose handler throws gets an error object and the run goes on. Output is
// flushed before every blocking read, so results come out as input comes in.
// Returns the number of lines that failed.
template <typename Handler> std::size_t forEachJsonLine(int inputFd, Output& output, Handler&& handle)
{
    LineReader reader(inputFd, jsonlogic::DocumentParser::kPadding);
    std::size_t failures = 0;
    std::string_view line;
    while (reader.fill()) {
        while (reader.nextLine(line)) {
            if (line.find_first_not_of(" \t") == std::string_view::npos)
                continue;
            std::string& out = output.buffer();
            const std::size_t mark = out.size();
            try {
                handle(line, out);
            } catch (const std::exception& error) {
                out.resize(mark);
                appendLineError(out, error.what(), reader.lineNumber());
                ++failures;
            }
            out += '\n';
            output.flushIfLarge();
        }
        output.flush();
    }
    return failures;
}

} // namespace spinepath::cli
