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
    [[nodiscard]] ReportData build(const nlohmann::json& answers, const scoring::ScreeningResult& result,
                                   const AssessmentInfo& info = {}, const QDateTime& printedAt = {}) const;

private:
    [[nodiscard]] std::vector<AnswerSection> answerSections(const nlohmann::json& answers) const;
    [[nodiscard]] QString answerText(const std::string& linkId, const nlohmann::json& value) const;

    const questionnaire::Questionnaire& m_questionnaire;
    const scoring::Ruleset& m_ruleset;
    const ClinicInfo& m_clinic;
    const ArticleLibrary& m_articles;
    const ClinicalLabels& m_labels;
    const ContentRoles& m_roles;
};

// Everything a report needs from a content folder, loaded at once: for the
// CLI, the tests and the benchmark. Throws ContentError.
class ReportContent final
{
public:
    [[nodiscard]] static ReportContent load(const std::string& contentDirectory);

    ReportContent(ReportContent&&) noexcept = default;
    ReportContent& operator=(ReportContent&&) noexcept = default;
    ReportContent(const ReportContent&) = delete;
    ReportContent& operator=(const ReportContent&) = delete;
    ~ReportContent() = default;

    [[nodiscard]] const scoring::ScreeningContent& screening() const noexcept { return m_screening; }
    [[nodiscard]] const ClinicInfo& clinic() const noexcept { return m_clinic; }
    [[nodiscard]] const ArticleLibrary& articles() const noexcept { return m_articles; }
    [[nodiscard]] const ClinicalLabels& labels() const noexcept { return m_labels; }

    // Validates and scores `input` (flat answers or a QuestionnaireResponse)
    // and builds the report. The id and authored time of a response fill in
    // what `info` leaves empty. Throws scoring::AnswerError or
    // questionnaire::QuestionnaireError for answers that cannot be scored.
    [[nodiscard]] ReportData fromInput(const nlohmann::json& input, AssessmentInfo info = {},
                                       const QDateTime& printedAt = {}) const;
    // Builds the report of answers scored before (a stored assessment).
    [[nodiscard]] ReportData fromResult(const nlohmann::json& input, const scoring::ScreeningResult& result,
                                        const AssessmentInfo& info, const QDateTime& printedAt = {}) const;

private:
    ReportContent(scoring::ScreeningContent screening, ClinicInfo clinic, ArticleLibrary articles,
                  ClinicalLabels labels);
    [[nodiscard]] static bool isResponse(const nlohmann::json& input);
    [[nodiscard]] ReportData build(const nlohmann::json& input, const nlohmann::json& answers,
                                   const scoring::ScreeningResult& result, AssessmentInfo info,
                                   const QDateTime& printedAt) const;

    scoring::ScreeningContent m_screening;
    ClinicInfo m_clinic;
    ArticleLibrary m_articles;
    ClinicalLabels m_labels;
};

} // namespace spinepath::report
