#include "SecretInput.h"

#include "core/security/StaffPin.h"

#include <csignal>
#include <cstdio>

#include <cerrno>
#include <termios.h>
#include <unistd.h>

namespace spinepath::cli {

namespace {

// The terminal's settings before echo was turned off, for the signal handler.
termios g_saved{};
volatile std::sig_atomic_t g_echoOff = 0;

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// Ctrl+C at the prompt must not leave the terminal without echo.
extern "C" void restoreEchoAndDie(int signal)
{
    if (g_echoOff)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Echo off (but the line end still shown) for as long as it lives.
class EchoOff final
{
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &g_saved) != 0)
            return;
        termios quiet = g_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        for (const int signal : kSignals)
            std::signal(signal, restoreEchoAndDie);
        g_echoOff = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (g_echoOff)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
        g_echoOff = 0;
        for (const int signal : kSignals)
            std::signal(signal, SIG_DFL);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;
    EchoOff(EchoOff&&) = delete;
    EchoOff& operator=(EchoOff&&) = delete;
};

} // namespace

bool inputIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

std::optional<std::string> readSecretLine(const char* prompt, std::size_t longest)
{
    // Echo off before the prompt shows: nothing typed after it is ever shown.
    std::optional<EchoOff> quiet;
    if (inputIsTerminal()) {
        quiet.emplace();
        std::fputs(prompt, stderr);
        std::fflush(stderr);
    }
    // Byte by byte into a buffer that never grows, so that no copy of the
    // secret is left behind in memory that was given back unwiped.
    std::string line;
    line.reserve(longest + 1);
    for (;;) {
        char c = 0;
        const ssize_t got = ::read(STDIN_FILENO, &c, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            // A last line without a line end still counts.
            if (line.empty())
                return std::nullopt;
            break;
        }
        if (c == '\n')
            break;
        if (line.size() == longest) {
            security::wipe(line);
            return std::nullopt;
        }
        line += c;
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace spinepath::cli
