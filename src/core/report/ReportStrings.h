#pragma once

#include <QString>

#include <string>

class QTranslator;

namespace spinepath::report {

// Every layout label the two documents print, in one place. Clinical wording
// never lives here (it comes from content); these are the headings and small
// words around it. Each is looked up with QCoreApplication::translate in the
// "report" context when a document is made, so lupdate finds them and an
// installed translator (a Spanish edition) takes effect without a rebuild.
// forLanguage() words them in a language of its own, whatever is installed:
// the physician summary is in the clinic's language and the patient copy in
// the patient's, while the program shows the patient's.
struct ReportStrings
{
    // Both documents
    QString pageOf;     // "Page %1 of %2"
    QString printedAt;  // "Printed %1"
    QString assessment; // "Assessment %1"
    QString notStored;  // "Assessment not stored"
    QString reference;  // "Reference %1": the assessment, on the patient's copy
    QString phone;      // "Phone %1"
    QString yes;
    QString no;
    QString notAnswered;
    QString answeredNo; // the label of the line that gathers a section's "no" answers
    QString leftBlank;  // the label of the line that gathers its unanswered questions
    // Its value when every yes/no question of the section was answered no.
    [[nodiscard]] QString allAnsweredNo(int count) const;
    QString notRecorded;
    QString kiosk;
    QString home;

    // Physician summary
    QString physicianTitle;
    QString confidential;
    QString patient;
    QString patientNotGiven;
    QString bornOn; // "born %1"
    QString contactOk;
    QString contactNotOk;
    QString taken; // "Taken"
    QString mode;
    QString questionnaire;
    QString answeredIn; // "Answered in": the language of the patient's answers
    QString english;    // the names of the languages the patient may answer in
    QString spanish;
    // "Spanish" for "es", in these strings' language.
    [[nodiscard]] QString languageName(const std::string& language) const;
    QString rules;
    QString redFlags;
    QString noRedFlags;
    QString reviewFlags;
    QString category;
    QString scores;
    QString outOf100; // "%1 / 100"
    QString factors;
    QString noFactors;
    QString factor;
    QString pathway;
    QString weight;
    QString reason;
    QString nextSteps;
    QString noNextSteps;
    QString peg;
    QString pegOutOf10; // "%1 / 10"
    QString pegNotScored;
    QString answers;

    // Patient copy
    QString patientTitle;
    QString preparedFor; // "Prepared for %1"
    QString readFirst;
    QString whatItMeans;
    QString alsoAsk;
    QString whyReasons;
    QString whatNext;
    QString noNextStepsPatient;
    QString toRead;
    QString toReadHint;
    QString questions;      // "Questions? Call us"
    QString callUs;         // "Call %1 at %2."
    QString rulesUsed;      // "Rules used: %1 %2" (id and version)
    QString handoffTitle;   // the heading beside the QR code of answers given at home
    QString handoffHolds;   // what the code holds
    QString handoffPrivacy; // that anyone holding the paper can read it

    // Looked up now, in the current translation.
    [[nodiscard]] static ReportStrings current();
    // In `language` ("es", "es-US"), from the program's own translation of
    // it, whatever is installed; English for a language without one.
    [[nodiscard]] static ReportStrings forLanguage(const std::string& language);

private:
    template <typename Translate> [[nodiscard]] static ReportStrings make(const Translate& word);
    const QTranslator* m_translator = nullptr; // nullptr: the installed translation
};

} // namespace spinepath::report
