// Issue 19: public FHIR R4 questionnaires that others wrote (HL7 SDC,
// LHC-Forms, the Android FHIR SDK, the FHIR validator's test cases), kept in
// tests/data/questionnaire/public (PUBLIC-CORPUS.md beside it says where each
// came from and its licence); SPINEPATH_FHIR_CORPUS names another folder. For
// every *.json Questionnaire under the folder:
// - it loads, or is refused with a QuestionnaireError, and
//   `spinepath-cli questionnaire check` agrees (exit 0, or non-zero);
// - the outcome is the one the folder's outcomes.tsv records, so a form that
//   loaded before cannot quietly start being refused (and the reverse);
// - one that loads is walked page by page in spinepath --preview's window,
//   each shown question answered through its own widget as a patient would
//   (typed text, clicked options, a second instance of each repeating group);
// - the QuestionnaireResponse at the end keeps the R4 rules
//   (support/ResponseRules.h), reads back to the same answers, and is
//   written again unchanged; at the end every such response is checked
//   against HL7's R4 JSON schema as well (support/check_r4_schema.py).
#include "patient/questionnaire/QuestionWidget.h"
#include "patient/questionnaire/QuestionnairePreview.h"
#include "patient/questionnaire/QuestionnaireView.h"
#include "patient/questionnaire/RepeatingGroupView.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/questionnaire/RepeatingGroups.h"
#include "core/session/AssessmentSession.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

using namespace spinepath::ui;
namespace q = spinepath::questionnaire;
using nlohmann::json;

