// spinepath-cli --lang: the reports' own texts (headings, labels) in the
// language asked for, and a clear message for a language the program lacks.
// The clinical content has its Spanish edition elsewhere; only the program's
// translations are checked here.
#include "report/ReportTestSupport.h"

using namespace spinepath::report::test;

TEST_CASE("--lang es writes the patient copy's own texts in Spanish")
{
    const TempDir dir;
    const std::string answers = dir.write("answers.json", urgentAnswers().dump());
    const std::string out = dir.path("copia.pdf");
    const ProcessResult result = runCli({"--lang", "es", "report", answers, "--patient", "-o", out});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const std::string text = drawnText(out);
    CHECK_THAT(text, Catch::Contains("Sus resultados"));
    CHECK_THAT(text, Catch::Contains("Por favor, lea esto primero"));
    CHECK_THAT(text, !Catch::Contains("Your results"));

    // --lang=en, and English again.
    REQUIRE(runCli({"--lang=en", "report", answers, "--patient", "-o", out}).exitCode == 0);
    CHECK_THAT(drawnText(out), Catch::Contains("Your results"));
}

TEST_CASE("--lang with a language the program does not have is a usage error naming it")
{
    const ProcessResult result = runCli({"--lang", "xx", "check-content"});
    CHECK(result.exitCode == 2);
    CHECK_THAT(result.err, Catch::Contains("unknown language \"xx\" (use en, es)"));
    CHECK_THAT(runCli({"--help"}).out, Catch::Contains("--lang"));
}
