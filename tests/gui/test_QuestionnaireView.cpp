// The questionnaire's pages and its Back and Next, on their own: what Enter
// does where the focus is, Next's own shortcut, and where a resumed
// questionnaire opens.
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "core/session/AssessmentSession.h"
#include "patient/questionnaire/QuestionWidget.h"
#include "patient/questionnaire/QuestionnaireView.h"

#include "support/ExampleAnswers.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace spinepath::ui;
using nlohmann::json;

class TestQuestionnaireView final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<spinepath::AssessmentSession> m_session;
    std::unique_ptr<QuestionnaireView> m_view;

    [[nodiscard]] QPushButton* button(const char* name) const
    {
        return m_view->findChild<QPushButton*>(QLatin1String(name));
    }

    [[nodiscard]] QAbstractButton* choice(const char* linkId, const char* value) const
    {
        auto* question = m_view->findChild<QWidget*>(QStringLiteral("question_") + QLatin1String(linkId));
        return question
                   ? question->findChild<QAbstractButton*>(QStringLiteral("choice_") + QLatin1String(value))
                   : nullptr;
    }

    [[nodiscard]] QString progress() const
    {
        return m_view->findChild<QLabel*>(QStringLiteral("progressLabel"))->text();
    }

    // Gives the session these answers, as a resume would, and shows them.
    void answer(const json& answers)
    {
        for (const auto& [linkId, value] : answers.items())
            m_session->setAnswer(linkId, value);
        m_view->showAnswers();
    }

    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, key, modifiers);
    }

private slots:
    void initTestCase() { spinepath::ui::applyAppearance(*qApp); }

    void init()
    {
        m_session = std::make_unique<spinepath::AssessmentSession>(m_context->content->screening(),
                                                                   spinepath::AssessmentMode::Home);
        m_view = std::make_unique<QuestionnaireView>(*m_session);
        m_view->resize(1024, 768);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_session.reset();
    }

    void enterOnBackGoesBack()
    {
        answer(spinepath::test::negativeSafetyScreen());
        m_view->goNext();
        QVERIFY(progress().startsWith(QStringLiteral("Section 2 of ")));
        button("backButton")->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Return);
        QVERIFY2(progress().startsWith(QStringLiteral("Section 1 of ")), qPrintable(progress()));
    }

    void enterOnAnAnswerPicksItAndStays()
    {
        QAbstractButton* no = choice("redflag.bladder_bowel", "false");
        no->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Return);
        QVERIFY(no->isChecked());
        QCOMPARE(m_session->answers().at("redflag.bladder_bowel"), json(false));
        QVERIFY(progress().startsWith(QStringLiteral("Section 1 of ")));
        // No "please answer" messages either: Next was not asked for.
        for (const QLabel* message : m_view->findChildren<QLabel*>(QStringLiteral("missingLabel")))
            QVERIFY(!message->isVisible());
    }

    void enterOnNextGoesOn()
    {
        answer(spinepath::test::negativeSafetyScreen());
        button("nextButton")->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Return);
        QVERIFY2(progress().startsWith(QStringLiteral("Section 2 of ")), qPrintable(progress()));
    }

    void ctrlEnterIsNextFromAnywhereAndSaysSo()
    {
        answer(spinepath::test::negativeSafetyScreen());
        choice("redflag.fever", "false")->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(progress().startsWith(QStringLiteral("Section 2 of ")), qPrintable(progress()));
        // Required answers still stop it.
        press(Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QVERIFY(progress().startsWith(QStringLiteral("Section 2 of ")));
        const QString shortcut = QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText);
        QVERIFY2(button("nextButton")->toolTip().contains(shortcut),
                 qPrintable(button("nextButton")->toolTip()));
        QCOMPARE(button("nextButton")->accessibleDescription(), button("nextButton")->toolTip());
        // Each button is named by its visible text.
        QCOMPARE(button("nextButton")->accessibleName(), button("nextButton")->text());
        QCOMPARE(button("backButton")->accessibleName(), button("backButton")->text());
    }

    void enterOnTheLastPageNeverFinishesUnasked()
    {
        answer(spinepath::test::example3Answers());
        m_view->resumeWhereStopped();
        QVERIFY(progress().contains(QStringLiteral("About you")));
        QCOMPARE(button("nextButton")->text(), QStringLiteral("See my results"));
        QSignalSpy completed(m_view.get(), &QuestionnaireView::completed);
        // Typing in each field and pressing Enter goes from field to field.
        auto* name =
            m_view->findChild<QWidget*>(QStringLiteral("question_about.name"))->findChild<QLineEdit*>();
        QCOMPARE(QApplication::focusWidget(), name);
        for (const QString& text : {QStringLiteral("Ann Example"), QStringLiteral("3/15/1955"),
                                    QStringLiteral("555 0100"), QStringLiteral("ann@example.org")}) {
            auto* field = qobject_cast<QLineEdit*>(QApplication::focusWidget());
            QVERIFY(field);
            QTest::keyClicks(field, text);
            press(Qt::Key_Return);
            QCOMPARE(completed.count(), 0);
        }
        QCOMPARE(m_session->answers().at("about.birth_date"), json("1955-03-15"));
        // Only Enter on "See my results" itself finishes.
        button("nextButton")->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Return);
        QCOMPARE(completed.count(), 1);
    }

    void aResumedQuestionnaireOpensWhereThePatientStopped()
    {
        // Safety answered, the pain section begun: it opens at the pain section.
        answer(spinepath::test::with(spinepath::test::negativeSafetyScreen(), {{"pain.duration", "6m_12m"}}));
        m_view->resumeWhereStopped();
        QVERIFY2(progress().startsWith(QStringLiteral("Section 2 of ")), qPrintable(progress()));
        QVERIFY(progress().contains(QStringLiteral("Your pain")));
        QVERIFY(choice("pain.duration", "6m_12m")->isChecked());
    }

    void aResumedQuestionnaireWithEveryRequiredAnswerOpensAtTheLastPage()
    {
        answer(spinepath::test::example3Answers());
        m_view->resumeWhereStopped();
        QCOMPARE(m_view->currentSection(), m_view->sectionCount() - 1);
    }
};

QTEST_MAIN(TestQuestionnaireView)
#include "test_QuestionnaireView.moc"
