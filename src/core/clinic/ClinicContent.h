#pragma once

#include "core/content/ArticleLibrary.h"
#include "core/content/ClinicInfo.h"
#include "core/report/ClinicalLabels.h"
#include "core/report/ReportData.h"
#include "core/scoring/RuleTexts.h"
#include "core/scoring/ScreeningContent.h"

#include <QDateTime>
#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace spinepath {

namespace storage {
struct Assessment;
}

// Everything a content folder gives the program: the clinic's details, the
// questionnaire and rules, the articles and the clinical labels, and the
// reports made from them. The GUI, the CLI, the tests and the benchmarks all
// load this one object, so none of them can put the parts together
// differently.
//
// It loads in two phases: the clinic's details, which the first frame shows,
// then everything clinical (loadClinical). Loading throws ContentError naming
// every problem; the program shows it and stops rather than run with broken
// clinical content.
class ClinicContent final
{
public:
    // The clinic's details only.
    [[nodiscard]] static std::unique_ptr<ClinicContent> loadClinicDetails(const std::string& directory);
    // Both phases at once.
    [[nodiscard]] static std::unique_ptr<ClinicContent> load(const std::string& directory);

    Q_DISABLE_COPY_MOVE(ClinicContent)
    ~ClinicContent();

    // The second phase: the questionnaire, rules, articles and labels.
    void loadClinical();
    [[nodiscard]] bool hasClinical() const noexcept { return m_screening != nullptr; }

    [[nodiscard]] const std::string& directory() const noexcept { return m_directory; }
    [[nodiscard]] const ClinicInfo& clinic() const noexcept { return m_clinic; }
    // The clinic's details with what staff set in the settings (name, address, phone).
    void setClinic(ClinicInfo clinic) { m_clinic = std::move(clinic); }
    // These three need the second phase (hasClinical()).
    [[nodiscard]] const scoring::ScreeningContent& screening() const noexcept { return *m_screening; }
    [[nodiscard]] const ArticleLibrary& articles() const noexcept { return m_articles; }
    [[nodiscard]] const report::ClinicalLabels& labels() const noexcept { return m_labels; }

    // The patient's content in `language` ("es", "es-US"): the articles, the
    // rules' patient texts and the questionnaire's wording. A language the
    // content does not carry gets English. Need the second phase.
    [[nodiscard]] const ArticleLibrary& articles(std::string_view language) const;
    [[nodiscard]] const scoring::RuleTexts& ruleTexts(std::string_view language) const;
    [[nodiscard]] const questionnaire::Questionnaire& questionnaire(std::string_view language) const;
    // The physician summary's wording in `language`; English where the content lacks it.
    [[nodiscard]] const report::ClinicalLabels& labels(std::string_view language) const;
    // "en" and every language the content carries.
    [[nodiscard]] std::set<std::string> languages() const;

    // The clinic's language ("es", from its settings): physician summaries
    // are in it unless AssessmentInfo::clinicLanguage says otherwise. Empty:
    // English. A language the content does not carry is English too.
    void setClinicLanguage(std::string language) { m_clinicLanguage = std::move(language); }
    [[nodiscard]] const std::string& clinicLanguage() const noexcept { return m_clinicLanguage; }

    // Validates and scores `input` (flat answers or a QuestionnaireResponse)
    // and builds its report. The id and authored time of a response fill in
    // what `info` leaves empty; an invalid `printedAt` means now. Throws
    // scoring::AnswerError or questionnaire::QuestionnaireError for answers
    // that cannot be scored.
    [[nodiscard]] report::ReportData reportFromInput(const nlohmann::json& input,
                                                     report::AssessmentInfo info = {},
                                                     const QDateTime& printedAt = {}) const;
    // The report of answers scored before, with that result.
    [[nodiscard]] report::ReportData reportFromResult(const nlohmann::json& input,
                                                      const scoring::ScreeningResult& result,
                                                      const report::AssessmentInfo& info,
                                                      const QDateTime& printedAt = {}) const;
    // The report of a stored assessment as it was scored; an unfinished one
    // shows the flags raised while answering. Throws for answers that no
    // longer fit the questionnaire at all.
    [[nodiscard]] report::ReportData reportOf(const storage::Assessment& assessment,
                                              const QDateTime& printedAt = {}) const;

private:
    explicit ClinicContent(std::string directory);
    [[nodiscard]] report::ReportData build(const nlohmann::json& input, const nlohmann::json& answers,
                                           const scoring::ScreeningResult& result,
                                           report::AssessmentInfo info, const QDateTime& printedAt) const;

    std::string m_directory;
    ClinicInfo m_clinic;
    std::unique_ptr<scoring::ScreeningContent> m_screening;
    ArticleLibrary m_articles;
    report::ClinicalLabels m_labels;
    std::string m_clinicLanguage;
    struct Language;
    std::map<std::string, std::unique_ptr<Language>, std::less<>> m_languages;
};

} // namespace spinepath
