#include "SignInTestSupport.h"

#include "signin/SetPinDialog.h"

#include "core/storage/Settings.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

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

QTEST_MAIN(TestSetPinDialog)
#include "test_SetPinDialog.moc"
