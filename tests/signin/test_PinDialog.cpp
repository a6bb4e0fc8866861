#include "SignInTestSupport.h"

#include "kiosk/signin/PinDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace spinepath::ui;

using namespace signintest;
using std::chrono::seconds;

namespace {

const QString kPin = QStringLiteral("482915");
const QString kWrong = QStringLiteral("000417");

struct Parts
{
    QLineEdit* edit;
    QPushButton* signIn;
    QLabel* message;
};

Parts partsOf(PinDialog& dialog)
{
    Parts parts{dialog.findChild<QLineEdit*>(QStringLiteral("pinEdit")),
                dialog.findChild<QPushButton*>(QStringLiteral("signInButton")),
                dialog.findChild<QLabel*>(QStringLiteral("pinMessage"))};
    if (!parts.edit || !parts.signIn || !parts.message ||
        !dialog.findChild<QPushButton*>(QStringLiteral("cancelButton")))
        qFatal("PinDialog lacks one of its named parts");
    return parts;
}

void typeAndSignIn(const Parts& parts, const QString& text)
{
    QTest::keyClicks(parts.edit, text);
    QTest::mouseClick(parts.signIn, Qt::LeftButton);
}

// The sign-in dialog over a database whose staff PIN is kPin.
struct SignInScreen
{
    PinFixture fixture;
    PinDialog dialog{pinSetTo(fixture, kPin)};
    Parts parts = partsOf(dialog);

    static StaffPin& pinSetTo(PinFixture& fixture, const QString& pin)
    {
        if (!fixture.pin().set(pin.toStdString()))
            qFatal("the test PIN could not be set");
        return fixture.pin();
    }
};

} // namespace

class TestPinDialog final : public QObject
{
    Q_OBJECT

private slots:
    void theFieldHidesWhatIsTyped();
    void aWrongPinSaysHowManyTriesAreLeftNearTheLock();
    void theRightPinAccepts();
    void returnInTheFieldSignsIn();
    void anEmptyTryIsNotCounted();
    void theButtonIsOffWhileAWaitCountsDown();
    void tenWrongPinsKeepStaffOutForAMinuteAtMost();
    void theLockIsShownUntilThePinIsReset();
    void aDatabaseErrorIsShown();
};

void TestPinDialog::theFieldHidesWhatIsTyped()
{
    PinFixture fixture;
    PinDialog dialog(fixture.pin());
    const Parts parts = partsOf(dialog);
    QCOMPARE(parts.edit->echoMode(), QLineEdit::Password);
    QVERIFY(parts.edit->inputMethodHints().testFlag(Qt::ImhSensitiveData));
    QVERIFY(parts.edit->minimumHeight() >= 48);
    // Styled as the app's main actions (64 px high in the style sheet).
    QCOMPARE(parts.signIn->property("role").toString(), QStringLiteral("start"));
    QVERIFY(parts.signIn->isDefault());
}

void TestPinDialog::aWrongPinSaysHowManyTriesAreLeftNearTheLock()
{
    SignInScreen screen;
    auto& [fixture, dialog, parts] = screen;
    QVERIFY(openOnScreen(dialog));

    typeAndSignIn(parts, kWrong);
    QCOMPARE(parts.message->text(), QStringLiteral("Wrong PIN."));
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(parts.edit->text().isEmpty());
    QCOMPARE(fixture.audited(storage::audit::kSignInFailed), 1);

    // Near the lock the count matters, and is said.
    while (fixture.audited(storage::audit::kSignInFailed) <
           StaffPin::kMaxFailures - StaffPin::kWarnWhenLeft) {
        fixture.clock.advance(fixture.pin().waitRemaining());
        fixture.pin().verify(kWrong.toStdString());
    }
    fixture.clock.advance(fixture.pin().waitRemaining());
    QTRY_VERIFY(parts.signIn->isEnabled());
    typeAndSignIn(parts, kWrong);
    QVERIFY2(parts.message->text().contains(
                 QStringLiteral("Wrong PIN. 9 tries left before the console locks until the PIN is reset")),
             qPrintable(parts.message->text()));
    QVERIFY(!parts.message->text().contains(kWrong));
}

void TestPinDialog::theRightPinAccepts()
{
    SignInScreen screen;
    auto& [fixture, dialog, parts] = screen;
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QVERIFY(openOnScreen(dialog));

    typeAndSignIn(parts, kWrong);
    typeAndSignIn(parts, kPin);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QVERIFY(parts.edit->text().isEmpty());
    QCOMPARE(fixture.audited(storage::audit::kSignedIn), 1);
}

