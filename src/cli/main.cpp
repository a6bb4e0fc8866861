// spinepath-cli: the headless front end. Each command lives in its own file;
// this one only dispatches and turns exceptions into messages and exit codes.
#include "Arguments.h"
#include "Commands.h"

#include "core/util/Languages.h"
#include "core/util/Logging.h"
#include "core/util/Version.h"

#include <QLocale>
#include <QString>

#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace spinepath::cli;

struct Command
{
    std::string_view name;
    std::string_view summary;
    int (*run)(Arguments);
};

constexpr Command kCommands[] = {
    {"logic",
     "logic RULE.json DATA.json|-  |  logic RULE.json --jsonl [--threads N]   [--max-memory MIB]\n"
     "        evaluate a JsonLogic rule over one data file, or over one data object per line;\n"
     "        one evaluation may use at most MIB MiB (default 256)",
     runLogic},
    {"score",
     "score FILE|-  |  score --jsonl [--threads N]   [--content DIR]\n"
     "        score answers (flat or a FHIR QuestionnaireResponse) and print the result",
     runScore},
    {"convert",
     "convert --to fhir|answers FILE|-   [--content DIR]\n"
     "        turn flat answers into a QuestionnaireResponse, or back",
     runConvert},
    {"store",
     "store --jsonl [--db FILE|URI] [--mode kiosk|home] [--content DIR]\n"
     "        score answer sets (one a line) and store each as a completed assessment; prints\n"
     "        {\"id\", \"category\"} per line once it is committed",
     runStore},
    {"db",
     "db export --format jsonl|csv|fhir [-o FILE] | check [--full] | stats | purge --older-than DAYS\n"
     "        | delete ID | reset-pin [--new-pin] | rescore [--dry-run] [--content DIR]   [--db FILE|URI]\n"
     "        export, check (read-only), count, purge or delete stored assessments; reset-pin forgets the\n"
     "        staff PIN and prints a one-time code to set a new one at the kiosk, or with --new-pin reads\n"
     "        the new PIN from standard input; rescore re-scores stored results under the current rules\n"
     "        (--dry-run: only list the category changes)",
     runDb},
    {"report",
     "report FILE|- -o OUT.pdf  |  report --db DB ID -o OUT.pdf   [--patient] [--paper a4|letter]\n"
     "        [--mode kiosk|home] [--content DIR] [--lang LANG]   the physician summary (or with\n"
     "        --patient the patient copy, in the patient's language) as a PDF, from an answers file\n"
     "        or a stored assessment; --lang: the language the patient answered in (es)",
     runReport},
    {"handoff",
     "handoff encode FILE|-   [--content DIR]\n"
     "        print the answer code (the QR code's text) of answers given at home",
     runHandoff},
    {"import",
     "import FILE|- [--db FILE] [--content DIR]\n"
     "        store answers from home: an answer code, a PNG/JPEG/PDF with the code, or a\n"
     "        QuestionnaireResponse; prints {\"id\", \"category\", \"duplicate\"}",
     runImport},
    {"check-content",
     "check-content [DIR]\n"
     "        check the questionnaire and the rules; list every problem with file and JSON path",
     runCheckContent},
    {"questionnaire",
     "questionnaire check FILE\n"
     "        check any FHIR R4 Questionnaire before it goes into content/: every problem (exit 1),\n"
     "        or what will not work as expected in SpinePath, as warnings (exit 0)",
     runQuestionnaire},
};

void printUsage(std::FILE* stream)
{
    std::fprintf(stream,
                 "usage: spinepath-cli [--log-level LEVEL] [--lang LANGUAGE] COMMAND [ARGS]\n\ncommands:\n");
    for (const Command& command : kCommands)
        std::fprintf(stream, "  %.*s\n", static_cast<int>(command.summary.size()), command.summary.data());
    std::fprintf(stream,
                 "\n  --version     print the version\n  --help        print this help\n"
                 "  --log-level   trace, debug, info, warn, error, critical or off (default warn)\n"
                 "  --lang        the language of the reports' texts: %s (default: the computer's)\n",
                 spinepath::languages::available().join(QStringLiteral(", ")).toStdString().c_str());
}

// --lang: the commands install the translations for QLocale's default
// (Translator::install), so the reports come out in this language.
void useLanguage(const std::string& code)
{
    const QString language = QString::fromStdString(code);
    if (!spinepath::languages::isAvailable(language))
        throw UsageError("unknown language \"" + code + "\" (use " +
                         spinepath::languages::available().join(QStringLiteral(", ")).toStdString() + ")");
    QLocale::setDefault(spinepath::languages::localeFor(language));
}

} // namespace

int main(int argc, char* argv[])
{
    const std::vector<std::string> words(argv + 1, argv + argc);
    try {
        // Global options come before the command; the command parses the rest.
        std::size_t next = 0;
        std::string levelName = "warn";
        for (; next < words.size() && words[next].starts_with("-"); ++next) {
            const std::string& word = words[next];
            if (word == "--help" || word == "-h") {
                printUsage(stdout);
                return kSuccess;
            }
            if (word == "--version") {
                std::printf("spinepath-cli %s\n", spinepath::version().data());
                return kSuccess;
            }
            if (word == "--log-level" && next + 1 < words.size())
                levelName = words[++next];
            else if (word.starts_with("--log-level="))
                levelName = word.substr(std::string_view("--log-level=").size());
            else if (word == "--lang" && next + 1 < words.size())
                useLanguage(words[++next]);
            else if (word.starts_with("--lang="))
                useLanguage(word.substr(std::string_view("--lang=").size()));
            else
                throw UsageError("unknown option " + word);
        }
        if (next == words.size())
            throw UsageError("no command given");
        const auto level = spinepath::logging::parseLevel(levelName);
        if (!level)
            throw UsageError("unknown log level \"" + levelName + "\"");
        spinepath::logging::initForCli(*level);

        const std::string& name = words[next];
        for (const Command& command : kCommands)
            if (command.name == name)
                return command.run(
                    Arguments({words.begin() + static_cast<std::ptrdiff_t>(next) + 1, words.end()}));
        throw UsageError("unknown command \"" + name + "\"");
    } catch (const UsageError& error) {
        std::fprintf(stderr, "spinepath-cli: %s\n\n", error.what());
        printUsage(stderr);
        return kUsageOrFileError;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "spinepath-cli: %s\n", error.what());
        return kUsageOrFileError;
    }
}
