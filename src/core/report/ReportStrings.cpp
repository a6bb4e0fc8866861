#include "core/report/ReportStrings.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QTranslator>

#include <memory>

namespace spinepath::report {

namespace {

// The program's translation of `language` (the compiled :/i18n files), loaded
// once: a document in the clinic's language is made while the patient's
// language is installed. English has a file too (its plurals). A language
// without a file is English.
const QTranslator& translatorFor(const QString& language)
{
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<QTranslator>> translators;
    const QMutexLocker lock(&mutex);
    auto& translator = translators[language];
    if (!translator) {
        translator = std::make_shared<QTranslator>();
        if (!translator->load(QStringLiteral("spinepath_") + language, QStringLiteral(":/i18n")))
            (void)translator->load(QStringLiteral("spinepath_en"), QStringLiteral(":/i18n"));
    }
    return *translator;
}

QString primary(const std::string& language)
{
    const QString code =
        QString::fromStdString(language).section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0);
    return code.isEmpty() ? QStringLiteral("en") : code.toLower();
}

} // namespace

template <typename Translate> ReportStrings ReportStrings::make(const Translate& word)
{
    // Each text is marked with its "report" context, so lupdate finds it.
    ReportStrings s;
    s.pageOf = word(QT_TRANSLATE_NOOP("report", "Page %1 of %2"));
    s.printedAt = word(QT_TRANSLATE_NOOP("report", "Printed %1"));
    s.assessment = word(QT_TRANSLATE_NOOP("report", "Assessment %1"));
    s.notStored = word(QT_TRANSLATE_NOOP("report", "Assessment not stored"));
    s.reference = word(QT_TRANSLATE_NOOP("report", "Reference %1"));
    s.phone = word(QT_TRANSLATE_NOOP("report", "Phone %1"));
    s.yes = word(QT_TRANSLATE_NOOP("report", "yes"));
    s.no = word(QT_TRANSLATE_NOOP("report", "no"));
    s.notAnswered = word(QT_TRANSLATE_NOOP("report", "not answered"));
    s.answeredNo = word(QT_TRANSLATE_NOOP("report", "Answered no"));
    s.leftBlank = word(QT_TRANSLATE_NOOP("report", "Not answered"));
    s.notRecorded = word(QT_TRANSLATE_NOOP("report", "not recorded"));
    s.kiosk = word(QT_TRANSLATE_NOOP("report", "Kiosk"));
    s.home = word(QT_TRANSLATE_NOOP("report", "Home"));

    s.physicianTitle = word(QT_TRANSLATE_NOOP("report", "Physician summary"));
    s.confidential = word(QT_TRANSLATE_NOOP("report", "Confidential: patient information"));
    s.patient = word(QT_TRANSLATE_NOOP("report", "Patient"));
    s.patientNotGiven = word(QT_TRANSLATE_NOOP("report", "not given"));
    s.bornOn = word(QT_TRANSLATE_NOOP("report", "born %1"));
    s.contactOk = word(QT_TRANSLATE_NOOP("report", "may be contacted"));
    s.contactNotOk = word(QT_TRANSLATE_NOOP("report", "do not contact"));
    s.taken = word(QT_TRANSLATE_NOOP("report", "Taken"));
    s.mode = word(QT_TRANSLATE_NOOP("report", "Mode"));
    s.questionnaire = word(QT_TRANSLATE_NOOP("report", "Questionnaire"));
    s.answeredIn = word(QT_TRANSLATE_NOOP("report", "Answered in"));
    s.rules = word(QT_TRANSLATE_NOOP("report", "Rules"));
    s.redFlags = word(QT_TRANSLATE_NOOP("report", "Red flags"));
    s.noRedFlags = word(QT_TRANSLATE_NOOP("report", "Red flags: none reported."));
    s.reviewFlags = word(QT_TRANSLATE_NOOP("report", "For review"));
    s.category = word(QT_TRANSLATE_NOOP("report", "Category"));
    s.scores = word(QT_TRANSLATE_NOOP("report", "Scores"));
    s.outOf100 = word(QT_TRANSLATE_NOOP("report", "%1 / 100"));
    s.factors = word(QT_TRANSLATE_NOOP("report", "Factors"));
    s.noFactors = word(QT_TRANSLATE_NOOP("report", "No factor fired."));
    s.factor = word(QT_TRANSLATE_NOOP("report", "Factor"));
    s.pathway = word(QT_TRANSLATE_NOOP("report", "Pathway"));
    s.weight = word(QT_TRANSLATE_NOOP("report", "Weight"));
    s.reason = word(QT_TRANSLATE_NOOP("report", "Reason given to the patient"));
    s.nextSteps = word(QT_TRANSLATE_NOOP("report", "Suggested next steps"));
    s.noNextSteps = word(QT_TRANSLATE_NOOP("report", "None suggested by the rules."));
    s.peg = word(QT_TRANSLATE_NOOP("report", "PEG"));
    s.pegOutOf10 = word(QT_TRANSLATE_NOOP("report", "%1 / 10"));
    s.pegNotScored = word(QT_TRANSLATE_NOOP("report", "not scored (needs all three items)"));
    s.answers = word(QT_TRANSLATE_NOOP("report", "Answers"));
    s.english = word(QT_TRANSLATE_NOOP("report", "English"));
    s.spanish = word(QT_TRANSLATE_NOOP("report", "Spanish"));

    s.patientTitle = word(QT_TRANSLATE_NOOP("report", "Your results"));
    s.preparedFor = word(QT_TRANSLATE_NOOP("report", "Prepared for %1"));
    s.readFirst = word(QT_TRANSLATE_NOOP("report", "Please read this first"));
    s.whatItMeans = word(QT_TRANSLATE_NOOP("report", "What your result means"));
    s.alsoAsk = word(QT_TRANSLATE_NOOP("report", "Your doctor will also ask about"));
    s.whyReasons = word(QT_TRANSLATE_NOOP("report", "Why"));
    s.whatNext = word(QT_TRANSLATE_NOOP("report", "What happens next"));
    s.noNextStepsPatient =
        word(QT_TRANSLATE_NOOP("report", "Your doctor will go over your answers with you."));
    s.toRead = word(QT_TRANSLATE_NOOP("report", "To read before your visit"));
    s.toReadHint =
        word(QT_TRANSLATE_NOOP("report", "Ask at the front desk, or open them in the SpinePath library."));
    s.questions = word(QT_TRANSLATE_NOOP("report", "Questions?"));
    s.callUs = word(QT_TRANSLATE_NOOP("report", "Call %1 at %2."));
    s.rulesUsed = word(QT_TRANSLATE_NOOP("report", "Rules used: %1 %2"));
    s.handoffTitle = word(QT_TRANSLATE_NOOP("report", "Bring this page to your visit"));
    s.handoffHolds = word(QT_TRANSLATE_NOOP(
        "report", "This square code holds all your answers and the details about you that you gave. "
                  "At the front desk, staff scan it. Then you do not have to answer again."));
    s.handoffPrivacy = word(QT_TRANSLATE_NOOP(
        "report", "Anyone who has this page can read your answers from the code. Keep it safe, as you "
                  "would a letter from your doctor."));
    return s;
}

