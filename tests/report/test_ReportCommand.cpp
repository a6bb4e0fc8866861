// spinepath-cli report, run as a child process: answers files, stored
// assessments, both documents, both papers, and what goes wrong.
#include "ReportTestSupport.h"

#include "core/questionnaire/QuestionnaireResponse.h"

#include <QRegularExpression>

#include <set>

using namespace spinepath;
using namespace spinepath::report::test;

TEST_CASE("report FILE -o OUT.pdf writes the physician summary, private to its owner")
{
    const TempDir dir;
    const std::string answers = dir.write("answers.json", regenerativeAnswers().dump());
    const std::string out = dir.path("summary.pdf");
    const ProcessResult result = runCli({"report", answers, "-o", out, "--mode", "kiosk"});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(result.out == out + ": physician summary, 1 page\n");
    CHECK(fileMode(out) == 0600);
    const std::string text = drawnText(out);
    CHECK_THAT(text, Catch::Contains("Physician summary"));
    CHECK_THAT(text, Catch::Contains("Regenerative evaluation"));
    CHECK_THAT(text, Catch::Contains("Mode Kiosk"));
    CHECK_THAT(text, Catch::Contains("Maria Example"));
    CHECK(pdfInfo(out, "Pages") == "1");
    CHECK_THAT(pdfInfo(out, "Page size"), Catch::Contains("A4"));
}

TEST_CASE("report --patient writes the patient copy; --paper letter sets the page size")
{
    const TempDir dir;
    const std::string answers = dir.write("answers.json", urgentAnswers().dump());
    const std::string out = dir.path("copy.pdf");
    const ProcessResult result = runCli({"report", answers, "--patient", "--paper", "letter", "-o", out});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::StartsWith(out + ": patient copy, "));
    const std::string text = drawnText(out);
    CHECK_THAT(text, Catch::Contains("Your results"));
    CHECK_THAT(text, Catch::Contains("Please read this first"));
    CHECK_THAT(text, Catch::Contains("Please get checked soon"));
    CHECK_THAT(text, !Catch::Contains("Weight"));
    CHECK_THAT(pdfInfo(out, "Page size"), Catch::StartsWith("612 x 792"));
}

TEST_CASE("report reads a QuestionnaireResponse, from a file or standard input")
{
    const TempDir dir;
    questionnaire::ResponseOptions options;
    options.id = "resp-42";
    options.status = "in-progress"; // spec v2 asks more than this record answers
    options.authored = "2026-03-01T09:30:00Z";
    const std::string response = questionnaire::toQuestionnaireResponse(content().screening().questionnaire(),
                                                                        fusionAnswers(), options)
                                     .dump();
    const std::string out = dir.path("fusion.pdf");
    REQUIRE(runCli({"report", dir.write("response.json", response), "-o", out}).exitCode == 0);
    std::string text = drawnText(out);
    CHECK_THAT(text, Catch::Contains("Fusion evaluation"));
    CHECK_THAT(text, Catch::Contains("Assessment resp-42"));

    REQUIRE(runCli({"report", "-", "-o", out}, response).exitCode == 0);
    text = drawnText(out);
    CHECK_THAT(text, Catch::Contains("High-grade spondylolisthesis"));
}

TEST_CASE("report --db DB ID prints a stored assessment as it was scored")
{
    const TempDir dir;
    const std::string database = dir.path("spinepath.sqlite");
    const ProcessResult stored =
        runCli({"store", "--jsonl", "--db", database, "--mode", "home"}, postSurgicalAnswers().dump() + "\n");
    INFO(stored.err);
    REQUIRE(stored.exitCode == 0);
    const std::string id = json::parse(stored.out).at("id").get<std::string>();

    const std::string out = dir.path("stored.pdf");
    const ProcessResult result = runCli({"report", "--db", database, id, "-o", out});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const std::string text = drawnText(out);
    CHECK_THAT(text, Catch::Contains("Assessment " + id));
    CHECK_THAT(text, Catch::Contains("Mode Home"));
    CHECK_THAT(text, Catch::Contains("Failed back surgery syndrome"));
    CHECK_THAT(text, Catch::Contains("Adjacent segment disease"));
    CHECK_THAT(text, !Catch::Contains("Taken not recorded"));
    CHECK(fileMode(out) == 0600);

    const std::string copy = dir.path("stored-copy.pdf");
    REQUIRE(runCli({"report", "--db", database, id, "--patient", "-o", copy}).exitCode == 0);
    CHECK_THAT(drawnText(copy), Catch::Contains("Reference " + id));

    SECTION("an unknown id is an error that names it")
    {
        const ProcessResult missing = runCli({"report", "--db", database, "no-such-id", "-o", out});
        CHECK(missing.exitCode == 1);
        CHECK_THAT(missing.err, Catch::Contains("no-such-id"));
    }
    SECTION("--mode belongs to answers files")
    {
        CHECK(runCli({"report", "--db", database, id, "--mode", "kiosk", "-o", out}).exitCode == 2);
    }
}

