// Issue 20: the patient chooses Spanish on the welcome page, and the program's
// own words (buttons, headings, progress, messages, dialogs) are Spanish on the
// welcome page, a questionnaire page and the results page, at once and with no
// restart; English comes back the same way, and the kiosk returns to the
// clinic's language after each patient. Content (questions, articles, the
// rules' texts) has its own Spanish edition and is left out here
// (support/VisibleTexts.h). With SPINEPATH_SCREENSHOT_DIR set it saves the
// Spanish welcome and questionnaire pages at 1280 x 800 (docs/screenshots).
#include "MainWindow.h"

#include "core/util/Languages.h"
#include "core/util/Translator.h"

#include "support/PatientDriver.h"
#include "support/PatientWindowTest.h"
#include "support/Screenshot.h"
#include "support/VisibleTexts.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

using namespace spinepath::ui;

namespace {

const QString kTranslations = QStringLiteral(SPINEPATH_SOURCE_DIR "/resources/translations/");

// A pattern matching a whole shown text made from `text` (its %1 and %n
// filled in, its & accelerator gone); empty for texts of no words.
QString patternOf(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?=\\S)")));
    static const QRegularExpression placeholder(QStringLiteral("%L?[0-9n]"));
    if (!QString(text).remove(placeholder).contains(QRegularExpression(QStringLiteral("[A-Za-z]{2}"))))
        return {};
    QStringList parts = text.split(placeholder);
    for (QString& part : parts)
        part = QRegularExpression::escape(part);
    return QStringLiteral("^") + parts.join(QStringLiteral(".*")) + QStringLiteral("$");
}

// Every English text of the translation files (the sources, and the English
// plural forms) whose Spanish differs, as patterns.
QList<QRegularExpression> englishTexts()
{
    QList<QRegularExpression> patterns;
    for (const char* name : {"spinepath_es.ts", "spinepath_en.ts"}) {
        QFile file(kTranslations + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QXmlStreamReader xml(&file);
        const bool english = QLatin1String(name) == QLatin1String("spinepath_en.ts");
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            QString text;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
                if (english)
                    continue;
                text = source;
            } else if (english && xml.name() == QLatin1String("numerusform")) {
                text = xml.readElementText();
            } else if (!english && xml.name() == QLatin1String("translation")) {
                // Words spelt the same in both languages ("No", "PEG") are not English.
                if (xml.readElementText(QXmlStreamReader::IncludeChildElements) == source)
                    patterns.removeLast();
                continue;
            } else {
                continue;
            }
            const QString pattern = patternOf(text);
            patterns << QRegularExpression(pattern.isEmpty() ? QStringLiteral("(?!)") : pattern);
        }
    }
    return patterns;
}

} // namespace

class TestSpanishScreens final : public QObject, private spinepath::test::PatientWindowTest
{
    Q_OBJECT

    QList<QRegularExpression> m_english;

    [[nodiscard]] PatientDriver patient() const { return PatientDriver(m_window.get()); }

    // The program's texts on what `window` shows now that are English.
    QStringList englishShown(QWidget& window) const
    {
        QStringList found;
        for (const auto& shown : spinepath::test::visibleProgramTexts(window))
            for (const QRegularExpression& english : m_english)
                if (english.match(shown.text).hasMatch()) {
                    found << shown.where + QStringLiteral(": \"") + shown.text + u'"';
                    break;
                }
        return found;
    }

    void verifySpanish(const QString& page)
    {
        spinepath::test::waitForLayoutToSettle(*m_window);
        const QStringList english = englishShown(*m_window);
        QVERIFY2(english.isEmpty(),
                 qPrintable(page + QStringLiteral(": English shown:\n") + english.join(u'\n')));
    }

    void choose(const char* language)
    {
        auto* button =
            m_window->findChild<QPushButton*>(QStringLiteral("language_") + QLatin1String(language));
        QVERIFY(button);
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(spinepath::Translator::language(), QLatin1String(language));
        QVERIFY(button->isChecked());
    }

    [[nodiscard]] QString text(const char* objectName) const
    {
        auto* button = m_window->findChild<QAbstractButton*>(QLatin1String(objectName));
        return button ? button->text() : QString();
    }

private slots:
    void initTestCase()
    {
        prepare(QStringLiteral("spanish.sqlite"));
        m_english = englishTexts();
        QVERIFY(m_english.size() > 400);
    }

