#include "SignInTestSupport.h"

#include "kiosk/signin/SetPinDialog.h"

#include "core/storage/Settings.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace spinepath::ui;

using namespace signintest;

namespace {

struct Parts
{
    QLineEdit* newPin;
    QLineEdit* confirmPin;
    QPushButton* set;
    QLabel* message;
};

Parts partsOf(SetPinDialog& dialog)
{
    Parts parts{dialog.findChild<QLineEdit*>(QStringLiteral("newPinEdit")),
                dialog.findChild<QLineEdit*>(QStringLiteral("confirmPinEdit")),
                dialog.findChild<QPushButton*>(QStringLiteral("setPinButton")),
                dialog.findChild<QLabel*>(QStringLiteral("setPinMessage"))};
    if (!parts.newPin || !parts.confirmPin || !parts.set || !parts.message)
        qFatal("SetPinDialog lacks one of its named parts");
    return parts;
}

void enter(const Parts& parts, const QString& first, const QString& second)
{
    parts.newPin->clear();
    parts.confirmPin->clear();
    QTest::keyClicks(parts.newPin, first);
    QTest::keyClicks(parts.confirmPin, second);
    QTest::mouseClick(parts.set, Qt::LeftButton);
}

bool dialogSays(const Parts& parts, const QString& words)
{
    if (parts.message->text().contains(words))
        return true;
    qWarning("The message is: %s", qPrintable(parts.message->text()));
    return false;
}

} // namespace

class TestSetPinDialog final : public QObject
{
    Q_OBJECT

private slots:
    void explainsWhyStaffNeedThePin();
    void refusesTwoDifferentEntries();
    void refusesWeakPins();
    void returnInTheFirstFieldMovesOn();
    void storesAnArgon2idHashAndAccepts();
    void showsAStorageError();
    void atTheKioskNamesTheCommandThatGivesTheCode();
    void atTheKioskNoPinIsSetWithoutTheCode();
    void atTheKioskTheRightCodeSetsThePin();
    void atTheKioskAWrongCodeWaitsAndAnExpiredOneIsSaid();
};

void TestSetPinDialog::explainsWhyStaffNeedThePin()
{
    PinFixture fixture;
    SetPinDialog dialog(fixture.pin());
    const Parts parts = partsOf(dialog);
    QCOMPARE(parts.newPin->echoMode(), QLineEdit::Password);
    QCOMPARE(parts.confirmPin->echoMode(), QLineEdit::Password);
    bool explained = false;
    for (const QLabel* label : dialog.findChildren<QLabel*>())
        explained = explained || (label->text().contains(QStringLiteral("leave the kiosk")) &&
                                  label->text().contains(QStringLiteral("staff console")));
    QVERIFY(explained);
}

void TestSetPinDialog::refusesTwoDifferentEntries()
{
    PinFixture fixture;
    SetPinDialog dialog(fixture.pin());
    const Parts parts = partsOf(dialog);
    QVERIFY(openOnScreen(dialog));

    enter(parts, QStringLiteral("482915"), QStringLiteral("482916"));
    QVERIFY(dialogSays(parts, QStringLiteral("not the same")));
    QVERIFY(dialog.isVisible());
    QVERIFY(!*fixture.pin().isSet());
    QVERIFY(parts.confirmPin->text().isEmpty());
    QCOMPARE(fixture.audited(storage::audit::kPinSet), 0);
}

void TestSetPinDialog::refusesWeakPins()
{
    PinFixture fixture;
    SetPinDialog dialog(fixture.pin());
    const Parts parts = partsOf(dialog);
    QVERIFY(openOnScreen(dialog));

    enter(parts, QStringLiteral("123456"), QStringLiteral("123456"));
    QVERIFY(dialogSays(parts, QStringLiteral("digits in a row")));
    enter(parts, QStringLiteral("777777"), QStringLiteral("777777"));
    QVERIFY(dialogSays(parts, QStringLiteral("repeated")));
    enter(parts, QStringLiteral("4829"), QStringLiteral("4829"));
    QVERIFY(dialogSays(parts, QStringLiteral("at least 6 characters")));
    // Weakness is said first: fixing the match alone would not help.
    enter(parts, QStringLiteral("1234"), QStringLiteral("12345"));
    QVERIFY(dialogSays(parts, QStringLiteral("at least 6 characters")));

    QVERIFY(dialog.isVisible());
    QVERIFY(!*fixture.pin().isSet());
    QCOMPARE(fixture.audited(storage::audit::kPinSet), 0);
}

