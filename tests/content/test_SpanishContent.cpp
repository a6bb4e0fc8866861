// The Spanish edition of the content: articles under articles/es/, the rules'
// patient texts in rules/translations/es.json, the questionnaire's FHIR
// translations and clinic.json's messages, and check-content, which fails on
// anything missing in Spanish or too hard to read.
#include "core/clinic/ContentCheck.h"
#include "core/content/ArticleLibrary.h"
#include "core/content/ClinicInfo.h"
#include "core/content/SpanishReadingEase.h"
#include "core/report/ClinicalLabels.h"
#include "core/scoring/RuleTexts.h"
#include "core/scoring/ScreeningContent.h"

#include <catch2/catch.hpp>

#include "support/TempDir.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>

namespace fs = std::filesystem;
using nlohmann::json;
using namespace spinepath;

namespace {

const std::string kContent = std::string(SPINEPATH_SOURCE_DIR) + "/content";

std::string describe(const std::vector<ContentProblem>& problems)
{
    std::string text;
    for (const ContentProblem& problem : problems)
        text += problem.describe() + "\n";
    return text;
}

bool says(const ContentReport& report, const std::string& words)
{
    return describe(report.problems).find(words) != std::string::npos;
}

class ContentCopy final
{
public:
    ContentCopy() { fs::copy(kContent, m_folder.path("content"), fs::copy_options::recursive); }
    [[nodiscard]] std::string path(const std::string& name = {}) const
    {
        return m_folder.path("content") + (name.empty() ? "" : "/" + name);
    }
    void editJson(const std::string& name, const std::function<void(json&)>& change) const
    {
        std::ifstream stream(path(name));
        json document = json::parse(stream);
        change(document);
        m_folder.write("content/" + name, document.dump(2));
    }
    void append(const std::string& name, const std::string& text) const
    {
        m_folder.write("content/" + name, test::readAll(path(name)) + text);
    }

private:
    test::TempDir m_folder;
};

} // namespace

TEST_CASE("every Spanish article is there and reads fairly easy or easier", "[content][es]")
{
    const ContentReport report = checkContent(kContent);
    INFO(describe(report.problems));
    CHECK(report.problems.empty());
    const ArticleLibrary english = ArticleLibrary::load(kContent);
    std::size_t spanish = 0;
    for (const ArticleGrade& grade : report.grades) {
        if (grade.language != "es")
            continue;
        ++spanish;
        INFO(grade.file);
        REQUIRE(grade.ease);
        CHECK(*grade.ease >= SpanishReadingEase::kMinimum);
        CHECK(grade.file.find("/articles/es/") != std::string::npos);
    }
    CHECK(spanish == english.articles().size());
}

TEST_CASE("the Spanish library has the same ids, in Spanish, and falls back to English whole",
          "[content][es]")
{
    const ArticleLibrary english = ArticleLibrary::load(kContent);
    const ArticleLibrary spanish = ArticleLibrary::load(kContent, "es-US");
    CHECK(ArticleLibrary::languages(kContent) == std::set<std::string>{"en", "es"});
    REQUIRE(spanish.articles().size() == english.articles().size());
    for (const auto& [id, article] : english.articles()) {
        const Article* es = spanish.find(id);
        REQUIRE(es);
        CHECK(es->topic == article.topic);
        CHECK(es->related == article.related);
        CHECK(es->title != article.title);
    }
    CHECK(spanish.find("spinal-fusion")->title == "Fusión de la columna");

    const ContentCopy copy;
    fs::remove(copy.path("articles/es/spinal-fusion.md"));
    const ArticleLibrary partial = ArticleLibrary::load(copy.path(), "es");
    CHECK(partial.find("spinal-fusion")->title == "Spinal Fusion");
    CHECK(partial.find("disc-pain")->title == "De dónde viene el dolor de disco");
    const ContentReport report = checkContent(copy.path());
    CHECK(says(report, "has no es version of the article \"spinal-fusion\""));
}

TEST_CASE("check-content fails on a Spanish article that is too hard to read", "[content][es]")
{
    const ContentCopy copy;
    std::string hard;
    for (int i = 0; i < 40; ++i)
        hard += "La espondilolistesis degenerativa intervertebral condiciona frecuentemente manifestaciones "
                "neurológicas radiculares bilaterales, particularmente durante la deambulación prolongada, "
                "requiriendo consideraciones terapéuticas multidisciplinarias individualizadas y "
                "exhaustivamente documentadas.\n\n";
    copy.append("articles/es/disc-pain.md", hard);
    const ContentReport report = checkContent(copy.path());
    CHECK(says(report, "articles/es/disc-pain.md: reads at"));
    CHECK(
        says(report, "(Fernández-Huerta); Spanish patient articles must be \"fairly easy\" (70) or easier"));
}

TEST_CASE("check-content fails on a term marked in a Spanish article that the glossary lacks",
          "[content][es]")
{
    const ContentCopy copy;
    copy.append("articles/es/disc-pain.md", "\nUn [menisco](glossary:Menisco) no es parte de la espalda.\n");
    const ContentReport report = checkContent(copy.path());
    CHECK(says(report, "marks the term \"menisco\", which the es glossary does not explain"));
}

TEST_CASE("check-content takes a glossary term of several words, and still fails on one the glossary lacks",
          "[content][es]")
{
    const ContentCopy copy;
    copy.append(
        "articles/es/disc-pain.md",
        "\nUna [hernia de disco](glossary:Hernia de disco) y una [rodilla rota](glossary:Rodilla rota).\n");
    const ContentReport report = checkContent(copy.path());
    INFO(describe(report.problems));
    CHECK_FALSE(says(report, "is not allowed"));
    CHECK_FALSE(says(report, "\"hernia de disco\""));
    CHECK(says(report, "marks the term \"rodilla rota\", which the es glossary does not explain"));
}

