// report: the physician summary or the patient copy as a PDF, from an
// answers file or a stored assessment. The same core as the GUI's print.
#include "Commands.h"
#include "HeadlessApplication.h"
#include "Output.h"

#include "core/clinic/ClinicContent.h"
#include "core/jsonlogic/Json.h"
#include "core/report/ReportBuilder.h"
#include "core/report/ReportPdf.h"
#include "core/scoring/Scorer.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/Database.h"
#include "core/util/ContentPaths.h"
#include "core/util/TextFile.h"
#include "core/util/Translator.h"

#include <cstdio>
#include <memory>

namespace spinepath::cli {

using nlohmann::json;

namespace {

constexpr const char* kUsage =
    "usage: spinepath-cli report FILE|-  -o OUT.pdf   or   spinepath-cli report --db DB ID "
    "-o OUT.pdf\n       [--patient] [--paper a4|letter] [--mode kiosk|home] "
    "[--content DIR] [--lang LANG]";

std::string inputName(const std::string& path)
{
    return path == "-" ? std::string("standard input") : path;
}

// The report of an answers file. Null after printing why the answers cannot
// be scored; throws for a file that cannot be read or is not JSON.
std::unique_ptr<report::ReportData> fromFile(const ClinicContent& content, const std::string& path,
                                             const report::AssessmentInfo& info)
{
    const std::string text = readTextFile(path); // its errors name the file
    json input;
    try {
        input = jsonlogic::parseJson(text);
    } catch (const std::exception& error) {
        throw std::runtime_error(inputName(path) + ": " + error.what());
    }
    try {
        return std::make_unique<report::ReportData>(content.reportFromInput(input, info));
    } catch (const std::exception& error) {
        printError(inputName(path) + ": " + error.what());
        return nullptr;
    }
}

struct StoredReport
{
    std::unique_ptr<report::ReportData> data;
    int exitCode = kSuccess;
};

// The report of a stored assessment, as it was scored when it was completed.
// Read-only: printing never changes the database.
StoredReport fromDatabase(const ClinicContent& content, const std::string& file, const std::string& id,
                          const std::string& language)
{
    storage::OpenOptions options;
    options.path = QString::fromStdString(file);
    options.readOnly = true;
    auto database = storage::Database::open(options);
    if (!database) {
        printError(database.error().message);
        return {nullptr,
                database.error().kind == storage::ErrorKind::Corrupt ? kSomeInputFailed : kUsageOrFileError};
    }
    auto found = storage::AssessmentQueries(**database).get(id);
    if (!found) {
        printError(found.error().message);
        return {nullptr,
                found.error().kind == storage::ErrorKind::NotFound ? kSomeInputFailed : kUsageOrFileError};
    }
    storage::Assessment& assessment = *found;
    if (!language.empty())
        assessment.language = language;
    if (!assessment.result) {
        printError("assessment " + id + " is " + std::string(storage::toString(assessment.status)) +
                   " and has no result yet: only completed assessments have a summary");
        return {nullptr, kSomeInputFailed};
    }
    try {
        return {std::make_unique<report::ReportData>(content.reportOf(assessment)), kSuccess};
    } catch (const std::exception& error) {
        printError("assessment " + id + ": its answers do not fit the current questionnaire (" +
                   error.what() + ")");
        return {nullptr, kSomeInputFailed};
    }
}

} // namespace

int runReport(Arguments arguments)
{
    const auto output = arguments.takeOption("-o");
    const bool patientCopy = arguments.takeFlag("--patient");
    const auto paperName = arguments.takeOption("--paper");
    const auto modeName = arguments.takeOption("--mode");
    const auto databaseFile = arguments.takeOption("--db");
    const auto contentOption = arguments.takeOption("--content");
    // The language the patient answered in (a stored assessment knows its own):
    // the patient copy is in it, the physician summary names it.
    const auto language = arguments.takeOption("--lang");
    const auto words = arguments.positionals();
    if (!output || output->empty() || words.size() != 1)
        throw UsageError(kUsage);
    const auto paper = spinepath::paperFromString(paperName.value_or("a4"));
    if (!paper)
        throw UsageError("--paper is a4 or letter, not \"" + *paperName + "\"");
    report::AssessmentInfo info;
    if (modeName) {
        const auto mode = assessmentModeFromString(*modeName);
        if (!mode)
            throw UsageError("--mode is kiosk or home, not \"" + *modeName + "\"");
        if (databaseFile)
            throw UsageError("--mode is for answers files: a stored assessment knows its mode");
        info.mode = *mode;
    }
    if (language) {
        if (language->empty() ||
            language->find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_") !=
                std::string::npos)
            throw UsageError("--lang is a language code such as en or es, not \"" + *language + "\"");
        info.language = *language;
    }

    HeadlessApplication application;
    const auto content = ClinicContent::load(
        contentDirectory(contentOption ? QString::fromStdString(*contentOption) : QString()).toStdString());
    // The physician summary is in the clinic's language: the program's own
    // (spinepath-cli --lang, else the computer's).
    content->setClinicLanguage(Translator::language().toStdString());

    std::unique_ptr<report::ReportData> data;
    if (databaseFile) {
        StoredReport stored = fromDatabase(*content, *databaseFile, words[0], info.language);
        if (!stored.data)
            return stored.exitCode;
        data = std::move(stored.data);
    } else {
        data = fromFile(*content, words[0], info);
        if (!data)
            return kSomeInputFailed;
    }

    if (patientCopy && data->patientLanguage != "en")
        application.useLanguage(data->patientLanguage);
    const auto kind =
        patientCopy ? report::DocumentKind::PatientCopy : report::DocumentKind::PhysicianSummary;
    try {
        const int pages = report::writePdf(kind, *data, *paper, QString::fromStdString(*output));
        std::printf("%s: %s, %d page%s\n", output->c_str(),
                    patientCopy ? "patient copy" : "physician summary", pages, pages == 1 ? "" : "s");
    } catch (const report::ReportError& error) {
        printError(error.what());
        return kUsageOrFileError;
    }
    return kSuccess;
}

} // namespace spinepath::cli
