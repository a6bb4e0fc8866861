#pragma once

#include <string>

namespace spinepath::cli {

// Buffered writing to a file descriptor for line-oriented output. Results are
// collected in memory and written in large blocks; flush() before any blocking
// read keeps a pipeline streaming.
class Output final
{
public:
    explicit Output(int fd);
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    ~Output();

    std::string& buffer() noexcept { return m_buffer; }
    // Writes when the buffer is large, so a fast producer stays fast.
    void flushIfLarge();
    // Throws std::system_error when the output cannot be written (disk full, closed pipe).
    void flush();

private:
    int m_fd;
    std::string m_buffer;
};

// "spinepath-cli: MESSAGE" on standard error, for a command's failure.
void printError(const std::string& message);

} // namespace spinepath::cli
