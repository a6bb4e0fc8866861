#pragma once

#include "core/util/ContentProblem.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace spinepath {

// One patient article of content/articles: its front matter and Markdown body.
struct Article
{
    std::string id;
    std::string title;
    std::string summary;
    int minutes = 0;
    std::string version;
    std::string reviewed;
    std::string topic;
    std::vector<std::string> related;
    // A translation's headings by the English ones ("sections:" in the front
    // matter, "English = Traducido; ..."): the rules link to a section by its
    // English heading ("disc-pain#Tears in the outer wall").
    std::map<std::string, std::string> sections;
    std::string body; // Markdown, without the front matter
    std::string file;
    int bodyLine = 1; // the line of the file where the body starts

    // This article's heading for the section the rules name by `englishHeading`.
    [[nodiscard]] std::string heading(const std::string& englishHeading) const
    {
        const auto found = sections.find(englishHeading);
        return found == sections.end() ? englishHeading : found->second;
    }
};

// The articles of a content folder, by id.
class ArticleLibrary final
{
public:
    // Reads every *.md file. Files that cannot be read or lack a field are
    // reported in problems() and left out; the rest stay usable.
    [[nodiscard]] static ArticleLibrary load(const std::string& contentDirectory);
    // The articles in `language` ("es"): those of articles/<language>/, same
    // ids and structure as the English ones; an article missing there is the
    // English one, whole. English is load(contentDirectory).
    [[nodiscard]] static ArticleLibrary load(const std::string& contentDirectory,
                                             const std::string& language);
    // "en" and every language folder of articles/ ("es").
    [[nodiscard]] static std::set<std::string> languages(const std::string& contentDirectory);

    [[nodiscard]] const Article* find(const std::string& id) const;
    [[nodiscard]] const std::map<std::string, Article>& articles() const noexcept { return m_articles; }
    [[nodiscard]] const std::vector<ContentProblem>& problems() const noexcept { return m_problems; }

    // Parses one article's text; adds problems for missing or bad fields.
    [[nodiscard]] static Article parse(const std::string& text, const std::string& file,
                                       std::vector<ContentProblem>& problems);

private:
    [[nodiscard]] static ArticleLibrary loadFolder(const std::filesystem::path& folder);

    std::map<std::string, Article> m_articles;
    std::vector<ContentProblem> m_problems;
};

} // namespace spinepath
