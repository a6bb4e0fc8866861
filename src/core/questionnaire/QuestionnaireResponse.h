#pragma once

#include "core/questionnaire/Questionnaire.h"

#include <nlohmann/json.hpp>

#include <string>

namespace spinepath::questionnaire {

struct ResponseOptions
{
    // in-progress, completed, amended, entered-in-error or stopped.
    std::string status = "completed";
    // FHIR dateTime with zone, e.g. "2026-03-01T09:30:00+01:00"; left out when empty.
    std::string authored;
    // Resource id; left out when empty.
    std::string id;
    // Who the answers are about and who wrote them down: FHIR References,
    // left out when null.
    nlohmann::json subject;
    nlohmann::json author;
};

// The id, status, authored, subject and author of a QuestionnaireResponse,
// so that one read and written again keeps them. Elements that are missing
// or malformed are left at their defaults.
[[nodiscard]] ResponseOptions responseOptionsOf(const nlohmann::json& response);

// A FHIR R4 QuestionnaireResponse holding `answers` (flat answers), its items
// nested as in the questionnaire. Answers of disabled items are left out and
// groups without answers are omitted. Each instance of a repeating group is
// one item of its own. Throws QuestionnaireError naming the
// linkId when the answers do not validate, and when a "completed" response
// would lack a required answer.
[[nodiscard]] nlohmann::json toQuestionnaireResponse(const Questionnaire& questionnaire,
                                                     const nlohmann::json& answers,
                                                     const ResponseOptions& options = {});

// Flat answers from a QuestionnaireResponse. Items are found by linkId wherever
// they are: nested in groups, under answers, or flat at the top level. Throws
// QuestionnaireError (naming the linkId, with a pointer into the response) for a
// resource that is not a QuestionnaireResponse, a response to another
// questionnaire (its "questionnaire" URL, before any "|version", is not this
// one's), an unknown linkId, a value of the wrong kind, several answers to an
// item that does not repeat, a group that does not repeat (or the items under a
// question's answers) given more than once, or an item of a repeating group
// outside an instance of it. Each instance of a repeating group becomes one
// instance of the flat answers (see RepeatingGroups.h), never merged. Another version of this questionnaire
// is read (see answeredVersion). Codes and ranges are not checked here: call Questionnaire::validate on the
// result.
[[nodiscard]] nlohmann::json fromQuestionnaireResponse(const Questionnaire& questionnaire,
                                                       const nlohmann::json& response);

// The version of the questionnaire a response names ("url|1.0.0") when it is
// not this questionnaire's version, or "" (same version, or none named).
[[nodiscard]] std::string answeredVersion(const Questionnaire& questionnaire, const nlohmann::json& response);

} // namespace spinepath::questionnaire