ReportStrings ReportStrings::current()
{
    ReportStrings s = make([](const char* source) { return QCoreApplication::translate("report", source); });
    s.m_translator = nullptr;
    return s;
}

ReportStrings ReportStrings::forLanguage(const std::string& language)
{
    const QTranslator* translator = &translatorFor(primary(language));
    ReportStrings s = make([translator](const char* source) {
        const QString text = translator->translate("report", source);
        return text.isEmpty() ? QString::fromUtf8(source) : text;
    });
    s.m_translator = translator;
    return s;
}

QString ReportStrings::languageName(const std::string& language) const
{
    const QString code = primary(language);
    if (code == QLatin1String("en"))
        return english;
    if (code == QLatin1String("es"))
        return spanish;
    // A language the program has no name for: Qt's English name of it.
    return QLocale::languageToString(QLocale::codeToLanguage(code));
}

QString ReportStrings::allAnsweredNo(int count) const
{
    const char* source = QT_TRANSLATE_N_NOOP("report", "all %n yes/no questions");
    if (!m_translator)
        return QCoreApplication::translate("report", source, nullptr, count);
    QString text = m_translator->translate("report", source, nullptr, count);
    if (text.isEmpty())
        text = QString::fromUtf8(source);
    return text.replace(QStringLiteral("%n"), QString::number(count));
}

} // namespace spinepath::report
