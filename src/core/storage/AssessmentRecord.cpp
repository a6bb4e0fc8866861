#include "core/storage/AssessmentRecord.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/scoring/Ruleset.h"
#include "core/storage/StorageTime.h"

#include <array>

namespace spinepath::storage {

namespace {

constexpr std::array<std::pair<Status, std::string_view>, 4> kStatuses{{
    {Status::InProgress, "in_progress"},
    {Status::Completed, "completed"},
    {Status::Abandoned, "abandoned"},
    {Status::Reviewed, "reviewed"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value)
{
    for (const auto& [candidate, name] : names)
        if (candidate == value)
            return name;
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& names,
                            std::string_view text)
{
    for (const auto& [value, name] : names)
        if (name == text)
            return value;
    return std::nullopt;
}

nlohmann::json countsToJson(const std::vector<std::pair<std::string, qint64>>& counts)
{
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [key, count] : counts)
        object[key.empty() ? std::string("none") : key] = count;
    return object;
}

} // namespace

std::string_view toString(Status status)
{
    return nameOf(kStatuses, status);
}

std::optional<Status> statusFromString(std::string_view text)
{
    return valueOf(kStatuses, text);
}

ContentVersions ContentVersions::of(const questionnaire::Questionnaire& questionnaire,
                                    const scoring::Ruleset& ruleset)
{
    return {questionnaire.id(), questionnaire.version(), ruleset.id(), ruleset.version()};
}

nlohmann::json StorageStats::toJson() const
{
    auto time = [](const QDateTime& t) {
        return t.isValid() ? nlohmann::json(toStorageTime(t).toStdString()) : nlohmann::json();
    };
    return {
        {"assessments", assessments},
        {"by_status", countsToJson(byStatus)},
        {"by_category", countsToJson(byCategory)},
        {"by_mode", countsToJson(byMode)},
        {"patients", patients},
        {"articles", articles},
        {"audit_entries", auditEntries},
        {"oldest_started_at", time(oldestStart)},
        {"newest_started_at", time(newestStart)},
        {"bytes_on_disk", bytesOnDisk},
        {"schema_version", schemaVersion},
    };
}

} // namespace spinepath::storage
