#pragma once

#include "core/assessment/AssessmentMode.h"
#include "core/assessment/PatientIdentity.h"
#include "core/content/ClinicInfo.h"
#include "core/report/PatientResult.h"
#include "core/scoring/ScreeningResult.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spinepath::report {

// What the record knows about an assessment beyond its answers. A stored
// assessment fills all of it; an answers file only what it carries.
struct AssessmentInfo
{
    QString id;                         // empty: not stored
    QDateTime takenAt;                  // invalid: not recorded
    std::optional<AssessmentMode> mode; // unknown for an answers file that does not say
    std::string questionnaireId;        // empty: the loaded questionnaire's
    std::string questionnaireVersion;
    // The language the patient answered in ("es"); empty: English. The
    // patient copy is in it; the physician summary names it.
    std::string language = {};
    // The clinic's language ("es"): the physician summary is in it. Empty:
    // the content's default (ClinicContent::setClinicLanguage), else English.
    std::string clinicLanguage = {};
};

// The rules' clinical wording of one fired flag, factor or note, resolved
// from content. What the patient reads is in ReportData::patientResult.
struct FlagLine
{
    std::string id;
    std::string severity; // the severity's id
    QString severityName; // clinical wording of the severity (content/report/labels.json), else the id
    bool alert = true;    // the severity alerts (a red flag); false: for review
    QString title;
    QString clinical;
};

struct FactorLine
{
    std::string id;
    QString label;   // short clinical name (content/report/labels.json), else the id
    QString pathway; // clinical wording of the pathway
    int weight = 0;
    QString reason; // plain language, from the rules
};

struct NoteLine
{
    std::string id;
    QString clinical;
};

// One row of the answers table: a question's short clinical label and the
// answer in clinical wording.
struct AnswerLine
{
    std::string linkId;
    QString label;
    QString value;
    bool answered = true;  // false: shown to the patient but left blank
    bool gathered = false; // the value lists the labels of several questions (all "no", or all blank)
};

struct AnswerSection
{
    std::string linkId;
    QString title;
    std::vector<AnswerLine> lines;
};

// One pathway's score, in the rules' order of pathways.
struct ScoreLine
{
    std::string pathway;
    QString label; // clinical name of the score (content/report/labels.json "scores"), else the id
    int value = 0;
};

struct PegItem
{
    std::string linkId;
    QString label;
    std::optional<int> value;
};

// Everything both documents show, resolved from the answers, the result and
// the content once, so that rendering is a pure function of this value (the
// GUI can build it on one thread and print it from another, or print twice).
struct ReportData
{
    // Who, when and with what.
    ClinicInfo clinic;
    PatientIdentity patient;
    QString assessmentId;
    QDateTime takenAt;
    std::optional<AssessmentMode> mode; // unknown for an answers file that does not say
    std::string questionnaireId;
    std::string questionnaireVersion;
    std::string rulesetId;
    std::string rulesetVersion;
    QDateTime printedAt;
    std::string patientLanguage = "en"; // what the patient answered in and reads the copy in
    std::string summaryLanguage = "en"; // the clinic's: the physician summary's labels and wording

    // The basis: the accepted flat answers and what the rules made of them.
    nlohmann::json answers = nlohmann::json::object();
    scoring::ScreeningResult result;

    // The wording, from the rules, clinic.json and content/report/labels.json.
    QString categoryName;     // short clinical name
    QString categoryClinical; // clinical meaning
    std::vector<FlagLine> flags;
    std::vector<ScoreLine> scores;
    std::vector<FactorLine> factors;
    std::vector<NoteLine> notes;
    std::vector<PegItem> pegItems;
    std::vector<AnswerSection> answerSections;
    QString physicianDisclaimer;

    // The patient's copy: exactly what the results page shows.
    PatientResult patientResult;
    // Answers given at home: the handoff payload (core/handoff) that the
    // patient copy prints as a QR code for the clinic. Empty: no code.
    std::string handoffPayload;
};

} // namespace spinepath::report
