#pragma once

// Runs spinepath-cli as a child process with pipes on all three streams, for
// the command tests and the crash test (which kills it with SIGKILL).
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <string>
#include <vector>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace storagetest {

class ChildProcess final
{
public:
    explicit ChildProcess(const std::vector<std::string>& arguments)
    {
        // Writing to a child that was killed must be an error, not our death.
        std::signal(SIGPIPE, SIG_IGN);
        int in[2], out[2], err[2];
        REQUIRE(::pipe2(in, O_CLOEXEC) == 0);
        REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
        REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
        std::vector<std::string> words{SPINEPATH_CLI_PATH};
        words.insert(words.end(), arguments.begin(), arguments.end());
        std::vector<char*> argv;
        for (std::string& word : words)
            argv.push_back(word.data());
        argv.push_back(nullptr);
        const int spawned = ::posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(in[0]);
        ::close(out[1]);
        ::close(err[1]);
        REQUIRE(spawned == 0);
        m_in = in[1];
        m_out = out[0];
        m_err = err[0];
        for (int fd : {m_in, m_out, m_err})
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    ~ChildProcess()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            wait();
        }
        for (int fd : {m_in, m_out, m_err})
            if (fd >= 0)
                ::close(fd);
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Queues input; pump() writes it as the pipe takes it.
    void send(const std::string& text) { m_pending += text; }
    void closeInput()
    {
        m_closeWhenSent = true;
        flushInput();
    }

    // Moves data both ways for up to `wait`; returns false once the child's
    // output has ended.
    bool pump(std::chrono::milliseconds wait)
    {
        flushInput();
        pollfd fds[3] = {{m_out, POLLIN, 0}, {m_err, POLLIN, 0}, {m_in, POLLOUT, 0}};
        const nfds_t count = (m_in >= 0 && !m_pending.empty()) ? 3 : 2;
        if (::poll(fds, count, static_cast<int>(wait.count())) < 0 && errno != EINTR)
            FAIL("poll failed");
        const bool outOpen = drain(m_out, m_stdout);
        drain(m_err, m_stderr);
        flushInput();
        return outOpen;
    }

    // Reads until the child closes its output, then reaps it.
    int finish()
    {
        closeInput();
        while (pump(std::chrono::milliseconds(200))) {
        }
        while (drain(m_err, m_stderr)) {
            pollfd fd{m_err, POLLIN, 0};
            ::poll(&fd, 1, 200);
        }
        return wait();
    }

    void killNow() { ::kill(m_pid, SIGKILL); }

    [[nodiscard]] const std::string& out() const { return m_stdout; }
    [[nodiscard]] const std::string& err() const { return m_stderr; }

private:
    // Appends what can be read now; false at end of stream.
    bool drain(int& fd, std::string& into)
    {
        if (fd < 0)
            return false;
        char buffer[65536];
        for (;;) {
            const ssize_t got = ::read(fd, buffer, sizeof buffer);
            if (got > 0) {
                into.append(buffer, static_cast<std::size_t>(got));
                continue;
            }
            if (got < 0 && (errno == EAGAIN || errno == EINTR))
                return true;
            ::close(fd);
            fd = -1;
            return false;
        }
    }

    void flushInput()
    {
        while (m_in >= 0 && !m_pending.empty()) {
            const ssize_t put = ::write(m_in, m_pending.data(), m_pending.size());
            if (put < 0) {
                if (errno == EAGAIN || errno == EINTR)
                    return;
                m_pending.clear(); // the child is gone
                break;
            }
            m_pending.erase(0, static_cast<std::size_t>(put));
        }
        if (m_closeWhenSent && m_in >= 0 && m_pending.empty()) {
            ::close(m_in);
            m_in = -1;
        }
    }

    int wait()
    {
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_pid = -1;
        if (WIFEXITED(status))
            return WEXITSTATUS(status);
        return 128 + WTERMSIG(status);
    }

    pid_t m_pid = -1;
    int m_in = -1;
    int m_out = -1;
    int m_err = -1;
    std::string m_pending;
    bool m_closeWhenSent = false;
    std::string m_stdout;
    std::string m_stderr;
};

struct CliRun
{
    int exitCode;
    std::string out;
    std::string err;
};

inline CliRun runCli(const std::vector<std::string>& arguments, const std::string& input = {})
{
    ChildProcess child(arguments);
    child.send(input);
    const int exitCode = child.finish();
    return {exitCode, child.out(), child.err()};
}

} // namespace storagetest
