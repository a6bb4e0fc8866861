#pragma once

// What every benchmark program does when something it needs fails: says
// why on standard error under its own name (spinepath-bench-clinic: …) and
// exits with status 1, so bench/run.sh stops there.
#include "core/storage/Result.h"

#include <cerrno> // program_invocation_short_name (glibc)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace spinepath::bench {

[[noreturn]] inline void fail(const std::string& message)
{
    std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, message.c_str());
    std::exit(1);
}

// The value, or fail() with the storage error's message.
template <typename T> T need(storage::Result<T> result)
{
    if (!result)
        fail(result.error().message);
    return std::move(result).value();
}

// Milliseconds from `start` to now, on the clock every benchmark times with.
inline double millisecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace spinepath::bench
