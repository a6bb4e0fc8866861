// Acceptance (issue 18): a patient who cannot use a mouse completes the whole
// home questionnaire with the keyboard alone, from the welcome page to the
// results: Tab from control to control, the arrow keys within an answer
// group, Space to pick, typing into the fields (the date of birth too), and
// Enter on Next. Every option of a "choose all that apply" list is ticked on
// the way. Any mouse press, anywhere in the application, fails the test.
#include "MainWindow.h"
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "core/session/AssessmentSession.h"
#include "patient/questionnaire/QuestionWidget.h"

#include "core/questionnaire/Questionnaire.h"
#include "support/ExampleAnswers.h"
#include "support/Screenshot.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace spinepath::ui;

namespace q = spinepath::questionnaire;
using nlohmann::json;

namespace {

// Counts every mouse button event the application sees.
class MouseWatch final : public QObject
{
public:
    int presses = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
            ++presses;
            break;
        default:
            break;
        }
        return QObject::eventFilter(watched, event);
    }
};

// The question a control belongs to, or null.
QuestionWidget* owner(QWidget* widget)
{
    for (; widget; widget = widget->parentWidget())
        if (auto* question = qobject_cast<QuestionWidget*>(widget))
            return question;
    return nullptr;
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, key, modifiers);
}

} // namespace

