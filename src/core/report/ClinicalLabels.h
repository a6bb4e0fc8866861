#pragma once

#include "core/util/ContentProblem.h"

#include <map>
#include <string>
#include <vector>

namespace spinepath::report {

// The clinical wording of the physician summary, from content/report/labels.json:
// short labels for the questionnaire's sections and questions, the clinical
// wording of each answer code, short names of categories, factors and flag
// severities, and the summary's disclaimer. The questionnaire speaks to
// patients; this file speaks to the doctor, and is content so a clinic can
// word it for its own practice.
// Anything missing falls back to the questionnaire's or the rules' own text.
class ClinicalLabels final
{
public:
    static constexpr const char* kFile = "report/labels.json";
    // The same wording in another language, one file a language (es.json),
    // with the same keys plus "clinical": the rules' clinical texts (category
    // meanings, flag titles and texts, notes), which the rules hold in
    // English only. See docs/content-authoring.md.
    static constexpr const char* kTranslations = "report/translations";

    struct ItemLabel
    {
        std::string label;
        std::string shortLabel; // "short": where the question is named inside a line (the PEG items)
        std::map<std::string, std::string> answers; // code -> clinical wording
    };

    // A folder without the file gives empty labels (every text falls back);
    // a file that is not valid throws ContentError naming the JSON pointer.
    [[nodiscard]] static ClinicalLabels load(const std::string& contentDirectory);
    // The wording in `language` ("es"): kTranslations' file over the English,
    // so anything it lacks stays English (missingIn() lists it, and the
    // content check fails). "en" or a language without a file: load().
    [[nodiscard]] static ClinicalLabels load(const std::string& contentDirectory,
                                             const std::string& language);
    // "en" and the language of every file in kTranslations.
    [[nodiscard]] static std::vector<std::string> languages(const std::string& contentDirectory);
    // The same from a parsed document; `file` names it in errors.
    [[nodiscard]] static ClinicalLabels fromJson(const std::string& text, const std::string& file);

    // Empty strings when there is no wording for it.
    [[nodiscard]] std::string section(const std::string& linkId) const;
    [[nodiscard]] const ItemLabel* item(const std::string& linkId) const;
    [[nodiscard]] std::string answer(const std::string& linkId, const std::string& code) const;
    [[nodiscard]] std::string value(const std::string& key) const; // "true" / "false"
    [[nodiscard]] std::string category(const std::string& id) const;
    [[nodiscard]] std::string factor(const std::string& id) const;
    [[nodiscard]] std::string pathway(const std::string& id) const;
    [[nodiscard]] std::string score(const std::string& pathway) const; // the name of a pathway's score
    [[nodiscard]] std::string severity(const std::string& id) const;   // a flag severity's id
    [[nodiscard]] const std::string& disclaimer() const noexcept { return m_disclaimer; }
    // The rules' clinical texts in a translation; empty: the rules' own.
    [[nodiscard]] std::string categoryClinical(const std::string& id) const;
    [[nodiscard]] std::string flagTitle(const std::string& id) const;
    [[nodiscard]] std::string flagClinical(const std::string& id) const;
    [[nodiscard]] std::string noteClinical(const std::string& id) const;

    // The JSON pointers of every wording this has that `translation` lacks.
    [[nodiscard]] std::vector<std::string> missingIn(const ClinicalLabels& translation) const;

    [[nodiscard]] const std::map<std::string, ItemLabel>& items() const noexcept { return m_items; }
    [[nodiscard]] const std::map<std::string, std::string>& sections() const noexcept { return m_sections; }
    [[nodiscard]] const std::map<std::string, std::string>& categories() const noexcept
    {
        return m_categories;
    }
    [[nodiscard]] const std::map<std::string, std::string>& factors() const noexcept { return m_factors; }

private:
    // Puts each wording `translation` has over this one's.
    void overlay(const ClinicalLabels& translation);

    std::string m_disclaimer;
    std::map<std::string, std::string> m_categoryClinical;
    std::map<std::string, std::string> m_flagTitles;
    std::map<std::string, std::string> m_flagClinical;
    std::map<std::string, std::string> m_noteClinical;
    std::map<std::string, std::string> m_values;
    std::map<std::string, std::string> m_sections;
    std::map<std::string, std::string> m_categories;
    std::map<std::string, std::string> m_factors;
    std::map<std::string, std::string> m_pathways;
    std::map<std::string, std::string> m_scores;
    std::map<std::string, std::string> m_severities;
    std::map<std::string, ItemLabel> m_items;
};

} // namespace spinepath::report
