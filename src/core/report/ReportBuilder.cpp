#include "core/report/ReportBuilder.h"

#include "core/handoff/HandoffPayload.h"
#include "core/handoff/QrCode.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/questionnaire/RepeatingGroups.h"
#include "core/report/ReportStrings.h"
#include "core/scoring/RuleTexts.h"
#include "core/scoring/Ruleset.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

namespace spinepath::report {

using nlohmann::json;

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

using Role = ContentRoles::Role;

void collectQuestions(const questionnaire::Item& item, std::vector<const questionnaire::Item*>& questions)
{
    if (item.isQuestion())
        questions.push_back(&item);
    for (const questionnaire::Item* child : item.children())
        collectQuestions(*child, questions);
}

} // namespace

ReportBuilder::ReportBuilder(const questionnaire::Questionnaire& questionnaire,
                             const scoring::Ruleset& ruleset, const ClinicInfo& clinic,
                             const ArticleLibrary& articles, const ClinicalLabels& labels,
                             const ContentRoles& roles)
    : m_questionnaire(questionnaire)
    , m_ruleset(ruleset)
    , m_clinic(clinic)
    , m_articles(articles)
    , m_labels(&labels)
    , m_roles(roles)
    , m_wording(&questionnaire)
{}

void ReportBuilder::setSummaryContent(const std::string& language, const ClinicalLabels& labels,
                                      const scoring::RuleTexts& texts,
                                      const questionnaire::Questionnaire& wording)
{
    m_summaryLanguage = language.empty() ? std::string("en") : language;
    m_labels = &labels;
    m_summaryTexts = &texts;
    m_wording = &wording;
}

ReportData ReportBuilder::build(const json& answers, const scoring::ScreeningResult& result,
                                const AssessmentInfo& info, const QDateTime& printedAt) const
{
    ReportData data;
    data.clinic = m_clinic;
    data.answers = answers.is_object() ? answers : json::object();
    data.result = result;
    data.patient = PatientIdentity::fromAnswers(data.answers, m_roles);
    data.assessmentId = info.id;
    data.takenAt = info.takenAt;
    data.mode = info.mode;
    data.questionnaireId = info.questionnaireId.empty() ? m_questionnaire.id() : info.questionnaireId;
    data.questionnaireVersion =
        info.questionnaireId.empty() ? m_questionnaire.version() : info.questionnaireVersion;
    data.rulesetId = result.rulesetId.empty() ? m_ruleset.id() : result.rulesetId;
    data.rulesetVersion = result.rulesetId.empty() ? m_ruleset.version() : result.rulesetVersion;
    data.printedAt = printedAt.isValid() ? printedAt : QDateTime::currentDateTime();
    data.handoffPayload = handoffPayload(data);

    if (const auto* category = m_ruleset.findCategory(result.category)) {
        const std::string name = m_labels->category(result.category);
        data.categoryName = text(name.empty() ? category->title : name);
        const std::string clinical = m_labels->categoryClinical(result.category);
        data.categoryClinical = text(clinical.empty() ? category->clinical : clinical);
    } else {
        // A result stored by rules that had a category these rules lack: say what it was.
        data.categoryName = text(result.category);
    }

    for (const std::string& id : result.flags) {
        FlagLine line{id, {}, {}, true, text(id), {}};
        if (const auto* flag = m_ruleset.findFlag(id)) {
            line.severity = flag->severity;
            const std::string title = m_labels->flagTitle(id);
            const std::string clinical = m_labels->flagClinical(id);
            line.title = text(title.empty() ? flag->title : title);
            line.clinical = text(clinical.empty() ? flag->clinical : clinical);
        }
        const std::string severity = m_labels->severity(line.severity);
        line.severityName = text(severity.empty() ? line.severity : severity);
        // A severity these rules do not know is shown as a red flag: never played down.
        if (const auto* rule = m_ruleset.findSeverity(line.severity))
            line.alert = rule->alert;
        data.flags.push_back(std::move(line));
    }
    // The rules' pathways in their order, then any other a stored result has.
    const auto addScore = [&](const std::string& pathway, int value) {
        const std::string label = m_labels->score(pathway);
        data.scores.push_back({pathway, text(label.empty() ? pathway : label), value});
    };
    for (const std::string& pathway : m_ruleset.pathways())
        if (const auto score = result.score(pathway))
            addScore(pathway, *score);
    for (const auto& [pathway, score] : result.scores)
        if (!m_ruleset.hasPathway(pathway))
            addScore(pathway, score);

    for (const scoring::FiredFactor& fired : result.factors) {
        const std::string label = m_labels->factor(fired.id);
        const std::string pathway = m_labels->pathway(fired.pathway);
        // The reason in the summary's language, as the rules word it in it.
        const std::string reason = m_summaryTexts ? m_summaryTexts->reason(fired.id) : std::string();
        data.factors.push_back({fired.id, text(label.empty() ? fired.id : label),
                                text(pathway.empty() ? fired.pathway : pathway), fired.weight,
                                text(reason.empty() ? fired.reason : reason)});
    }
    for (const std::string& id : result.notes) {
        NoteLine line{id, text(id)};
        if (const auto* note = m_ruleset.findNote(id)) {
            const std::string clinical = m_labels->noteClinical(id);
            line.clinical = text(clinical.empty() ? note->clinical : clinical);
        }
        data.notes.push_back(std::move(line));
    }

    for (const std::string& linkId : m_roles.ids(Role::PegItems)) {
        PegItem item{linkId, {}, {}};
        const auto* label = m_labels->item(linkId);
        const auto* question = m_wording->find(linkId);
        item.label = label      ? text(label->shortLabel.empty() ? label->label : label->shortLabel)
                     : question ? text(question->text())
                                : text(linkId);
        if (const auto found = data.answers.find(linkId); found != data.answers.end() && found->is_number())
            item.value = static_cast<int>(std::lround(found->get<double>()));
        data.pegItems.push_back(std::move(item));
    }

    data.summaryLanguage = m_summaryLanguage;
    data.answerSections = answerSections(data.answers);
    data.physicianDisclaimer = text(m_labels->disclaimer());
    data.patientLanguage = m_patientTexts ? m_patientTexts->language() : std::string("en");
    data.patientResult =
        makePatientResult(result, m_ruleset, m_clinic, m_patientArticles ? *m_patientArticles : m_articles,
                          m_roles, info.mode, m_patientTexts);
    return data;
}

