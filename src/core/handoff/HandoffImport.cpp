#include "core/handoff/HandoffImport.h"

#include "core/handoff/QrCode.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/scoring/ScreeningContent.h"
#include "core/session/AssessmentSession.h"

#include <QFile>

namespace spinepath::handoff {

using nlohmann::json;
using Kind = HandoffError::Kind;

namespace {

// A FHIR resource can be large, but no answer set is megabytes.
constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;

bool looksLikeJson(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{';
}

HandoffAnswers fromResponse(std::string_view text, const questionnaire::Questionnaire& questionnaire)
{
    // Not json::parse's message: it can quote the text, which holds answers.
    const json response = json::parse(text, nullptr, false);
    if (response.is_discarded() || !response.is_object())
        throw HandoffError(Kind::NotAPayload, "The file is not valid JSON. Nothing was imported.");
    if (response.value("resourceType", "") != "QuestionnaireResponse")
        throw HandoffError(Kind::NotAPayload,
                           "The JSON is not a FHIR QuestionnaireResponse. Nothing was imported.");
    if (const std::string other = questionnaire::answeredVersion(questionnaire, response); !other.empty())
        throw HandoffError(Kind::UnknownQuestionnaire,
                           "These answers are for the questionnaire " + other +
                               ", which this clinic does not have (it uses \"" + questionnaire.id() +
                               "\" version " + questionnaire.version() +
                               "). Ask the patient to answer again here. Nothing was imported.");
    HandoffAnswers answers;
    try {
        answers.answers = questionnaire::fromQuestionnaireResponse(questionnaire, response);
    } catch (const questionnaire::QuestionnaireError& error) {
        throw HandoffError(Kind::InvalidAnswers, std::string("The QuestionnaireResponse cannot be read: ") +
                                                     error.what() + ". Nothing was imported.");
    }
    const auto validation = questionnaire.validate(answers.answers);
    if (!validation.valid()) {
        std::string which;
        for (const auto& issue : validation.errors())
            which += (which.empty() ? "" : ", ") + issue.linkId;
        throw HandoffError(Kind::InvalidAnswers, "The answers in the QuestionnaireResponse do not fit this "
                                                 "clinic's questionnaire (" +
                                                     which + "). Nothing was imported.");
    }
    if (answers.answers.empty())
        throw HandoffError(Kind::InvalidAnswers,
                           "The QuestionnaireResponse holds no answers. Nothing was imported.");
    answers.questionnaireId = questionnaire.id();
    answers.questionnaireVersion = questionnaire.version();
    const std::string authored = response.value("authored", "");
    answers.completedAt = QDateTime::fromString(QString::fromStdString(authored), Qt::ISODateWithMs).toUTC();
    return answers;
}

} // namespace

ReceivedAnswers readHandoffText(std::string_view text, const questionnaire::Questionnaire& questionnaire)
{
    if (looksLikeJson(text))
        return {fromResponse(text, questionnaire), "file"};
    return {decodePayload(text, questionnaire), "paper code"};
}

ReceivedAnswers readHandoffFile(const QString& path, const questionnaire::Questionnaire& questionnaire)
{
    const std::string name = path.toStdString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw HandoffError(Kind::NotAPayload,
                           "Cannot read " + name + ": " + file.errorString().toStdString() + ".");
    if (file.size() > kMaxFileBytes)
        throw HandoffError(Kind::NotAPayload, name + " is too large to hold answers. Nothing was imported.");
    const QByteArray bytes = file.readAll();
    file.close();
    const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    try {
        if (looksLikeJson(text) || looksLikePayload(text))
            return readHandoffText(text, questionnaire);
        std::vector<std::string> codes;
        try {
            codes = readQrCodesInFile(path);
        } catch (const std::runtime_error& error) {
            throw HandoffError(Kind::NotAPayload, std::string(error.what()) +
                                                      ". It is not an answer code, a QuestionnaireResponse, "
                                                      "an image or a PDF. Nothing was imported.");
        }
        std::optional<HandoffError> firstProblem;
        for (const std::string& code : codes) {
            if (!looksLikePayload(code))
                continue;
            try {
                return {decodePayload(code, questionnaire), "paper code"};
            } catch (const HandoffError& error) {
                if (!firstProblem)
                    firstProblem = error;
            }
        }
        if (firstProblem)
            throw *firstProblem;
        throw HandoffError(Kind::NotAPayload,
                           codes.empty()
                               ? "No QR code was found. Scan the page again, flat and in good light, "
                                 "at 150 dpi or more. Nothing was imported."
                               : "The QR code on it is not a SpinePath answer code. Nothing was imported.");
    } catch (const HandoffError& error) {
        // Every message names the file it is about, once.
        if (std::string_view(error.what()).find(name) != std::string_view::npos)
            throw;
        throw HandoffError(error.kind(), name + ": " + error.what());
    }
}

storage::HomeImport prepareImport(const scoring::ScreeningContent& content, const ReceivedAnswers& received)
{
    const questionnaire::Questionnaire& questionnaire = content.questionnaire();
    const HandoffAnswers& answers = received.answers;
    storage::HomeImport import;
    // The clinic's current rules; the answers' own time.
    const QDateTime finished =
        answers.completedAt.isValid() ? answers.completedAt : QDateTime::currentDateTimeUtc();
    import.assessment = AssessmentSession::finished(content, answers.answers, AssessmentMode::Home, finished);
    import.key = handoffKey(questionnaire, answers.answers, answers.completedAt);
    import.via = received.via;
    return import;
}

} // namespace spinepath::handoff
