#include "core/util/LineReader.h"

#include <cerrno>
#include <cstring>
#include <system_error>

#include <poll.h>
#include <unistd.h>

namespace spinepath {

LineReader::LineReader(int fd, std::size_t padding, std::size_t blockSize)
    : m_fd(fd)
    , m_padding(padding)
    , m_blockSize(blockSize)
    , m_buffer(blockSize + padding)
{}

bool LineReader::fill()
{
    if (m_atEnd)
        return m_begin < m_end;
    // Keep the unfinished line at the front; grow when one line outgrows the block.
    const std::size_t pending = m_end - m_begin;
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, pending);
        m_begin = 0;
        m_end = pending;
    }
    if (m_buffer.size() - m_padding - m_end < m_blockSize / 2)
        m_buffer.resize(m_buffer.size() * 2);
    // Block for the first read only; then take whatever else is already
    // waiting (a pipe hands over 64 KiB at a time) without waiting for more.
    readOnce();
    while (!m_atEnd && m_buffer.size() - m_padding - m_end >= m_blockSize / 4 && inputWaiting())
        readOnce();
    return true;
}

void LineReader::readOnce()
{
    const std::size_t room = m_buffer.size() - m_padding - m_end;
    ssize_t got = 0;
    do {
        got = ::read(m_fd, m_buffer.data() + m_end, room);
    } while (got < 0 && errno == EINTR);
    if (got < 0)
        throw std::system_error(errno, std::generic_category(), "cannot read input");
    if (got == 0)
        m_atEnd = true;
    m_end += static_cast<std::size_t>(got);
}

bool LineReader::inputWaiting() const
{
    pollfd request{m_fd, POLLIN, 0};
    return ::poll(&request, 1, 0) == 1 && (request.revents & (POLLIN | POLLHUP)) != 0;
}

bool LineReader::nextLine(std::string_view& line)
{
    if (m_begin >= m_end)
        return false;
    const char* start = m_buffer.data() + m_begin;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', m_end - m_begin));
    std::size_t length = 0;
    if (newline) {
        length = static_cast<std::size_t>(newline - start);
        m_begin += length + 1;
    } else if (m_atEnd) {
        length = m_end - m_begin; // a last line without a newline
        m_begin = m_end;
    } else {
        return false;
    }
    if (length > 0 && start[length - 1] == '\r')
        --length;
    line = {start, length};
    ++m_lineNumber;
    return true;
}

} // namespace spinepath
