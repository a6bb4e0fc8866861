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
    auto database = openOrFail(folder.database());
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
    auto database = openOrFail(folder.database());
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

TEST_CASE("Article search finds plurals and simple endings of the words typed", "[repository][articles]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    ArticleRepository articles(*database);
    REQUIRE(
        articles.upsert(article("glossary", "Words doctors use",
                                "**Spacer**: put where a disc was taken out during some spinal fusions.")));
    REQUIRE(articles.upsert(article("spinal-fusion", "Spinal fusion",
                                    "Spinal fusion joins two vertebrae. The bones grow together.")));
    REQUIRE(
        articles.upsert(article("injections", "Injections", "A doctor injected steroid near the nerve.")));

    const auto [typed, first, count] = GENERATE(table<const char*, const char*, std::size_t>({
        {"spinal fusions", "spinal-fusion", 2}, // the article first, then the glossary
        {"fusions", "spinal-fusion", 2},
        {"fusion", "spinal-fusion", 2},
        {"joining bones", "spinal-fusion", 1},
        {"injection", "injections", 1},
        {"injecting", "injections", 1},
        {"nerves", "injections", 1},
        {"vertebra", "spinal-fusion", 1},
        {"grows", "spinal-fusion", 1},
    }));
    CAPTURE(typed);
    auto hits = articles.search(typed);
    REQUIRE(hits);
    REQUIRE(hits->size() == count);
    CHECK(hits->at(0).id == first);
}

TEST_CASE("Article snippets are the plain text a patient reads", "[repository][articles]")
{
    TempFolder folder;
    auto database = openOrFail(folder.database());
    ArticleRepository articles(*database);
    REQUIRE(articles.upsert(
        article("spinal-fusion", "Spinal fusion",
                "## How fusion works\n\nThe surgeon places **bone graft** between the bones.\n\n"
                "- **A bone that has slipped.** Fusion may help.\n\n"
                "![Two vertebrae joined.](illustrations/fusion-hardware.svg)\n\n"
                "Read about [other treatments](article:regenerative-treatment) before a fusion.\n")));
    const auto typed = GENERATE("fusion", "graft", "slipped", "treatments", "bone fusion");
    CAPTURE(typed);
    auto hits = articles.search(typed);
    REQUIRE(hits);
    REQUIRE(hits->size() == 1);
    const std::string& snippet = hits->at(0).snippet;
    CAPTURE(snippet);
    CHECK(snippet.find("<mark>") != std::string::npos);
    for (const char* markup : {"**", "##", "](", "![", "- ", "article:", "illustrations", ".svg"})
        CHECK(snippet.find(markup) == std::string::npos);
    // The targets of links and the names of pictures are not the article's words.
    for (const char* hidden : {"regenerative", "illustrations", "hardware", "article"})
        CHECK(articles.search(hidden)->empty());
}

TEST_CASE("Each language's articles are stored and searched on their own, Spanish without accents and "
          "endings",
          "[repository][articles][es]")
{
    TempFolder folder;
    auto database = openOrFail(folder.file(QStringLiteral("spinepath.sqlite")));
    ArticleRepository articles(*database);
    Article english = article("spinal-fusion", "Spinal Fusion", "Surgery that joins two bones of the spine.");
    Article spanish =
        article("spinal-fusion", "Fusión de la columna",
                "Una cirugía que une dos huesos de la columna. Los médicos la aconsejan a veces.");
    spanish.language = "es";
    CHECK(*articles.upsert(english) == ArticleRepository::Upsert::Inserted);
    CHECK(*articles.upsert(spanish) == ArticleRepository::Upsert::Inserted);
    CHECK(*articles.upsert(spanish) == ArticleRepository::Upsert::Unchanged);
    CHECK(articles.get("spinal-fusion")->title == "Spinal Fusion");
    CHECK(articles.get("spinal-fusion", "es")->title == "Fusión de la columna");

    storage::ArticleSearch inSpanish;
    inSpanish.language = "es";
    for (const char* words : {"cirugia", "cirugías", "columnas", "COLUMNA", "fusion", "medicos", "médica"}) {
        INFO(words);
        const auto hits = articles.search(words, inSpanish);
        REQUIRE(hits);
        REQUIRE(hits->size() == 1);
        CHECK(hits->front().title == "Fusión de la columna");
    }
    // The English library holds no Spanish words, and the Spanish none of the English.
    CHECK(articles.search("cirugia")->empty());
    CHECK(articles.search("surgery", inSpanish)->empty());
    CHECK(articles.search("surgery")->size() == 1);
}
