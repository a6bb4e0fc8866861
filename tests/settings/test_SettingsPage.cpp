// The clinic settings page as staff use it, on the offscreen platform. With
// SPINEPATH_SCREENSHOT_DIR set it saves docs/screenshots/staff-settings.png.
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "staff/settings/SettingsPage.h"

#include "core/storage/AuditLog.h"
#include "core/storage/ClinicSettings.h"
#include "core/storage/Settings.h"

#include "support/AccessibleCheck.h"
#include "support/Screenshot.h"
#include "support/WidgetLookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace spinepath::ui;

using spinepath::storage::ClinicSettingsValues;

class TestSettingsPage final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<SettingsPage> m_page;
    int m_databaseNumber = 0;

    template <typename T> T* child(const char* name) const
    {
        return spinepath::test::requireChild<T>(*m_page, name);
    }

    // Replaces a spin box's text as a person would: select all, type.
    static void typeInto(QAbstractSpinBox* spin, const QString& text)
    {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, text);
        QTest::keyClick(spin, Qt::Key_Tab);
    }

    QStringList changedKeys() const
    {
        QSqlQuery query(m_context->database->connection());
        query.exec(
            QStringLiteral("SELECT detail FROM audit_log WHERE action = 'setting.changed' ORDER BY id"));
        QStringList keys;
        while (query.next())
            keys << query.value(0).toString();
        return keys;
    }

    void screenshot(const QString& name) { saveScreenshot(*m_page, name); }

    void showPage()
    {
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

private slots:
    void initTestCase() { spinepath::ui::applyAppearance(*qApp); }

    // A fresh database for every test: the audit counts start at zero.
    void init()
    {
        QVERIFY(m_folder.isValid());
        m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
        m_context->openDatabase(
            m_folder.filePath(QStringLiteral("settings-%1.sqlite").arg(++m_databaseNumber)));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
        m_page = std::make_unique<SettingsPage>(*m_context, "staff:lee");
        showPage();
    }

    void cleanup() { m_page.reset(); }

    // Issue 18, point 7: a screen reader names every field by the label
    // beside it, the number fields a layout wraps with their unit included.
    void everyFieldIsNamedForAScreenReader()
    {
        const QStringList problems = spinepath::test::accessibilityProblems(m_page.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        for (const char* name :
             {"idleSecondsSpin", "countdownSecondsSpin", "retentionDaysSpin", "staffLockMinutesSpin"})
            QVERIFY2(!QAccessible::queryAccessibleInterface(child<QSpinBox>(name))
                          ->text(QAccessible::Name)
                          .isEmpty(),
                     name);
    }

    void showsTheDefaultsOfAFreshDatabase()
    {
        QCOMPARE(m_page->objectName(), QStringLiteral("settingsPage"));
        QCOMPARE(child<QSpinBox>("idleSecondsSpin")->value(), 90);
        QCOMPARE(child<QSpinBox>("countdownSecondsSpin")->value(), 30);
        QCOMPARE(child<QSpinBox>("staffLockMinutesSpin")->value(), 5);
        QCOMPARE(child<QSpinBox>("retentionDaysSpin")->text(), QStringLiteral("Keep"));
        QVERIFY(!child<QCheckBox>("autoPrintCheck")->isChecked());
        QVERIFY(!child<QCheckBox>("kioskAtStartCheck")->isChecked());
        // Empty clinic details show the content's values in grey.
        QCOMPARE(child<QLineEdit>("clinicNameEdit")->text(), QString());
        QCOMPARE(child<QLineEdit>("clinicNameEdit")->placeholderText(),
                 QString::fromStdString(m_context->content->clinic().name));
        // Nothing to save yet.
        QVERIFY(!child<QPushButton>("saveSettingsButton")->isEnabled());
        QVERIFY(!child<QPushButton>("revertSettingsButton")->isEnabled());
    }

    void savesTheChangedSettingsAndAuditsEach()
    {
        QSignalSpy saved(m_page.get(), &SettingsPage::settingsSaved);
        typeInto(child<QSpinBox>("idleSecondsSpin"), QStringLiteral("120"));
        auto* paper = child<QComboBox>("paperCombo");
        paper->setFocus();
        QTest::keyClick(paper, Qt::Key_Down); // A4 -> US Letter
        QCOMPARE(paper->currentIndex(), 1);
        QTest::keyClicks(child<QLineEdit>("clinicPhoneEdit"), QStringLiteral("  (555) 010-0199 "));
        QTest::mouseClick(child<QCheckBox>("autoPrintCheck"), Qt::LeftButton);
        QVERIFY(child<QCheckBox>("autoPrintCheck")->isChecked());

        auto* save = child<QPushButton>("saveSettingsButton");
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);

        QCOMPARE(saved.count(), 1);
        const auto emitted = saved.at(0).at(0).value<ClinicSettingsValues>();
        QCOMPARE(emitted.idleSeconds, 120);
        QVERIFY(emitted.paper == spinepath::Paper::Letter);
        QCOMPARE(emitted.clinicPhone, std::string("(555) 010-0199")); // trimmed
        QVERIFY(emitted.autoPrint);

        auto stored = spinepath::storage::loadClinicSettings(*m_context->database);
        QVERIFY(stored.ok());
        QVERIFY(*stored == emitted);
        QCOMPARE(changedKeys(),
                 (QStringList{QStringLiteral("kiosk.idle_seconds"), QStringLiteral("print.auto"),
                              QStringLiteral("print.paper"), QStringLiteral("clinic.phone")}));
        auto newest = spinepath::storage::AuditLog(*m_context->database).list(1);
        QVERIFY(newest.ok());
        QCOMPARE(newest->at(0).actor, std::string("staff:lee"));

        auto* message = child<QLabel>("settingsMessage");
        QVERIFY(message->text().contains(QStringLiteral("saved")));
        QVERIFY(!save->isEnabled());

        // Saving again without a change writes and audits nothing.
        QVERIFY(m_page->save());
        QCOMPARE(changedKeys().size(), 4);
    }

    // The clinic's language: each named in its own language, saved like the rest.
    void theClinicsLanguageIsChosenAndSaved()
    {
        auto* language = child<QComboBox>("languageCombo");
        QCOMPARE(language->currentData().toString(), QString()); // the computer's language
        const int spanish = language->findData(QStringLiteral("es"));
        QVERIFY(spanish > 0);
        QCOMPARE(language->itemText(spanish), QStringLiteral("Español"));
        language->setCurrentIndex(spanish);
        QVERIFY(m_page->save());
        auto stored = spinepath::storage::loadClinicSettings(*m_context->database);
        QVERIFY(stored.ok());
        QCOMPARE(stored->language, std::string("es"));
        QCOMPARE(changedKeys(), QStringList{QStringLiteral("clinic.language")});
    }

    void refusesInvalidInputWithAMessageAndKeepsIt()
    {
        QSignalSpy saved(m_page.get(), &SettingsPage::settingsSaved);
        typeInto(child<QSpinBox>("retentionDaysSpin"), QStringLiteral("7"));
        QTest::keyClicks(child<QLineEdit>("clinicNameEdit"), QStringLiteral("Example Spine Centre"));
        QTest::mouseClick(child<QPushButton>("saveSettingsButton"), Qt::LeftButton);

        QCOMPARE(saved.count(), 0);
        const QString message = child<QLabel>("settingsMessage")->text();
        QVERIFY2(message.contains(QStringLiteral("Retention")) && message.contains(QStringLiteral("30")),
                 qPrintable(message));
        QCOMPARE(child<QLabel>("settingsMessage")->property("state").toString(), QStringLiteral("error"));
        QVERIFY(changedKeys().isEmpty());
        // Nothing typed is lost.
        QCOMPARE(child<QSpinBox>("retentionDaysSpin")->value(), 7);
        QCOMPARE(child<QLineEdit>("clinicNameEdit")->text(), QStringLiteral("Example Spine Centre"));

        typeInto(child<QSpinBox>("retentionDaysSpin"), QStringLiteral("3650"));
        QTest::mouseClick(child<QPushButton>("saveSettingsButton"), Qt::LeftButton);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(*spinepath::storage::Settings(*m_context->database, "t")
                      .integer(spinepath::storage::Settings::kRetentionDays, 0),
                 3650LL);
    }

    void anOutOfRangeNumberStaysAsTypedAndTheRangeIsShown()
    {
        // The allowed range is on screen before anything is typed.
        QVERIFY2(child<QLabel>("idleSecondsUnit")->text().contains(QStringLiteral("30 to 900")),
                 qPrintable(child<QLabel>("idleSecondsUnit")->text()));
        QVERIFY(child<QLabel>("staffLockMinutesUnit")->text().contains(QStringLiteral("1 to 60")));
        // A number outside it is kept as typed (not silently changed to 30),
        // marked, and explained at once.
        auto* idle = child<QSpinBox>("idleSecondsSpin");
        typeInto(idle, QStringLiteral("5"));
        QCOMPARE(idle->value(), 5);
        QVERIFY(idle->property("invalid").toBool());
        auto* message = child<QLabel>("settingsMessage");
        QVERIFY2(message->text().contains(QStringLiteral("30 to 900")), qPrintable(message->text()));
        QCOMPARE(message->property("state").toString(), QStringLiteral("error"));
        // Saving is refused with the same words; nothing is written.
        QSignalSpy saved(m_page.get(), &SettingsPage::settingsSaved);
        QTest::mouseClick(child<QPushButton>("saveSettingsButton"), Qt::LeftButton);
        QCOMPARE(saved.count(), 0);
        QVERIFY(message->text().startsWith(QStringLiteral("Not saved.")));
        QVERIFY(changedKeys().isEmpty());
        // Put right: the mark and the message go.
        typeInto(idle, QStringLiteral("300"));
        QVERIFY(!idle->property("invalid").toBool());
        QVERIFY(message->text().isEmpty());
    }

    void settingsSavedGoesAfterAMomentOrAtTheNextEdit()
    {
        auto* message = child<QLabel>("settingsMessage");
        typeInto(child<QSpinBox>("countdownSecondsSpin"), QStringLiteral("45"));
        QTest::mouseClick(child<QPushButton>("saveSettingsButton"), Qt::LeftButton);
        QCOMPARE(message->text(), QStringLiteral("Settings saved."));
        auto* timer = m_page->findChild<QTimer*>(QStringLiteral("savedMessageTimer"));
        QVERIFY(timer && timer->isActive());
        timer->setInterval(1); // the few seconds, shortened
        QTRY_VERIFY(message->text().isEmpty());

        typeInto(child<QSpinBox>("countdownSecondsSpin"), QStringLiteral("50"));
        QTest::mouseClick(child<QPushButton>("saveSettingsButton"), Qt::LeftButton);
        QCOMPARE(message->text(), QStringLiteral("Settings saved."));
        typeInto(child<QSpinBox>("countdownSecondsSpin"), QStringLiteral("55"));
        QVERIFY(message->text().isEmpty());
    }

    void revertShowsTheSavedValuesAgain()
    {
        typeInto(child<QSpinBox>("staffLockMinutesSpin"), QStringLiteral("30"));
        QVERIFY(m_page->hasUnsavedChanges());
        auto* revert = child<QPushButton>("revertSettingsButton");
        QVERIFY(revert->isEnabled());
        QTest::mouseClick(revert, Qt::LeftButton);
        QCOMPARE(child<QSpinBox>("staffLockMinutesSpin")->value(), 5);
        QVERIFY(!child<QPushButton>("saveSettingsButton")->isEnabled());
        QVERIFY(!m_page->hasUnsavedChanges());
        QVERIFY(changedKeys().isEmpty());
    }

    void thePrinterIsChosenFromTheInstalledOnesAndKeptWhenMissing()
    {
        auto* printer = child<QComboBox>("printerCombo");
        // The computer's default printer by default.
        QCOMPARE(printer->currentData().toString(), QString());
        // A printer stored earlier but not installed now stays selected, marked.
        auto values = m_page->savedValues();
        values.printer = "Front desk laser";
        QVERIFY(spinepath::storage::saveClinicSettings(*m_context->database, "test", values).ok());
        m_page->reload();
        QCOMPARE(printer->currentData().toString(), QStringLiteral("Front desk laser"));
        QVERIFY(printer->currentText().contains(QStringLiteral("Front desk laser")));
        QVERIFY(!child<QPushButton>("saveSettingsButton")->isEnabled());
        // Back to the default printer: saved and audited like any setting.
        printer->setCurrentIndex(printer->findData(QString()));
        QTest::mouseClick(child<QPushButton>("saveSettingsButton"), Qt::LeftButton);
        QCOMPARE(spinepath::storage::loadClinicSettings(*m_context->database).value().printer, std::string());
        QVERIFY(changedKeys().contains(QStringLiteral("print.printer")));
    }

    void ctrlSSaves()
    {
        QSignalSpy saved(m_page.get(), &SettingsPage::settingsSaved);
        typeInto(child<QSpinBox>("countdownSecondsSpin"), QStringLiteral("45"));
        QTest::keyClick(m_page.get(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(changedKeys(), QStringList{QStringLiteral("kiosk.countdown_seconds")});
    }

    void aStoredValueOfTheWrongTypeIsExplainedAndCanBeReplaced()
    {
        QVERIFY(spinepath::storage::Settings(*m_context->database, "it")
                    .setText(spinepath::storage::clinicsetting::kIdleSeconds, "soon")
                    .ok());
        m_page->reload();
        const QString message = child<QLabel>("settingsMessage")->text();
        QVERIFY2(message.contains(QStringLiteral("kiosk.idle_seconds")), qPrintable(message));
        QCOMPARE(child<QSpinBox>("idleSecondsSpin")->value(), 90);
        auto* save = child<QPushButton>("saveSettingsButton");
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(spinepath::storage::loadClinicSettings(*m_context->database).ok());
    }

    void versionsBoxShowsWhatIsInUse()
    {
        auto* box = child<QGroupBox>("versionsBox");
        QStringList texts;
        for (const QLabel* label : box->findChildren<QLabel*>())
            texts << label->text();
        const QString all = texts.join(u'\n');
        const auto& ruleset = m_context->content->screening().ruleset();
        const auto& questionnaire = m_context->content->screening().questionnaire();
        QVERIFY2(all.contains(QString::fromStdString(ruleset.id())), qPrintable(all));
        QVERIFY(all.contains(QString::fromStdString(ruleset.version())));
        QVERIFY(all.contains(QString::fromStdString(questionnaire.id())));
        // Every article with its version (the label keeps ids from breaking; the tooltip is plain).
        const QString articles = child<QLabel>("articleCountLabel")->toolTip();
        for (const auto& [id, article] : m_context->content->articles().articles())
            QVERIFY(articles.contains(QString::fromStdString(id + " " + article.version)));
        QVERIFY(all.contains(
            QStringLiteral("%1 articles").arg(m_context->content->articles().articles().size())));
        QVERIFY(all.contains(QDir::toNativeSeparators(m_context->database->path())));
        QVERIFY(all.contains(QStringLiteral("version %1").arg(spinepath::storage::Database::kSchemaVersion)));
    }

    void withoutADatabaseTheFormIsDisabledAndSaysWhy()
    {
        m_page.reset();
        m_context->database.reset();
        m_context->databaseProblem = "The folder /nowhere cannot be created.";
        m_page = std::make_unique<SettingsPage>(*m_context);
        showPage();
        QVERIFY(!child<QSpinBox>("idleSecondsSpin")->isEnabled());
        QVERIFY(!child<QPushButton>("saveSettingsButton")->isEnabled());
        QVERIFY(child<QLabel>("settingsMessage")->text().contains(QStringLiteral("/nowhere")));
        QVERIFY(child<QGroupBox>("versionsBox")->isEnabled());
        QVERIFY(!m_page->save());
    }

    // Last, with a few settings changed, for the documentation.
    void screenshotOfTheSettings()
    {
        typeInto(child<QSpinBox>("idleSecondsSpin"), QStringLiteral("120"));
        typeInto(child<QSpinBox>("retentionDaysSpin"), QStringLiteral("3650"));
        QTest::mouseClick(child<QCheckBox>("autoPrintCheck"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>("saveSettingsButton"), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>("clinicPhoneEdit"), QStringLiteral("(555) 010-0199"));
        screenshot(QStringLiteral("staff-settings"));
    }
};

QTEST_MAIN(TestSettingsPage)
#include "test_SettingsPage.moc"
