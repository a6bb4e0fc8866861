// ResultsPage: the core's PatientResult on screen. No score in any form, the
// instruction for where the patient is, the calm flags apart from the alarming
// ones, and the same texts as the patient copy. With SPINEPATH_SCREENSHOT_DIR
// set it saves the page at 1280 x 800 with an emergency, at home and at the kiosk.
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "patient/ResultsPage.h"

#include "core/report/PatientCopy.h"
#include "core/report/PatientResult.h"
#include "core/report/ReportBuilder.h"
#include "support/AssessmentModes.h"
#include "support/PatientResultCases.h"
#include "support/Screenshot.h"
#include "support/WidgetLookup.h"

#include <QAbstractButton>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace spinepath::ui;

using spinepath::AssessmentMode;
using spinepath::test::requireChild;

class TestResultsPage final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    // The loaded rules with a flag for review added.
    std::unique_ptr<spinepath::scoring::Ruleset> m_rules;
    std::unique_ptr<ResultsPage> m_page;

    [[nodiscard]] spinepath::scoring::ScreeningResult result(const std::vector<std::string>& flags) const
    {
        return spinepath::test::resultWith(*m_rules, flags, m_rules->categories().front().id,
                                           m_rules->factors().size(), m_rules->notes().size());
    }

    [[nodiscard]] spinepath::report::PatientResult
    patientResult(const spinepath::scoring::ScreeningResult& scored, std::optional<AssessmentMode> mode) const
    {
        return spinepath::report::makePatientResult(scored, *m_rules, m_context->content->clinic(),
                                                    m_context->content->articles(),
                                                    m_context->content->screening().roles(), mode);
    }

    // Fills the page, then shows it as the window does (filled before it is shown).
    void show(std::optional<AssessmentMode> mode, const std::vector<std::string>& flags)
    {
        m_page->showResult(patientResult(result(flags), mode));
        if (!m_page->isVisible()) {
            m_page->show();
            QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        }
    }

    [[nodiscard]] std::vector<std::string> everyKindOfFlag() const
    {
        return spinepath::test::oneFlagOfEachKind(*m_rules);
    }

    [[nodiscard]] QString message(const char* key) const
    {
        return QString::fromStdString(m_context->content->clinic().message(key));
    }

    // Every text the page shows or speaks: labels, buttons and accessible names.
    [[nodiscard]] QStringList everyText() const
    {
        QStringList texts;
        for (const QLabel* label : m_page->findChildren<QLabel*>())
            texts << label->text() << label->accessibleName();
        for (const QAbstractButton* button : m_page->findChildren<QAbstractButton*>())
            texts << button->text() << button->accessibleName() << button->accessibleDescription();
        return texts;
    }

    [[nodiscard]] static bool inside(const QWidget* widget, const QWidget* box)
    {
        return box && box->isAncestorOf(widget);
    }

    // Every text on the page, for a result with scores, weights and a PEG.
    void checkNoScoreShown(std::optional<AssessmentMode> mode)
    {
        show(mode, everyKindOfFlag());
        QVERIFY(m_page->findChildren<QProgressBar*>().isEmpty());
        const QStringList texts = everyText();
        QVERIFY(texts.size() > 20);
        for (const QString& text : texts)
            for (const char* number : spinepath::test::kLeakedNumbers)
                QVERIFY2(!text.contains(QLatin1String(number)), qPrintable(text));
        // Each reason as the rules word it: no weight, no direction of a score beside it.
        for (const auto& factor : m_rules->factors()) {
            const auto* label = requireChild<QLabel>(*m_page, ("factor_" + factor.id).c_str());
            QCOMPARE(label->text(), QStringLiteral("• ") + QString::fromStdString(factor.reason));
        }
    }