void TestSetPinDialog::returnInTheFirstFieldMovesOn()
{
    PinFixture fixture;
    SetPinDialog dialog(fixture.pin());
    const Parts parts = partsOf(dialog);
    QVERIFY(openOnScreen(dialog));

    QTest::keyClicks(parts.newPin, QStringLiteral("482915"));
    QTest::keyClick(parts.newPin, Qt::Key_Return);
    QVERIFY(parts.message->text().isEmpty());
    QVERIFY(dialog.isVisible());
    QVERIFY(!*fixture.pin().isSet());
    QCOMPARE(parts.newPin->text(), QStringLiteral("482915"));
}

void TestSetPinDialog::storesAnArgon2idHashAndAccepts()
{
    PinFixture fixture;
    SetPinDialog dialog(fixture.pin());
    const Parts parts = partsOf(dialog);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QVERIFY(openOnScreen(dialog));

    enter(parts, QStringLiteral("Blue heron 42"), QStringLiteral("Blue heron 42"));
    QCOMPARE(accepted.count(), 1);
    QVERIFY(!dialog.isVisible());
    QVERIFY(parts.newPin->text().isEmpty() && parts.confirmPin->text().isEmpty());

    QVERIFY(*fixture.pin().isSet());
    auto hash = storage::Settings(fixture.database(), "test").text(StaffPin::kHashKey);
    QVERIFY(hash && *hash);
    QVERIFY(hash->value().starts_with("$argon2id$"));
    QVERIFY(hash->value().find("heron") == std::string::npos);
    QCOMPARE(fixture.audited(storage::audit::kPinSet), 1);
    QVERIFY(fixture.pin().verify("Blue heron 42").kind == spinepath::security::SignInOutcome::Kind::Accepted);
}

void TestSetPinDialog::showsAStorageError()
{
    PinFixture fixture;
    SetPinDialog dialog(fixture.pin());
    const Parts parts = partsOf(dialog);
    QVERIFY(openOnScreen(dialog));

    fixture.database().close();
    enter(parts, QStringLiteral("482915"), QStringLiteral("482915"));
    QVERIFY(dialogSays(parts, QStringLiteral("could not be stored")));
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != QDialog::Accepted);
    // Kept, so staff can try again without typing both again.
    QCOMPARE(parts.newPin->text(), QStringLiteral("482915"));
}

namespace {

const QString kCommand =
    QStringLiteral("spinepath-cli db reset-pin --db '/srv/clinic data/spinepath.sqlite'");

QLineEdit* codeEdit(SetPinDialog& dialog)
{
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("resetCodeEdit"));
    if (!edit)
        qFatal("SetPinDialog at the kiosk has no reset code field");
    return edit;
}

void enterWithCode(SetPinDialog& dialog, const Parts& parts, const QString& code, const QString& pin)
{
    codeEdit(dialog)->clear();
    QTest::keyClicks(codeEdit(dialog), code);
    enter(parts, pin, pin);
}

} // namespace

void TestSetPinDialog::atTheKioskNamesTheCommandThatGivesTheCode()
{
    PinFixture fixture;
    SetPinDialog dialog(fixture.pin(), SetPinDialog::ResetCodeRequired{kCommand});
    QVERIFY(openOnScreen(dialog));
    auto* command = dialog.findChild<QLabel*>(QStringLiteral("resetCommand"));
    QVERIFY(command);
    QCOMPARE(command->text(), kCommand);
    QCOMPARE(command->textFormat(), Qt::PlainText);
    QCOMPARE(codeEdit(dialog)->echoMode(), QLineEdit::Password);
    QTRY_VERIFY(codeEdit(dialog)->hasFocus());
    // Return in the code field moves on to the new PIN.
    QTest::keyClicks(codeEdit(dialog), QStringLiteral("ABCD"));
    QTest::keyClick(codeEdit(dialog), Qt::Key_Return);
    QVERIFY(partsOf(dialog).newPin->hasFocus());
    QVERIFY(dialog.isVisible());
    // Without a code (a single office computer) there is no such field.
    SetPinDialog office(fixture.pin());
    QVERIFY(!office.findChild<QLineEdit*>(QStringLiteral("resetCodeEdit")));
}