TEST_CASE("check-content fails on a section the rules link to that an article's language lacks",
          "[content][es]")
{
    const ContentCopy copy;
    // The Spanish article without its "sections:" names: the rules' English
    // heading is not one of its headings.
    std::string article = test::readAll(copy.path("articles/es/disc-pain.md"));
    const auto line = article.find("sections:");
    REQUIRE(line != std::string::npos);
    article.erase(line, article.find('\n', line) - line + 1);
    std::ofstream(copy.path("articles/es/disc-pain.md")) << article;
    const ContentReport report = checkContent(copy.path());
    CHECK(says(report, "has no heading \"Tears in the outer wall\" for the rules' link to "
                       "\"disc-pain#Tears in the outer wall\"; name it in the front matter"));
    const ArticleLibrary spanish = ArticleLibrary::load(kContent, "es");
    const Article* disc = spanish.find("disc-pain");
    REQUIRE(disc);
    CHECK(disc->heading("Tears in the outer wall") == "Roturas en la pared del disco");
    CHECK(disc->heading("Not a section") == "Not a section");
}

TEST_CASE("the physician summary's wording in Spanish: every label and clinical text, or check-content fails",
          "[content][es]")
{
    const auto spanish = report::ClinicalLabels::load(kContent, "es");
    CHECK(spanish.category("urgent") == "Urgente: signos de alarma");
    CHECK(spanish.answer("pain.duration", "gt12m") == "> 12 meses");
    CHECK(spanish.flagTitle("cancer_history") == "Antecedentes de cáncer");
    CHECK_FALSE(spanish.noteClinical("recent_imaging_needed").empty());
    CHECK(report::ClinicalLabels::load(kContent, "fr").category("urgent") == "Urgent: red flags");

    const ContentCopy copy;
    copy.editJson("report/translations/es.json", [](json& labels) {
        labels["items"].erase("pain.duration");
        labels["clinical"]["flags"].erase("cancer_history");
    });
    const ContentReport report = checkContent(copy.path());
    CHECK(says(report, "/items/pain.duration/label: has no \"es\" wording"));
    CHECK(says(report, "/clinical/flags/cancer_history: has no title and clinical text of the flag"));
}

TEST_CASE("the rules' patient texts are Spanish by the rules' ids, and the lint fails on a missing one",
          "[content][es]")
{
    const auto screening = scoring::ScreeningContent::load(kContent);
    const auto& ruleset = screening.ruleset();
    CHECK(scoring::RuleTexts::languages(kContent) == std::set<std::string>{"en", "es"});
    CHECK(scoring::RuleTexts::check(kContent, ruleset).empty());
    const auto spanish = scoring::RuleTexts::load(kContent, ruleset, "es");
    const auto english = scoring::RuleTexts::load(kContent, ruleset, "en");
    CHECK(spanish.language() == "es");
    CHECK(english.language() == "en");
    for (const auto& flag : ruleset.flags()) {
        CHECK(english.flag(flag.id) == flag.patient);
        CHECK(spanish.flag(flag.id) != flag.patient);
        CHECK_FALSE(spanish.flag(flag.id).empty());
    }
    for (const auto& factor : ruleset.factors())
        CHECK(spanish.reason(factor.id) != factor.reason);
    for (const auto& note : ruleset.notes())
        CHECK(spanish.note(note.id) != note.text);
    for (const auto& category : ruleset.categories()) {
        CHECK(spanish.categoryTitle(category.id) != category.title);
        CHECK(spanish.categoryText(category.id) != category.patient);
    }
    CHECK(scoring::RuleTexts::load(kContent, ruleset, "fr").language() == "en");

    const ContentCopy copy;
    const std::string flag = ruleset.flags().front().id;
    copy.editJson("rules/translations/es.json", [&](json& texts) {
        texts["flags"].erase(flag);
        texts["notes"]["no_such_note"] = "Nada.";
    });
    const auto problems = scoring::ScreeningContent::check(copy.path());
    const std::string said = describe(problems);
    INFO(said);
    CHECK(said.find("rules/translations/es.json at /flags/" + flag + ": has no es text for \"" + flag +
                    "\"") != std::string::npos);
    CHECK(said.find("names \"no_such_note\", which is no id of the rules") != std::string::npos);
}

TEST_CASE("check-content fails on a questionnaire text without its Spanish translation", "[content][es]")
{
    const ContentCopy copy;
    copy.editJson("questionnaire/spinepath-intake.json",
                  [](json& q) { q["item"][0]["item"][1].erase("_text"); });
    const ContentReport report = checkContent(copy.path());
    CHECK(says(report, "at /item/0/item/1/text: item 'safety.age' has no \"es\" translation"));
}

TEST_CASE("clinic.json's messages in Spanish, each one required", "[content][es]")
{
    const ClinicInfo clinic = ClinicInfo::load(kContent);
    CHECK(clinic.message("emergencyHome", "es").find("llame ahora al 911") != std::string::npos);
    CHECK(clinic.message("emergencyHome", "es-MX") == clinic.message("emergencyHome", "es"));
    CHECK(clinic.message("emergencyHome", "fr") == clinic.message("emergencyHome"));
    for (const auto& [key, english] : clinic.messages)
        CHECK(clinic.message(key, "es") != clinic.message(key));

    const ContentCopy copy;
    copy.editJson("clinic.json", [](json& c) { c["translations"]["es"]["messages"].erase("urgentHome"); });
    CHECK_THROWS_WITH((void)ClinicInfo::load(copy.path()), Catch::Contains("has no \"urgentHome\" in es"));
}