namespace {

// What a patient would type for `item`, within its limits; "" when nothing fits.
QString typedFor(const q::Item& item)
{
    switch (item.type()) {
    case q::ItemType::Integer:
    case q::ItemType::Decimal: {
        double value = item.type() == q::ItemType::Integer ? 3 : 2.5;
        if (item.minValue().is_number() && value < item.minValue().get<double>())
            value = item.minValue().get<double>();
        if (item.maxValue().is_number() && value > item.maxValue().get<double>())
            value = item.maxValue().get<double>();
        return QString::number(value);
    }
    case q::ItemType::Date: {
        QString date = QStringLiteral("2020-03-15");
        if (item.minValue().is_string() && date < QString::fromStdString(item.minValue().get<std::string>()))
            date = QString::fromStdString(item.minValue().get<std::string>()).left(10);
        if (item.maxValue().is_string() && date > QString::fromStdString(item.maxValue().get<std::string>()))
            date = QString::fromStdString(item.maxValue().get<std::string>()).left(10);
        return date;
    }
    case q::ItemType::DateTime: {
        // Limits may be partial ("2020", "2022-06"): the earliest moment they
        // name is within them.
        const auto earliest = [](const json& limit) -> QString {
            const QString text = QString::fromStdString(limit.get<std::string>());
            if (text.size() > 10)
                return text.left(16);
            const QString date = text.left(10);
            return (date + QStringLiteral("-01-01").right(10 - date.size())) + QStringLiteral("T00:00");
        };
        QString when = QStringLiteral("2026-03-15T14:30");
        if (item.maxValue().is_string() && when > QString::fromStdString(item.maxValue().get<std::string>()))
            when = earliest(item.maxValue());
        if (item.minValue().is_string() && when < QString::fromStdString(item.minValue().get<std::string>()))
            when = earliest(item.minValue());
        return when.replace(QLatin1Char('T'), QLatin1Char(' '));
    }
    case q::ItemType::Time:
        return QStringLiteral("14:30");
    case q::ItemType::Quantity:
        return item.unit() ? QStringLiteral("72") : QStringLiteral("72 kg");
    case q::ItemType::Reference:
        return QStringLiteral("Dr Example");
    case q::ItemType::Url:
        return QStringLiteral("https://example.org/a");
    case q::ItemType::Attachment:
        return {}; // cannot be given at the kiosk (questionnaire check says so)
    default:
        break;
    }
    // Text: something the item's regex and lengths allow.
    QStringList candidates{QStringLiteral("corpus answer"),
                           QStringLiteral("12345"),
                           QStringLiteral("A1"),
                           QStringLiteral("a"),
                           QStringLiteral("1"),
                           QStringLiteral("2020-03-15"),
                           QStringLiteral("someone@example.org"),
                           QStringLiteral("555-555-5555")};
    for (const QString& candidate : candidates) {
        if (!item.regex().empty() &&
            !QRegularExpression(QRegularExpression::anchoredPattern(QString::fromStdString(item.regex())))
                 .match(candidate)
                 .hasMatch())
            continue;
        if (item.minLength() && candidate.size() < *item.minLength())
            continue;
        if (item.maxLength() && candidate.size() > *item.maxLength())
            continue;
        return candidate;
    }
    return {};
}

// outcomes.tsv: "path<TAB>loaded|refused" a line, paths relative to the folder.
std::map<QString, QString> expectedOutcomes(const QString& folder)
{
    std::map<QString, QString> outcomes;
    QFile file(QDir(folder).filePath(QStringLiteral("outcomes.tsv")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return outcomes;
    while (!file.atEnd()) {
        const QStringList fields = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char('\t'));
        if (fields.size() == 2 && !fields[0].startsWith(QLatin1Char('#')))
            outcomes[fields[0]] = fields[1];
    }
    return outcomes;
}

struct Outcome
{
    QString file;
    QString result; // "loaded", "refused" or "FAILED"
    QString detail;
};

// Walks one loaded questionnaire in the preview window; "" when all went
// well, else what went wrong. `answered` counts the value[x] kinds exported.
class Walk final
{
public:
    Walk(const q::Questionnaire& form, std::map<std::string, int>& answered)
        : m_form(form)
        , m_answered(answered)
    {}

    // The QuestionnaireResponse the walk ended with ("" until run() succeeds).
    const QString& response() const { return m_response; }

    QString run()
    {
        QuestionnairePreview preview(m_form);
        preview.resize(1000, 800);
        preview.show();
        QuestionnaireView* view = preview.questionnaireView();
        const int pages = view->sectionCount();
        for (int step = 0; step <= pages + 1 && preview.responseText().isEmpty(); ++step) {
            fillPage(preview);
            const int before = view->currentSection();
            view->goNext();
            QCoreApplication::processEvents();
            if (preview.responseText().isEmpty() && view->currentSection() == before)
                return QStringLiteral("stuck on page %1 of %2: %3")
                    .arg(before + 1)
                    .arg(pages)
                    .arg(stuckOn(preview));
        }
        if (preview.responseText().isEmpty())
            return QStringLiteral("no response after %1 pages").arg(pages);
        if (!m_problems.isEmpty())
            return m_problems.join(QStringLiteral("; "));
        const QString problem = checkResponse(preview);
        if (problem.isEmpty())
            m_response = preview.responseText();
        return problem;
    }

private:
    // Answers every question shown, again while answers show new ones.
    void fillPage(QuestionnairePreview& preview)
    {
        for (int pass = 0; pass < 8; ++pass) {
            bool changed = false;
            for (auto* group : preview.findChildren<RepeatingGroupView*>()) {
                if (!group->isVisible() || seen(m_grown, group) || group->shownInstances() != 1)
                    continue;
                m_grown.emplace_back(group);
                if (auto* add = group->findChild<QAbstractButton*>(QStringLiteral("addInstance"));
                    add && add->isEnabled()) {
                    QTest::mouseClick(add, Qt::LeftButton);
                    changed = true;
                }
            }
            for (auto* widget : preview.findChildren<QuestionWidget*>()) {
                if (!widget->isVisible() || seen(m_filled, widget))
                    continue;
                m_filled.emplace_back(widget);
                answer(*widget);
                changed = true;
            }
            QCoreApplication::processEvents();
            if (!changed)
                break;
        }
    }

    void answer(QuestionWidget& widget)
    {
        const q::Item* item = m_form.find(widget.linkId());
        if (!item || item->readOnly())
            return;
        // Laid out first, as the patient sees it: a click lands on a button
        // only within its geometry (a new instance's are not set yet).
        const QPointer<QuestionWidget> alive(&widget);
        QCoreApplication::processEvents();
        if (!alive)
            return; // rebuilt meanwhile; the new one is answered in the next pass
        const auto salt = static_cast<int>(qHash(QString::fromStdString(item->linkId())) % 7) + m_turn++;
        QList<QAbstractButton*> buttons;
        for (auto* button : widget.findChildren<QAbstractButton*>())
            if (button->objectName().startsWith(QStringLiteral("choice_")) && button->isVisible() &&
                button->isEnabled())
                buttons << button;
        auto* edit = widget.findChild<QLineEdit*>();
        const bool openChoice = item->type() == q::ItemType::OpenChoice;
        if (!buttons.isEmpty() && !(openChoice && edit && salt % 3 == 0)) {
            QTest::mouseClick(buttons[salt % buttons.size()], Qt::LeftButton);
            if (item->repeats() && buttons.size() > 1) {
                QAbstractButton* second = buttons[(salt + 1) % buttons.size()];
                if (!second->isChecked())
                    QTest::mouseClick(second, Qt::LeftButton);
            }
        } else if (edit && edit->isEnabled() && !edit->isReadOnly()) {
            const QString text = openChoice ? QStringLiteral("Other answer") : typedFor(*item);
            if (text.isEmpty())
                return;
            edit->setFocus();
            edit->clear();
            QTest::keyClicks(edit, text);
            QCoreApplication::processEvents();
            if (widget.hasProblem())
                m_problems << QStringLiteral("'%1' (%2) refused the typed \"%3\"")
                                  .arg(QString::fromStdString(item->linkId()),
                                       QString::fromStdString(std::string(q::toString(item->type()))), text);
        }
    }

    // Which shown questions still lack an answer, or what else holds the page.
    QString stuckOn(QuestionnairePreview& preview) const
    {
        QStringList missing;
        for (auto* widget : preview.findChildren<QuestionWidget*>())
            if (widget->isVisible()) {
                auto* label = widget->findChild<QWidget*>(QStringLiteral("missingLabel"));
                if ((label && label->isVisible()) || widget->hasProblem()) {
                    const q::Item* item = m_form.find(widget->linkId());
                    missing << QStringLiteral("'%1' (%2)")
                                   .arg(QString::fromStdString(widget->linkId()),
                                        item ? QString::fromStdString(std::string(q::toString(item->type())))
                                             : QString());
                }
            }
        return (missing.isEmpty() ? QStringLiteral("no question marked")
                                  : missing.join(QStringLiteral(", "))) +
               QStringLiteral(" (answers: %1)")
                   .arg(QString::fromStdString(preview.session().answers().dump()));
    }

    void countAnswers(const json& items)
    {
        if (!items.is_array())
            return;
        for (const json& node : items) {
            for (const json& answer : node.value("answer", json::array())) {
                for (const auto& [key, value] : answer.items())
                    if (key.rfind("value", 0) == 0)
                        ++m_answered[key];
                countAnswers(answer.value("item", json::array()));
            }
            countAnswers(node.value("item", json::array()));
        }
    }

    QString checkResponse(QuestionnairePreview& preview)
    {
        json response;
        try {
            response = json::parse(preview.responseText().toStdString());
        } catch (const json::exception& error) {
            return QStringLiteral("the response is not JSON: %1").arg(QString::fromUtf8(error.what()));
        }
        countAnswers(response.value("item", json::array()));
        if (const std::string problems = spinepath::test::responseProblems(m_form, response);
            !problems.empty())
            return QStringLiteral("the response breaks R4 rules: %1").arg(QString::fromStdString(problems));
        // An instance of a repeating group with no answers (added, then left
        // empty) is nothing a QuestionnaireResponse keeps.
        json accepted = preview.session().acceptedAnswers();
        for (const q::Item* item : m_form.allItems()) {
            if (!q::isRepeatingGroup(*item) || !accepted.contains(item->linkId()))
                continue;
            json kept = json::array();
            for (const json& instance : accepted[item->linkId()])
                if (!instance.empty())
                    kept.push_back(instance);
            if (kept.empty())
                accepted.erase(item->linkId());
            else
                accepted[item->linkId()] = kept;
        }
        try {
            const json readBack = q::fromQuestionnaireResponse(m_form, response);
            if (readBack != accepted)
                return QStringLiteral("the response reads back as %1, not %2")
                    .arg(QString::fromStdString(readBack.dump()), QString::fromStdString(accepted.dump()));
            const json again = q::toQuestionnaireResponse(m_form, readBack, q::responseOptionsOf(response));
            if (again != response)
                return QStringLiteral("written again the response differs: %1")
                    .arg(QString::fromStdString(again.dump()));
        } catch (const q::QuestionnaireError& error) {
            return QStringLiteral("the response does not read back: %1").arg(QString::fromUtf8(error.what()));
        }
        return {};
    }

    const q::Questionnaire& m_form;
    std::map<std::string, int>& m_answered;
    // Widgets a page rebuilt (a repeating group's instances) are new ones,
    // even where the allocator gives them an old one's address.
    static bool seen(const std::vector<QPointer<QWidget>>& list, QWidget* widget)
    {
        return std::any_of(list.begin(), list.end(),
                           [widget](const QPointer<QWidget>& p) { return p == widget; });
    }
    QString m_response;
    std::vector<QPointer<QWidget>> m_filled;
    std::vector<QPointer<QWidget>> m_grown;
    QStringList m_problems;
    int m_turn = 0;
};

} // namespace

class TestPublicQuestionnaires final : public QObject
{
    Q_OBJECT

private slots:
    void everyQuestionnaireLoadsOrIsRefusedAndRoundTrips()
    {
        const QString folder = qEnvironmentVariable(
            "SPINEPATH_FHIR_CORPUS", QStringLiteral(SPINEPATH_SOURCE_DIR "/tests/data/questionnaire/public"));
        const std::map<QString, QString> expected = expectedOutcomes(folder);
        QStringList files;
        QDirIterator walk(folder, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        while (walk.hasNext())
            files << walk.next();
        files.sort();
        QVERIFY2(!files.isEmpty(), qPrintable(QStringLiteral("no *.json under %1").arg(folder)));

        std::vector<Outcome> outcomes;
        std::vector<std::pair<QString, QString>> responses; // form, its response
        std::map<std::string, int> answered;
        int failed = 0;
        for (const QString& file : files) {
            Outcome outcome{QDir(folder).relativeFilePath(file), {}, {}};
            bool loaded = false;
            try {
                const auto form = q::Questionnaire::fromFile(file.toStdString());
                loaded = true;
                Walk attempt(form, answered);
                const QString problem = attempt.run();
                if (problem.isEmpty())
                    responses.emplace_back(outcome.file, attempt.response());
                outcome.result = problem.isEmpty() ? QStringLiteral("loaded") : QStringLiteral("FAILED");
                outcome.detail = problem;
            } catch (const q::QuestionnaireError& error) {
                outcome.result = QStringLiteral("refused");
                outcome.detail = QString::fromUtf8(error.what());
            } catch (const std::exception& error) {
                // Anything else escaping would abort the program.
                outcome.result = QStringLiteral("FAILED");
                outcome.detail =
                    QStringLiteral("uncaught exception: %1").arg(QString::fromUtf8(error.what()));
            }
            // The author's check agrees with the program.
            QProcess check;
            check.start(QStringLiteral(SPINEPATH_CLI_PATH),
                        {QStringLiteral("questionnaire"), QStringLiteral("check"), file});
            check.waitForFinished(60000);
            const bool checkCrashed = check.exitStatus() != QProcess::NormalExit;
            if (checkCrashed || (check.exitCode() == 0) != loaded) {
                outcome.result = QStringLiteral("FAILED");
                outcome.detail +=
                    QStringLiteral(" [questionnaire check %1 (exit %2): %3]")
                        .arg(checkCrashed ? QStringLiteral("crashed") : QStringLiteral("disagrees"))
                        .arg(check.exitCode())
                        .arg(QString::fromUtf8(check.readAllStandardError()).trimmed());
            }
            if (const auto it = expected.find(outcome.file); outcome.result != QLatin1String("FAILED") &&
                                                             it != expected.end() &&
                                                             it->second != outcome.result) {
                outcome.detail =
                    QStringLiteral("%1 (outcomes.tsv says %2)").arg(outcome.result, it->second) +
                    (outcome.detail.isEmpty() ? QString() : QStringLiteral(": ") + outcome.detail);
                outcome.result = QStringLiteral("FAILED");
            }
            if (outcome.result == QLatin1String("FAILED"))
                ++failed;
            std::printf("%s\t%s\t%s\n", qPrintable(outcome.result), qPrintable(outcome.file),
                        qPrintable(outcome.detail.simplified()));
            std::fflush(stdout);
            outcomes.push_back(outcome);
        }
        int refused = 0;
        for (const Outcome& outcome : outcomes)
            refused += outcome.result == QLatin1String("refused") ? 1 : 0;
        std::printf("%d questionnaires: %d loaded and round-tripped, %d refused, %d failed\n",
                    static_cast<int>(outcomes.size()), static_cast<int>(outcomes.size()) - refused - failed,
                    refused, failed);
        std::printf("answers exported:");
        for (const auto& [kind, count] : answered)
            std::printf(" %s %d", kind.c_str(), count);
        std::printf("\n");
        QCOMPARE(failed, 0);
        QVERIFY(!responses.empty());
        checkAgainstR4Schema(responses);
    }

private:
    // Every response also keeps HL7's own R4 JSON schema, as an implementation
    // that owes nothing to SpinePath (jsonschema, in Python) reads it.
    static void checkAgainstR4Schema(const std::vector<std::pair<QString, QString>>& responses)
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QStringList arguments{QStringLiteral(SPINEPATH_SOURCE_DIR "/tests/support/check_r4_schema.py"),
                              QStringLiteral(SPINEPATH_SOURCE_DIR
                                             "/tests/data/fhir-r4-schema/questionnaireresponse.schema.json")};
        for (const auto& [form, response] : responses) {
            QString name = form;
            QFile file(folder.filePath(name.replace(QLatin1Char('/'), QLatin1Char('_'))));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(response.toUtf8());
            arguments << file.fileName();
        }
        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.start(QStringLiteral("python3"), arguments);
        QVERIFY2(check.waitForFinished(300000),
                 "python3 did not run (apt install python3 python3-jsonschema)");
        const QString report = QString::fromUtf8(check.readAll());
        std::printf("%s", qPrintable(report));
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, qPrintable(report));
    }
};

QTEST_MAIN(TestPublicQuestionnaires)
#include "test_PublicQuestionnaires.moc"
