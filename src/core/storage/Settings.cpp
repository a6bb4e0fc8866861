#include "core/storage/Settings.h"

#include "core/storage/AuditLog.h"
#include "core/storage/Statement.h"

#include <charconv>

namespace spinepath::storage {

namespace {

Error wrongType(std::string_view key, const std::string& value, const char* expected)
{
    return Error{ErrorKind::InvalidArgument, "The setting \"" + std::string(key) + "\" holds \"" + value +
                                                 "\", which is not " + expected + "."};
}

} // namespace

Settings::Settings(const Database& database, std::string actor)
    : m_database(database)
    , m_actor(std::move(actor))
{}

Result<std::optional<std::string>> Settings::text(std::string_view key) const
{
    Statement select(m_database, QStringLiteral("SELECT value FROM settings WHERE key = :key"));
    select.bind(QStringLiteral(":key"), qtext(key));
    if (auto done = select.exec("read the settings"); !done)
        return std::move(done).error();
    std::optional<std::string> value;
    if (select.next())
        value = select.string(0);
    if (auto done = select.finish("read the settings"); !done)
        return std::move(done).error();
    return value;
}

Result<long long> Settings::integer(std::string_view key, long long fallback) const
{
    auto stored = text(key);
    if (!stored)
        return std::move(stored).error();
    if (!*stored)
        return fallback;
    const std::string& value = **stored;
    long long number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size())
        return wrongType(key, value, "a whole number");
    return number;
}

Result<bool> Settings::boolean(std::string_view key, bool fallback) const
{
    auto stored = text(key);
    if (!stored)
        return std::move(stored).error();
    if (!*stored)
        return fallback;
    if (**stored == "true")
        return true;
    if (**stored == "false")
        return false;
    return wrongType(key, **stored, "true or false");
}

Result<void> Settings::setText(std::string_view key, std::string_view value)
{
    return store(key, std::string(value));
}

Result<void> Settings::setInteger(std::string_view key, long long value)
{
    return store(key, std::to_string(value));
}

Result<void> Settings::setBoolean(std::string_view key, bool value)
{
    return store(key, std::string(value ? "true" : "false"));
}

Result<void> Settings::remove(std::string_view key)
{
    return store(key, std::nullopt);
}

Result<void> Settings::store(std::string_view key, const std::optional<std::string>& value)
{
    constexpr std::string_view action = "save the settings";
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(action); !begun)
        return begun;
    Statement write(m_database,
                    value ? QStringLiteral("INSERT INTO settings (key, value) VALUES (:key, :value) "
                                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                          : QStringLiteral("DELETE FROM settings WHERE key = :key"));
    write.bind(QStringLiteral(":key"), qtext(key));
    if (value)
        write.bind(QStringLiteral(":value"), QString::fromStdString(*value));
    if (auto done = write.exec(action); !done)
        return done;
    // The key only: a setting's value is configuration, but keeping values
    // out means nothing typed into a setting can leak into the trail.
    if (auto done = AuditLog(m_database).append(m_actor, audit::kSettingChanged, {}, key); !done)
        return done;
    return transaction.commit(action);
}

} // namespace spinepath::storage