class TestKeyboardOnly final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataFolder;
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<MainWindow> m_window;
    MouseWatch m_mouse;
    // What the patient answers: worked example E3, every diagnosis ticked
    // (which asks three follow-up questions), and the "About you" page.
    json m_answers;
    std::set<std::string> m_answered;

    [[nodiscard]] const q::Questionnaire& questionnaire() const
    {
        return m_context->content->screening().questionnaire();
    }

    [[nodiscard]] QWidget* currentPage() const
    {
        return m_window->findChild<QStackedWidget*>(QStringLiteral("pages"))->currentWidget();
    }

    [[nodiscard]] QString progress() const
    {
        return m_window->findChild<QLabel*>(QStringLiteral("progressLabel"))->text();
    }

    // The answer values of a question's buttons, in reading order.
    [[nodiscard]] QStringList choicesOf(const q::Item& item) const
    {
        QStringList values;
        if (item.type() == q::ItemType::Boolean)
            return {QStringLiteral("true"), QStringLiteral("false")};
        if (item.type() == q::ItemType::Integer)
            for (int n = item.minValue().get<int>(); n <= item.maxValue().get<int>(); ++n)
                values << QString::number(n);
        for (const q::AnswerOption& option : item.answerOptions())
            values << QString::fromStdString(option.coding.code);
        return values;
    }

    // The answer wanted for a question: from m_answers, else No or the first option.
    [[nodiscard]] json wanted(const q::Item& item) const
    {
        if (m_answers.contains(item.linkId()))
            return m_answers.at(item.linkId());
        if (item.type() == q::ItemType::Boolean)
            return false;
        return item.answerOptions().front().coding.code;
    }

    static QString asChoice(const json& value)
    {
        if (value.is_boolean())
            return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
        return value.is_string() ? QString::fromStdString(value.get<std::string>())
                                 : QString::fromStdString(value.dump());
    }

    // Answers the question whose first control has the focus, with keys only.
    void answerWithTheKeyboard(QuestionWidget& question)
    {
        const q::Item* item = questionnaire().find(question.linkId());
        QVERIFY(item);
        QWidget* focus = QApplication::focusWidget();
        const json value = wanted(*item);
        if (auto* field = qobject_cast<QLineEdit*>(focus)) {
            QTest::keyClicks(field, value.is_string() ? QString::fromStdString(value.get<std::string>())
                                                      : QString::fromStdString(value.dump()));
            return;
        }
        const QStringList choices = choicesOf(*item);
        const auto indexOf = [&choices](const QWidget* button) {
            return choices.indexOf(button->objectName().mid(QStringLiteral("choice_").size()));
        };
        if (value.is_array()) {
            // A list: Down from box to box, Space on each one wanted.
            QCOMPARE(indexOf(focus), 0);
            for (qsizetype i = 0; i < choices.size(); ++i) {
                QCOMPARE(indexOf(QApplication::focusWidget()), i);
                if (std::find(value.begin(), value.end(), json(choices[i].toStdString())) != value.end())
                    press(Qt::Key_Space);
                if (i + 1 < choices.size())
                    press(Qt::Key_Down);
            }
            return;
        }
        // One answer: arrow keys to it, Space to pick it.
        const qsizetype target = choices.indexOf(asChoice(value));
        QVERIFY2(target >= 0, item->linkId().c_str());
        for (qsizetype at = indexOf(focus); at != target; at = indexOf(QApplication::focusWidget()))
            press(at < target ? Qt::Key_Right : Qt::Key_Left);
        press(Qt::Key_Space);
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        spinepath::ui::applyAppearance(*qApp);
        QVERIFY(m_dataFolder.isValid());
        m_context->openDatabase(m_dataFolder.filePath(QStringLiteral("keyboard.sqlite")));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
        json everyDiagnosis = json::array();
        for (const q::AnswerOption& option : questionnaire().find("dx.told")->answerOptions())
            everyDiagnosis.push_back(option.coding.code);
        m_answers =
            spinepath::test::with(spinepath::test::example3Answers(), {{"dx.told", everyDiagnosis},
                                                                       {"about.name", "Ann Example"},
                                                                       {"about.birth_date", "03/15/1955"},
                                                                       {"about.phone", "555 0100"},
                                                                       {"about.email", "ann@example.org"},
                                                                       {"about.contact_ok", false}});
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->resize(1024, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        qApp->installEventFilter(&m_mouse);
    }

    void cleanup()
    {
        qApp->removeEventFilter(&m_mouse);
        m_window.reset();
    }

    void theWholeHomeQuestionnaireWithTheKeyboardAlone()
    {
        // The welcome page: Tab to "At home", Space to start.
        for (int i = 0; i < 40 && (!QApplication::focusWidget() ||
                                   QApplication::focusWidget()->objectName() != QStringLiteral("homeButton"));
             ++i)
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(),
                            Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget());
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("homeButton"));
        press(Qt::Key_Space);
        QCOMPARE(currentPage()->objectName(), QStringLiteral("questionnaireView"));
        auto* next = m_window->findChild<QPushButton*>(QStringLiteral("nextButton"));

        // Each page: Tab through it, answering each question on arrival, then
        // Enter on Next. Tab must reach every question before Back and Next.
        int pages = 0;
        for (int step = 0; step < 600 && currentPage()->objectName() == QStringLiteral("questionnaireView");
             ++step) {
            QWidget* focus = QApplication::focusWidget();
            QVERIFY2(focus, qPrintable(progress()));
            if (focus == next) {
                if (progress().contains(QStringLiteral("Your pain")))
                    saveScreenshot(*m_window, QStringLiteral("questionnaire-pain-scale"));
                if (progress().contains(QStringLiteral("About you"))) {
                    QCOMPARE(m_window->session()->answers().at("about.birth_date"), json("1955-03-15"));
                    saveScreenshot(*m_window, QStringLiteral("questionnaire-date-of-birth"));
                }
                const QString before = progress();
                press(Qt::Key_Return);
                ++pages;
                if (currentPage()->objectName() == QStringLiteral("questionnaireView"))
                    QVERIFY2(progress() != before,
                             qPrintable(QStringLiteral("Enter on Next stayed on ") + before));
                continue;
            }
            QuestionWidget* question = owner(focus);
            const bool answerControl =
                qobject_cast<QLineEdit*>(focus) || focus->objectName().startsWith(QStringLiteral("choice_"));
            if (question && answerControl && m_answered.insert(question->linkId()).second)
                answerWithTheKeyboard(*question);
            press(Qt::Key_Tab);
        }
        QCOMPARE(currentPage()->objectName(), QStringLiteral("resultsPage"));
        QVERIFY(pages >= 10);

        // Every question shown was answered as wanted, every diagnosis among them.
        const json& given = m_window->session()->answers();
        QCOMPARE(given.at("dx.told"), m_answers.at("dx.told"));
        for (const char* followUp : {"dx.spondy_grade", "dx.deformity_progressive", "dx.fracture_stability"})
            QVERIFY2(given.contains(followUp), followUp);
        for (const auto& [linkId, value] : m_answers.items()) {
            if (linkId == "about.birth_date")
                QCOMPARE(given.at(linkId), json("1955-03-15"));
            else
                QVERIFY2(given.contains(linkId) && given.at(linkId) == value, linkId.c_str());
        }
        QCOMPARE(m_mouse.presses, 0);
    }
};

QTEST_MAIN(TestKeyboardOnly)
#include "test_KeyboardOnly.moc"
