#include "core/content/ClinicInfo.h"

#include "core/jsonlogic/Json.h"
#include "core/util/ContentProblem.h"
#include "core/util/TextFile.h"

#include <filesystem>
#include <string_view>
#include <utility>

namespace spinepath {

std::string ClinicInfo::message(const std::string& key) const
{
    return message(key, "en");
}

std::string ClinicInfo::message(const std::string& key, const std::string& language) const
{
    auto found = messages.find(key);
    const auto translated = translatedMessages.find(language.substr(0, language.find_first_of("-_")));
    if (translated != translatedMessages.end()) {
        const auto inLanguage = translated->second.find(key);
        if (inLanguage != translated->second.end())
            found = inLanguage;
    }
    if (found == messages.end())
        return "[missing message \"" + key + "\" in " + kFile + "]";
    std::string text = found->second;
    for (const auto& [field, value] :
         {std::pair<std::string_view, const std::string&>{"{emergencyNumber}", emergencyNumber},
          {"{phone}", phone},
          {"{name}", name}})
        for (auto at = text.find(field); at != std::string::npos; at = text.find(field, at + value.size()))
            text.replace(at, field.size(), value);
    return text;
}

ClinicInfo ClinicInfo::withOverrides(const std::string& overrideName, const std::string& overrideAddress,
                                     const std::string& overridePhone) const
{
    ClinicInfo info = *this;
    if (!overrideName.empty())
        info.name = overrideName;
    if (!overrideAddress.empty())
        info.address = overrideAddress;
    if (!overridePhone.empty())
        info.phone = overridePhone;
    return info;
}

ClinicInfo ClinicInfo::load(const std::string& contentDirectory)
{
    const std::string path = contentDirectory + "/" + kFile;
    nlohmann::json source;
    try {
        source = jsonlogic::parseJson(readTextFile(path));
    } catch (const std::exception& error) {
        throw ContentError(ContentProblem{path, "", error.what()});
    }
    std::vector<ContentProblem> problems;
    const auto text = [&](const char* key) {
        if (!source.contains(key) || !source[key].is_string() ||
            source[key].get_ref<const std::string&>().empty()) {
            problems.push_back({path, std::string("/") + key, "must be a non-empty string"});
            return std::string();
        }
        return source[key].get<std::string>();
    };
    if (!source.is_object())
        throw ContentError(ContentProblem{path, "", "must be a JSON object"});
    ClinicInfo info;
    info.name = text("name");
    info.address = text("address");
    info.phone = text("phone");
    info.emergencyNumber = text("emergencyNumber");
    if (source.contains("logo")) {
        const std::string logo = source.value("logo", "");
        info.logoPath = contentDirectory + "/" + logo;
        if (logo.empty() || !std::filesystem::is_regular_file(info.logoPath))
            problems.push_back({path, "/logo", "names a file that does not exist: " + info.logoPath});
    }
    if (source.contains("messages") && source["messages"].is_object()) {
        for (const auto& [key, value] : source["messages"].items()) {
            if (value.is_string())
                info.messages[key] = value.get<std::string>();
            else
                problems.push_back({path, "/messages/" + key, "must be a string"});
        }
    } else {
        problems.push_back({path, "/messages", "must be an object of messages"});
    }
    if (const auto translations = source.find("translations"); translations != source.end()) {
        if (!translations->is_object())
            problems.push_back({path, "/translations", "must be an object of languages"});
        else
            for (const auto& [language, entry] : translations->items()) {
                const std::string at = "/translations/" + language + "/messages";
                if (!entry.is_object() || !entry.contains("messages") || !entry["messages"].is_object()) {
                    problems.push_back({path, at, "must be an object of messages"});
                    continue;
                }
                for (const auto& [key, value] : entry["messages"].items()) {
                    if (value.is_string())
                        info.translatedMessages[language][key] = value.get<std::string>();
                    else
                        problems.push_back({path, at + "/" + key, "must be a string"});
                }
                // A patient reading this language never meets an English message.
                for (const auto& [key, english] : info.messages)
                    if (!info.translatedMessages[language].contains(key))
                        problems.push_back({path, at, "has no \"" + key + "\" in " + language});
            }
    }
    if (!problems.empty())
        throw ContentError(std::move(problems));
    return info;
}

} // namespace spinepath