// Whoever tapped Staff after a reset could choose the PIN.
void TestSetPinDialog::atTheKioskNoPinIsSetWithoutTheCode()
{
    PinFixture fixture;
    QVERIFY(fixture.pin().issueResetCode("cli:it"));
    SetPinDialog dialog(fixture.pin(), SetPinDialog::ResetCodeRequired{kCommand});
    const Parts parts = partsOf(dialog);
    QVERIFY(openOnScreen(dialog));

    enter(parts, QStringLiteral("Patient 9731"), QStringLiteral("Patient 9731"));
    QVERIFY(dialogSays(parts, QStringLiteral("Enter the reset code first")));
    QVERIFY(!*fixture.pin().isSet());

    enterWithCode(dialog, parts, QStringLiteral("AAAA-BBBB-CCCC"), QStringLiteral("Patient 9731"));
    QVERIFY(dialogSays(parts, QStringLiteral("Wrong reset code")));
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(!*fixture.pin().isSet());
    QVERIFY(codeEdit(dialog)->text().isEmpty());
    QCOMPARE(fixture.audited(storage::audit::kResetCodeFailed), 1);
    QCOMPARE(fixture.audited(storage::audit::kPinSet), 0);
}

void TestSetPinDialog::atTheKioskTheRightCodeSetsThePin()
{
    PinFixture fixture;
    const auto code = fixture.pin().issueResetCode("cli:it");
    QVERIFY(code);
    SetPinDialog dialog(fixture.pin(), SetPinDialog::ResetCodeRequired{kCommand});
    const Parts parts = partsOf(dialog);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QVERIFY(openOnScreen(dialog));

    enterWithCode(dialog, parts, QString::fromStdString(code->code).toLower(),
                  QStringLiteral("Blue heron 42"));
    QCOMPARE(accepted.count(), 1);
    QVERIFY(codeEdit(dialog)->text().isEmpty() && parts.newPin->text().isEmpty());
    QVERIFY(*fixture.pin().isSet());
    QVERIFY(fixture.pin().verify("Blue heron 42").kind == spinepath::security::SignInOutcome::Kind::Accepted);
}

void TestSetPinDialog::atTheKioskAWrongCodeWaitsAndAnExpiredOneIsSaid()
{
    PinFixture fixture;
    const auto code = fixture.pin().issueResetCode("cli:it");
    QVERIFY(code);
    SetPinDialog dialog(fixture.pin(), SetPinDialog::ResetCodeRequired{kCommand});
    const Parts parts = partsOf(dialog);
    QVERIFY(openOnScreen(dialog));

    for (int i = 0; i < 3; ++i)
        enterWithCode(dialog, parts, QStringLiteral("ZZZZ-ZZZZ-ZZZZ"), QStringLiteral("Blue heron 42"));
    QVERIFY(dialogSays(parts, QStringLiteral("Try again in 0:01")));
    // During the wait even the right code is refused, and the refusal is audited.
    enterWithCode(dialog, parts, QString::fromStdString(code->code), QStringLiteral("Blue heron 42"));
    QVERIFY(dialogSays(parts, QStringLiteral("Too many wrong codes")));
    QVERIFY(!*fixture.pin().isSet());
    QCOMPARE(fixture.audited(storage::audit::kResetCodeRefused), 1);

    fixture.clock.advance(StaffPin::kResetCodeLifetime);
    enterWithCode(dialog, parts, QString::fromStdString(code->code), QStringLiteral("Blue heron 42"));
    QVERIFY(dialogSays(parts, QStringLiteral("expired")));
    QVERIFY(!*fixture.pin().isSet());
    enterWithCode(dialog, parts, QString::fromStdString(code->code), QStringLiteral("Blue heron 42"));
    QVERIFY(dialogSays(parts, QStringLiteral("No reset code is waiting")));
}

QTEST_MAIN(TestSetPinDialog)
#include "test_SetPinDialog.moc"
