// A patient who reads Spanish: Translator::install(es), then the whole
// questionnaire through the real widgets. Every text the patient reads from
// content (questions, answers, help, the results' wording, the patient copy)
// is the Spanish one and no English content text is left. The program's own
// texts (tr()) come from the translation files and are not checked here.
// Switching language reloads the content shown (QEvent::LanguageChange).
#include "MainWindow.h"
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "core/report/PatientCopy.h"
#include "core/session/AssessmentSession.h"
#include "core/util/Translator.h"
#include "support/PatientDriver.h"
#include "support/Screenshot.h"

#include <QAbstractButton>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

using namespace spinepath::ui;
namespace q = spinepath::questionnaire;

namespace {

// The texts of every label and button under `root`, shown or on another page.
QStringList textsUnder(const QWidget* root)
{
    QStringList texts;
    for (const QLabel* label : root->findChildren<QLabel*>())
        texts << label->text();
    for (const QAbstractButton* button : root->findChildren<QAbstractButton*>())
        texts << button->text() << button->accessibleName() << button->accessibleDescription();
    return texts;
}

bool anyContains(const QStringList& texts, const std::string& text)
{
    const QString wanted = QString::fromStdString(text);
    return std::any_of(texts.begin(), texts.end(),
                       [&](const QString& shown) { return shown.contains(wanted); });
}

} // namespace

class TestSpanishPatient final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataFolder;
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<MainWindow> m_window;

    [[nodiscard]] PatientDriver patient() const { return PatientDriver(m_window.get()); }

    // The English text of every item and answer option that reads otherwise in
    // Spanish: none of them may show.
    void checkQuestionnaireIsSpanish() const
    {
        const QStringList shown = textsUnder(patient().currentPage());
        const q::Questionnaire& english = m_context->content->questionnaire("en");
        const q::Questionnaire& spanish = m_context->content->questionnaire("es");
        for (std::size_t i = 0; i < english.allItems().size(); ++i) {
            const q::Item& en = *english.allItems()[i];
            const q::Item& es = *spanish.allItems()[i];
            if (en.hidden())
                continue;
            if (en.text() != es.text())
                QVERIFY2(!anyContains(shown, en.text()), en.text().c_str());
            for (std::size_t o = 0; o < en.answerOptions().size(); ++o) {
                const auto& display = en.answerOptions()[o].coding.display;
                if (display.size() > 3 && display != es.answerOptions()[o].coding.display)
                    QVERIFY2(!anyContains(shown, display), display.c_str());
            }
        }
        // The questions of the sections are there, in Spanish.
        for (const char* linkId : {"safety.age", "pain.duration", "dx.told", "pref.motion"})
            if (const q::Item* item = spanish.find(linkId))
                QVERIFY2(anyContains(shown, item->text()), item->text().c_str());
    }

    // No English text of the rules, clinic.json or the articles' titles.
    void checkNoEnglishContent(const QStringList& texts) const
    {
        const auto& ruleset = m_context->content->screening().ruleset();
        std::vector<std::string> english;
        for (const auto& category : ruleset.categories())
            english.insert(english.end(), {category.title, category.patient});
        for (const auto& flag : ruleset.flags())
            english.push_back(flag.patient);
        for (const auto& factor : ruleset.factors())
            english.push_back(factor.reason);
        for (const auto& note : ruleset.notes())
            english.push_back(note.text);
        for (const auto& [key, message] : m_context->content->clinic().messages)
            english.push_back(m_context->content->clinic().message(key));
        for (const auto& [id, article] : m_context->content->articles("en").articles())
            english.push_back(article.title);
        for (const std::string& text : english)
            QVERIFY2(!anyContains(texts, text), text.c_str());
    }

