#pragma once

#include "core/handoff/HandoffPayload.h"
#include "core/storage/AssessmentRecord.h"

#include <QString>

#include <string>
#include <string_view>

namespace spinepath::scoring {
class ScreeningContent;
}

namespace spinepath::handoff {

// Answers from home as the clinic receives them, whichever way they came.
struct ReceivedAnswers
{
    HandoffAnswers answers;
    std::string via; // for the audit: "paper code" or "file"
};

// What staff scanned or typed: a payload, or the text of a FHIR
// QuestionnaireResponse. Throws HandoffError naming the problem.
[[nodiscard]] ReceivedAnswers readHandoffText(std::string_view text,
                                              const questionnaire::Questionnaire& questionnaire);

// A file: a payload in a text file, a QuestionnaireResponse (.json), or a
// PNG, JPEG or PDF with the code on it (a scan, a photo, the patient copy).
// Throws HandoffError naming the file and the problem.
[[nodiscard]] ReceivedAnswers readHandoffFile(const QString& path,
                                              const questionnaire::Questionnaire& questionnaire);

// Scores received answers with the clinic's current rules and makes what
// AssessmentLifecycle::importFromHome stores (its key: handoffKey).
[[nodiscard]] storage::HomeImport prepareImport(const scoring::ScreeningContent& content,
                                                const ReceivedAnswers& received);

} // namespace spinepath::handoff
