// The kiosk's on-screen keyboard drawn inside the patient window (as under
// cage, where Qt's own keyboard window takes the focus from the field): a
// tapped field brings it up under the page, taps on its keys type into the
// field, and the staff PIN is typed with it too. Qt's virtual keyboard is
// the input method here as main() makes it at the kiosk (initMain).
#include "MainWindow.h"
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "core/util/Translator.h"
#include "kiosk/ClinicMode.h"
#include "kiosk/keyboard/OnScreenKeyboard.h"
#include "kiosk/signin/PinDialog.h"

#include "core/security/StaffPin.h"
#include "support/PatientDriver.h"
#include "support/Screenshot.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QPushButton>
#include <QQuickItem>
#include <QQuickWidget>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace spinepath::ui;

class TestOnScreenKeyboard final : public QObject
{
    Q_OBJECT

    static constexpr const char* kPin = "482915";
    QTemporaryDir m_dataFolder;
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ClinicMode> m_clinic;

    void startClinic(bool kiosk, QSize size = {1280, 720})
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->resize(size);
        ClinicMode::Options options;
        options.kiosk = kiosk;
        options.fullScreen = false;
        options.pinCost = spinepath::security::StaffPin::Cost::Minimal;
        m_clinic = std::make_unique<ClinicMode>(*m_context, *m_window, options);
        QVERIFY(m_clinic->start());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // The key of the panel that types `text` ("4", "q"), if the layout on show has one.
    [[nodiscard]] static QQuickItem* findKey(QQuickItem* item, const QString& text)
    {
        if (item->isVisible() && item->metaObject()->indexOfProperty("key") >= 0 &&
            item->property("text").toString() == text)
            return item;
        for (QQuickItem* child : item->childItems())
            if (QQuickItem* key = findKey(child, text))
                return key;
        return nullptr;
    }

    // The first visible item of the panel whose QML type starts with `type` ("SymbolModeKey").
    [[nodiscard]] static QQuickItem* findItemOfType(QQuickItem* item, const char* type)
    {
        if (item->isVisible() && QByteArray(item->metaObject()->className()).startsWith(type))
            return item;
        for (QQuickItem* child : item->childItems())
            if (QQuickItem* found = findItemOfType(child, type))
                return found;
        return nullptr;
    }

    void click(QQuickItem* key)
    {
        const QPointF middle = key->mapToScene({key->width() / 2, key->height() / 2});
        QTest::mouseClick(m_clinic->keyboard()->view(), Qt::LeftButton, {}, middle.toPoint());
        QTest::qWait(20);
    }

    // Taps the keys for `text` one by one, as a finger would: a click at the
    // key's middle; the "&123" key first for a digit the letters lack.
    void tap(const QString& text)
    {
        OnScreenKeyboard* keyboard = m_clinic->keyboard();
        QVERIFY(keyboard);
        for (const QChar character : text) {
            QQuickItem* key = findKey(keyboard->panel(), QString(character));
            if (!key && character.isDigit()) {
                QQuickItem* symbols = findItemOfType(keyboard->panel(), "SymbolModeKey");
                QVERIFY(symbols);
                click(symbols);
                key = findKey(keyboard->panel(), QString(character));
            }
            QVERIFY2(key, qPrintable(QStringLiteral("no key ") + character));
            click(key);
        }
    }

    // True when `field` is wholly inside the window above the keyboard.
    [[nodiscard]] bool isAboveKeyboard(QWidget* field) const
    {
        const QRect inWindow(field->mapTo(m_window.get(), QPoint(0, 0)), field->size());
        const OnScreenKeyboard* keyboard = m_clinic->keyboard();
        return inWindow.top() >= 0 && inWindow.bottom() < keyboard->mapTo(m_window.get(), QPoint(0, 0)).y() &&
               field->visibleRegion().boundingRect().height() == field->height();
    }

public:
    // Called by QTEST_MAIN before QApplication exists.
    static void initMain()
    {
        // As main() does at the kiosk: Qt's keyboard with no window of its own.
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
        qputenv("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1");
    }

private slots:

    void initTestCase()
    {
        spinepath::ui::applyAppearance(*qApp);
        spinepath::Translator::install(*qApp, QLocale(QLocale::English));
        QVERIFY(m_dataFolder.isValid());
        m_context->openDatabase(m_dataFolder.filePath(QStringLiteral("kiosk.sqlite")));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
        spinepath::security::StaffPin pin(*m_context->database, {},
                                          spinepath::security::StaffPin::Cost::Minimal);
        QVERIFY(pin.set(kPin).ok());
    }

    void cleanup()
    {
        m_clinic.reset();
        m_window.reset();
    }

    void tapsOnTheKeysTypeIntoTheFocusedField()
    {
        startClinic(true);
        OnScreenKeyboard* keyboard = m_clinic->keyboard();
        QVERIFY(keyboard);
        QVERIFY(keyboard->panel());
        QVERIFY(!keyboard->isShown()); // nothing to type into yet
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);