void ReportBuilder::setPatientContent(const ArticleLibrary& articles, const scoring::RuleTexts& texts)
{
    m_patientArticles = &articles;
    m_patientTexts = &texts;
}

std::string ReportBuilder::handoffPayload(const ReportData& data) const
{
    // Only answers given at home travel to the clinic; at the kiosk they are
    // already there. Answers to another questionnaire version (a stored
    // assessment printed after an update) could not be imported as they are.
    if (data.mode != AssessmentMode::Home || data.answers.empty() ||
        data.questionnaireId != m_questionnaire.id() ||
        data.questionnaireVersion != m_questionnaire.version())
        return {};
    try {
        std::string payload = handoff::encodePayload(m_questionnaire, data.answers, data.takenAt.toUTC());
        (void)handoff::qrCodeModules(payload); // throws when it fits no QR code
        return payload;
    } catch (const std::exception& error) {
        // The copy is still worth printing; staff can type the answers in.
        spdlog::warn("The patient copy has no answer code: {}", error.what());
        return {};
    }
}

std::vector<AnswerSection> ReportBuilder::answerSections(const json& answers) const
{
    const ReportStrings strings = ReportStrings::forLanguage(m_summaryLanguage);
    std::vector<AnswerSection> sections;
    for (const questionnaire::Item* top : m_questionnaire.items()) {
        if (top->linkId() == m_roles.id(Role::IdentitySection))
            continue;
        std::vector<const questionnaire::Item*> questions;
        collectQuestions(*top, questions);
        if (questions.empty())
            continue;
        AnswerSection section;
        section.linkId = top->linkId();
        const std::string title = m_labels->section(top->linkId());
        const questionnaire::Item* worded = m_wording->find(top->linkId());
        section.title = text(!title.empty() ? title : worded ? worded->text() : top->text());
        // A yes/no question answered "no", and a question left blank, are
        // gathered into one line each per section: the v2 red-flag screen
        // alone has 13, and the summary must stay on one page with the
        // answers that matter easy to see.
        QStringList answeredNo;
        QStringList leftBlank;
        bool everyYesNoIsNo = true;
        // One line for a question, read over `view` (the answers, or one
        // instance's view of them); `number` tells instances of a repeating
        // group apart ("Medicine (2)"), 0 outside one.
        const auto addLine = [&](const questionnaire::Item* question, const json& view, int number) {
            // Questions the patient never saw are not part of the record. A
            // hidden legacy question is listed only when a stored answer has it.
            if (!m_questionnaire.isEnabled(*question, view) ||
                (question->hidden() && !view.contains(question->linkId())))
                return;
            const auto* label = m_labels->item(question->linkId());
            AnswerLine line;
            line.linkId = question->linkId();
            const questionnaire::Item* wordedQuestion = m_wording->find(question->linkId());
            line.label = label            ? text(label->label)
                         : wordedQuestion ? text(wordedQuestion->text())
                                          : text(question->text());
            if (number > 0)
                line.label += QStringLiteral(" (%1)").arg(number);
            const auto found = view.find(question->linkId());
            if (found == view.end() || found->is_null()) {
                leftBlank << line.label;
                if (question->type() == questionnaire::ItemType::Boolean)
                    everyYesNoIsNo = false;
                return;
            }
            if (found->is_boolean() && !found->get<bool>()) {
                answeredNo << line.label;
                return;
            }
            if (question->type() == questionnaire::ItemType::Boolean)
                everyYesNoIsNo = false;
            line.value = answerText(question->linkId(), *found);
            section.lines.push_back(std::move(line));
        };
        std::set<const questionnaire::Item*> groupsDone;
        for (const questionnaire::Item* question : questions) {
            // The questions of a repeating group are answered once per
            // instance, in the group's list (never at the top level of the
            // answers): listed instance by instance.
            const questionnaire::Item* group = questionnaire::enclosingRepeatingGroup(*question);
            if (!group) {
                addLine(question, answers, 0);
                continue;
            }
            if (!groupsDone.insert(group).second)
                continue;
            std::vector<const questionnaire::Item*> inGroup;
            std::copy_if(
                questions.begin(), questions.end(), std::back_inserter(inGroup),
                [group](const questionnaire::Item* item) { return questionnaire::isWithin(*item, *group); });
            const json instances = questionnaire::instancesOf(answers, *group);
            if (instances.empty()) {
                for (const questionnaire::Item* item : inGroup)
                    addLine(item, answers, 0);
                continue;
            }
            for (std::size_t i = 0; i < instances.size(); ++i) {
                const json view = questionnaire::instanceView(answers, *group, instances[i]);
                for (const questionnaire::Item* item : inGroup)
                    addLine(item, view, static_cast<int>(i) + 1);
            }
        }
        // When none was yes or blank, the count says it all: the screen's
        // questions are fixed, and the physician reads the exceptions.
        if (!answeredNo.isEmpty())
            section.lines.push_back({std::string(), strings.answeredNo,
                                     everyYesNoIsNo && answeredNo.size() > 1
                                         ? strings.allAnsweredNo(static_cast<int>(answeredNo.size()))
                                         : answeredNo.join(QStringLiteral("; ")),
                                     true, true});
        if (!leftBlank.isEmpty())
            section.lines.push_back(
                {std::string(), strings.leftBlank, leftBlank.join(QStringLiteral("; ")), false, true});
        if (!section.lines.empty())
            sections.push_back(std::move(section));
    }
    return sections;
}

