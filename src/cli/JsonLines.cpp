#include "JsonLines.h"

namespace spinepath::cli {

void appendLineError(std::string& out, std::string_view message, std::size_t lineNumber)
{
    out += "{\"error\":";
    jsonlogic::appendJson(out, jsonlogic::Value::string(message));
    out += ",\"line\":";
    out += std::to_string(lineNumber);
    out += '}';
}

} // namespace spinepath::cli