        // The first page's age field, tapped as a patient does.
        QWidget* question = PatientDriver(m_window.get()).question("safety.age");
        QVERIFY(question);
        auto* field = question->findChild<QLineEdit*>();
        QVERIFY(field && field->isVisible());
        QTest::mouseClick(field, Qt::LeftButton);
        QTRY_VERIFY(keyboard->isShown());
        // Inside the patient window, under the page, which makes room for it.
        QCOMPARE(keyboard->window(), m_window.get());
        QTRY_VERIFY(keyboard->height() > 150);
        QVERIFY(keyboard->height() <= m_window->height() * 45 / 100);
        QTRY_VERIFY(isAboveKeyboard(field));

        tap(QStringLiteral("42"));
        QTRY_COMPARE(field->text(), QStringLiteral("42"));
        QCOMPARE(QApplication::focusWidget(), field); // the keys never take the focus
        saveScreenshot(*m_window, QStringLiteral("kiosk-keyboard"));

        // Away from the field, the keyboard goes and the page has the room again.
        field->clearFocus();
        QTRY_VERIFY(!keyboard->isShown());
    }

    void aFieldLowOnThePageIsScrolledIntoView()
    {
        startClinic(true, {1024, 600});
        QVERIFY(m_clinic->keyboard());
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
        // The last field on the page, whatever the questionnaire puts there.
        const QList<QLineEdit*> fields = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"))
                                             ->currentWidget()
                                             ->findChildren<QLineEdit*>();
        QVERIFY(!fields.isEmpty());
        QLineEdit* field = fields.last();
        field->setFocus(Qt::MouseFocusReason);
        QGuiApplication::inputMethod()->show(); // what the tap on the field asks
        QTRY_VERIFY(m_clinic->keyboard()->isShown());
        QTRY_VERIFY(isAboveKeyboard(field));
    }

    void theStaffPinIsTypedWithTheKeyboardInTheWindow()
    {
        startClinic(true);
        QTest::mouseClick(m_window->findChild<QAbstractButton*>(QStringLiteral("staffCorner")),
                          Qt::LeftButton);
        auto* dialog = m_window->findChild<PinDialog*>();
        QVERIFY(dialog);
        // Not a window of its own, which the compositor would give the focus to.
        QVERIFY(!dialog->isWindow());
        QCOMPARE(dialog->window(), m_window.get());
        QTRY_VERIFY(dialog->isVisible());
        auto* pinEdit = dialog->findChild<QLineEdit*>(QStringLiteral("pinEdit"));
        QTRY_COMPARE(QApplication::focusWidget(), pinEdit);
        // The keyboard comes with the dialog, no tap on the field needed.
        QTRY_VERIFY(m_clinic->keyboard()->isShown());
        QTRY_VERIFY(isAboveKeyboard(pinEdit));
        // The page is covered while staff sign in.
        QVERIFY(!m_window->findChild<QWidget*>(QStringLiteral("pages"))->isVisible());
        saveScreenshot(*m_window, QStringLiteral("kiosk-keyboard-pin"));

        tap(QString::fromLatin1(kPin));
        QTRY_COMPARE(pinEdit->text().size(), 6);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_VERIFY(m_clinic->isConsoleOpen());

        // Locked again: the patient's page is back, with no dialog over it.
        m_clinic->lockConsole();
        QTRY_VERIFY(m_window->findChild<QWidget*>(QStringLiteral("pages"))->isVisible());
        QVERIFY(!m_window->findChild<PinDialog*>() || !m_window->findChild<PinDialog*>()->isVisible());
    }

    void cancellingTheSignInBringsThePageBack()
    {
        startClinic(true);
        QTest::mouseClick(m_window->findChild<QAbstractButton*>(QStringLiteral("staffCorner")),
                          Qt::LeftButton);
        QPointer<PinDialog> dialog = m_window->findChild<PinDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->reject();
        QTRY_VERIFY(m_window->findChild<QWidget*>(QStringLiteral("pages"))->isVisible());
        QTRY_VERIFY(!m_clinic->keyboard()->isShown());
        QTRY_VERIFY(!dialog);
        // And staff can ask again.
        QTest::mouseClick(m_window->findChild<QAbstractButton*>(QStringLiteral("staffCorner")),
                          Qt::LeftButton);
        QTRY_VERIFY(m_window->findChild<PinDialog*>() && m_window->findChild<PinDialog*>()->isVisible());
    }

    void theDesktopProgramHasNoKeyboardOfItsOwn()
    {
        startClinic(false);
        QVERIFY(!m_clinic->keyboard());
        QVERIFY(!m_window->findChild<OnScreenKeyboard*>());
    }
};

QTEST_MAIN(TestOnScreenKeyboard)
#include "test_OnScreenKeyboard.moc"
