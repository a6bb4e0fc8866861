#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace spinepath {

// Reads a file descriptor line by line in large blocks, for JSON Lines input.
// Every line handed out is followed by at least `padding` readable bytes, so
// simdjson can parse it in place without a copy.
//
//     while (reader.fill()) {                  // may block: flush output first
//         while (reader.nextLine(line)) ...
//     }
class LineReader final
{
public:
    LineReader(int fd, std::size_t padding, std::size_t blockSize = 1 << 20);
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // Reads more input; false once everything has been read and handed out.
    // Throws std::system_error if reading fails.
    bool fill();
    // The next complete line, without its line ending; false when more input is needed.
    bool nextLine(std::string_view& line);
    // 1-based number of the line last returned.
    [[nodiscard]] std::size_t lineNumber() const noexcept { return m_lineNumber; }

private:
    void readOnce();
    [[nodiscard]] bool inputWaiting() const;

    int m_fd;
    std::size_t m_padding;
    std::size_t m_blockSize;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::size_t m_lineNumber = 0;
    bool m_atEnd = false;
};

} // namespace spinepath
