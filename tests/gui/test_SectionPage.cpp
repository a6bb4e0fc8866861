// A generated questionnaire page, shown on its own: the safety check, whose
// group the content marks as a table, is one Yes/No row per question that the
// keyboard alone can answer, and that never answers for the patient.
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "core/session/AssessmentSession.h"
#include "patient/questionnaire/ChoiceQuestions.h"
#include "patient/questionnaire/SectionPage.h"
#include "patient/questionnaire/ValueQuestions.h"

#include "core/questionnaire/Questionnaire.h"
#include "support/ExampleAnswers.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QtTest>

#include <memory>
#include <string>
#include <vector>

using namespace spinepath::ui;

namespace q = spinepath::questionnaire;
using nlohmann::json;

namespace {

// The question a control belongs to, or "" for anything else.
std::string owner(const QWidget* widget)
{
    for (; widget; widget = widget->parentWidget())
        if (const auto* question = qobject_cast<const QuestionWidget*>(widget))
            return question->linkId();
    return {};
}

} // namespace

class TestSectionPage final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<spinepath::AssessmentSession> m_session;
    std::unique_ptr<SectionPage> m_page;

    [[nodiscard]] const q::Questionnaire& questionnaire() const
    {
        return m_context->content->screening().questionnaire();
    }

    [[nodiscard]] QuestionWidget* row(const std::string& linkId) const
    {
        return m_page->findChild<QuestionWidget*>(QStringLiteral("question_") +
                                                  QString::fromStdString(linkId));
    }

    [[nodiscard]] QAbstractButton* button(const std::string& linkId, const char* value) const
    {
        QuestionWidget* question = row(linkId);
        return question ? question->findChild<QAbstractButton*>(QStringLiteral("choice_") +
                                                                QString::fromLatin1(value))
                        : nullptr;
    }

    [[nodiscard]] bool answered(const std::string& linkId) const
    {
        return m_session->answers().contains(linkId);
    }

    static void press(Qt::Key key)
    {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, key);
    }

    // The first question or answer whose text is cut off, or "" when all fit:
    // a question's wording must have the height its wrapped lines need, and an
    // answer must fit on one line or have the height of its wrapped lines.
    [[nodiscard]] QString textThatDoesNotFit() const
    {
        if (m_page->widget()->width() > m_page->viewport()->width())
            return QStringLiteral("the page is wider than the window");
        for (const QuestionWidget* question : m_page->questions()) {
            if (!question->isVisible())
                continue;
            const QString id = QString::fromStdString(question->linkId());
            const auto* text = question->findChild<QLabel*>(QStringLiteral("questionText"));
            if (text->height() < text->heightForWidth(text->width()))
                return id;
            if (question->geometry().right() >= m_page->viewport()->width())
                return id + QStringLiteral(" reaches past the window");
            for (const QAbstractButton* answer : question->findChildren<QAbstractButton*>()) {
                if (answer->width() < answer->sizeHint().width() &&
                    answer->height() < answer->heightForWidth(answer->width()))
                    return QStringLiteral("%1 %2: %3x%4, its wrapped lines need %5")
                        .arg(id, answer->objectName())
                        .arg(answer->width())
                        .arg(answer->height())
                        .arg(answer->heightForWidth(answer->width()));
            }
        }
        return {};
    }

    void showPage(int width, int height)
    {
        m_page->resize(width, height);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

private slots:
    void initTestCase() { spinepath::ui::applyAppearance(*qApp); }

    void init()
    {
        m_session = std::make_unique<spinepath::AssessmentSession>(m_context->content->screening(),
                                                                   spinepath::AssessmentMode::Home);
        m_page = std::make_unique<SectionPage>(*questionnaire().find("section.safety"), *m_session);
        showPage(1024, 768);
    }

    void cleanup()
    {
        m_page.reset();
        m_session.reset();
    }

    void safetyQuestionsAreTheRowsOfOneTable()
    {
        auto* table = m_page->findChild<QWidget*>(QStringLiteral("questionTable_section.safety"));
        QVERIFY(table);
        std::vector<std::string> rows;
        for (const QuestionWidget* question : m_page->questions()) {
            QCOMPARE(question->parentWidget(), table);
            QCOMPARE(question->property("role").toString(), QStringLiteral("tableRow"));
            if (question->isVisible())
                rows.push_back(question->linkId());
        }
        // redflag.trauma_major is shown only after an injury, the legacy redflag.systemic never.
        QCOMPARE(rows, spinepath::test::safetyLinkIds());
        // The legacy item is never shown, not even hidden away.
        QVERIFY(!row("redflag.systemic"));

        QVERIFY(qobject_cast<NumberQuestion*>(row("safety.age")));
        QVERIFY(qobject_cast<MultipleChoiceQuestion*>(row("redflag.bone_risk")));
        QVERIFY(row("redflag.bone_risk")->findChild<QCheckBox*>(QStringLiteral("choice_none")));
    }

    void eachRowIsItsOwnYesNoGroupNamedByItsQuestion()
    {
        std::vector<QButtonGroup*> groups;
        for (const q::Item* item : questionnaire().find("section.safety")->children()) {
            if (item->type() != q::ItemType::Boolean || item->hidden())
                continue;
            const std::string& id = item->linkId();
            QVERIFY2(qobject_cast<YesNoRowQuestion*>(row(id)), id.c_str());
            auto* yes = qobject_cast<QRadioButton*>(button(id, "true"));
            auto* no = qobject_cast<QRadioButton*>(button(id, "false"));
            QVERIFY2(yes && no, id.c_str());
            QCOMPARE(yes->text(), QStringLiteral("Yes"));
            QCOMPARE(no->text(), QStringLiteral("No"));
            QVERIFY(yes->group() && yes->group() == no->group() && yes->group()->exclusive());
            QVERIFY(std::find(groups.begin(), groups.end(), yes->group()) == groups.end());
            groups.push_back(yes->group());
            // A screen reader names each answer by its visible text, inside a
            // group named by the question.
            const QString text = QString::fromStdString(item->text());
            QCOMPARE(yes->accessibleName(), QStringLiteral("Yes"));
            QCOMPARE(no->accessibleName(), QStringLiteral("No"));
            QAccessibleInterface* group = QAccessible::queryAccessibleInterface(row(id));
            QCOMPARE(group->role(), QAccessible::Grouping);
            QVERIFY2(group->text(QAccessible::Name).startsWith(text),
                     qPrintable(group->text(QAccessible::Name)));
            // Nothing is picked for the patient.
            QVERIFY(!yes->isChecked() && !no->isChecked());
        }
        QCOMPARE(groups.size(), std::size_t{14}); // 13 always asked, and the follow-up
        // Answering one row leaves the others as they were.
        QTest::mouseClick(button("redflag.fever", "false"), Qt::LeftButton);
        QVERIFY(button("redflag.fever", "false")->isChecked());
        QVERIFY(!button("redflag.weight_loss", "false")->isChecked());
        QCOMPARE(m_session->answers(), json({{"redflag.fever", false}}));
    }

    void theKeyboardAloneAnswersEveryRowInReadingOrder()
    {
        m_page->focusFirstQuestion();
        QCOMPARE(owner(QApplication::focusWidget()), std::string("safety.age"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("42"));

        std::vector<std::string> visited{"safety.age"};
        for (int step = 0; step < 40; ++step) {
            press(Qt::Key_Tab);
            QWidget* focus = QApplication::focusWidget();
            const std::string id = owner(focus);
            if (id.empty() || id == visited.front())
                break; // past the last row
            // Tab goes from question to question, never to the other answer of the same one.
            QVERIFY2(id != visited.back(), id.c_str());
            visited.push_back(id);
            if (qobject_cast<QRadioButton*>(focus)) {
                QCOMPARE(focus->objectName(), QStringLiteral("choice_true"));
                press(Qt::Key_Right);
                QCOMPARE(QApplication::focusWidget(), button(id, "false"));
                // Moving between Yes and No does not answer.
                QVERIFY2(!answered(id), id.c_str());
                press(Qt::Key_Space);
                QCOMPARE(m_session->answers().at(id), json(false));
            } else {
                QVERIFY2(qobject_cast<QCheckBox*>(focus), id.c_str());
                for (int down = 0; down < 5 && QApplication::focusWidget() != button(id, "none"); ++down)
                    press(Qt::Key_Down);
                QCOMPARE(QApplication::focusWidget(), button(id, "none"));
                QVERIFY(!answered(id));
                press(Qt::Key_Space);
                QCOMPARE(m_session->answers().at(id), json({"none"}));
            }
        }
        QCOMPARE(visited, spinepath::test::safetyLinkIds());
        QCOMPARE(m_session->answers().at("safety.age"), json(42));
        QVERIFY(m_session->missingRequired("section.safety").empty());
        QVERIFY(m_page->checkRequired());
    }

    void anUnansweredRowStaysUnansweredAndIsPointedOut()
    {
        for (const std::string& id : spinepath::test::safetyLinkIds()) {
            if (id == "redflag.gait" || id == "safety.age")
                continue;
            QAbstractButton* no = button(id, "false");
            QTest::mouseClick(no ? no : button(id, "none"), Qt::LeftButton);
        }
        QTest::keyClicks(row("safety.age")->focusTarget(), QStringLiteral("67"));

        QVERIFY(!m_page->checkRequired());
        QVERIFY(!answered("redflag.gait"));
        QVERIFY(row("redflag.gait")->findChild<QLabel*>(QStringLiteral("missingLabel"))->isVisible());
        QVERIFY(!row("redflag.fever")->findChild<QLabel*>(QStringLiteral("missingLabel"))->isVisible());
        // The focus goes to the row to answer, and still picks nothing.
        QCOMPARE(owner(QApplication::focusWidget()), std::string("redflag.gait"));
        QVERIFY(!button("redflag.gait", "true")->isChecked() &&
                !button("redflag.gait", "false")->isChecked());

        press(Qt::Key_Space);
        QCOMPARE(m_session->answers().at("redflag.gait"), json(true));
        QVERIFY(!row("redflag.gait")->findChild<QLabel*>(QStringLiteral("missingLabel"))->isVisible());
        QVERIFY(m_page->checkRequired());
    }

    void theMissingAnswerIsToldToAScreenReader()
    {
        std::vector<std::pair<QObject*, QAccessible::Event>> events;
        static std::vector<std::pair<QObject*, QAccessible::Event>>* record = nullptr;
        record = &events;
        QAccessible::installUpdateHandler([](QAccessibleEvent* event) {
            if (record)
                record->emplace_back(event->object(), event->type());
        });
        QAccessible::setActive(true);
        const auto restore = qScopeGuard([] {
            record = nullptr;
            QAccessible::installUpdateHandler(nullptr);
            QAccessible::setActive(false);
        });

        QVERIFY(!m_page->checkRequired());
        // The first question to answer has the focus, says what is missing, and
        // its message is announced at once.
        QuestionWidget* first = row("safety.age");
        QCOMPARE(owner(QApplication::focusWidget()), std::string("safety.age"));
        auto* message = first->findChild<QLabel*>(QStringLiteral("missingLabel"));
        QCOMPARE(first->accessibleDescription(), message->text());
        QAccessibleInterface* alert = QAccessible::queryAccessibleInterface(message);
        QCOMPARE(alert->role(), QAccessible::AlertMessage);
        QCOMPARE(alert->text(QAccessible::Name), message->text());
        // Only a platform with a screen reader attached passes events on (Qt
        // offers no public way to switch that on offscreen); there, exactly
        // one alert is raised, for the first message.
        if (QAccessible::isActive()) {
            const auto alerts = std::count_if(events.begin(), events.end(), [](const auto& event) {
                return event.second == QAccessible::Alert;
            });
            QCOMPARE(alerts, 1);
            QVERIFY(std::find(events.begin(), events.end(),
                              std::make_pair(static_cast<QObject*>(message), QAccessible::Alert)) !=
                    events.end());
        }
        // Answered: the description goes with the message.
        QTest::keyClicks(first->focusTarget(), QStringLiteral("50"));
        QVERIFY(first->accessibleDescription().isEmpty());
    }

    void thePageIsANamedRegionNotATabStop()
    {
        QCOMPARE(m_page->focusPolicy(), Qt::NoFocus);
        QAccessibleInterface* page = QAccessible::queryAccessibleInterface(m_page.get());
        QCOMPARE(page->text(QAccessible::Name), m_page->title());
    }

    void theArrowKeysMoveBetweenTheBoxesOfAListNotThePage()
    {
        showPage(683, 512); // large text on a small screen: the page scrolls
        const q::Item* list = questionnaire().find("redflag.infection_risk");
        const auto& options = list->answerOptions();
        button(list->linkId(), options.front().coding.code.c_str())->setFocus(Qt::TabFocusReason);
        for (std::size_t i = 1; i < options.size(); ++i) {
            press(Qt::Key_Down);
            QAbstractButton* box = button(list->linkId(), options[i].coding.code.c_str());
            QCOMPARE(QApplication::focusWidget(), box);
            // Brought into view when it was below the window.
            QVERIFY(m_page->viewport()->rect().contains(
                box->mapTo(m_page->viewport(), box->rect().bottomLeft())));
        }
        const int scrolled = m_page->verticalScrollBar()->value();
        press(Qt::Key_Down); // past the last box: nothing moves
        QCOMPARE(m_page->verticalScrollBar()->value(), scrolled);
        QCOMPARE(QApplication::focusWidget(), button(list->linkId(), options.back().coding.code.c_str()));
        QVERIFY(!answered(list->linkId()));
    }

    void theInjuryFollowUpAppearsRightAfterAYes()
    {
        QVERIFY(!row("redflag.trauma_major")->isVisible());
        QAbstractButton* yes = button("redflag.recent_trauma", "true");
        yes->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Space);
        QVERIFY(row("redflag.trauma_major")->isVisible());
        // Next in reading order, so Tab goes there.
        press(Qt::Key_Tab);
        QCOMPARE(owner(QApplication::focusWidget()), std::string("redflag.trauma_major"));
        QVERIFY(!answered("redflag.trauma_major"));
        QVERIFY(!m_page->checkRequired());
        QVERIFY(row("redflag.trauma_major")->findChild<QLabel*>(QStringLiteral("missingLabel"))->isVisible());

        // Back to No: the follow-up goes away and is no longer asked for.
        QTest::mouseClick(button("redflag.recent_trauma", "false"), Qt::LeftButton);
        QVERIFY(!row("redflag.trauma_major")->isVisible());
        const auto missing = m_session->missingRequired("section.safety");
        QVERIFY(std::find(missing.begin(), missing.end(), "redflag.trauma_major") == missing.end());
    }

    void largeTextWrapsRatherThanCutsOff_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("1024x768") << 1024 << 768;
        // What a 1024x768 screen leaves with QT_SCALE_FACTOR=1.5.
        QTest::newRow("1024x768 at 150 %") << 683 << 512;
    }

    void largeTextWrapsRatherThanCutsOff()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QTest::mouseClick(button("redflag.recent_trauma", "true"), Qt::LeftButton); // every row shown
        showPage(width, height);
        // Polled, since the scroll area lays out again once its scroll bar shows.
        QTRY_VERIFY2(textThatDoesNotFit().isEmpty(), qPrintable(textThatDoesNotFit()));
        QCOMPARE(m_page->horizontalScrollBar()->maximum(), 0);
    }
    // Content is shown as written, never interpreted: markup in a
    // questionnaire's titles, questions, help and options once
    // rendered images, styles and links.
    void questionnaireMarkupIsShownAsPlainText()
    {
        const std::string image = "<img src=\"file:///etc/hostname\">";
        const std::string big = "<span style=\"font-size:72pt;color:red\">URGENT</span>";
        const std::string link = "<a href=\"http://evil.example\">tap</a>";
        const json hostile = {
            {"resourceType", "Questionnaire"},
            {"url", "http://example.org/Questionnaire/hostile"},
            {"version", "1"},
            {"status", "active"},
            {"item",
             {{{"linkId", "hostile"},
               {"type", "group"},
               {"text", "<h1>Section</h1>" + image},
               {"item",
                {{{"linkId", "hostile.yes"},
                  {"type", "boolean"},
                  {"text", big + image},
                  {"item",
                   {{{"linkId", "hostile.yes.help"},
                     {"type", "display"},
                     {"text", link},
                     {"extension",
                      {{{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"},
                        {"valueCodeableConcept",
                         {{"coding",
                           {{{"system", "http://hl7.org/fhir/questionnaire-item-control"},
                             {"code", "help"}}}}}}}}}}}}},
                 {{"linkId", "hostile.choice"},
                  {"type", "choice"},
                  {"text", "<i>Pick</i>"},
                  {"answerOption",
                   {{{"valueCoding", {{"code", "a"}, {"display", "<u>first</u>" + image}}}}}}},
                 {{"linkId", "hostile.note"},
                  {"type", "display"},
                  {"text", "<table><tr><td>note</td></tr></table>"}}}}}}}};
        const q::Questionnaire questionnaire = q::Questionnaire::fromJson(hostile);
        m_page = std::make_unique<SectionPage>(*questionnaire.find("hostile"), *m_session);
        showPage(1024, 768);
        QTest::mouseClick(row("hostile.yes")->findChild<QPushButton*>(QStringLiteral("helpButton")),
                          Qt::LeftButton);

        QStringList shown;
        for (const QLabel* label : m_page->findChildren<QLabel*>()) {
            if (!label->text().contains(u'<'))
                continue;
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->text()));
            shown << label->text();
        }
        for (const QAbstractButton* option : m_page->findChildren<QAbstractButton*>())
            if (option->text().contains(u'<'))
                shown << option->text(); // buttons never interpret markup
        const QString everything = shown.join(u'\n');
        for (const std::string& markup : {image, big, link, std::string("<i>Pick</i>"),
                                          std::string("<u>first</u>"), std::string("<table>")})
            QVERIFY2(everything.contains(QString::fromStdString(markup)), markup.c_str());
    }
};

QTEST_MAIN(TestSectionPage)
#include "test_SectionPage.moc"
