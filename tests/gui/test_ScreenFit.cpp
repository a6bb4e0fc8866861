// Acceptance (issue 18, point 4): every patient page fits the screen it is
// shown on, at every text size, with nothing cut off, no clipped text, no
// overlap and no sideways scrolling.
//
// CTest runs this program once per screen and scale (see Tests.cmake): the
// offscreen platform is given a 1024x768 or a 1920x1080 screen by a config
// file, and QT_SCALE_FACTOR is 1 or 1.5, as a clinic's kiosk or a patient's
// laptop would have them. The window opens as the program opens it: sized to
// the screen at home, full screen at the kiosk.

#include "support/LayoutCheck.h"
#include "support/PatientPageTour.h"
#include "support/PatientWindowTest.h"
#include "support/Screenshot.h"

#include <QPushButton>
#include <QScreen>
#include <QTemporaryDir>
#include <QtTest>

using namespace spinepath::ui;

namespace {

struct TextSizeChoice
{
    TextSize size;
    const char* button;
    const char* name;
};

constexpr TextSizeChoice kTextSizes[] = {{TextSize::Normal, "textSizeNormal", "normal"},
                                         {TextSize::Large, "textSizeLarge", "large"},
                                         {TextSize::Larger, "textSizeLarger", "larger"}};

} // namespace

class TestScreenFit final : public QObject, private spinepath::test::PatientWindowTest
{
    Q_OBJECT

    QStringList m_problems;

    [[nodiscard]] static QString screenName()
    {
        const QScreen* screen = QGuiApplication::primaryScreen();
        return QStringLiteral("%1-scale%2")
            .arg(screen->name())
            .arg(qEnvironmentVariable("QT_SCALE_FACTOR", QStringLiteral("1")));
    }

    void open(bool kiosk)
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->setKioskMode(kiosk);
        if (kiosk)
            m_window->showFullScreen();
        else
            m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        const QRect screen = m_window->screen()->availableGeometry();
        QVERIFY2(screen.contains(m_window->frameGeometry()),
                 qPrintable(QStringLiteral("the window (%1x%2) is larger than the screen (%3x%4)")
                                .arg(m_window->width())
                                .arg(m_window->height())
                                .arg(screen.width())
                                .arg(screen.height())));
    }

    void chooseTextSize(const TextSizeChoice& choice)
    {
        auto* button = m_window->findChild<QPushButton*>(QString::fromLatin1(choice.button));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(textSize(), choice.size);
    }

    // Records what is wrong with what the window shows now, under `page`.
    void check(const QString& page)
    {
        spinepath::test::waitForLayoutToSettle(*m_window);
        for (const QString& problem : spinepath::test::layoutProblems(*m_window))
            m_problems << page + QStringLiteral(": ") + problem;
        saveScreenshot(*m_window, QStringLiteral("fit-%1-%2").arg(screenName(), page));
    }

    void verifyNoProblems()
    {
        const QStringList problems = std::exchange(m_problems, {});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

private slots:
    void initTestCase()
    {
        prepare(QStringLiteral("fit.sqlite"));
        qInfo("screen %s, %dx%d logical pixels", qPrintable(screenName()),
              QGuiApplication::primaryScreen()->availableGeometry().width(),
              QGuiApplication::primaryScreen()->availableGeometry().height());
    }

    void cleanup()
    {
        m_window.reset();
        applyTextSize(TextSize::Normal);
        m_problems.clear();
    }

    void homePages_data()
    {
        QTest::addColumn<int>("choice");
        for (int i = 0; i < int(std::size(kTextSizes)); ++i)
            QTest::newRow(kTextSizes[i].name) << i;
    }

    // At home: the window sized to the screen.
    void homePages()
    {
        QFETCH(int, choice);
        const TextSizeChoice& size = kTextSizes[choice];
        open(false);
        chooseTextSize(size);
        spinepath::test::tourHomePages(*m_window, *m_context, [&](const QString& page) {
            check(QString::fromLatin1(size.name) + u'-' + page);
        });
        verifyNoProblems();
        // The library opened again starts at its list, on a narrow page too
        // (where the list and an article take turns).
        m_window->showLibrary();
        QTRY_VERIFY(m_window->findChild<QWidget*>(QStringLiteral("articleList"))->isVisible());
    }

    void kioskPages_data() { homePages_data(); }

    // At the kiosk: full screen.
    void kioskPages()
    {
        QFETCH(int, choice);
        const TextSizeChoice& size = kTextSizes[choice];
        open(true);
        chooseTextSize(size);
        spinepath::test::tourKioskPages(*m_window, [&](const QString& page) {
            check(QStringLiteral("kiosk-") + QString::fromLatin1(size.name) + u'-' + page);
        });
        verifyNoProblems();
    }
};

QTEST_MAIN(TestScreenFit)
#include "test_ScreenFit.moc"
