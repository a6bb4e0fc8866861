#pragma once

// Results built from the loaded rules by what their severities do, never by
// a flag's or a category's name, so the tests of what the patient sees hold
// for any ruleset: the one in content/ today and the next version.
// Shared by the core, PDF and widget tests; needs no test framework.

#include "core/scoring/Ruleset.h"
#include "core/scoring/ScreeningResult.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace spinepath::test {

// Numbers no patient text contains, so finding one means a score leaked.
inline constexpr int kRegenerativeScore = 73;
inline constexpr int kFusionScore = 41;
inline constexpr double kPeg = 6.7;
inline constexpr const char* kLeakedNumbers[] = {"73", "41", "6.7", "of 100", "/ 100", "/100"};

// The added flag of a severity that does not alert.
inline constexpr const char* kReviewFlag = "test_review_flag";
inline constexpr const char* kReviewFlagTitle = "Test answer to review";
inline constexpr const char* kReviewFlagPatient = "Your doctor will ask you about this test answer.";
inline constexpr const char* kReviewFlagClinical = "Test flag for review: check the answer with the patient.";

// The first severity that interrupts, the first that alerts without
// interrupting, and the first that does not alert.
inline const scoring::SeverityRule& severityWhere(const scoring::Ruleset& rules, bool interrupts, bool alert)
{
    for (const scoring::SeverityRule& severity : rules.severities())
        if (severity.interrupts == interrupts && severity.alert == alert)
            return severity;
    throw std::logic_error("the rules have no severity with interrupts=" + std::to_string(interrupts) +
                           " and alert=" + std::to_string(alert));
}

// The rules of `base` with one more flag, of the first severity that does
// not alert (the clinical spec's "review"). It never fires on answers: the
// tests put it in a result by hand.
inline scoring::Ruleset withReviewFlag(const scoring::Ruleset& base)
{
    nlohmann::json source = base.source();
    source["flags"].push_back({{"id", kReviewFlag},
                               {"severity", severityWhere(base, false, false).id},
                               {"when", false},
                               {"title", kReviewFlagTitle},
                               {"clinical", kReviewFlagClinical},
                               {"patient", kReviewFlagPatient}});
    return scoring::Ruleset::fromJson(source, base.file());
}

// The ids of the rules' flags of `severity`, in the rules' order.
inline std::vector<std::string> flagsOf(const scoring::Ruleset& rules, const std::string& severity)
{
    std::vector<std::string> ids;
    for (const scoring::FlagRule& flag : rules.flags())
        if (flag.severity == severity)
            ids.push_back(flag.id);
    return ids;
}

// A result as the rules could have made it, with scores and a PEG no patient
// text holds: the given flags (in the rules' order), the first `factors`
// factors and the first `notes` notes, in category `category`.
inline scoring::ScreeningResult resultWith(const scoring::Ruleset& rules,
                                           const std::vector<std::string>& flags, const std::string& category,
                                           std::size_t factors = 3, std::size_t notes = 2)
{
    scoring::ScreeningResult result;
    result.category = category;
    result.scores["regenerative"] = kRegenerativeScore;
    result.scores["fusion"] = kFusionScore;
    result.peg = kPeg;
    result.rulesetId = rules.id();
    result.rulesetVersion = rules.version();
    for (const scoring::FlagRule& flag : rules.flags())
        if (std::find(flags.begin(), flags.end(), flag.id) != flags.end())
            result.flags.push_back(flag.id);
    for (std::size_t i = 0; i < std::min(factors, rules.factors().size()); ++i) {
        const scoring::FactorRule& factor = rules.factors()[i];
        result.factors.push_back({factor.id, factor.pathway, factor.weight, factor.reason});
    }
    for (std::size_t i = 0; i < std::min(notes, rules.notes().size()); ++i)
        result.notes.push_back(rules.notes()[i].id);
    return result;
}

// One flag of each kind: the first that interrupts, the first that alerts
// without interrupting, and the added one for review.
inline std::vector<std::string> oneFlagOfEachKind(const scoring::Ruleset& rules)
{
    return {flagsOf(rules, severityWhere(rules, true, true).id).at(0),
            flagsOf(rules, severityWhere(rules, false, true).id).at(0), kReviewFlag};
}

} // namespace spinepath::test