private slots:
    void initTestCase()
    {
        spinepath::ui::applyAppearance(*qApp);
        m_rules = std::make_unique<spinepath::scoring::Ruleset>(
            spinepath::test::withReviewFlag(m_context->content->screening().ruleset()));
    }

    void init()
    {
        m_page = std::make_unique<ResultsPage>();
        m_page->resize(1280, 800);
    }

    void cleanup() { m_page.reset(); }

    void showsNoScoreWeightOrPeg()
    {
        for (const std::optional<AssessmentMode> mode : kEveryMode) {
            checkNoScoreShown(mode);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void anEmergencyAtHomeSaysToCallTheEmergencyNumber()
    {
        show(AssessmentMode::Home, everyKindOfFlag());
        auto* action = requireChild<QLabel>(*m_page, "alertAction");
        QCOMPARE(action->text(), message("emergencyHome"));
        QVERIFY(
            action->text().contains(QString::fromStdString(m_context->content->clinic().emergencyNumber)));
        QVERIFY(inside(action, requireChild<QWidget>(*m_page, "flagBox")));
        QVERIFY(!everyText().contains(message("emergencyKiosk")));
        saveScreenshot(*m_page, QStringLiteral("results-emergency-home"));
    }

    void anEmergencyAtTheKioskSaysToTellTheFrontDesk()
    {
        show(AssessmentMode::Kiosk, everyKindOfFlag());
        auto* action = requireChild<QLabel>(*m_page, "alertAction");
        QCOMPARE(action->text(), message("emergencyKiosk"));
        QVERIFY(action->text().contains(QStringLiteral("front desk")));
        QVERIFY(!everyText().contains(message("emergencyHome")));
        saveScreenshot(*m_page, QStringLiteral("results-emergency-kiosk"));
    }

    void anUrgentFlagAtHomeSaysToCallTheClinic()
    {
        const auto& urgent = spinepath::test::severityWhere(*m_rules, false, true);
        show(AssessmentMode::Home, {spinepath::test::flagsOf(*m_rules, urgent.id).front()});
        QCOMPARE(requireChild<QLabel>(*m_page, "alertAction")->text(), message("urgentHome"));
    }

    void alarmingFlagsComeFirstAndFlagsForReviewStayCalm()
    {
        const auto flags = everyKindOfFlag();
        show(AssessmentMode::Home, flags);
        const QWidget* alerts = requireChild<QWidget>(*m_page, "flagBox");
        const QWidget* calm = requireChild<QWidget>(*m_page, "discussBox");
        for (const std::string& id : {flags[0], flags[1]})
            QVERIFY(inside(requireChild<QLabel>(*m_page, ("flag_" + id).c_str()), alerts));
        const auto* review = requireChild<QLabel>(*m_page, "flag_test_review_flag");
        QVERIFY(inside(review, calm));
        QVERIFY(!inside(review, alerts));
        QVERIFY(review->text().contains(QLatin1String(spinepath::test::kReviewFlagPatient)));
        // The box of what alarms is above the result, the calm one below it.
        const auto top = [this](const QWidget* widget) {
            return widget->mapTo(m_page->widget(), QPoint()).y();
        };
        const QWidget* category = requireChild<QLabel>(*m_page, "categoryTitle");
        QTRY_VERIFY(top(alerts) < top(category)); // once the new widgets are laid out
        QVERIFY(top(calm) > top(category));

        // Only flags for review: nothing alarms, nothing to do now.
        show(AssessmentMode::Home, {spinepath::test::kReviewFlag});
        QVERIFY(!m_page->findChild<QWidget*>(QStringLiteral("flagBox")));
        QVERIFY(!m_page->findChild<QLabel*>(QStringLiteral("alertAction")));
        QVERIFY(inside(requireChild<QLabel>(*m_page, "flag_test_review_flag"),
                       requireChild<QWidget>(*m_page, "discussBox")));
    }

    void theWarningSignsAreOfferedAndOpenInTheLibrary()
    {
        show(AssessmentMode::Home, everyKindOfFlag());
        QSignalSpy opened(m_page.get(), &ResultsPage::articleRequested);
        auto* warning = requireChild<QPushButton>(*m_page, "article_warning-signs");
        QTest::mouseClick(warning, Qt::LeftButton);
        QCOMPARE(opened.count(), 1);
        QVERIFY(opened.at(0).at(0).toString().startsWith(QStringLiteral("warning-signs")));
    }

    void thePageAndThePatientCopySayTheSame()
    {
        for (const AssessmentMode mode : {AssessmentMode::Home, AssessmentMode::Kiosk}) {
            const auto scored = result(everyKindOfFlag());
            m_page->showResult(patientResult(scored, mode));
            const spinepath::report::ReportBuilder builder(
                m_context->content->screening().questionnaire(), *m_rules, m_context->content->clinic(),
                m_context->content->articles(), m_context->content->labels(),
                m_context->content->screening().roles());
            const QString copy = spinepath::report::patientCopyHtml(
                builder.build(nlohmann::json::object(), scored, {{}, {}, mode, {}, {}}));
            int compared = 0;
            for (const QLabel* label : m_page->findChildren<QLabel*>()) {
                if (label->objectName() == QStringLiteral("resultsHeading")) // the copy's page title
                    continue;
                QString text = label->text();
                if (text.startsWith(QStringLiteral("• ")))
                    text = text.mid(2);
                QVERIFY2(copy.contains(text.toHtmlEscaped()), qPrintable(text));
                ++compared;
            }
            for (const QPushButton* link : m_page->findChildren<QPushButton*>())
                if (link->objectName().startsWith(QStringLiteral("article_")))
                    QVERIFY2(copy.contains(link->text().toHtmlEscaped()), qPrintable(link->text()));
            QVERIFY(compared > 20);
        }
    }

    void markupInContentIsShownAsText()
    {
        auto shown = patientResult(result({}), AssessmentMode::Home);
        shown.categoryTitle = QStringLiteral("<b>Bold</b> & <i>not</i>");
        m_page->showResult(shown);
        auto* title = requireChild<QLabel>(*m_page, "categoryTitle");
        QCOMPARE(title->textFormat(), Qt::PlainText);
        QCOMPARE(title->text(), shown.categoryTitle);
    }

    void clearLeavesNothingOfThePatient()
    {
        show(AssessmentMode::Home, everyKindOfFlag());
        m_page->clear();
        QVERIFY(m_page->findChildren<QLabel*>().isEmpty());
        QVERIFY(m_page->findChildren<QPushButton*>().isEmpty());
    }
};

QTEST_MAIN(TestResultsPage)
#include "test_ResultsPage.moc"
