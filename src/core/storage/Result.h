#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace spinepath::storage {

// Why a storage operation failed. Callers branch on the kind (the GUI keeps an
// assessment in memory on any write failure, and tells staff what to do); the
// message is plain English that can be shown as it is.
enum class ErrorKind
{
    Corrupt,         // the file is damaged, or is not an SQLite database
    Locked,          // another program holds the database, even after retries
    ReadOnly,        // the file or its folder cannot be written
    DiskFull,        // no space left (or the size limit was reached)
    FolderUnusable,  // the folder for the database cannot be created or written
    NewerVersion,    // written by a newer SpinePath; left untouched
    NotOurs,         // an SQLite database of some other program, or with objects SpinePath did not make
    Exposed,         // the file or its folder belongs to another user or others can write it; left untouched
    NotFound,        // no assessment, article or setting with that id
    InvalidArgument, // the caller asked for something that makes no sense
    Io,              // any other error of the file system or of SQLite
    PasswordNeeded,  // the PostgreSQL server asks for a password that ~/.pgpass does not hold
    Unreachable,     // the PostgreSQL server cannot be reached, or the connection to it was lost
};

struct Error
{
    ErrorKind kind = ErrorKind::Io;
    std::string message;
};

// The outcome of an operation that can fail without losing anything: either a
// value or an Error. C++20 has no std::expected; this is the small part of it
// that the storage API needs. Failures are values, never exceptions, so a
// caller cannot forget that a save may not have happened.
template <typename T> class [[nodiscard]] Result final
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    [[nodiscard]] bool ok() const noexcept { return m_state.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    [[nodiscard]] T& value() &
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    [[nodiscard]] const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    [[nodiscard]] T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const&
    {
        assert(!ok());
        return std::get<1>(m_state);
    }
    [[nodiscard]] Error&& error() &&
    {
        assert(!ok());
        return std::get<1>(std::move(m_state));
    }

private:
    std::variant<T, Error> m_state;
};

// Success without a value.
struct Done
{
};

template <> class [[nodiscard]] Result<void> final
{
public:
    Result() = default;
    Result(Done) {}
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {}

    [[nodiscard]] bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    [[nodiscard]] const Error& error() const&
    {
        assert(!ok());
        return m_error;
    }
    [[nodiscard]] Error&& error() &&
    {
        assert(!ok());
        return std::move(m_error);
    }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace spinepath::storage
