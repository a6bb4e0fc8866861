#include "core/content/ArticleLibrary.h"

#include "core/util/TextFile.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace spinepath {

namespace {

std::string trim(std::string text)
{
    const auto first = text.find_first_not_of(" \t\r");
    const auto last = text.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ','))
        if (!trim(item).empty())
            items.push_back(trim(item));
    return items;
}

} // namespace

Article ArticleLibrary::parse(const std::string& text, const std::string& file,
                              std::vector<ContentProblem>& problems)
{
    Article article;
    article.file = file;
    std::istringstream lines(text);
    std::string line;
    int lineNumber = 0;
    auto problem = [&](const std::string& message) {
        problems.push_back({file, "line " + std::to_string(lineNumber), message});
    };
    if (!std::getline(lines, line) || trim(line) != "---") {
        lineNumber = 1;
        problem("an article starts with front matter between two lines of ---");
        return article;
    }
    lineNumber = 1;
    std::map<std::string, std::string> fields;
    bool closed = false;
    while (std::getline(lines, line)) {
        ++lineNumber;
        if (trim(line) == "---") {
            closed = true;
            break;
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            problem("front matter lines are \"key: value\"");
            continue;
        }
        fields[trim(line.substr(0, colon))] = trim(line.substr(colon + 1));
    }
    if (!closed) {
        problem("the front matter is not closed with ---");
        return article;
    }
    std::ostringstream body;
    body << lines.rdbuf();
    article.body = body.str();
    article.bodyLine = lineNumber + 1;

    const auto field = [&](const char* key) {
        const auto found = fields.find(key);
        if (found == fields.end() || found->second.empty()) {
            problems.push_back({file, "front matter", std::string("needs \"") + key + "\""});
            return std::string();
        }
        return found->second;
    };
    article.id = field("id");
    article.title = field("title");
    article.summary = field("summary");
    article.version = field("version");
    article.reviewed = field("reviewed");
    article.topic = fields.count("topic") ? fields["topic"] : std::string();
    article.related = splitList(fields.count("related") ? fields["related"] : std::string());
    if (const auto sections = fields.find("sections"); sections != fields.end()) {
        std::istringstream pairs(sections->second);
        for (std::string pair; std::getline(pairs, pair, ';');) {
            const auto equals = pair.find('=');
            const std::string english =
                equals == std::string::npos ? std::string() : trim(pair.substr(0, equals));
            const std::string own =
                equals == std::string::npos ? std::string() : trim(pair.substr(equals + 1));
            if (english.empty() || own.empty())
                problems.push_back({file, "front matter",
                                    "\"sections\" is a list of \"English heading = this article's heading\" "
                                    "separated by ';', not \"" +
                                        trim(pair) + "\""});
            else
                article.sections[english] = own;
        }
    }
    const std::string minutes = field("minutes");
    try {
        article.minutes = minutes.empty() ? 0 : std::stoi(minutes);
    } catch (const std::exception&) {
        problems.push_back({file, "front matter", "\"minutes\" must be a whole number"});
    }
    return article;
}

ArticleLibrary ArticleLibrary::load(const std::string& contentDirectory)
{
    return loadFolder(std::filesystem::path(contentDirectory) / "articles");
}

ArticleLibrary ArticleLibrary::load(const std::string& contentDirectory, const std::string& language)
{
    const std::string primary = language.substr(0, language.find_first_of("-_"));
    if (primary.empty() || primary == "en")
        return load(contentDirectory);
    ArticleLibrary library = loadFolder(std::filesystem::path(contentDirectory) / "articles" / primary);
    // An article not written in this language yet is read whole in English
    // (check-content fails on it, so shipped content never does this).
    const ArticleLibrary english = load(contentDirectory);
    for (const auto& [id, article] : english.m_articles)
        if (!library.m_articles.contains(id))
            library.m_articles.emplace(id, article);
    return library;
}

std::set<std::string> ArticleLibrary::languages(const std::string& contentDirectory)
{
    std::set<std::string> result{"en"};
    std::error_code error;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(contentDirectory) / "articles", error))
        if (entry.is_directory() && entry.path().filename().string().size() == 2)
            result.insert(entry.path().filename().string());
    return result;
}

ArticleLibrary ArticleLibrary::loadFolder(const std::filesystem::path& folder)
{
    ArticleLibrary library;
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
        if (entry.path().extension() == ".md" && entry.path().filename() != "README.md")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        try {
            std::vector<ContentProblem> problems;
            Article article = parse(readTextFile(path.string()), path.string(), problems);
            if (problems.empty() && library.m_articles.count(article.id))
                problems.push_back(
                    {path.string(), "front matter", "the id \"" + article.id + "\" is used twice"});
            if (problems.empty())
                library.m_articles.emplace(article.id, std::move(article));
            library.m_problems.insert(library.m_problems.end(), problems.begin(), problems.end());
        } catch (const std::exception& failure) {
            library.m_problems.push_back({path.string(), "", failure.what()});
        }
    }
    return library;
}

const Article* ArticleLibrary::find(const std::string& id) const
{
    const auto found = m_articles.find(id);
    return found == m_articles.end() ? nullptr : &found->second;
}

} // namespace spinepath