    void init()
    {
        spinepath::languages::use(*qApp, QStringLiteral("en"));
        m_window = std::make_unique<MainWindow>(*m_context);
        const QStringList size =
            qEnvironmentVariable("SPINEPATH_SCREENSHOT_SIZE", QStringLiteral("1280x800")).split(u'x');
        m_window->resize(size.value(0).toInt(), size.value(1).toInt());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void cleanupTestCase() { spinepath::languages::use(*qApp, QStringLiteral("en")); }

    // Each button named in its own language, and reached with the keyboard.
    void languageButtonsSpeakTheirOwnLanguage()
    {
        for (const auto& [code, name] : {std::pair{"en", "English"}, std::pair{"es", "Español"}}) {
            auto* button =
                m_window->findChild<QPushButton*>(QStringLiteral("language_") + QLatin1String(code));
            QVERIFY(button);
            QCOMPARE(button->text(), QString::fromUtf8(name));
            QCOMPARE(button->accessibleName(), QString::fromUtf8(name));
            QVERIFY(button->focusPolicy() & Qt::TabFocus);
        }
        QVERIFY(m_window->findChild<QPushButton*>(QStringLiteral("language_en"))->isChecked());
        // The keyboard: focus on the Spanish button, then Space.
        auto* spanish = m_window->findChild<QPushButton*>(QStringLiteral("language_es"));
        spanish->setFocus(Qt::TabFocusReason);
        QTest::keyClick(spanish, Qt::Key_Space);
        QCOMPARE(spinepath::Translator::language(), QStringLiteral("es"));
        QCOMPARE(m_window->findChild<QPushButton*>(QStringLiteral("language_es"))->text(),
                 QStringLiteral("Español"));
    }

    // The check below finds English where there is English.
    void englishIsFoundOnTheEnglishPage()
    {
        spinepath::test::waitForLayoutToSettle(*m_window);
        const QStringList english = englishShown(*m_window);
        QVERIFY2(english.size() >= 3, qPrintable(english.join(u'\n')));
    }

    void welcomeQuestionnaireAndResultsAreSpanish()
    {
        choose("es");
        QCOMPARE(QLocale().language(), QLocale::Spanish);
        // Retranslated on the page that shows, at once.
        QCOMPARE(text("clinicButton"), QStringLiteral("Estoy en la clínica"));
        QCOMPARE(text("homeButton"), QStringLiteral("Estoy en casa, antes de mi cita"));
        verifySpanish(QStringLiteral("welcome"));
        // The clinic's own welcome and note (content, not chrome) follow too.
        const auto& clinic = m_context->content->clinic();
        const auto shown = [this](const char* name) {
            auto* found = m_window->findChild<QLabel*>(QLatin1String(name));
            return found ? found->text() : QString();
        };
        QCOMPARE(shown("subtitleLabel"), QString::fromStdString(clinic.message("welcome", "es")));
        QCOMPARE(shown("noteLabel"), QString::fromStdString(clinic.message("notADiagnosis", "es")));
        QVERIFY(shown("noteLabel") != QString::fromStdString(clinic.message("notADiagnosis")));
        saveScreenshot(*m_window, QStringLiteral("welcome-es"));

        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
        QVERIFY2(patient().progress().startsWith(QStringLiteral("Sección 1 de ")),
                 qPrintable(patient().progress()));
        QCOMPARE(text("nextButton"), QStringLiteral("Siguiente"));
        saveScreenshot(*m_window, QStringLiteral("questionnaire-es"));
        // Next with nothing answered: the messages beside the questions.
        patient().next();
        const auto shownMissing = [this] {
            for (QLabel* label : m_window->findChildren<QLabel*>(QStringLiteral("missingLabel")))
                if (label->isVisible())
                    return label;
            return static_cast<QLabel*>(nullptr);
        };
        QTRY_VERIFY(shownMissing());
        QCOMPARE(shownMissing()->text(), QStringLiteral("Por favor, responda esta pregunta para seguir."));
        verifySpanish(QStringLiteral("questionnaire"));

        patient().answerExampleThree();
        verifySpanish(QStringLiteral("last section"));
        patient().next();
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("resultsPage"));
        QCOMPARE(text("finishButton"), QStringLiteral("Terminar"));
        QCOMPARE(text("printButton"), QStringLiteral("Imprimir o guardar mi copia"));
        verifySpanish(QStringLiteral("results"));
    }

    // Qt's own texts come from qt6-translations-l10n.
    void standardButtonsAreSpanish()
    {
        choose("es");
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancelar"));
    }

    void englishComesBackAtOnce()
    {
        choose("es");
        QCOMPARE(text("clinicButton"), QStringLiteral("Estoy en la clínica"));
        choose("en");
        QCOMPARE(text("clinicButton"), QStringLiteral("I'm at the clinic"));
        QCOMPARE(QLocale().language(), QLocale::English);
    }

    // The kiosk: the next patient starts in the clinic's language.
    void kioskReturnsToTheClinicsLanguage()
    {
        m_window->setKioskMode(true);
        m_window->setClinicLanguage(QStringLiteral("en"));
        choose("es");
        QCOMPARE(text("clinicButton"), QStringLiteral("Empezar el cuestionario"));
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
        QCOMPARE(text("nextButton"), QStringLiteral("Siguiente"));
        m_window->clearForNextPatient();
        QCOMPARE(spinepath::Translator::language(), QStringLiteral("en"));
        QCOMPARE(text("clinicButton"), QStringLiteral("Start the questionnaire"));
        QVERIFY(m_window->findChild<QPushButton*>(QStringLiteral("language_en"))->isChecked());
    }

    // A clinic whose language is Spanish opens in Spanish.
    void clinicLanguageAppliesAtTheWelcomePage()
    {
        m_window->setClinicLanguage(QStringLiteral("es"));
        QCOMPARE(spinepath::Translator::language(), QStringLiteral("es"));
        QCOMPARE(text("clinicButton"), QStringLiteral("Estoy en la clínica"));
        m_window->setClinicLanguage(QStringLiteral("xx")); // unknown: ignored
        QCOMPARE(spinepath::Translator::language(), QStringLiteral("es"));
    }
};

QTEST_MAIN(TestSpanishScreens)
#include "test_SpanishScreens.moc"
