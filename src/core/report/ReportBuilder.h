#pragma once

#include "core/content/ArticleLibrary.h"
#include "core/content/ClinicInfo.h"
#include "core/content/ContentRoles.h"
#include "core/report/ClinicalLabels.h"
#include "core/report/ReportData.h"
#include "core/scoring/ScreeningContent.h"

#include <QtGlobal>

#include <nlohmann/json.hpp>

namespace spinepath::questionnaire {
class Questionnaire;
}
namespace spinepath::scoring {
class Ruleset;
}

namespace spinepath::scoring {
class RuleTexts;
}

namespace spinepath::report {

// Turns accepted answers and their result into ReportData, wording every part
// from content. Borrows the content it is given; it must outlive the builder.
// The GUI builds one from the objects it has already loaded.
class ReportBuilder final
{
public:
    ReportBuilder(const questionnaire::Questionnaire& questionnaire, const scoring::Ruleset& ruleset,
                  const ClinicInfo& clinic, const ArticleLibrary& articles, const ClinicalLabels& labels,
                  const ContentRoles& roles);
    Q_DISABLE_COPY_MOVE(ReportBuilder)
    ~ReportBuilder() = default;

    // `answers` are flat answers as Scorer::acceptedAnswers returns them.
    // An invalid `printedAt` means now.
    // The patient's copy in another language: its articles and the rules'
    // texts in it (the physician summary stays in the content's own).
    void setPatientContent(const ArticleLibrary& articles, const scoring::RuleTexts& texts);

    // The physician summary in the clinic's `language` ("es"): its labels,
    // the rules' texts and the questionnaire's wording in it (the answers
    // keep their codes; only their wording changes). Without this: English,
    // the content's own.
    void setSummaryContent(const std::string& language, const ClinicalLabels& labels,
                           const scoring::RuleTexts& texts, const questionnaire::Questionnaire& wording);

    [[nodiscard]] ReportData build(const nlohmann::json& answers, const scoring::ScreeningResult& result,
                                   const AssessmentInfo& info = {}, const QDateTime& printedAt = {}) const;

private:
    [[nodiscard]] std::vector<AnswerSection> answerSections(const nlohmann::json& answers) const;
    // The code for the clinic of answers given at home, or "" (see ReportData).
    [[nodiscard]] std::string handoffPayload(const ReportData& data) const;
    [[nodiscard]] QString answerText(const std::string& linkId, const nlohmann::json& value) const;

    const questionnaire::Questionnaire& m_questionnaire;
    const scoring::Ruleset& m_ruleset;
    const ClinicInfo& m_clinic;
    const ArticleLibrary& m_articles;
    const ClinicalLabels* m_labels;
    const ContentRoles& m_roles;
    std::string m_summaryLanguage = "en";
    const scoring::RuleTexts* m_summaryTexts = nullptr;
    const questionnaire::Questionnaire* m_wording; // the questionnaire in the summary's language
    const ArticleLibrary* m_patientArticles = nullptr;
    const scoring::RuleTexts* m_patientTexts = nullptr;
};

} // namespace spinepath::report
