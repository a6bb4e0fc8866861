// Fuzz target: the patient's pages of any questionnaire. A resource that
// loads (as in fuzz_questionnaire) is shown as a content author's preview
// shows it (QuestionnairePreview: the questionnaire's pages over a session
// with no database), and the input's bytes then work every page as a
// patient could: text typed into every field (numbers, dates, times out of
// range, markup, emoji), choices and check boxes clicked, drop-downs
// changed, answers and repeating-group instances added and removed, Next
// and Back. Nothing may crash or abort; and whatever the session then holds
// must be written as a QuestionnaireResponse that reads back.

#include "FuzzSupport.h"

#include "patient/questionnaire/QuestionnairePreview.h"
#include "patient/questionnaire/QuestionnaireView.h"

#include "core/jsonlogic/Errors.h"
#include "core/jsonlogic/Json.h"
#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireError.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/session/AssessmentSession.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTest>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using namespace spinepath;
using fuzz::Picker;

// What a patient might type anywhere: fitting values and the ways they go wrong.
constexpr std::array kTyped{"42",
                            "-7",
                            "3.75",
                            "0",
                            "99999999999999999999",
                            "1e309",
                            "2026-02-30",
                            "1971-04-02",
                            "12:61",
                            "08:30",
                            "abc",
                            "",
                            " ",
                            "<b>bold</b>",
                            "\xF0\x9F\x98\x80",
                            "1,5",
                            "NaN",
                            "2026-13-01T25:00"};

QApplication& application()
{
    static int argc = 1;
    static char name[] = "fuzz_pages";
    static char* argv[] = {name, nullptr};
    static QApplication* app = [] {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return new QApplication(argc, argv);
    }();
    return *app;
}

// Every widget of type T the patient can reach now. Held as QPointer: a
// click may rebuild the page (an instance removed), deleting later ones.
template <typename T> std::vector<QPointer<T>> reachable(QWidget& window)
{
    std::vector<QPointer<T>> found;
    for (T* widget : window.findChildren<T*>())
        if (widget->isVisible() && widget->isEnabled())
            found.emplace_back(widget);
    return found;
}

QString typed(Picker& pick)
{
    return QString::fromUtf8(kTyped[static_cast<std::size_t>(pick.next(kTyped.size()))]);
}

// Keys for what a keyboard types; text beyond ASCII comes as an input
// method commits it (QTest has no key for an emoji).
void type(QWidget* field, const QString& text)
{
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        QTest::keyClicks(field, text);
    else if (auto* line = qobject_cast<QLineEdit*>(field))
        line->insert(text);
    else if (auto* plain = qobject_cast<QPlainTextEdit*>(field))
        plain->insertPlainText(text);
}

void workPage(QWidget& window, Picker& pick)
{
    for (const QPointer<QLineEdit>& edit : reachable<QLineEdit>(window)) {
        if (!edit || pick.next(3) == 0)
            continue;
        edit->selectAll();
        type(edit, typed(pick));
        if (edit)
            QTest::keyClick(edit, Qt::Key_Return);
    }
    for (const QPointer<QPlainTextEdit>& edit : reachable<QPlainTextEdit>(window))
        if (edit && pick.next(3) > 0)
            type(edit, typed(pick));
    for (const QPointer<QComboBox>& box : reachable<QComboBox>(window))
        if (box && box->count() > 0 && pick.next(2) == 0)
            box->setCurrentIndex(pick.next(box->count()));
    for (const QPointer<QAbstractButton>& button : reachable<QAbstractButton>(window)) {
        // Not the page's own Next and Back: the walk below decides those.
        if (!button || button->objectName() == QLatin1String("nextButton") ||
            button->objectName() == QLatin1String("backButton"))
            continue;
        if (pick.next(3) == 0)
            button->click();
    }
    QApplication::processEvents();
}

void walkPages(const questionnaire::Questionnaire& loaded, std::string_view bytes)
{
    (void)application();
    Picker pick(bytes);
    ui::QuestionnairePreview preview(loaded);
    preview.resize(1024, 700);
    preview.show();
    ui::QuestionnaireView* view = preview.questionnaireView();
    for (int step = 0; step < 24 && view->isVisible(); ++step) {
        workPage(preview, pick);
        if (pick.next(5) == 0)
            view->goBack();
        else
            view->goNext();
        QApplication::processEvents();
    }
    // What the pages left in the session is an answer set SpinePath writes
    // and reads back.
    const AssessmentSession& session = preview.session();
    questionnaire::ResponseOptions options;
    options.status = "in-progress";
    nlohmann::json response;
    try {
        response = questionnaire::toQuestionnaireResponse(loaded, session.acceptedAnswers(), options);
    } catch (const questionnaire::QuestionnaireError& error) {
        fuzz::fail(std::string("the pages left answers that cannot be written: ") + error.what() + "\n" +
                   session.answers().dump());
    }
    try {
        (void)questionnaire::fromQuestionnaireResponse(loaded, response);
    } catch (const questionnaire::QuestionnaireError& error) {
        fuzz::fail(std::string("a response of the pages' answers does not read back: ") + error.what() +
                   "\n" + response.dump());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::optional<nlohmann::json> resource = fuzz::parseInput(data, size);
    if (!resource)
        return 0;
    std::unique_ptr<questionnaire::Questionnaire> loaded;
    try {
        loaded =
            std::make_unique<questionnaire::Questionnaire>(questionnaire::Questionnaire::fromJson(*resource));
    } catch (const questionnaire::QuestionnaireError& error) {
        fuzz::requireMessage(error.what(), "QuestionnaireError");
        return 0;
    }
    walkPages(*loaded, fuzz::bytes(data, size));
    return 0;
}
