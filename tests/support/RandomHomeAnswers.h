#pragma once

// Complete answer sets as a patient at home might give them: every shown
// question answered in questionnaire order (a question's enableWhen sees the
// answers before it), values of the item's type with their limits, and often
// the optional "about you" details with names and texts far from ASCII.
// Header-only and free of Catch2 and QtTest. Synthetic data only.
#include "core/questionnaire/Questionnaire.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace spinepath::test {

class RandomHomeAnswers final
{
public:
    RandomHomeAnswers(const questionnaire::Questionnaire& questionnaire, std::uint32_t seed)
        : m_questionnaire(questionnaire)
        , m_rng(seed)
    {}

    // A valid answer set (retries the rare draw that breaks an exclusive option).
    nlohmann::json next()
    {
        for (int attempt = 0; attempt < 100; ++attempt) {
            nlohmann::json answers = draw();
            if (m_questionnaire.validate(answers).valid())
                return answers;
        }
        throw std::logic_error("no valid random answer set in 100 draws");
    }

    bool chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng) < p; }
    int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }

private:
    nlohmann::json draw()
    {
        nlohmann::json answers = nlohmann::json::object();
        const bool aboutYou = chance(0.7);
        for (const questionnaire::Item* item : m_questionnaire.answerableItems()) {
            if (item->hidden() || !m_questionnaire.isEnabled(*item, answers))
                continue;
            const bool about = item->linkId().starts_with("about.");
            if (about ? !(aboutYou && chance(0.85)) : chance(0.04))
                continue; // left blank
            answers[item->linkId()] = value(*item);
        }
        return answers;
    }

    std::string pick(const std::vector<std::string>& texts)
    {
        return texts[static_cast<std::size_t>(uniform(0, static_cast<int>(texts.size()) - 1))];
    }

    nlohmann::json value(const questionnaire::Item& item)
    {
        using questionnaire::ItemType;
        switch (item.type()) {
        case ItemType::Boolean:
            return chance(item.linkId().starts_with("redflag.") ? 0.05 : 0.5);
        case ItemType::Integer:
            return uniform(item.minValue().is_number() ? item.minValue().get<int>() : -100,
                           item.maxValue().is_number() ? item.maxValue().get<int>() : 100);
        case ItemType::Choice: {
            const auto& options = item.answerOptions();
            const auto any = [&] {
                return options[static_cast<std::size_t>(uniform(0, static_cast<int>(options.size()) - 1))]
                    .value;
            };
            if (!item.repeats())
                return any();
            nlohmann::json chosen = nlohmann::json::array();
            for (const auto& option : options)
                if (!option.exclusive && chance(0.3))
                    chosen.push_back(option.value);
            if (chosen.empty())
                chosen.push_back(any());
            return chosen;
        }
        case ItemType::String:
        case ItemType::Text:
            if (item.linkId().find("email") != std::string::npos)
                return pick({"jane.doe@example.org", "o.brien@example.net", "zoe+spine@example.com"});
            if (item.linkId().find("phone") != std::string::npos)
                return pick({"+1 555 0100", "555-0199", "(555) 010-0123", "+44 20 7946 0958"});
            return pick({"Jane Doe", "Seán O'Brien", "Zoë Ångström-Łukasiewicz", "山田 花子", "Nguyễn Văn An",
                         "Mary-Jane \"MJ\" Watson", "Α. Παπαδοπούλου", "Jo"});
        case ItemType::Date: {
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", uniform(1925, 2005), uniform(1, 12),
                          uniform(1, 28));
            return date;
        }
        default:
            throw std::logic_error("RandomHomeAnswers does not know the type of " + item.linkId());
        }
    }

    const questionnaire::Questionnaire& m_questionnaire;
    std::mt19937 m_rng;
};

} // namespace spinepath::test