QString ReportBuilder::answerText(const std::string& linkId, const json& value) const
{
    if (value.is_array()) {
        QStringList parts;
        for (const json& element : value)
            parts << answerText(linkId, element);
        return parts.join(QStringLiteral(", "));
    }
    if (value.is_boolean()) {
        const std::string key = value.get<bool>() ? "true" : "false";
        const std::string own = m_labels->answer(linkId, key);
        const std::string shared = m_labels->value(key);
        if (!own.empty())
            return text(own);
        if (!shared.empty())
            return text(shared);
        const ReportStrings strings = ReportStrings::forLanguage(m_summaryLanguage);
        return value.get<bool>() ? strings.yes : strings.no;
    }
    // The option's display in the summary's language.
    const questionnaire::Item* item = m_wording->find(linkId);
    if (value.is_string()) {
        const std::string code = value.get<std::string>();
        if (const std::string clinical = m_labels->answer(linkId, code); !clinical.empty())
            return text(clinical);
        if (item)
            if (const auto* option = item->findOption(value); option && !option->coding.display.empty())
                return text(option->coding.display);
        return text(code);
    }
    if (value.is_number_integer() && item && item->maxValue().is_number())
        return QStringLiteral("%1/%2").arg(value.get<long long>()).arg(item->maxValue().get<long long>());
    if (value.is_number_integer())
        return QString::number(value.get<long long>());
    if (value.is_number())
        return QString::number(value.get<double>());
    return text(value.dump());
}

} // namespace spinepath::report
