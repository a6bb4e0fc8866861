#include "StorageTestSupport.h"

#include "core/storage/ArticleRepository.h"

using namespace storagetest;
using storage::Article;
using storage::ArticleRepository;

namespace {

Article article(const std::string& id, const std::string& title, const std::string& body,
                const std::string& version = "1.0.0")
{
    Article made;
    made.id = id;
    made.title = title;
    made.body = body;
    made.version = version;
    made.readingGrade = 6.2;
    return made;
}

} // namespace

TEST_CASE("Articles are written only when their content hash changes", "[repository][articles]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    ArticleRepository articles(*database);

    const Article first =
        article("annular-tears", "Annular tears", "A tear in the **outer ring** of a disc.");
    CHECK(*articles.upsert(first) == ArticleRepository::Upsert::Inserted);
    CHECK(*articles.upsert(first) == ArticleRepository::Upsert::Unchanged);
    auto stored = articles.get("annular-tears");
    REQUIRE(stored);
    CHECK(stored->contentHash == Article::hashOf(first.title, first.body));
    CHECK(stored->contentHash.size() == 64);
    CHECK(stored->readingGrade == std::optional<double>(6.2));
    CHECK(stored->updatedAt.isValid());

    Article changed = first;
    changed.body = "A split in the tough outer wall of a spinal disc.";
    changed.version = "1.1.0";
    CHECK(*articles.upsert(changed) == ArticleRepository::Upsert::Updated);
    CHECK(articles.get("annular-tears")->version == "1.1.0");
    // The index follows the text: the old words are gone, the new ones found.
    CHECK(articles.search("ring")->empty());
    CHECK(articles.search("split")->size() == 1);

    CHECK(articles.get("missing").error().kind == storage::ErrorKind::NotFound);
    CHECK(articles.upsert(article("", "No id", "x")).error().kind == storage::ErrorKind::InvalidArgument);
}

TEST_CASE("Article search matches prefixes, ranks titles first and highlights snippets",
          "[repository][articles]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    ArticleRepository articles(*database);
    REQUIRE(articles.upsert(
        article("ddd", "Degenerative disc disease",
                "Discs lose water with age. Most people with disc changes never need surgery.")));
    REQUIRE(articles.upsert(article("fusion", "Spinal fusion",
                                    "Fusion joins two vertebrae. It is used when the spine is unstable; a "
                                    "degenerative slip may need it.")));
    REQUIRE(articles.upsert(article("prp", "Platelet-rich plasma", "PRP uses your own blood.")));

    auto hits = articles.search("degen");
    REQUIRE(hits);
    REQUIRE(hits->size() == 2);
    CHECK(hits->at(0).id == "ddd"); // the word is in its title
    CHECK(hits->at(1).id == "fusion");
    CHECK_THAT(hits->at(1).snippet, Catch::Contains("<mark>degenerative</mark>"));

    storage::ArticleSearch options;
    options.openMark = "[";
    options.closeMark = "]";
    options.limit = 1;
    auto custom = articles.search("disc surg", options);
    REQUIRE(custom);
    REQUIRE(custom->size() == 1);
    CHECK(custom->at(0).id == "ddd");
    CHECK_THAT(custom->at(0).snippet, Catch::Contains("[surgery]"));

    CHECK(articles.search("DISEASE")->size() == 1); // case does not matter
    for (const char* hostile : {"\"", "AND", "NEAR(disc", "title:", "*", "disc OR", "(("})
        CHECK(articles.search(hostile));
    CHECK(articles.search("   ")->empty());
}
