#pragma once

#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <QDateTime>

#include <optional>
#include <string>
#include <vector>

namespace spinepath::storage {

// A patient education article as stored (the content folder is its source).
struct Article
{
    std::string id;
    std::string title;
    std::string body; // Markdown
    std::string version;
    std::string contentHash; // empty on upsert: computed from title and body
    std::optional<double> readingGrade;
    QDateTime updatedAt;
    std::string language = "en"; // an id is stored once per language

    // SHA-256 of the title and body, hex: the same text gives the same hash.
    [[nodiscard]] static std::string hashOf(const std::string& title, const std::string& body);
};

struct ArticleHit
{
    std::string id;
    std::string title;
    std::string version;
    // A short extract of the body's plain text (ArticleMarkup::plainText: no
    // Markdown) around the matches, with each match between the markers of
    // ArticleSearch. Escape it before showing it as rich text.
    std::string snippet;
};

struct ArticleSearch
{
    int limit = 20;
    std::string openMark = "<mark>";
    std::string closeMark = "</mark>";
    std::string ellipsis = "\u2026";
    int snippetWords = 16;
    // The library searched: its articles only, its words stemmed
    // (searchwords::stem), accents ignored as the index ignores them.
    std::string language = "en";
};

// The articles and their full-text index (FTS5 over the title and the plain
// text the patient reads, kept in step by triggers).
class ArticleRepository final
{
public:
    enum class Upsert
    {
        Inserted,
        Updated,  // the content hash changed
        Unchanged // same hash: nothing written, the index untouched
    };

    explicit ArticleRepository(const Database& database);
    Q_DISABLE_COPY_MOVE(ArticleRepository)

    // Inserts the article, or replaces it when its content hash differs.
    [[nodiscard]] Result<Upsert> upsert(const Article& article);
    // NotFound when there is no such article.
    [[nodiscard]] Result<Article> get(const std::string& id, const std::string& language = "en") const;
    // Best matches first (bm25, title weighted above body). The stem of every
    // word typed (searchwords::stem) is matched as a prefix ("disc degen"
    // finds "degenerative disc", "spinal fusions" finds "spinal fusion"); FTS
    // syntax typed by a user is taken as plain words.
    [[nodiscard]] Result<std::vector<ArticleHit>> search(const std::string& words,
                                                         const ArticleSearch& options = {}) const;

private:
    const Database& m_database;
};

} // namespace spinepath::storage
