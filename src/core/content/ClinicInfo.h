#pragma once

#include <map>
#include <string>

namespace spinepath {

// The clinic's details and the patient-facing messages that carry clinical
// meaning (what to do in an emergency), from content/clinic.json. Kept in
// content so a clinic can word them for its own setting.
struct ClinicInfo
{
    std::string name;
    std::string logoPath; // absolute, or empty
    std::string address;
    std::string phone;
    std::string emergencyNumber;
    std::map<std::string, std::string> messages;
    // The messages in other languages, by language ("es") then key: clinic.json's
    // "translations": {"es": {"messages": {...}}}. check-content requires each
    // language to have every message.
    std::map<std::string, std::map<std::string, std::string>> translatedMessages;

    // The message with this key; a clear placeholder naming the key if the file lacks it.
    // "{emergencyNumber}", "{phone}" and "{name}" in a message are this clinic's, so
    // a message never holds a number of its own that could go out of date.
    [[nodiscard]] std::string message(const std::string& key) const;
    // The message in `language` ("es", "es-US"), the English one where that
    // language lacks it.
    [[nodiscard]] std::string message(const std::string& key, const std::string& language) const;

    // A copy with the staff-edited details (clinic settings) in place of
    // clinic.json's; an empty value keeps the one from the file, so clearing a
    // setting brings the content's details back.
    [[nodiscard]] ClinicInfo withOverrides(const std::string& overrideName,
                                           const std::string& overrideAddress,
                                           const std::string& overridePhone) const;

    // Throws ContentError naming the file, the JSON pointer and the problem.
    [[nodiscard]] static ClinicInfo load(const std::string& contentDirectory);
    static constexpr const char* kFile = "clinic.json";
};

} // namespace spinepath
