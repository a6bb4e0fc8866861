// Fuzz target: loading one article of content/articles, as ArticleLibrary
// does at start: the front matter (id, title, summary, minutes, version,
// reviewed, topic, related) and the Markdown body. Missing or bad fields must
// be reported as problems with a message, never crash. The body then goes
// through ReadingLevel::plainText, the Markdown stripping that check-content
// runs before measuring the reading grade, and through the markup allow-list
// (ArticleMarkup::sanitize): each problem has a line of the body and a
// message, and what is left passes the allow-list again unchanged.

#include "FuzzSupport.h"

#include "core/content/ArticleLibrary.h"
#include "core/content/ArticleMarkup.h"
#include "core/content/ReadingLevel.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace spinepath;
    const std::string text(fuzz::bytes(data, size));
    std::vector<ContentProblem> problems;
    const Article article = ArticleLibrary::parse(text, "fuzz.md", problems);
    for (const ContentProblem& problem : problems) {
        fuzz::requireMessage(problem.message.c_str(), "ContentProblem");
        if (problem.file != "fuzz.md")
            fuzz::fail("a problem names another file: " + problem.file);
    }
    if (article.body.size() > text.size())
        fuzz::fail("the body is longer than the file");
    (void)ReadingLevel::plainText(article.body);
    (void)ReadingLevel::plainText(text);

    const QString body = QString::fromStdString(article.body);
    const auto sanitized = ArticleMarkup::sanitize(body);
    const auto lines = body.count(u'\n') + 1;
    for (const ArticleMarkup::Problem& problem : sanitized.problems) {
        fuzz::requireMessage(problem.message.c_str(), "ArticleMarkup::Problem");
        if (problem.line < 1 || problem.line > lines)
            fuzz::fail("a markup problem names line " + std::to_string(problem.line) + " of " +
                       std::to_string(lines));
    }
    if (!ArticleMarkup::sanitize(sanitized.markdown).problems.empty())
        fuzz::fail("sanitised Markdown still has something to drop");
    return 0;
}
