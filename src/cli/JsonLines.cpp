#include "JsonLines.h"

#include "core/jsonlogic/Json.h"

#include <charconv>
#include <stdexcept>

namespace spinepath::cli {

void appendLineError(std::string& out, std::string_view message, std::size_t lineNumber)
{
    out += "{\"error\":";
    jsonlogic::appendJson(out, jsonlogic::Value::string(message));
    out += ",\"line\":";
    out += std::to_string(lineNumber);
    out += '}';
}

unsigned workerCount(const std::string* requested)
{
    if (!requested)
        return std::clamp(std::thread::hardware_concurrency(), 1u, 16u);
    unsigned count = 0;
    const auto result = std::from_chars(requested->data(), requested->data() + requested->size(), count);
    if (result.ec != std::errc() || result.ptr != requested->data() + requested->size() || count < 1 ||
        count > 256)
        throw std::invalid_argument("--threads takes a whole number from 1 to 256, not \"" + *requested +
                                    "\"");
    return count;
}

} // namespace spinepath::cli
