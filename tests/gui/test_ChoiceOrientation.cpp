// The FHIR extension questionnaire-choiceOrientation (issue 19): "horizontal"
// puts the options of a choice side by side while they fit, and one below
// the other when the page is too narrow for them; "vertical", or none, lists
// them one below the other as before.
#include "patient/questionnaire/ChoiceQuestions.h"

#include "core/questionnaire/Questionnaire.h"

#include <QAbstractButton>
#include <QApplication>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace spinepath::ui;
namespace q = spinepath::questionnaire;
using nlohmann::json;

namespace {

json orientation(const char* code)
{
    return {{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation"},
            {"valueCode", code}};
}

json choiceItem(const char* linkId, const char* type, bool repeats, const json& extension)
{
    json item{{"linkId", linkId},
              {"type", type},
              {"text", "How often?"},
              {"answerOption",
               {{{"valueString", "Never"}}, {{"valueString", "Sometimes"}}, {{"valueString", "Often"}}}}};
    if (repeats)
        item["repeats"] = true;
    if (!extension.is_null())
        item["extension"] = {extension};
    return item;
}

const q::Questionnaire& form()
{
    static const q::Questionnaire questionnaire =
        q::Questionnaire::fromJson({{"resourceType", "Questionnaire"},
                                    {"status", "draft"},
                                    {"item",
                                     {choiceItem("radio", "choice", false, orientation("horizontal")),
                                      choiceItem("boxes", "choice", true, orientation("horizontal")),
                                      choiceItem("column", "choice", false, orientation("vertical")),
                                      choiceItem("plain", "open-choice", false, nullptr)}}});
    return questionnaire;
}

} // namespace

class TestChoiceOrientation final : public QObject
{
    Q_OBJECT

    static std::vector<QAbstractButton*> options(const QWidget& widget)
    {
        std::vector<QAbstractButton*> result;
        for (const char* value : {"Never", "Sometimes", "Often"})
            result.push_back(
                widget.findChild<QAbstractButton*>(QStringLiteral("choice_") + QLatin1String(value)));
        return result;
    }

    static std::unique_ptr<QuestionWidget> shownAt(const char* linkId, int width)
    {
        std::unique_ptr<QuestionWidget> widget(QuestionWidget::create(*form().find(linkId), nullptr));
        widget->resize(width, 400);
        widget->show();
        if (!QTest::qWaitForWindowExposed(widget.get()))
            qWarning("not shown");
        QApplication::processEvents();
        return widget;
    }

    static bool inOneRow(const std::vector<QAbstractButton*>& buttons)
    {
        for (std::size_t i = 1; i < buttons.size(); ++i)
            if (buttons[i]->y() != buttons[0]->y() || buttons[i]->x() <= buttons[i - 1]->x())
                return false;
        return true;
    }

    static bool inOneColumn(const std::vector<QAbstractButton*>& buttons)
    {
        for (std::size_t i = 1; i < buttons.size(); ++i)
            if (buttons[i]->mapTo(buttons[0]->window(), QPoint()).y() <=
                buttons[i - 1]->mapTo(buttons[0]->window(), QPoint()).y())
                return false;
        return true;
    }

private slots:
    void horizontalOptionsSideBySideWhileTheyFit_data()
    {
        QTest::addColumn<QString>("linkId");
        QTest::newRow("radio buttons") << QStringLiteral("radio");
        QTest::newRow("check boxes") << QStringLiteral("boxes");
    }

    void horizontalOptionsSideBySideWhileTheyFit()
    {
        QFETCH(QString, linkId);
        const auto wide = shownAt(linkId.toLatin1().constData(), 900);
        const auto buttons = options(*wide);
        QVERIFY(std::all_of(buttons.begin(), buttons.end(), [](auto* button) { return button; }));
        QVERIFY(inOneRow(buttons));

        // Too narrow for one row: a column, every option whole and inside the widget.
        wide->resize(150, 400);
        QApplication::processEvents();
        QVERIFY(inOneColumn(buttons));
        for (QAbstractButton* button : buttons)
            QVERIFY(button->mapTo(wide.get(), QPoint(button->width(), 0)).x() <= wide->width());

        // And back when there is room again.
        wide->resize(900, 400);
        QApplication::processEvents();
        QVERIFY(inOneRow(buttons));
    }

    void verticalOrNoneListsOneBelowTheOther()
    {
        for (const char* linkId : {"column", "plain"}) {
            const auto widget = shownAt(linkId, 900);
            QVERIFY2(inOneColumn(options(*widget)), linkId);
        }
    }
};

QTEST_MAIN(TestChoiceOrientation)
#include "test_ChoiceOrientation.moc"
