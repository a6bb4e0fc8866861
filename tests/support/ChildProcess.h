#pragma once

// The one way the tests run a program as a child process: spinepath-cli for
// the command tests and the crash tests (which kill it with SIGKILL), poppler's
// tools for the PDF tests. Output comes back through pipes; standard input is
// a pipe, fed while the child runs, or a file (a memfd) holding the input.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <string>
#include <vector>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace spinepath::test {

// Where a child's standard input comes from.
enum class Stdin
{
    Pipe, // written while the child runs, as the pipe takes it (send, pump)
    File, // a file holding the whole input, given at the start
};

class ChildProcess final
{
public:
    // Runs spinepath-cli with these arguments.
    explicit ChildProcess(const std::vector<std::string>& arguments)
        : ChildProcess(withCli(arguments), Stdin::Pipe, {})
    {}

    // Runs words[0], looked up on PATH unless it has a slash. With Stdin::File
    // the child reads `input` from a file; send() is then not used.
    ChildProcess(std::vector<std::string> words, Stdin from, const std::string& input)
    {
        // Writing to a child that was killed must be an error, not our death.
        std::signal(SIGPIPE, SIG_IGN);
        int in[2], out[2], err[2];
        if (from == Stdin::File) {
            in[0] = ::memfd_create("spinepath-test-stdin", MFD_CLOEXEC);
            REQUIRE(in[0] >= 0);
            REQUIRE(::write(in[0], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
            REQUIRE(::lseek(in[0], 0, SEEK_SET) == 0);
            in[1] = -1;
        } else {
            REQUIRE(::pipe2(in, O_CLOEXEC) == 0);
        }
        REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
        REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
        std::vector<char*> argv;
        for (std::string& word : words)
            argv.push_back(word.data());
        argv.push_back(nullptr);
        const int spawned = ::posix_spawnp(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(in[0]);
        ::close(out[1]);
        ::close(err[1]);
        m_in = in[1];
        m_out = out[0];
        m_err = err[0];
        for (int fd : {m_in, m_out, m_err})
            if (fd >= 0)
                ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        if (spawned != 0) {
            // Like a shell: 127 when the program is not there, 126 when it cannot run.
            m_pid = -1;
            m_spawnFailure = spawned == ENOENT ? 127 : 126;
            for (int* fd : {&m_in, &m_out, &m_err}) {
                ::close(*fd);
                *fd = -1;
            }
        }
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

    // Reads until the child closes its output, then reaps it; the exit code,
    // or 128 + the signal that ended it.
    int finish()
    {
        if (m_spawnFailure != 0)
            return m_spawnFailure;
        closeInput();
        while (pump(std::chrono::milliseconds(200))) {
        }
        while (drain(m_err, m_stderr)) {
            pollfd fd{m_err, POLLIN, 0};
            ::poll(&fd, 1, 200);
        }
        return wait();
    }

    void killNow()
    {
        if (m_pid > 0)
            ::kill(m_pid, SIGKILL);
    }

    [[nodiscard]] const std::string& out() const { return m_stdout; }
    [[nodiscard]] const std::string& err() const { return m_stderr; }
    // The child's largest resident set, once finished.
    [[nodiscard]] long peakMemoryKiB() const { return m_peakMemoryKiB; }

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

    static std::vector<std::string> withCli(const std::vector<std::string>& arguments)
    {
        std::vector<std::string> words{SPINEPATH_CLI_PATH};
        words.insert(words.end(), arguments.begin(), arguments.end());
        return words;
    }

    int wait()
    {
        int status = 0;
        struct rusage usage = {};
        while (::wait4(m_pid, &status, 0, &usage) < 0 && errno == EINTR) {
        }
        m_pid = -1;
        m_peakMemoryKiB = usage.ru_maxrss;
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
    int m_spawnFailure = 0;
    long m_peakMemoryKiB = 0;
    std::string m_stdout;
    std::string m_stderr;
};

struct ProcessResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
    long peakMemoryKiB = 0; // the child's largest resident set
};

// Runs words[0] (looked up on PATH unless it has a slash) to the end with
// `input` on its standard input.
inline ProcessResult runProgram(std::vector<std::string> words, const std::string& input = {},
                                Stdin from = Stdin::File)
{
    ChildProcess child(std::move(words), from, input);
    if (from == Stdin::Pipe)
        child.send(input);
    const int exitCode = child.finish();
    return {exitCode, child.out(), child.err(), child.peakMemoryKiB()};
}

// Runs spinepath-cli with these arguments to the end.
inline ProcessResult runCli(const std::vector<std::string>& arguments, const std::string& input = {},
                            Stdin from = Stdin::File)
{
    std::vector<std::string> words{SPINEPATH_CLI_PATH};
    words.insert(words.end(), arguments.begin(), arguments.end());
    return runProgram(std::move(words), input, from);
}

} // namespace spinepath::test
