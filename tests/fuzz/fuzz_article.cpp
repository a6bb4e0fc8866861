// Fuzz target: loading one article of content/articles, as ArticleLibrary
// does at start: the front matter (id, title, summary, minutes, version,
// reviewed, topic, related) and the Markdown body. Missing or bad fields must
// be reported as problems with a message, never crash. The body then goes
// through ReadingLevel::plainText, the Markdown stripping that check-content
// runs before measuring the reading grade.

#include "FuzzSupport.h"

#include "core/content/ArticleLibrary.h"
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
    return 0;
}
