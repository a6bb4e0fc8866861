#include "AssessmentSession.h"

#include <functional>

using nlohmann::json;
using spinepath::scoring::ScreeningResult;

AssessmentSession::AssessmentSession(const spinepath::scoring::ScreeningContent& content, Mode mode,
                                     QObject* parent)
    : QObject(parent)
    , m_content(content)
    , m_mode(mode)
{
    m_enabled = m_content.questionnaire().enabledLinkIds(m_answers);
}

AssessmentSession::~AssessmentSession() = default;

void AssessmentSession::setAnswer(const std::string& linkId, const json& value)
{
    const bool empty = value.is_null() || (value.is_array() && value.empty());
    if (empty)
        m_answers.erase(linkId);
    else
        m_answers[linkId] = value;
    refresh();
}

void AssessmentSession::restore(const json& answers)
{
    m_answers = answers.is_object() ? answers : json::object();
    // A resumed assessment has already shown its emergencies.
    for (const std::string& flag : result().flags)
        if (const auto* rule = m_content.ruleset().findFlag(flag); rule && rule->severity == "emergency")
            m_emergenciesSeen.insert(flag);
    refresh();
}

void AssessmentSession::refresh()
{
    m_enabled = m_content.questionnaire().enabledLinkIds(m_answers);
    emit answersChanged();

    QStringList raised;
    for (const std::string& flag : result().flags) {
        const auto* rule = m_content.ruleset().findFlag(flag);
        if (rule && rule->severity == "emergency" && m_emergenciesSeen.insert(flag).second)
            raised << QString::fromStdString(flag);
    }
    if (!raised.isEmpty())
        emit emergencyRaised(raised);
}

std::vector<std::string> AssessmentSession::missingRequired(const std::string& sectionLinkId) const
{
    std::vector<std::string> missing;
    const auto* section = m_content.questionnaire().find(sectionLinkId);
    if (!section)
        return missing;
    const std::function<void(const spinepath::questionnaire::Item&)> visit = [&](const auto& item) {
        if (!m_enabled.contains(item.linkId()))
            return;
        if (item.isQuestion() && item.required() && !m_answers.contains(item.linkId()))
            missing.push_back(item.linkId());
        for (const auto* child : item.children())
            visit(*child);
    };
    visit(*section);
    return missing;
}

json AssessmentSession::acceptedAnswers() const
{
    return m_content.questionnaire().pruneDisabled(m_answers);
}

ScreeningResult AssessmentSession::result() const
{
    return m_content.scorer().score(m_answers);
}