TEST_CASE("report refuses bad input and says why")
{
    const TempDir dir;
    const std::string out = dir.path("out.pdf");
    const std::string good = dir.write("good.json", regenerativeAnswers().dump());

    SECTION("answers that cannot be scored: exit 1, naming the file and the item")
    {
        const std::string bad = dir.write("bad.json", R"({"pain.duration": "forever"})");
        const ProcessResult result = runCli({"report", bad, "-o", out});
        CHECK(result.exitCode == 1);
        CHECK_THAT(result.err, Catch::Contains("bad.json") && Catch::Contains("pain.duration"));
        CHECK_THAT(result.err, !Catch::Contains("forever")); // never the value
        CHECK_FALSE(fs::exists(out));
    }
    SECTION("a file that is not JSON: exit 2")
    {
        const ProcessResult result = runCli({"report", dir.write("broken.json", "{\"a\": "), "-o", out});
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.err, Catch::Contains("broken.json"));
    }
    SECTION("a file that does not exist: exit 2")
    {
        const ProcessResult result = runCli({"report", dir.path("nothing.json"), "-o", out});
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.err, Catch::Contains("nothing.json"));
    }
    SECTION("an output folder that does not exist: exit 2, naming the path")
    {
        const std::string nowhere = dir.path("no/such/folder/out.pdf");
        const ProcessResult result = runCli({"report", good, "-o", nowhere});
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.err, Catch::Contains(nowhere));
    }
    SECTION("an output that is a folder: exit 2")
    {
        const ProcessResult result = runCli({"report", good, "-o", dir.path("")});
        CHECK(result.exitCode == 2);
        CHECK_THAT(result.err, Catch::Contains("folder"));
    }
    SECTION("usage errors: exit 2 with the usage")
    {
        for (const std::vector<std::string>& words :
             std::vector<std::vector<std::string>>{{"report", good},
                                                   {"report", "-o", out},
                                                   {"report", good, good, "-o", out},
                                                   {"report", good, "-o", out, "--paper", "a3"},
                                                   {"report", good, "-o", out, "--mode", "bus"},
                                                   {"report", good, "-o", out, "--colour"}}) {
            const ProcessResult result = runCli(words);
            CHECK(result.exitCode == 2);
            CHECK_THAT(result.err, Catch::Contains("usage"));
        }
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("report --lang es: the patient copy in Spanish, the summary in English naming Spanish")
{
    const TempDir dir;
    const std::string answers = dir.write("answers.json", urgentAnswers().dump());
    const std::string copy = dir.path("copia.pdf");
    const ProcessResult patient = runCli({"report", answers, "--patient", "--lang", "es", "-o", copy});
    INFO(patient.err);
    REQUIRE(patient.exitCode == 0);
    const std::string text = drawnText(copy);
    // The content's wording: the rules' Spanish category, no English one.
    CHECK_THAT(text, Catch::Contains("Por favor, pida que le vean pronto"));
    CHECK_THAT(text, !Catch::Contains("Please get checked soon"));
    CHECK_THAT(text, Catch::Contains("No son un diagnóstico"));

    const std::string summary = dir.path("summary.pdf");
    const ProcessResult physician = runCli({"report", answers, "--lang", "es", "-o", summary});
    INFO(physician.err);
    REQUIRE(physician.exitCode == 0);
    const std::string clinical = drawnText(summary);
    CHECK_THAT(clinical, Catch::Contains("Physician summary"));
    CHECK_THAT(clinical, Catch::Contains("Answered in Spanish"));
    CHECK_THAT(clinical, Catch::Contains("Urgent: red flags"));

    CHECK(runCli({"report", answers, "--lang", "e s", "-o", summary}).exitCode == 2);
}

namespace {

// The words of `text` (letters only, lower case) that are in `stopWords`:
// the small words every sentence of a language has, so a page with none of
// the other language's is wholly in its own.
std::set<std::string> wordsOf(const std::string& text, const std::set<std::string>& stopWords)
{
    std::set<std::string> found;
    const QString all = QString::fromStdString(text).toLower();
    static const QRegularExpression word(QStringLiteral("[[:alpha:]]+"));
    for (auto match = word.globalMatch(all); match.hasNext();) {
        const std::string next = match.next().captured().toStdString();
        if (stopWords.contains(next))
            found.insert(next);
    }
    return found;
}

const std::set<std::string> kEnglishWords{
    "the",  "and",  "of",      "with",     "or",   "to",      "for",      "not",    "yes",    "none",
    "pain", "back", "answers", "answered", "page", "printed", "category", "reason", "weight", "told"};
const std::set<std::string> kSpanishWords{
    "el",  "la",    "los",        "las", "del",    "que",     "con",       "sin",  "para",    "por",
    "una", "dolor", "respuestas", "sí",  "página", "impreso", "categoría", "peso", "ninguna", "espalda"};

// Where the first word `word` is drawn, as a share of the page's width (its
// left and right edges): a title drawn wider than its box loses its letters.
std::pair<double, double> wordSpan(const std::string& pdf, const std::string& word)
{
    const std::string boxes = poppler({"pdftotext", "-bbox", pdf, "-"});
    const auto number = [&](const std::string& name, std::size_t from) {
        const auto at = boxes.find(name + "=\"", from);
        REQUIRE(at != std::string::npos);
        return std::stod(boxes.substr(at + name.size() + 2));
    };
    const double width = number("width", boxes.find("<page"));
    const auto end = boxes.find(">" + word + "</word>");
    REQUIRE(end != std::string::npos);
    const auto start = boxes.rfind("<word", end);
    return {number("xMin", start) / width, number("xMax", start) / width};
}

} // namespace

TEST_CASE("report: the physician summary in the clinic's language, whatever the patient answered in")
{
    const TempDir dir;
    int index = 0;
    for (const json& answers : {regenerativeAnswers(), urgentAnswers(), fusionAnswers()}) {
        const std::string file = dir.write("answers" + std::to_string(index) + ".json", answers.dump());
        const std::string spanish = dir.path("resumen" + std::to_string(index) + ".pdf");
        const std::string english = dir.path("summary" + std::to_string(index) + ".pdf");
        ++index;

        // The clinic works in Spanish (the program's language): all of it Spanish.
        const ProcessResult inSpanish = runCli({"--lang", "es", "report", file, "-o", spanish});
        INFO(inSpanish.err);
        REQUIRE(inSpanish.exitCode == 0);
        const std::string resumen = drawnText(spanish);
        INFO(resumen);
        CHECK_THAT(resumen, Catch::Contains("Resumen para el médico"));
        CHECK_THAT(resumen, Catch::Contains("Respondido en inglés"));
        // The longer Spanish title fits the header's right-hand box whole.
        const auto [left, right] = wordSpan(spanish, "Resumen");
        CHECK(left > 0.6); // the box starts at 0.605 of the page; the clipped title started at 0.59
        CHECK(right < 1.0);
        CHECK(wordsOf(resumen, kEnglishWords).empty());
        CHECK(wordsOf(resumen, kSpanishWords).size() >= 5);

        // The clinic works in English, the patient answered in Spanish: all
        // of it English, naming Spanish.
        const ProcessResult inEnglish =
            runCli({"--lang", "en", "report", file, "--lang", "es", "-o", english});
        INFO(inEnglish.err);
        REQUIRE(inEnglish.exitCode == 0);
        const std::string summary = drawnText(english);
        INFO(summary);
        CHECK_THAT(summary, Catch::Contains("Physician summary"));
        CHECK_THAT(summary, Catch::Contains("Answered in Spanish"));
        CHECK(wordsOf(summary, kSpanishWords).empty());
        CHECK(wordsOf(summary, kEnglishWords).size() >= 5);
    }
}
