// The emergency chime as a run-time plugin: the widgets library starts without
// the audio stack, the build tree's plugin loads and plays on the offscreen
// platform, and without it the banner still shows, counts the chime and logs
// one warning.
#include "staff/AlertSound.h"
#include "staff/AlertSoundLoader.h"
#include "staff/EmergencyAlert.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <sstream>

using namespace spinepath::ui;

namespace {

const QString kPluginFile = QStringLiteral(SPINEPATH_ALERTSOUND_FILE);
const QString kBuildPluginDir = QStringLiteral(SPINEPATH_BUILD_PLUGIN_DIR);
const QUrl kChime(QStringLiteral("qrc:/sounds/alert-chime.wav"));

bool multimediaMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/maps");
    return maps.readAll().contains("libQt6Multimedia");
}

// Sends spdlog's default logger into a string for as long as it lives.
class LogCapture final
{
public:
    LogCapture()
        : m_previous(spdlog::default_logger())
    {
        auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(m_text);
        spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
    }
    ~LogCapture() { spdlog::set_default_logger(m_previous); }
    Q_DISABLE_COPY_MOVE(LogCapture)

    [[nodiscard]] int warnings() const
    {
        const std::string text = m_text.str();
        int count = 0;
        for (auto at = text.find("[warning]"); at != std::string::npos; at = text.find("[warning]", at + 1))
            ++count;
        return count;
    }
    [[nodiscard]] std::string text() const { return m_text.str(); }

private:
    std::ostringstream m_text;
    std::shared_ptr<spdlog::logger> m_previous;
};

} // namespace

class TestAlertSoundLoader : public QObject
{
    Q_OBJECT

private slots:
    // First, before anything loads the plugin.
    void programStartsWithoutTheAudioStack() { QVERIFY(!multimediaMapped()); }

    void searchOrder()
    {
        const QString appDir = QCoreApplication::applicationDirPath();
        qunsetenv("SPINEPATH_PLUGIN_DIR");
        const QStringList paths = AlertSoundLoader::defaultSearchPaths();
        QCOMPARE(paths, (QStringList{appDir + QStringLiteral("/plugins"),
                                     QDir::cleanPath(appDir + QStringLiteral("/../lib/spinepath/plugins")),
                                     kBuildPluginDir}));

        qputenv("SPINEPATH_PLUGIN_DIR", "/opt/clinic/plugins");
        const QStringList withEnvironment = AlertSoundLoader::defaultSearchPaths();
        qunsetenv("SPINEPATH_PLUGIN_DIR");
        QCOMPARE(withEnvironment.size(), 4);
        QCOMPARE(withEnvironment.front(), QStringLiteral("/opt/clinic/plugins"));
        QCOMPARE(withEnvironment.mid(1), paths);
    }

    void buildTreePluginLoadsAndPlays()
    {
        LogCapture log;
        AlertSoundLoader loader;
        AlertSoundFactory* factory = loader.factory();
        QVERIFY2(factory, qPrintable(loader.errorString()));
        QCOMPARE(loader.factory(), factory); // loaded once
        QCOMPARE(QFileInfo(loader.loadedFrom()).fileName(), kPluginFile);
        QVERIFY(multimediaMapped()); // the plugin brought it, nothing before

        std::unique_ptr<AlertSound> sound = factory->create(kChime);
        QVERIFY(sound);
        sound->play(3); // true or false by the machine's audio; either is fine here
        QTest::qWait(100);
        sound->stop();
        sound->play(1);
        sound.reset(); // while playing
        QCOMPARE(log.warnings(), 0);

        // A sound that cannot be read is never heard, so the caller beeps instead.
        QVERIFY(!factory->create(QUrl(QStringLiteral("qrc:/sounds/missing.wav")))->play(1));
        QVERIFY(!factory->create(QUrl(QStringLiteral("qrc:/styles/spinepath.qss")))->play(1));
    }

    void missingPluginIsNullWithOneWarning()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        LogCapture log;
        AlertSoundLoader loader({empty.path()});
        QVERIFY(!loader.factory());
        QVERIFY(!loader.factory());
        QVERIFY(loader.errorString().contains(kPluginFile));
        QVERIFY(loader.errorString().contains(empty.path()));
        QVERIFY(loader.loadedFrom().isEmpty());
        QCOMPARE(log.warnings(), 1);
        QVERIFY2(log.text().find(kPluginFile.toStdString()) != std::string::npos, log.text().c_str());
    }

    void brokenPluginIsSkippedAndNamed()
    {
        QTemporaryDir broken;
        QVERIFY(broken.isValid());
        QFile fake(QDir(broken.path()).filePath(kPluginFile));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("not a shared library");
        fake.close();

        LogCapture log;
        AlertSoundLoader alone({broken.path()});
        QVERIFY(!alone.factory());
        QVERIFY2(alone.errorString().contains(fake.fileName()), qPrintable(alone.errorString()));
        QCOMPARE(log.warnings(), 1);

        // A bad copy earlier in the list does not hide a good one later.
        AlertSoundLoader then({broken.path(), kBuildPluginDir});
        QVERIFY2(then.factory(), qPrintable(then.errorString()));
        QCOMPARE(QFileInfo(then.loadedFrom()).absolutePath(), QFileInfo(kBuildPluginDir).absoluteFilePath());
        QCOMPARE(log.warnings(), 1);
    }

    void alertWithoutPluginStillShowsAndCounts()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        AlertSoundLoader::setSharedSearchPathsForTesting({empty.path()});
        LogCapture log;
        {
            EmergencyAlert alert;
            alert.showAlert(QTime(9, 40));
            QVERIFY(alert.isVisible());
            QCOMPARE(alert.alertCount(), 1);
            QCOMPARE(alert.soundsPlayed(), 1);
            alert.showAlert(QTime(9, 50));
            QCOMPARE(alert.soundsPlayed(), 2);
            QTest::mouseClick(alert.findChild<QPushButton*>(QStringLiteral("emergencyAcknowledge")),
                              Qt::LeftButton);
            QVERIFY(!alert.isVisible());

            EmergencyAlert another; // the same process: no second attempt, no second warning
            another.showAlert(QTime(10, 0));
            QCOMPARE(another.soundsPlayed(), 1);
        }
        QCOMPARE(log.warnings(), 1);
        AlertSoundLoader::setSharedSearchPathsForTesting(AlertSoundLoader::defaultSearchPaths());
    }

    void alertWithPluginRings()
    {
        LogCapture log;
        EmergencyAlert alert;
        alert.showAlert(QTime(11, 5));
        QVERIFY(alert.isVisible());
        QCOMPARE(alert.soundsPlayed(), 1);
        QVERIFY(AlertSoundLoader::shared().factory());
        QTest::mouseClick(alert.findChild<QPushButton*>(QStringLiteral("emergencyAcknowledge")),
                          Qt::LeftButton);
        alert.showAlert(QTime(11, 6));
        QCOMPARE(alert.soundsPlayed(), 2);
        QCOMPARE(log.warnings(), 0);
    }
};

QTEST_MAIN(TestAlertSoundLoader)
#include "test_AlertSoundLoader.moc"
