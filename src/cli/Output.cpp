#include "Output.h"

#include <cerrno>
#include <cstdio>
#include <system_error>

#include <unistd.h>

namespace spinepath::cli {

namespace {
constexpr std::size_t kLargeBuffer = 1 << 20;
}

Output::Output(int fd)
    : m_fd(fd)
{
    m_buffer.reserve(kLargeBuffer + 4096);
}

Output::~Output()
{
    try {
        flush();
    } catch (const std::system_error&) {
        // Destructors must not throw; callers flush explicitly to see errors.
    }
}

void Output::flushIfLarge()
{
    if (m_buffer.size() >= kLargeBuffer)
        flush();
}

void Output::flush()
{
    std::size_t written = 0;
    while (written < m_buffer.size()) {
        const ssize_t n = ::write(m_fd, m_buffer.data() + written, m_buffer.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            m_buffer.clear();
            throw std::system_error(errno, std::generic_category(), "cannot write output");
        }
        written += static_cast<std::size_t>(n);
    }
    m_buffer.clear();
}

void printError(const std::string& message)
{
    std::fprintf(stderr, "spinepath-cli: %s\n", message.c_str());
}

} // namespace spinepath::cli