private slots:
    void initTestCase()
    {
        spinepath::ui::applyAppearance(*qApp);
        spinepath::Translator::install(*qApp, QLocale(QLocale::Spanish));
        QCOMPARE(spinepath::Translator::language(), QStringLiteral("es"));
        QVERIFY(m_dataFolder.isValid());
        m_context->openDatabase(m_dataFolder.filePath(QStringLiteral("spanish.sqlite")));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
    }

    void init()
    {
        spinepath::Translator::install(*qApp, QLocale(QLocale::Spanish));
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void cleanupTestCase() { spinepath::Translator::install(*qApp, QLocale(QLocale::English)); }

    void questionnaireResultsAndPatientCopyAreSpanish()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
        checkQuestionnaireIsSpanish();
        saveScreenshot(*m_window, QStringLiteral("questionnaire-safety-es"));
        patient().answerExampleThree();
        checkQuestionnaireIsSpanish();
        patient().next();
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("resultsPage"));

        // The results page: the rules' Spanish texts, clinic.json's Spanish disclaimer.
        const auto& texts = m_context->content->ruleTexts("es");
        QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("categoryTitle"))->text(),
                 QString::fromStdString(texts.categoryTitle("regenerative_evaluation")));
        // Lines of a list start with a bullet.
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("factor_annular_tear"))
                    ->text()
                    .endsWith(QString::fromStdString(texts.reason("annular_tear"))));
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("note_other_biologics"))
                    ->text()
                    .endsWith(QString::fromStdString(texts.note("other_biologics"))));
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("disclaimer"))
                    ->text()
                    .contains(QStringLiteral("no son un diagnóstico"), Qt::CaseInsensitive));
        auto* fusion = m_window->findChild<QAbstractButton*>(QStringLiteral("article_spinal-fusion"));
        QVERIFY(fusion);
        QVERIFY2(fusion->text().contains(QStringLiteral("Fusión de la columna")), qPrintable(fusion->text()));
        checkNoEnglishContent(textsUnder(patient().currentPage()));
        saveScreenshot(*m_window, QStringLiteral("results-es"));

        // The patient copy: the same Spanish wording, nothing of the English.
        spinepath::report::AssessmentInfo info;
        info.mode = spinepath::AssessmentMode::Home;
        info.language = spinepath::Translator::language().toStdString();
        const auto* session = m_window->session();
        const auto copy =
            m_context->content->reportFromResult(session->acceptedAnswers(), session->result(), info);
        QCOMPARE(copy.patientLanguage, std::string("es"));
        const QString html = spinepath::report::patientCopyHtml(copy);
        QVERIFY(html.contains(
            QString::fromStdString(texts.categoryTitle("regenerative_evaluation")).toHtmlEscaped()));
        QVERIFY(
            html.contains(QString::fromStdString(texts.note("investigational_treatment")).toHtmlEscaped()));
        QTextDocument document;
        document.setHtml(html);
        checkNoEnglishContent(document.toPlainText().split(u'\n'));

        // The library opens the Spanish article.
        QTest::mouseClick(fusion, Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("libraryPage"));
        QVERIFY(anyContains(textsUnder(patient().currentPage()), "Fusión de la columna"));
        saveScreenshot(*m_window, QStringLiteral("library-article-es"));
    }

    void switchingLanguageRewordsWhatIsShown()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
        const q::Item* age = m_context->content->questionnaire("en").find("safety.age");
        const q::Item* edad = m_context->content->questionnaire("es").find("safety.age");
        QVERIFY(anyContains(textsUnder(patient().currentPage()), edad->text()));
        patient().type("safety.age", QStringLiteral("42"));

        spinepath::Translator::install(*qApp, QLocale(QLocale::English));
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(anyContains(textsUnder(patient().currentPage()), age->text()));
        QVERIFY(!anyContains(textsUnder(patient().currentPage()), edad->text()));
        // The answer given stays.
        QCOMPARE(m_window->session()->answers().value("safety.age", 0), 42);

        spinepath::Translator::install(*qApp, QLocale(QLocale::Spanish));
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(anyContains(textsUnder(patient().currentPage()), edad->text()));
    }
};

QTEST_MAIN(TestSpanishPatient)
#include "test_SpanishPatient.moc"
