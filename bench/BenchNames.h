#pragma once

// Invented patient names for the storage benchmarks: synthetic data only.
// "black" (Blackwood) is the surname prefix the name searches look for.
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/scoring/ScreeningContent.h"
#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentRecord.h"

#include <QDateTime>

#include <iterator>
#include <random>
#include <string>

namespace spinepath::bench {

constexpr const char* kFirstNames[] = {"Ada",   "Bram",  "Cleo", "Dorian", "Elsa", "Felix", "Greta", "Hugo",
                                       "Ines",  "Jonas", "Kira", "Lionel", "Mara", "Nils",  "Orla",  "Piet",
                                       "Quinn", "Rhea",  "Sven", "Tilda",  "Ugo",  "Vera",  "Wim",   "Xenia"};
constexpr const char* kLastNames[] = {
    "Abernathy", "Blackwood",  "Calloway", "Dunmore",   "Eastwick",     "Fairbanks", "Galloway", "Hartley",
    "Ingleby",   "Jessop",     "Kinsella", "Lockhart",  "Merriweather", "Northcott", "Oakhurst", "Pemberton",
    "Quarrie",   "Rutherford", "Stanhope", "Thornbury", "Underhill",    "Vanstone",  "Whitlock", "Yardley"};

// One generated answer set as the storage benchmarks store it: an invented
// name, the rules' result, a kiosk or (one in four) a home assessment
// started at `startedAt`, finished ten minutes later.
inline storage::CompletedAssessment benchAssessment(const scoring::ScreeningContent& content,
                                                    const storage::ContentVersions& versions,
                                                    nlohmann::json answers, const QDateTime& startedAt,
                                                    std::mt19937_64& random)
{
    answers["about.name"] = std::string(kFirstNames[random() % std::size(kFirstNames)]) + " " +
                            kLastNames[random() % std::size(kLastNames)];
    const nlohmann::json accepted = content.scorer().acceptedAnswers(answers);
    storage::CompletedAssessment assessment;
    assessment.content = versions;
    assessment.mode = random() % 4 == 0 ? AssessmentMode::Home : AssessmentMode::Kiosk;
    assessment.result = content.scorer().score(accepted);
    assessment.startedAt = startedAt;
    assessment.completedAt = startedAt.addSecs(600);
    questionnaire::ResponseOptions responseOptions;
    responseOptions.status = "stopped"; // partial generated sets, as the CLI stores them
    assessment.answers = AssessmentSession::toStore(content, accepted, responseOptions);
    return assessment;
}

// A start within the last three years.
inline QDateTime someTimeAgo(const QDateTime& now, std::mt19937_64& random)
{
    return now.addSecs(-static_cast<qint64>(random() % (3 * 365 * 24 * 3600)));
}

} // namespace spinepath::bench
