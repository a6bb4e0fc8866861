#pragma once

#include "core/scoring/ScreeningContent.h"
#include "core/scoring/ScreeningResult.h"

#include <QObject>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

// One patient's questionnaire in progress: the answers given so far, what is
// shown for them, and the safety check after every answer. Widgets read and
// write answers only through this class, so the rules of the questionnaire
// (enableWhen, required items, red flags) live in one place.
class AssessmentSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssessmentSession)

public:
    enum class Mode
    {
        Kiosk,
        Home
    };

    AssessmentSession(const spinepath::scoring::ScreeningContent& content, Mode mode,
                      QObject* parent = nullptr);
    ~AssessmentSession() override;

    [[nodiscard]] Mode mode() const noexcept { return m_mode; }
    [[nodiscard]] const nlohmann::json& answers() const noexcept { return m_answers; }
    [[nodiscard]] const spinepath::scoring::ScreeningContent& content() const noexcept { return m_content; }

    // A null value removes the answer. Emits answersChanged, and
    // emergencyRaised when the answer raises an emergency flag not seen before.
    void setAnswer(const std::string& linkId, const nlohmann::json& value);
    // Replaces every answer, e.g. when resuming a saved assessment.
    void restore(const nlohmann::json& answers);

    [[nodiscard]] const std::set<std::string>& enabledLinkIds() const noexcept { return m_enabled; }
    // Required, shown questions under this item (a section) that have no answer yet.
    [[nodiscard]] std::vector<std::string> missingRequired(const std::string& sectionLinkId) const;
    // The answers FHIR keeps: those to questions that are shown.
    [[nodiscard]] nlohmann::json acceptedAnswers() const;
    [[nodiscard]] spinepath::scoring::ScreeningResult result() const;

signals:
    void answersChanged();
    void emergencyRaised(const QStringList& flagIds);

private:
    void refresh();

    const spinepath::scoring::ScreeningContent& m_content;
    const Mode m_mode;
    nlohmann::json m_answers = nlohmann::json::object();
    std::set<std::string> m_enabled;
    std::set<std::string> m_emergenciesSeen;
};
