// handoff and import: answers given at home, carried to the clinic as a
// short text (the QR code on the patient copy) or a file (core/handoff).
#include "Commands.h"
#include "HeadlessApplication.h"
#include "Output.h"

#include "core/handoff/HandoffImport.h"
#include "core/handoff/HandoffPayload.h"
#include "core/jsonlogic/Json.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/scoring/ScreeningContent.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/Database.h"
#include "core/util/ContentPaths.h"
#include "core/util/TextFile.h"

#include <cstdio>

namespace spinepath::cli {

using nlohmann::json;

namespace {

std::string actor()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? std::string("cli") : "cli:" + user.toStdString();
}

scoring::ScreeningContent loadContent(const std::optional<std::string>& option)
{
    return scoring::ScreeningContent::load(
        contentDirectory(option ? QString::fromStdString(*option) : QString()).toStdString());
}

} // namespace

int runHandoff(Arguments arguments)
{
    const auto contentOption = arguments.takeOption("--content");
    const auto words = arguments.positionals();
    if (words.size() != 2 || words[0] != "encode")
        throw UsageError("usage: spinepath-cli handoff encode FILE|- [--content DIR]");
    HeadlessApplication application;
    const scoring::ScreeningContent content = loadContent(contentOption);
    const std::string& path = words[1];
    const std::string name = path == "-" ? std::string("standard input") : path;
    json input;
    try {
        input = jsonlogic::parseJson(readTextFile(path));
    } catch (const std::exception& error) {
        throw std::runtime_error(name + ": " + error.what());
    }
    try {
        // The time a response was finished travels with it; flat answers are finished now.
        QDateTime finished = QDateTime::currentDateTimeUtc();
        if (input.is_object() && input.value("resourceType", "") == "QuestionnaireResponse") {
            const QDateTime authored =
                QDateTime::fromString(QString::fromStdString(input.value("authored", "")), Qt::ISODateWithMs);
            if (authored.isValid())
                finished = authored.toUTC();
        }
        const json answers = content.scorer().acceptedAnswers(input);
        std::printf("%s\n", handoff::encodePayload(content.questionnaire(), answers, finished).c_str());
    } catch (const std::exception& error) {
        printError(name + ": " + error.what());
        return kSomeInputFailed;
    }
    return kSuccess;
}

int runImport(Arguments arguments)
{
    const auto file = arguments.takeOption("--db");
    const auto contentOption = arguments.takeOption("--content");
    const auto words = arguments.positionals();
    if (words.size() != 1)
        throw UsageError("usage: spinepath-cli import FILE|- [--db FILE] [--content DIR]");
    HeadlessApplication application;
    const scoring::ScreeningContent content = loadContent(contentOption);

    // Read and check everything before the database is touched: bad input
    // stores nothing and leaves no trace but the message.
    storage::HomeImport import;
    try {
        const handoff::ReceivedAnswers received =
            words[0] == "-"
                ? handoff::readHandoffText(readTextFile("-"), content.questionnaire())
                : handoff::readHandoffFile(QString::fromStdString(words[0]), content.questionnaire());
        import = handoff::prepareImport(content, received);
    } catch (const handoff::HandoffError& error) {
        printError(error.what());
        return kSomeInputFailed;
    }

    storage::OpenOptions options;
    if (file)
        options.path = QString::fromStdString(*file);
    auto database = storage::Database::open(options);
    if (!database) {
        printError(database.error().message);
        return kUsageOrFileError;
    }
    storage::AssessmentLifecycle lifecycle(**database, actor());
    auto imported = lifecycle.importFromHome(import);
    if (!imported) {
        printError(imported.error().message);
        return kUsageOrFileError;
    }
    const json line = {
        {"id", imported->id}, {"category", imported->category}, {"duplicate", imported->duplicate}};
    std::printf("%s\n", line.dump().c_str());
    if (imported->duplicate)
        std::fprintf(stderr,
                     "spinepath-cli: these answers were already imported as assessment %s; nothing new "
                     "was stored\n",
                     imported->id.c_str());
    return kSuccess;
}

} // namespace spinepath::cli
