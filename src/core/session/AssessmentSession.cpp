#include "core/session/AssessmentSession.h"

#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/questionnaire/RepeatingGroups.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/Outbox.h"
#include "core/storage/StorageTime.h"
#include "core/util/Translator.h"

#include <QUuid>

#include <spdlog/spdlog.h>

#include <functional>
#include <utility>

namespace spinepath {

using nlohmann::json;
using scoring::ScreeningResult;

AssessmentSession::AssessmentSession(const scoring::ScreeningContent& content, AssessmentMode mode,
                                     storage::AssessmentLifecycle* lifecycle, QObject* parent)
    : QObject(parent)
    , m_content(content)
    , m_mode(mode)
    , m_lifecycle(lifecycle)
    , m_startedAt(storage::storageNow())
{
    // The questionnaire's initial values and initialSelected options are
    // answers the patient sees already given, and may change.
    m_answers = m_content.questionnaire().initialAnswers();
    m_enabled = m_content.questionnaire().enabledLinkIds(m_answers);
}

AssessmentSession::~AssessmentSession() = default;

void AssessmentSession::keepUnsentIn(storage::Outbox* outbox, std::string kioskSession)
{
    m_outbox = outbox;
    m_kioskSession = std::move(kioskSession);
}

void AssessmentSession::serverUnreachable()
{
    if (!m_outbox || m_lifecycle || m_keptLocally)
        return;
    goLocal();
    if (!m_alertsWaiting.isEmpty())
        for (const QString& flag : std::exchange(m_alertsWaiting, {}))
            m_alertsKept.push_back(flag.toStdString());
    if (m_completionWaiting)
        (void)complete();
    else if (!m_answers.empty())
        save();
}

void AssessmentSession::goLocal()
{
    m_keptLocally = true;
    // Made here, as the server would have: the same id on both sides.
    if (m_id.empty())
        m_id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    spdlog::warn("the database server cannot be reached: assessment {} is kept in the kiosk's outbox", m_id);
}

bool AssessmentSession::divert(const storage::Error& error)
{
    if (!m_outbox || error.kind != storage::ErrorKind::Unreachable)
        return false;
    goLocal();
    return true;
}

bool AssessmentSession::keepLocally(storage::Status status, const storage::CompletedAssessment* done)
{
    storage::OutboxEntry entry;
    entry.id = m_id;
    entry.kioskSession = m_kioskSession;
    entry.started.mode = m_mode;
    entry.started.content = storage::ContentVersions::of(m_content.questionnaire(), m_content.ruleset());
    entry.started.language = Translator::language().toStdString();
    entry.started.startedAt = m_startedAt;
    entry.status = status;
    entry.alerts = m_alertsKept;
    try {
        if (done) {
            entry.answers = done->answers;
            entry.result = done->result;
            entry.completedAt = m_completedAt;
        } else {
            questionnaire::ResponseOptions options;
            options.status = "in-progress";
            entry.answers = toStore(m_content, acceptedAnswers(), options);
        }
    } catch (const std::exception& error) {
        emit saveFailed(QString::fromUtf8(error.what()));
        return false;
    }
    if (auto kept = m_outbox->keep(entry); !kept) {
        emit saveFailed(QString::fromStdString(kept.error().message));
        return false;
    }
    emit keptLocally();
    return true;
}

bool AssessmentSession::ensureStored()
{
    if (!m_id.empty())
        return true;
    if (!m_lifecycle)
        return false;
    storage::NewAssessment assessment;
    assessment.mode = m_mode;
    assessment.content = storage::ContentVersions::of(m_content.questionnaire(), m_content.ruleset());
    assessment.language = Translator::language().toStdString();
    auto created = m_lifecycle->create(assessment);
    if (!created) {
        if (divert(created.error()))
            return true;
        emit saveFailed(QString::fromStdString(created.error().message));
        return false;
    }
    m_id = created.value();
    return true;
}

void AssessmentSession::languageChanged()
{
    if (m_keptLocally && !m_finished)
        (void)keepLocally(storage::Status::InProgress);
    else if (m_lifecycle && !m_id.empty() && !m_finished)
        (void)m_lifecycle->setLanguage(m_id, Translator::language().toStdString());
}

void AssessmentSession::save()
{
    if (m_finished || !ensureStored())
        return;
    if (m_keptLocally) {
        (void)keepLocally(storage::Status::InProgress);
        return;
    }
    try {
        questionnaire::ResponseOptions options;
        options.status = "in-progress";
        if (auto saved = m_lifecycle->saveAnswers(m_id, toStore(m_content, acceptedAnswers(), options));
            !saved) {
            if (divert(saved.error()))
                (void)keepLocally(storage::Status::InProgress);
            else
                emit saveFailed(QString::fromStdString(saved.error().message));
        }
    } catch (const std::exception& error) {
        emit saveFailed(QString::fromUtf8(error.what()));
    }
}

bool AssessmentSession::resume(const std::string& assessmentId)
{
    if (!m_lifecycle)
        return false;
    auto stored = storage::AssessmentQueries(m_lifecycle->database()).get(assessmentId);
    if (!stored || stored.value().status != storage::Status::InProgress)
        return false;
    try {
        // Read before anything changes: a stored response the questionnaire
        // cannot read (another version, hand-edited) is not resumed.
        const json answers =
            questionnaire::fromQuestionnaireResponse(m_content.questionnaire(), stored.value().answers);
        if (!m_content.questionnaire().validate(answers).valid())
            return false;
        restore(answers);
        m_id = assessmentId;
    } catch (const std::exception& error) {
        spdlog::warn("assessment {} cannot be resumed: {}", assessmentId, error.what());
        return false;
    }
    return true;
}

bool AssessmentSession::complete()
{
    if (!m_completedAt.isValid())
        m_completedAt = storage::storageNow();
    if (!m_lifecycle && !m_finished && !m_keptLocally)
        m_completionWaiting = true;
    if (!ensureStored())
        return false;
    try {
        const storage::CompletedAssessment done = finished(m_content, m_answers, m_mode, m_completedAt);
        if (m_keptLocally) {
            if (!keepLocally(storage::Status::Completed, &done))
                return false;
        } else if (auto completed = m_lifecycle->complete(m_id, done.answers, done.result); !completed) {
            if (!divert(completed.error())) {
                emit saveFailed(QString::fromStdString(completed.error().message));
                return false;
            }
            if (!keepLocally(storage::Status::Completed, &done))
                return false;
        }
    } catch (const std::exception& error) {
        emit saveFailed(QString::fromUtf8(error.what()));
        return false;
    }
    m_finished = true;
    m_completed = true;
    m_completionWaiting = false;
    return true;
}

QStringList AssessmentSession::useStorage(storage::AssessmentLifecycle* lifecycle)
{
    if (m_lifecycle || !lifecycle)
        return {};
    m_lifecycle = lifecycle;
    // Its states already go through the outbox: they keep that order.
    if (m_keptLocally)
        return {};
    // Nothing answered yet: stored with the first answer, as usual.
    if (m_answers.empty() && !m_completionWaiting)
        return {};
    save();
    QStringList alerts = std::exchange(m_alertsWaiting, {});
    if (m_id.empty())
        return {};
    if (!alerts.isEmpty() && !recordAlert(alerts))
        alerts.clear();
    if (m_completionWaiting)
        (void)complete();
    return alerts;
}

void AssessmentSession::abandon()
{
    m_completionWaiting = false;
    if (m_keptLocally && !m_finished) {
        (void)keepLocally(storage::Status::Abandoned);
    } else if (m_lifecycle && !m_id.empty() && !m_finished) {
        if (auto abandoned = m_lifecycle->abandon(m_id); !abandoned && divert(abandoned.error()))
            (void)keepLocally(storage::Status::Abandoned);
    }
    m_finished = true;
}

std::optional<questionnaire::ValidationIssue> AssessmentSession::setAnswer(const std::string& linkId,
                                                                           const json& value)
{
    const bool empty = value.is_null() || (value.is_array() && value.empty());
    std::optional<questionnaire::ValidationIssue> problem;
    if (!empty) {
        // The value alone, checked as the scorer will check it: the other
        // answers were checked when they were given.
        json single = json::object();
        single[linkId] = value;
        if (const auto errors = m_content.questionnaire().validate(single).errors(); !errors.empty())
            problem = errors.front();
    }
    json previous = m_answers;
    if (empty || problem)
        m_answers.erase(linkId);
    else
        m_answers[linkId] = value;
    return apply(std::move(previous), linkId, problem, [&](json& answers) { answers.erase(linkId); });
}

std::optional<questionnaire::ValidationIssue>
AssessmentSession::apply(json previous, const std::string& linkId,
                         std::optional<questionnaire::ValidationIssue> problem,
                         const std::function<void(json&)>& unset)
{
    QStringList raised;
    try {
        raised = refresh();
    } catch (const std::exception& error) {
        // The rules could not score the answers with this one (no known way
        // left, but a questionnaire from elsewhere may still find one): the
        // question stays unanswered and the session goes on.
        spdlog::warn("an answer to '{}' could not be scored: {}", linkId, error.what());
        problem = questionnaire::ValidationIssue{linkId, questionnaire::IssueCode::WrongType, error.what()};
        m_answers = std::move(previous);
        unset(m_answers);
        try {
            raised = refresh();
        } catch (const std::exception& again) {
            spdlog::warn("the answers could not be scored: {}", again.what());
            raised.clear();
        }
    }
    save();
    if (!raised.isEmpty()) {
        // Before the database is ready the alert waits for useStorage.
        if (!m_lifecycle && !m_keptLocally)
            m_alertsWaiting << raised;
        else
            (void)recordAlert(raised);
        emit emergencyRaised(raised);
    }
    return problem;
}

std::size_t AssessmentSession::instanceCount(const std::string& groupLinkId) const
{
    const auto found = m_answers.find(groupLinkId);
    return found != m_answers.end() && found->is_array() ? found->size() : 0;
}

json AssessmentSession::instanceAnswers(const std::string& groupLinkId, std::size_t index) const
{
    if (index >= instanceCount(groupLinkId))
        return json::object();
    const json& instance = m_answers[groupLinkId][index];
    return instance.is_object() ? instance : json::object();
}

void AssessmentSession::addInstance(const std::string& groupLinkId)
{
    const auto* group = m_content.questionnaire().find(groupLinkId);
    if (!group || !questionnaire::isRepeatingGroup(*group))
        return;
    json previous = m_answers;
    json& instances = m_answers[groupLinkId];
    if (!instances.is_array() || instances.empty())
        instances = json::array({json::object()});
    instances.push_back(m_content.questionnaire().newInstance(*group, m_answers));
    (void)apply(std::move(previous), groupLinkId, std::nullopt,
                [&](json& answers) { answers[groupLinkId].erase(answers[groupLinkId].size() - 1); });
}

void AssessmentSession::removeInstance(const std::string& groupLinkId, std::size_t index)
{
    if (index >= instanceCount(groupLinkId))
        return;
    json previous = m_answers;
    m_answers[groupLinkId].erase(index);
    if (m_answers[groupLinkId].empty())
        m_answers.erase(groupLinkId);
    // Removing answers cannot make them unscorable where they were scorable.
    (void)apply(std::move(previous), groupLinkId, std::nullopt, [](json&) {});
}

std::optional<questionnaire::ValidationIssue>
AssessmentSession::setInstanceAnswer(const std::string& groupLinkId, std::size_t index,
                                     const std::string& linkId, const json& value)
{
    const auto* group = m_content.questionnaire().find(groupLinkId);
    if (!group || !questionnaire::isRepeatingGroup(*group))
        return questionnaire::ValidationIssue{linkId, questionnaire::IssueCode::UnknownLinkId,
                                              "'" + groupLinkId + "' is no repeating group"};
    const bool empty = value.is_null() || (value.is_array() && value.empty());
    std::optional<questionnaire::ValidationIssue> problem;
    if (!empty) {
        json single = json::object();
        single[groupLinkId] = json::array({json{{linkId, value}}});
        if (const auto errors = m_content.questionnaire().validate(single).errors(); !errors.empty())
            problem = errors.front();
    }
    json previous = m_answers;
    json& instances = m_answers[groupLinkId];
    if (!instances.is_array())
        instances = json::array();
    while (instances.size() <= index)
        instances.push_back(json::object());
    if (empty || problem)
        instances[index].erase(linkId);
    else
        instances[index][linkId] = value;
    return apply(std::move(previous), linkId, problem,
                 [&](json& answers) { answers[groupLinkId][index].erase(linkId); });
}

std::set<std::string> AssessmentSession::enabledInInstance(const std::string& groupLinkId,
                                                           std::size_t index) const
{
    const auto& form = m_content.questionnaire();
    const auto* group = form.find(groupLinkId);
    if (!group)
        return {};
    return form.enabledLinkIds(
        questionnaire::instanceView(m_answers, *group, instanceAnswers(groupLinkId, index)));
}

std::vector<std::string> AssessmentSession::missingInInstance(const std::string& groupLinkId,
                                                              std::size_t index) const
{
    std::vector<std::string> missing;
    const auto* group = m_content.questionnaire().find(groupLinkId);
    if (!group || !m_enabled.contains(groupLinkId) || group->hidden())
        return missing;
    const json instance = instanceAnswers(groupLinkId, index);
    const auto enabled = enabledInInstance(groupLinkId, index);
    const std::function<void(const questionnaire::Item&)> visit = [&](const auto& item) {
        if (!enabled.contains(item.linkId()) || item.hidden())
            return;
        if (item.isQuestion() && item.required() && !instance.contains(item.linkId()))
            missing.push_back(item.linkId());
        for (const auto* child : item.children())
            visit(*child);
    };
    for (const auto* child : group->children())
        visit(*child);
    return missing;
}

bool AssessmentSession::recordAlert(const QStringList& flagIds)
{
    if (m_finished || m_id.empty())
        return false;
    std::vector<std::string> ids;
    for (const QString& id : flagIds)
        ids.push_back(id.toStdString());
    if (m_keptLocally) {
        m_alertsKept.insert(m_alertsKept.end(), ids.begin(), ids.end());
        return keepLocally(storage::Status::InProgress);
    }
    // Staff see it in their queue at once, long before the patient finishes.
    if (auto stored = m_lifecycle->raiseAlert(m_id, ids); !stored) {
        if (divert(stored.error())) {
            m_alertsKept.insert(m_alertsKept.end(), ids.begin(), ids.end());
            return keepLocally(storage::Status::InProgress);
        }
        emit saveFailed(QString::fromStdString(stored.error().message));
        return false;
    }
    return true;
}

void AssessmentSession::restore(const json& answers)
{
    m_answers = answers.is_object() ? answers : json::object();
    // A resumed assessment has already shown its emergencies.
    for (const std::string& flag : result().flags)
        if (interrupts(flag))
            m_emergenciesSeen.insert(flag);
    (void)refresh();
}

QStringList AssessmentSession::refresh()
{
    m_enabled = m_content.questionnaire().enabledLinkIds(m_answers);
    emit answersChanged();

    QStringList raised;
    for (const std::string& flag : result().flags)
        if (interrupts(flag) && m_emergenciesSeen.insert(flag).second)
            raised << QString::fromStdString(flag);
    return raised;
}

// Whether the flag's severity stops the questionnaire (the rules say which).
bool AssessmentSession::interrupts(const std::string& flagId) const
{
    const auto& ruleset = m_content.ruleset();
    const auto* flag = ruleset.findFlag(flagId);
    const auto* severity = flag ? ruleset.findSeverity(flag->severity) : nullptr;
    return severity && severity->interrupts;
}

std::vector<std::string> AssessmentSession::missingRequired(const std::string& sectionLinkId) const
{
    std::vector<std::string> missing;
    const auto* section = m_content.questionnaire().find(sectionLinkId);
    if (!section)
        return missing;
    const std::function<void(const questionnaire::Item&)> visit = [&](const auto& item) {
        // A hidden item is never asked, so it cannot be missing; the items
        // of a repeating group are missing per instance (missingInInstance).
        if (!m_enabled.contains(item.linkId()) || item.hidden() || questionnaire::isRepeatingGroup(item))
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

storage::CompletedAssessment AssessmentSession::finished(const scoring::ScreeningContent& content,
                                                         const json& answers, AssessmentMode mode,
                                                         const QDateTime& at)
{
    const json accepted = content.questionnaire().pruneDisabled(answers);
    storage::CompletedAssessment assessment;
    assessment.mode = mode;
    assessment.content = storage::ContentVersions::of(content.questionnaire(), content.ruleset());
    assessment.result = content.scorer().score(answers);
    assessment.startedAt = assessment.completedAt = at;
    questionnaire::ResponseOptions options;
    options.authored = storage::toStorageTime(at).toStdString();
    try {
        assessment.answers = toStore(content, accepted, options);
    } catch (const questionnaire::QuestionnaireError&) {
        // FHIR allows "completed" only with every required answer; a partial
        // set that was scored all the same is "stopped": partly answered,
        // and no more changes will come.
        options.status = "stopped";
        assessment.answers = toStore(content, accepted, options);
    }
    return assessment;
}

storage::StoredAnswers AssessmentSession::toStore(const scoring::ScreeningContent& content,
                                                  const json& accepted,
                                                  const questionnaire::ResponseOptions& options)
{
    return {questionnaire::toQuestionnaireResponse(content.questionnaire(), accepted, options),
            PatientIdentity::fromAnswers(accepted, content.roles())};
}

} // namespace spinepath
