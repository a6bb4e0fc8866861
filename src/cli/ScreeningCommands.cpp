// score, convert and check-content: the clinical contract, headless.
#include "AnswerNotes.h"
#include "Commands.h"
#include "JsonLines.h"
#include "Output.h"

#include "core/clinic/ContentCheck.h"
#include "core/content/SpanishReadingEase.h"
#include "core/jsonlogic/Arena.h"
#include "core/jsonlogic/DocumentParser.h"
#include "core/jsonlogic/Json.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/scoring/ScreeningContent.h"
#include "core/util/ContentPaths.h"
#include "core/util/Counted.h"
#include "core/util/TextFile.h"

#include <QString>

#include <cstdio>
#include <memory>
#include <unistd.h>

namespace spinepath::cli {

using nlohmann::json;
using scoring::ScreeningContent;

namespace {

std::string contentFolder(Arguments& arguments)
{
    const auto chosen = arguments.takeOption("--content");
    return contentDirectory(chosen ? QString::fromStdString(*chosen) : QString()).toStdString();
}

json readJsonFile(const std::string& path)
{
    const std::string text = readTextFile(path);
    try {
        return jsonlogic::parseJson(text);
    } catch (const std::exception& error) {
        throw std::runtime_error((path == "-" ? std::string("standard input") : path) + ": " + error.what());
    }
}

void printJson(const json& document)
{
    Output output(STDOUT_FILENO);
    output.buffer() = document.dump(2) + '\n';
    output.flush();
}

int scoreOnce(const ScreeningContent& content, const std::string& path)
{
    const json answers = readJsonFile(path);
    try {
        scoring::InputNotes notes{};
        printJson(content.scorer().score(answers, &notes).toJson());
        printAnswerNotes(path == "-" ? "standard input" : path, notes);
        return kSuccess;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "spinepath-cli: %s: %s\n", path == "-" ? "standard input" : path.c_str(),
                     error.what());
        return kSomeInputFailed;
    }
}

int scoreLines(const ScreeningContent& content, unsigned workers)
{
    Output output(STDOUT_FILENO);
    const auto& scorer = content.scorer();
    AnswerNotesTally tally;
    struct LineScorer
    {
        const scoring::Scorer* scorer;
        AnswerNotesTally* tally;
        std::unique_ptr<jsonlogic::DocumentParser> parser = std::make_unique<jsonlogic::DocumentParser>();
        std::unique_ptr<jsonlogic::Arena> arena = std::make_unique<jsonlogic::Arena>();
        scoring::InputNotes notes{};

        void operator()(std::string_view line, std::string& out)
        {
            arena->reset();
            scorer->score(parser->parsePadded(line, *arena), *arena, &notes).appendJson(out);
            tally->add(notes);
        }
    };
    const std::size_t failures = forEachJsonLine(STDIN_FILENO, output, workers, [&] {
        return LineScorer{&scorer, &tally};
    });
    tally.print();
    if (failures > 0)
        std::fprintf(stderr, "spinepath-cli: %s could not be scored\n",
                     util::counted(failures, "line", "lines").c_str());
    return failures > 0 ? kSomeInputFailed : kSuccess;
}

} // namespace

int runScore(Arguments arguments)
{
    const bool jsonLines = arguments.takeFlag("--jsonl");
    const auto threads = arguments.takeOption("--threads");
    const std::string folder = contentFolder(arguments);
    const auto files = arguments.positionals();
    if (files.size() != (jsonLines ? 0u : 1u))
        throw UsageError(
            "usage: spinepath-cli score FILE|-   or   spinepath-cli score --jsonl [--threads N]");
    const ScreeningContent content = ScreeningContent::load(folder);
    return jsonLines ? scoreLines(content, workerCount(threads ? &*threads : nullptr))
                     : scoreOnce(content, files[0]);
}

int runConvert(Arguments arguments)
{
    const auto target = arguments.takeOption("--to");
    const std::string folder = contentFolder(arguments);
    const auto files = arguments.positionals();
    if (!target || (*target != "fhir" && *target != "answers") || files.size() != 1)
        throw UsageError("usage: spinepath-cli convert --to fhir|answers FILE|-");
    const ScreeningContent content = ScreeningContent::load(folder);
    const json input = readJsonFile(files[0]);
    try {
        // Both directions validate, so what comes out is always scoreable.
        scoring::InputNotes notes{};
        const json answers = content.scorer().acceptedAnswers(input, &notes);
        printAnswerNotes(files[0] == "-" ? "standard input" : files[0], notes);
        if (*target == "answers") {
            printJson(answers);
            return kSuccess;
        }
        // A response read in keeps its id, subject, author and authored. An
        // unfinished answer set is still a valid response, marked in progress.
        questionnaire::ResponseOptions options = questionnaire::responseOptionsOf(input);
        options.status = content.questionnaire().validate(answers).complete() ? "completed" : "in-progress";
        printJson(questionnaire::toQuestionnaireResponse(content.questionnaire(), answers, options));
        return kSuccess;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "spinepath-cli: %s: %s\n", files[0].c_str(), error.what());
        return kSomeInputFailed;
    }
}

int runCheckContent(Arguments arguments)
{
    const auto folders = arguments.positionals();
    if (folders.size() > 1)
        throw UsageError("usage: spinepath-cli check-content [DIR]");
    const std::string folder =
        contentDirectory(folders.empty() ? QString() : QString::fromStdString(folders[0])).toStdString();
    const ContentReport report = checkContent(folder);
    for (const ArticleGrade& grade : report.grades) {
        if (grade.ease)
            std::printf("%s: reading ease %.1f, %s (Fernandez-Huerta, %s)\n", grade.file.c_str(), *grade.ease,
                        SpanishReadingEase::band(*grade.ease).c_str(), grade.language.c_str());
        if (grade.grade)
            std::printf("%s: reading grade %.1f (Flesch-Kincaid, GNU style)\n", grade.file.c_str(),
                        *grade.grade);
    }
    for (const ContentProblem& problem : report.problems)
        std::printf("%s\n", problem.describe().c_str());
    const auto& problems = report.problems;
    if (problems.empty())
        std::printf("%s: content is valid\n", folder.c_str());
    else
        std::fprintf(stderr, "spinepath-cli: %s in %s\n",
                     util::counted(problems.size(), "problem", "problems").c_str(), folder.c_str());
    return problems.empty() ? kSuccess : kSomeInputFailed;
}

} // namespace spinepath::cli
