#pragma once

#include "core/jsonlogic/Value.h"

#include <memory>
#include <string_view>

namespace spinepath::jsonlogic {

class Arena;

// Parses JSON text into Values with simdjson: the fast path for streams of
// answer sets. The values' strings point into this parser's buffers, so they
// stay valid only until the next call to parse.
class DocumentParser final
{
public:
    // Bytes that must be readable (any content) after the text given to
    // parsePadded; simdjson reads ahead in whole SIMD blocks.
    static constexpr std::size_t kPadding = 64;

    DocumentParser();
    ~DocumentParser();
    DocumentParser(const DocumentParser&) = delete;
    DocumentParser& operator=(const DocumentParser&) = delete;

    // Throws JsonError with simdjson's description of the problem.
    [[nodiscard]] Value parsePadded(std::string_view text, Arena& arena);
    [[nodiscard]] Value parse(std::string_view text, Arena& arena);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace spinepath::jsonlogic
