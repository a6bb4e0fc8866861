// The staff console's list of kiosks whose answers are not on the server
// yet: one that holds unsent answers, one that went quiet, none when all is
// well, and a kiosk's name shown as written, never as markup.
#include "common/Appearance.h"
#include "staff/UnsentAnswersBanner.h"
#include "support/Screenshot.h"

#include "core/util/Translator.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QtTest>

using spinepath::storage::KioskReport;
using spinepath::ui::UnsentAnswersBanner;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-12-05T15:00:00Z"), Qt::ISODate);

KioskReport report(const char* kiosk, int unsent, int secondsAgo)
{
    return {kiosk, unsent, unsent > 0 ? kNow.addSecs(-secondsAgo - 600) : QDateTime(),
            kNow.addSecs(-secondsAgo)};
}

} // namespace

class TestUnsentAnswersBanner final : public QObject
{
    Q_OBJECT

    UnsentAnswersBanner* m_banner = nullptr;
    std::unique_ptr<QWidget> m_window;

    [[nodiscard]] QString text() const
    {
        return m_banner->findChild<QLabel*>(QStringLiteral("unsentAnswersText"))->text();
    }

private slots:
    void initTestCase()
    {
        spinepath::ui::applyAppearance(*qApp);
        spinepath::Translator::install(*qApp, QLocale(QLocale::English));
    }

    void init()
    {
        m_window = std::make_unique<QWidget>();
        m_banner = new UnsentAnswersBanner(m_window.get());
        m_window->show();
    }

    void cleanup() { m_window.reset(); }

    void hiddenWhileEveryKioskIsUpToDate()
    {
        m_banner->showReports({report("lobby", 0, 20), report("east", 0, 50)}, kNow);
        QVERIFY(!m_banner->isVisible());
        m_banner->showReports({}, kNow);
        QVERIFY(!m_banner->isVisible());
    }

    void namesAKioskHoldingUnsentAnswers()
    {
        m_banner->showReports({report("lobby", 0, 10), report("east", 3, 10)}, kNow);
        QVERIFY(m_banner->isVisible());
        QVERIFY(text().contains(QStringLiteral("The kiosk east holds 3 answer sets")));
        QVERIFY(!text().contains(QStringLiteral("lobby")));
        QCOMPARE(m_banner->findChild<QLabel*>(QStringLiteral("unsentAnswersText"))->accessibleName(), text());
        m_banner->showReports({report("east", 1, 10)}, kNow);
        QVERIFY(text().contains(QStringLiteral("holds 1 answer set it could")));
    }

    // No report changes when a kiosk loses its network: time tells.
    void namesAKioskThatWentQuiet()
    {
        m_banner->showReports({report("lobby", 0, 30)}, kNow);
        QVERIFY(!m_banner->isVisible());
        m_banner->showReportsAt(kNow.addSecs(UnsentAnswersBanner::kSilentAfterSeconds + 60));
        QVERIFY(m_banner->isVisible());
        QVERIFY(text().contains(QStringLiteral("The kiosk lobby has not reached the server since")));
        // Gone for a day with nothing unsent: switched off, not listed.
        m_banner->showReportsAt(kNow.addSecs(UnsentAnswersBanner::kForgottenAfterSeconds + 60));
        QVERIFY(!m_banner->isVisible());
        // ... unless it holds answers.
        m_banner->showReports({report("lobby", 2, UnsentAnswersBanner::kForgottenAfterSeconds + 60)}, kNow);
        QVERIFY(text().contains(QStringLiteral("holds 2 answer sets")));
        QVERIFY(text().contains(QStringLiteral("has not reached the server")));
        m_window->resize(1000, m_banner->sizeHint().height() + 20);
        m_banner->setGeometry(10, 10, 980, m_banner->sizeHint().height());
        saveScreenshot(*m_window, QStringLiteral("staff-unsent-answers"));
    }

    void aKioskNameIsShownAsWritten()
    {
        m_banner->showReports({report("<b>lobby</b>", 1, 10)}, kNow);
        auto* label = m_banner->findChild<QLabel*>(QStringLiteral("unsentAnswersText"));
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY(text().contains(QStringLiteral("<b>lobby</b>")));
    }
};

QTEST_MAIN(TestUnsentAnswersBanner)
#include "test_UnsentAnswersBanner.moc"
