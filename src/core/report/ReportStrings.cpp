#include "core/report/ReportStrings.h"

#include <QCoreApplication>

namespace spinepath::report {

ReportStrings ReportStrings::current()
{
    // Literal calls, so lupdate finds each text with its "report" context.
    ReportStrings s;
    s.pageOf = QCoreApplication::translate("report", "Page %1 of %2");
    s.printedAt = QCoreApplication::translate("report", "Printed %1");
    s.assessment = QCoreApplication::translate("report", "Assessment %1");
    s.notStored = QCoreApplication::translate("report", "Assessment not stored");
    s.reference = QCoreApplication::translate("report", "Reference %1");
    s.phone = QCoreApplication::translate("report", "Phone %1");
    s.yes = QCoreApplication::translate("report", "yes");
    s.no = QCoreApplication::translate("report", "no");
    s.notAnswered = QCoreApplication::translate("report", "not answered");
    s.answeredNo = QCoreApplication::translate("report", "Answered no");
    s.leftBlank = QCoreApplication::translate("report", "Not answered");
    s.notRecorded = QCoreApplication::translate("report", "not recorded");
    s.kiosk = QCoreApplication::translate("report", "Kiosk");
    s.home = QCoreApplication::translate("report", "Home");

    s.physicianTitle = QCoreApplication::translate("report", "Physician summary");
    s.confidential = QCoreApplication::translate("report", "Confidential: patient information");
    s.patient = QCoreApplication::translate("report", "Patient");
    s.patientNotGiven = QCoreApplication::translate("report", "not given");
    s.bornOn = QCoreApplication::translate("report", "born %1");
    s.contactOk = QCoreApplication::translate("report", "may be contacted");
    s.contactNotOk = QCoreApplication::translate("report", "do not contact");
    s.taken = QCoreApplication::translate("report", "Taken");
    s.mode = QCoreApplication::translate("report", "Mode");
    s.questionnaire = QCoreApplication::translate("report", "Questionnaire");
    s.answeredIn = QCoreApplication::translate("report", "Answered in");
    s.rules = QCoreApplication::translate("report", "Rules");
    s.redFlags = QCoreApplication::translate("report", "Red flags");
    s.noRedFlags = QCoreApplication::translate("report", "Red flags: none reported.");
    s.reviewFlags = QCoreApplication::translate("report", "For review");
    s.category = QCoreApplication::translate("report", "Category");
    s.scores = QCoreApplication::translate("report", "Scores");
    s.outOf100 = QCoreApplication::translate("report", "%1 / 100");
    s.factors = QCoreApplication::translate("report", "Factors");
    s.noFactors = QCoreApplication::translate("report", "No factor fired.");
    s.factor = QCoreApplication::translate("report", "Factor");
    s.pathway = QCoreApplication::translate("report", "Pathway");
    s.weight = QCoreApplication::translate("report", "Weight");
    s.reason = QCoreApplication::translate("report", "Reason given to the patient");
    s.nextSteps = QCoreApplication::translate("report", "Suggested next steps");
    s.noNextSteps = QCoreApplication::translate("report", "None suggested by the rules.");
    s.peg = QCoreApplication::translate("report", "PEG");
    s.pegOutOf10 = QCoreApplication::translate("report", "%1 / 10");
    s.pegNotScored = QCoreApplication::translate("report", "not scored (needs all three items)");
    s.answers = QCoreApplication::translate("report", "Answers");

    s.patientTitle = QCoreApplication::translate("report", "Your results");
    s.preparedFor = QCoreApplication::translate("report", "Prepared for %1");
    s.readFirst = QCoreApplication::translate("report", "Please read this first");
    s.whatItMeans = QCoreApplication::translate("report", "What your result means");
    s.alsoAsk = QCoreApplication::translate("report", "Your doctor will also ask about");
    s.whyReasons = QCoreApplication::translate("report", "Why");
    s.whatNext = QCoreApplication::translate("report", "What happens next");
    s.noNextStepsPatient =
        QCoreApplication::translate("report", "Your doctor will go over your answers with you.");
    s.toRead = QCoreApplication::translate("report", "To read before your visit");
    s.toReadHint = QCoreApplication::translate(
        "report", "Ask at the front desk, or open them in the SpinePath library.");
    s.questions = QCoreApplication::translate("report", "Questions?");
    s.callUs = QCoreApplication::translate("report", "Call %1 at %2.");
    s.rulesUsed = QCoreApplication::translate("report", "Rules used: %1 %2");
    s.handoffTitle = QCoreApplication::translate("report", "Bring this page to your visit");
    s.handoffHolds = QCoreApplication::translate(
        "report", "This square code holds all your answers and the details about you that you gave. "
                  "At the front desk, staff scan it. Then you do not have to answer again.");
    s.handoffPrivacy = QCoreApplication::translate(
        "report", "Anyone who has this page can read your answers from the code. Keep it safe, as you "
                  "would a letter from your doctor.");
    return s;
}

QString ReportStrings::allAnsweredNo(int count)
{
    return QCoreApplication::translate("report", "all %n yes/no questions", nullptr, count);
}

} // namespace spinepath::report
