#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <optional>
#include <string>
#include <string_view>

namespace spinepath::storage {

// Clinic settings kept with the data they govern (a copied database takes its
// retention period along). Values are text; the typed accessors convert and
// report a stored value of the wrong type instead of guessing.
class Settings final
{
public:
    // Days after which completed assessments are purged; absent or 0: never.
    static constexpr std::string_view kRetentionDays = "retention.days";

    // `actor` is recorded in the audit log when a setting changes.
    Settings(const Database& database, std::string actor);
    Q_DISABLE_COPY_MOVE(Settings)

    [[nodiscard]] Result<std::optional<std::string>> text(std::string_view key) const;
    [[nodiscard]] Result<long long> integer(std::string_view key, long long fallback) const;
    [[nodiscard]] Result<bool> boolean(std::string_view key, bool fallback) const;

    Result<void> setText(std::string_view key, std::string_view value);
    Result<void> setInteger(std::string_view key, long long value);
    Result<void> setBoolean(std::string_view key, bool value);
    Result<void> remove(std::string_view key);

private:
    Result<void> store(std::string_view key, const std::optional<std::string>& value);

    const Database& m_database;
    std::string m_actor;
};

} // namespace spinepath::storage
