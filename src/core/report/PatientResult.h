#pragma once

#include "core/assessment/AssessmentMode.h"
#include "core/content/ContentRoles.h"
#include "core/util/ContentProblem.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace spinepath {
struct ClinicInfo;
class ArticleLibrary;
namespace scoring {
class Ruleset;
class RuleTexts;
struct ScreeningResult;
} // namespace scoring
} // namespace spinepath

namespace spinepath::report {

// A line of the patient's results with the id of the rule it came from.
struct PatientLine
{
    std::string id;
    QString text;
};

struct PatientFlag
{
    std::string id;
    std::string severity; // the flag's severity id
    QString text;         // the flag's patient text
};

struct PatientArticle
{
    std::string id;     // the article
    std::string target; // what a link opens: the id, or "id#Heading" for one of its sections
    QString title;
    QString summary;
};

// What the patient sees of a result (clinical spec section 4, "What the
// patient sees"), worded from content once. The results page and the
// patient copy both render this value, so the screen and the paper cannot
// disagree. It holds no number from the scoring: no score, no weight, no PEG.
struct PatientResult
{
    QString categoryTitle;
    QString categoryText;
    // Fired flags whose severity alerts the patient: read first, most severe
    // first, then in the rules' order.
    std::vector<PatientFlag> alerts;
    // What to do now, worded for where the patient is; empty without alerts.
    QString instruction;
    // Fired flags whose severity does not alert: the doctor will ask about them.
    std::vector<PatientFlag> toDiscuss;
    std::vector<PatientLine> reasons;   // the fired factors' reasons, without weights
    std::vector<PatientLine> nextSteps; // the notes' patient texts
    std::vector<PatientArticle> articles;
    QString disclaimer;
    std::string rulesetId; // the rules that produced the result
    std::string rulesetVersion;
};

// The clinic.json message with what to do now for a flag of `severityId`:
// "<severity>Kiosk" at the kiosk, "<severity>Home" at home and when the place
// is unknown (calling for help is right anywhere; the front desk is only at
// the clinic).
[[nodiscard]] std::string instructionKey(const std::string& severityId, std::optional<AssessmentMode> mode);

// A problem for each severity that alerts but lacks its two messages in
// clinic.json (`clinicFile` names the file in the problems): check-content
// finds a missing instruction before a patient would see its placeholder.
[[nodiscard]] std::vector<ContentProblem>
missingInstructions(const scoring::Ruleset& ruleset, const ClinicInfo& clinic, const std::string& clinicFile);

// Words `result` for the patient from the rules, clinic.json and the
// articles; `roles` names the articles offered after every result. A flag or severity the rules no longer
// know still alerts (fail-safe), under its id. With `texts`, the rules' texts and
// clinic.json's messages are in its language (the patient's; `articles` must be
// that language's library), else the ruleset's own.
[[nodiscard]] PatientResult makePatientResult(const scoring::ScreeningResult& result,
                                              const scoring::Ruleset& ruleset, const ClinicInfo& clinic,
                                              const ArticleLibrary& articles, const ContentRoles& roles,
                                              std::optional<AssessmentMode> mode,
                                              const scoring::RuleTexts* texts = nullptr);

} // namespace spinepath::report
