// Acceptance (issue 18, point 7): a screen reader finds every control of every
// patient page with a name and the right role. The test walks the welcome
// page, every questionnaire section, the results and the library, and checks
// each control a patient can reach with Tab through its accessible interface,
// the same one the accessibility bus reads.
#include "MainWindow.h"
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "patient/questionnaire/QuestionnaireView.h"

#include "support/PatientDriver.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace spinepath::ui;

namespace {

QString describe(const QWidget* widget)
{
    return QStringLiteral("%1 (%2) on %3")
        .arg(widget->objectName(), QString::fromLatin1(widget->metaObject()->className()),
             widget->window()->objectName());
}

// The role a screen reader must announce for a control a patient can reach.
bool roleFits(const QWidget* widget, QAccessible::Role role)
{
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        if (!button->isCheckable())
            return role == QAccessible::Button || role == QAccessible::Link;
        return role == (button->autoExclusive() ? QAccessible::RadioButton : QAccessible::CheckBox) ||
               role == QAccessible::Button; // a toggle button (the text size)
    }
    if (qobject_cast<const QLineEdit*>(widget))
        return role == QAccessible::EditableText;
    if (qobject_cast<const QComboBox*>(widget))
        return role == QAccessible::ComboBox;
    if (qobject_cast<const QAbstractScrollArea*>(widget))
        return role == QAccessible::Client || role == QAccessible::List || role == QAccessible::Table ||
               role == QAccessible::Document || role == QAccessible::EditableText ||
               role == QAccessible::StaticText;
    return role != QAccessible::NoRole && role != QAccessible::Client;
}

// Problems with the controls `root` shows now.
QStringList problemsOn(QWidget* root)
{
    QStringList problems;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (!widget->isVisible() || !widget->isEnabled() || !(widget->focusPolicy() & Qt::TabFocus))
            continue;
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible) {
            problems << describe(widget) + QStringLiteral(": no accessible interface");
            continue;
        }
        if (accessible->text(QAccessible::Name).trimmed().isEmpty())
            problems << describe(widget) + QStringLiteral(": no name");
        if (!roleFits(widget, accessible->role()))
            problems << describe(widget) + QStringLiteral(": role %1").arg(accessible->role());
        // A button's name holds what it shows (WCAG 2.5.3, label in name: a
        // speech-input user says what they see).
        if (const auto* button = qobject_cast<const QAbstractButton*>(widget);
            button && !button->text().isEmpty() && button->text() != QStringLiteral("A") &&
            !accessible->text(QAccessible::Name).contains(QString(button->text()).remove(u'&')))
            problems << describe(widget) + QStringLiteral(": named \"%1\" but shows \"%2\"")
                                               .arg(accessible->text(QAccessible::Name), button->text());
    }
    return problems;
}

} // namespace

class TestAccessibleNames final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        applyAppearance(*qApp);
        QVERIFY(m_context);
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->resize(1024, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void theWelcomePage()
    {
        const QStringList problems = problemsOn(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void everyQuestionnaireSection()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
        auto* view = m_window->findChild<QuestionnaireView*>();
        QVERIFY(view);
        QStringList problems;
        for (int section = 0; section < view->sectionCount(); ++section) {
            view->showSection(section);
            problems << problemsOn(m_window.get());
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void theResultsAndTheLibrary()
    {
        PatientDriver patient(m_window.get());
        auto* view = m_window->findChild<QuestionnaireView*>();
        view->showSection(0);
        patient.answerExampleThree();
        patient.next();
        QCOMPARE(patient.currentPage()->objectName(), QStringLiteral("resultsPage"));
        QStringList problems = problemsOn(m_window.get());
        m_window->showLibrary();
        problems << problemsOn(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_MAIN(TestAccessibleNames)
#include "test_AccessibleNames.moc"