void TestPinDialog::returnInTheFieldSignsIn()
{
    SignInScreen screen;
    auto& [fixture, dialog, parts] = screen;
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QVERIFY(openOnScreen(dialog));

    QTest::keyClicks(parts.edit, kPin);
    QTest::keyClick(parts.edit, Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    // Once: Return reaches verify() through the default button only.
    QCOMPARE(fixture.audited(storage::audit::kSignedIn), 1);
    QCOMPARE(fixture.audited(storage::audit::kSignInFailed), 0);
}

void TestPinDialog::anEmptyTryIsNotCounted()
{
    SignInScreen screen;
    auto& [fixture, dialog, parts] = screen;
    QVERIFY(openOnScreen(dialog));

    QTest::mouseClick(parts.signIn, Qt::LeftButton);
    QVERIFY(parts.message->text().contains(QStringLiteral("Enter the staff PIN")));
    QCOMPARE(fixture.audited(storage::audit::kSignInFailed), 0);
    QVERIFY(dialog.isVisible());
}

void TestPinDialog::theButtonIsOffWhileAWaitCountsDown()
{
    SignInScreen screen;
    auto& [fixture, dialog, parts] = screen;
    dialog.setTickInterval(std::chrono::milliseconds(20));
    QVERIFY(openOnScreen(dialog));

    typeAndSignIn(parts, kWrong);
    typeAndSignIn(parts, kWrong);
    QVERIFY(parts.signIn->isEnabled()); // two free failures
    typeAndSignIn(parts, kWrong);
    QVERIFY(!parts.signIn->isEnabled());
    QVERIFY2(parts.message->text().contains(QStringLiteral("Wrong PIN.")) &&
                 parts.message->text().contains(QStringLiteral("Try again in 0:01")),
             qPrintable(parts.message->text()));

    // Clicking or pressing Return during the wait checks nothing and counts nothing.
    typeAndSignIn(parts, kPin);
    QTest::keyClick(parts.edit, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(fixture.audited(storage::audit::kSignInFailed), 3);
    QCOMPARE(fixture.audited(storage::audit::kSignedIn), 0);
    // What was typed meanwhile stays for when the wait is over; this test starts afresh.
    parts.edit->clear();

    // The wait ends with the clock: the button comes back by itself.
    fixture.clock.advance(seconds(1));
    QTRY_VERIFY(parts.signIn->isEnabled());
    QVERIFY(!parts.message->text().contains(QStringLiteral("Try again in")));
    QCOMPARE(parts.message->text(), QStringLiteral("Wrong PIN."));

    // A longer wait counts down live.
    typeAndSignIn(parts, kWrong);
    QVERIFY(parts.message->text().contains(QStringLiteral("0:02")));
    fixture.clock.advance(seconds(1));
    QTRY_VERIFY2(parts.message->text().contains(QStringLiteral("Try again in 0:01")),
                 qPrintable(parts.message->text()));
    QVERIFY(!parts.signIn->isEnabled());
    fixture.clock.advance(seconds(1));
    QTRY_VERIFY(parts.signIn->isEnabled());

    QTest::keyClicks(parts.edit, kPin);
    QTest::mouseClick(parts.signIn, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

// Ten wrong PINs used to lock staff out for 15 minutes.
void TestPinDialog::tenWrongPinsKeepStaffOutForAMinuteAtMost()
{
    SignInScreen screen;
    auto& [fixture, dialog, parts] = screen;
    dialog.setTickInterval(std::chrono::milliseconds(20));
    QVERIFY(openOnScreen(dialog));

    for (int i = 0; i < 10; ++i) {
        fixture.clock.advance(fixture.pin().waitRemaining());
        QTRY_VERIFY(parts.signIn->isEnabled());
        typeAndSignIn(parts, kWrong);
    }
    QCOMPARE(fixture.audited(storage::audit::kSignInFailed), 10);
    QVERIFY(!parts.signIn->isEnabled());
    QVERIFY2(parts.message->text().contains(QStringLiteral("Try again in 1:00")),
             qPrintable(parts.message->text()));
    QVERIFY(!parts.message->text().contains(QStringLiteral("locked")));

    fixture.clock.advance(StaffPin::kLongestWait);
    QTRY_VERIFY(parts.signIn->isEnabled());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    typeAndSignIn(parts, kPin);
    QCOMPARE(accepted.count(), 1);
}

void TestPinDialog::theLockIsShownUntilThePinIsReset()
{
    PinFixture fixture;
    QVERIFY(fixture.pin().set(kPin.toStdString()));
    for (int i = 0; i < StaffPin::kMaxFailures; ++i) {
        fixture.clock.advance(fixture.pin().waitRemaining());
        fixture.pin().verify("000417");
    }
    QVERIFY(fixture.pin().isLockedOut());

    PinDialog dialog(fixture.pin());
    dialog.setTickInterval(std::chrono::milliseconds(20));
    const Parts parts = partsOf(dialog);
    QVERIFY(openOnScreen(dialog));
    QVERIFY(!parts.signIn->isEnabled());
    QVERIFY2(parts.message->text().contains(QStringLiteral("locked")) &&
                 parts.message->text().contains(QStringLiteral("spinepath-cli db reset-pin")),
             qPrintable(parts.message->text()));

    // No wait ends it.
    fixture.clock.advance(std::chrono::hours(24));
    QTest::qWait(60);
    QVERIFY(!parts.signIn->isEnabled());

    // The reset does; the dialog then says how to go on.
    QVERIFY(fixture.pin().issueResetCode("cli:it"));
    QTRY_VERIFY(parts.signIn->isEnabled());
    typeAndSignIn(parts, kPin);
    QVERIFY2(parts.message->text().contains(QStringLiteral("reset")), qPrintable(parts.message->text()));
    QVERIFY(dialog.result() != QDialog::Accepted);
}

void TestPinDialog::aDatabaseErrorIsShown()
{
    SignInScreen screen;
    auto& [fixture, dialog, parts] = screen;
    QVERIFY(openOnScreen(dialog));

    fixture.database().close();
    typeAndSignIn(parts, kPin);
    QVERIFY2(parts.message->text().startsWith(QStringLiteral("The PIN could not be checked")),
             qPrintable(parts.message->text()));
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != QDialog::Accepted);
}

QTEST_MAIN(TestPinDialog)
#include "test_PinDialog.moc"
