// Issue 20: the staff pages follow a change of language while they are open
// (QEvent::LanguageChange), as the patient pages do: the console with its
// lists, search and detail, the settings and the audit log. Each is checked
// on a sample of its texts, in English, then Spanish, then English again.
#include "common/AppContext.h"
#include "staff/StaffConsole.h"
#include "staff/audit/AuditLogPage.h"
#include "staff/settings/SettingsPage.h"

#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/util/Translator.h"

#include "support/ExampleAnswers.h"
#include "support/PatientWindowTest.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace spinepath::ui;

namespace storage = spinepath::storage;

namespace {

// One text a page shows, found by the object it is on.
struct Sample
{
    const char* object;
    const char* english;
    const char* spanish;
};

QString shownText(const QWidget& root, const char* name)
{
    const QObject* found = root.findChild<QObject*>(QLatin1String(name));
    if (const auto* label = qobject_cast<const QLabel*>(found))
        return label->text();
    if (const auto* button = qobject_cast<const QAbstractButton*>(found))
        return button->text();
    if (const auto* combo = qobject_cast<const QComboBox*>(found))
        return combo->itemText(0);
    if (const auto* tabs = qobject_cast<const QTabWidget*>(found))
        return tabs->tabText(0);
    if (const auto* table = qobject_cast<const QTableView*>(found))
        return table->model()
            ->headerData(table->model()->columnCount() > 2 ? 2 : 0, Qt::Horizontal)
            .toString();
    return QStringLiteral("<no %1>").arg(QLatin1String(name));
}

void useLanguage(QLocale::Language language)
{
    spinepath::Translator::install(*qApp, QLocale(language));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

} // namespace

class TestLiveRetranslation final : public QObject, private spinepath::test::PatientWindowTest
{
    Q_OBJECT

    void verifySamples(const QWidget& page, const std::vector<Sample>& samples, bool spanish)
    {
        for (const Sample& sample : samples)
            QCOMPARE(shownText(page, sample.object),
                     QString::fromUtf8(spanish ? sample.spanish : sample.english));
    }

    // English, Spanish while it is open, English again.
    void verifyFollowsLanguage(const QWidget& page, const std::vector<Sample>& samples)
    {
        verifySamples(page, samples, false);
        useLanguage(QLocale::Spanish);
        verifySamples(page, samples, true);
        useLanguage(QLocale::English);
        verifySamples(page, samples, false);
    }

private slots:
    void initTestCase() { prepare(QStringLiteral("live.sqlite")); }
    void cleanup() { useLanguage(QLocale::English); }

    void staffConsole()
    {
        storage::CompletedAssessment assessment;
        const auto flat = spinepath::test::example3Answers();
        assessment.content = storage::ContentVersions::of(m_context->content->screening().questionnaire(),
                                                          m_context->content->screening().ruleset());
        assessment.answers = spinepath::AssessmentSession::toStore(m_context->content->screening(), flat, {});
        assessment.result = m_context->content->screening().scorer().score(flat);
        assessment.startedAt = QDateTime::currentDateTime().addSecs(-600);
        assessment.completedAt = QDateTime::currentDateTime();
        QVERIFY(storage::AssessmentLifecycle(*m_context->database, "kiosk")
                    .storeCompleted(std::vector{assessment}));

        StaffConsole console(*m_context, "staff:test");
        console.resize(1280, 800);
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console));
        auto* table = console.findChild<QTableView*>(QStringLiteral("queueView"));
        QVERIFY(table);
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->selectRow(0);
        QTRY_VERIFY(console.findChild<QAbstractButton*>(QStringLiteral("markReviewedButton"))->isEnabled());
        verifyFollowsLanguage(console, {{"staffTitle", "Staff console", "Consola del personal"},
                                        {"staffTabs", "Today", "Hoy"},
                                        {"refreshButton", "Refresh", "Actualizar"},
                                        {"lockButton", "Lock", "Bloquear"},
                                        {"searchDates", "Started from", "Iniciada desde"},
                                        {"searchCategory", "Any category", "Cualquier categoría"},
                                        {"queueView", "Patient", "Paciente"},
                                        {"markReviewedButton", "Mark reviewed", "Marcar como revisada"}});
    }

    void settingsPage()
    {
        SettingsPage settings(*m_context, "staff:test");
        settings.resize(1280, 800);
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        verifyFollowsLanguage(settings,
                              {{"languageLabel", "Language", "Idioma"},
                               {"languageCombo", "The computer's language", "El idioma de la computadora"}});
        const auto* scroll = settings.findChild<QWidget*>(QStringLiteral("settingsScroll"));
        QVERIFY(scroll);
        useLanguage(QLocale::Spanish);
        QCOMPARE(scroll->accessibleName(), QStringLiteral("Ajustes de la clínica"));
    }

    // A question page: the program's words of the question widgets (the
    // yes/no buttons, the Back button) follow too, with the answers kept.
    void questionPage()
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
        auto* question = m_window->findChild<QWidget*>(QStringLiteral("question_redflag.bladder_bowel"));
        QVERIFY(question);
        const auto choice = [&](const char* name) {
            const auto* button =
                m_window->findChild<QWidget*>(QStringLiteral("question_redflag.bladder_bowel"))
                    ->findChild<QAbstractButton*>(QLatin1String(name));
            return button ? button->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
        };
        QCOMPARE(choice("choice_true"), QStringLiteral("Yes"));
        QTest::mouseClick(question->findChild<QAbstractButton*>(QStringLiteral("choice_false")),
                          Qt::LeftButton);
        useLanguage(QLocale::Spanish);
        QCOMPARE(choice("choice_true"), QStringLiteral("Sí"));
        QCOMPARE(choice("choice_false"), QStringLiteral("No"));
        QVERIFY(m_window->findChild<QWidget*>(QStringLiteral("question_redflag.bladder_bowel"))
                    ->findChild<QAbstractButton*>(QStringLiteral("choice_false"))
                    ->isChecked());
        useLanguage(QLocale::English);
        QCOMPARE(choice("choice_true"), QStringLiteral("Yes"));
        m_window.reset();
    }

    void auditLogPage()
    {
        AuditLogPage audit(*m_context->database, "staff:test");
        audit.resize(1280, 800);
        audit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&audit));
        verifyFollowsLanguage(audit, {{"auditActionLabel", "Action", "Acción"},
                                      {"auditActionFilter", "All actions", "Todas las acciones"}});
    }
};

QTEST_MAIN(TestLiveRetranslation)
#include "test_LiveRetranslation.moc"
