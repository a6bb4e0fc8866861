// "Change…" of the database on the settings page: this computer's setting,
// checked on a worker thread through the same open as start-up. With
// SPINEPATH_SCREENSHOT_DIR set it saves staff-database-location.png.
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "staff/settings/DatabaseLocationDialog.h"
#include "staff/settings/SettingsPage.h"

#include "core/storage/AuditLog.h"
#include "core/storage/DatabaseLocation.h"

#include "support/AccessibleCheck.h"
#include "support/Screenshot.h"
#include "support/WidgetLookup.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

using namespace spinepath::ui;
namespace storage = spinepath::storage;

namespace {

// A port on 127.0.0.1 where nothing listens: bound by the kernel's choice, then let go.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

mode_t permissionBits(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_mode & 07777 : 0;
}

} // namespace

class TestDatabaseLocationDialog final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;
    QTemporaryDir m_config; // this computer's settings, never the user's own
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<DatabaseLocationDialog> m_dialog;
    int m_databaseNumber = 0;

    template <typename T> T* child(const char* name) const
    {
        return spinepath::test::requireChild<T>(*m_dialog, name);
    }

    QString message() const { return child<QLabel>("databaseLocationMessage")->text(); }

    void typeLocation(const QString& text)
    {
        auto* edit = child<QLineEdit>("databaseLocationEdit");
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }

    QStringList auditedChanges() const
    {
        QSqlQuery query(m_context->database->connection());
        query.exec(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'database.location_changed'"));
        QStringList details;
        while (query.next())
            details << query.value(0).toString();
        return details;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        qunsetenv("SPINEPATH_DB");
        spinepath::ui::applyAppearance(*qApp);
    }

    void init()
    {
        QVERIFY(storage::saveDatabaseLocation(QString()));
        m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
        // Started with no --db: the default, as on most computers. The file
        // itself is the test's, a fresh one each time: the audit starts empty.
        m_context->openDatabase(
            m_folder.filePath(QStringLiteral("current-%1.sqlite").arg(++m_databaseNumber)));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
        m_context->databaseLocation.source = storage::LocationSource::Default;
        m_dialog = std::make_unique<DatabaseLocationDialog>(*m_context, "staff:lee");
        // A server asking for a password would open a modal prompt: none here.
        m_dialog->setPasswordPrompt([](const QString&, int) { return std::optional<QString>(); });
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        m_dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    }

    void cleanup() { m_dialog.reset(); }

    void isNamedAndReachedByTab()
    {
        const QStringList problems = spinepath::test::accessibilityProblems(m_dialog.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        auto* edit = child<QLineEdit>("databaseLocationEdit");
        QTRY_VERIFY(edit->hasFocus());
        // It shows where the database is now.
        QCOMPARE(edit->text(), m_context->databaseLocation.location);
        QTest::keyClick(edit, Qt::Key_Tab);
        QVERIFY(child<QPushButton>("databaseFileButton")->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(child<QPushButton>("saveLocationButton")->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(child<QPushButton>("closeLocationButton")->hasFocus());
    }

    void aGoodSqliteFileIsSavedAndAudited()
    {
        const QString path = m_folder.filePath(QStringLiteral("clinic/new.sqlite"));
        typeLocation(path);
        QSignalSpy saved(m_dialog.get(), &DatabaseLocationDialog::locationSaved);
        QTest::keyClick(child<QLineEdit>("databaseLocationEdit"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isChecking(), 20000);
        QVERIFY2(message().contains(QStringLiteral("Restart SpinePath")), qPrintable(message()));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(storage::savedDatabaseLocation(), path);
        QVERIFY(storage::resolveDatabaseLocation().source == storage::LocationSource::ComputerSetting);
        // Opened as at start-up: made, private, ready.
        QVERIFY(QFile::exists(path));
        QCOMPARE(permissionBits(path), mode_t(0600));
        QCOMPARE(permissionBits(storage::databaseLocationSettingsFile()), mode_t(0600));
        // Audited in the database in use now.
        const QStringList audited = auditedChanges();
        QCOMPARE(audited.size(), 1);
        QVERIFY(audited.first().startsWith(path));
    }

    void aFileCanBeChosen()
    {
        const QString path = m_folder.filePath(QStringLiteral("chosen.sqlite"));
        QString offered;
        m_dialog->setFileProviderForTesting([&](const QString& current) {
            offered = current;
            return path;
        });
        QTest::mouseClick(child<QPushButton>("databaseFileButton"), Qt::LeftButton);
        QCOMPARE(offered, m_context->databaseLocation.location);
        QCOMPARE(child<QLineEdit>("databaseLocationEdit")->text(), path);
        QVERIFY(child<QPushButton>("saveLocationButton")->hasFocus());
    }

    void aPasswordInTheAddressIsRefused()
    {
        typeLocation(QStringLiteral("postgresql://staff:hunter2@127.0.0.1/spinepath"));
        QTest::mouseClick(child<QPushButton>("saveLocationButton"), Qt::LeftButton);
        // Refused at once, before anything is opened.
        QVERIFY(!m_dialog->isChecking());
        QVERIFY2(message().contains(QStringLiteral("holds a password")), qPrintable(message()));
        QVERIFY(message().contains(QStringLiteral("~/.pgpass")));
        QVERIFY(!message().contains(QStringLiteral("hunter2")));
        QVERIFY(storage::savedDatabaseLocation().isEmpty());
        if (QFile settings(storage::databaseLocationSettingsFile()); settings.open(QIODevice::ReadOnly))
            QVERIFY(!settings.readAll().contains("hunter2"));
        QVERIFY(auditedChanges().isEmpty());
    }

    void anUnreachableServerIsNamedWithoutFreezing()
    {
        const int port = freePort();
        QVERIFY(port > 0);
        const QString server = QStringLiteral("postgresql://staff@127.0.0.1:%1/spinepath").arg(port);
        typeLocation(server);
        // The click returns at once: the server is tried on a worker thread
        // (its answer is queued to this one), and the dialog says so.
        QTest::mouseClick(child<QPushButton>("saveLocationButton"), Qt::LeftButton);
        QVERIFY(m_dialog->isChecking());
        QVERIFY(message().contains(server));
        QVERIFY(!child<QPushButton>("saveLocationButton")->isEnabled());
        // Escape does not close it while the check runs.
        QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
        QVERIFY(m_dialog->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isChecking(), 20000);
        QVERIFY2(message().contains(QStringLiteral("cannot be reached")), qPrintable(message()));
        QVERIFY(message().contains(QStringLiteral("Not saved")));
        QVERIFY(storage::savedDatabaseLocation().isEmpty());
        QVERIFY(child<QPushButton>("saveLocationButton")->isEnabled());
        QVERIFY(auditedChanges().isEmpty());
        saveScreenshot(*m_dialog, QStringLiteral("staff-database-location"));
    }

    // --db comes first: staff are told the setting waits for a start without it.
    void theSettingsPageSaysWhatOverridesTheSetting()
    {
        m_dialog.reset();
        m_context->databaseLocation.source = storage::LocationSource::CommandLine;
        SettingsPage page(*m_context, "staff:lee");
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(spinepath::test::requireChild<QLabel>(page, "databaseSourceLabel")->text(),
                 QStringLiteral("the command line (--db)"));
        auto* note = spinepath::test::requireChild<QLabel>(page, "databaseLocationNote");
        QVERIFY2(note->text().contains(QStringLiteral("--db")), qPrintable(note->text()));

        QTest::mouseClick(spinepath::test::requireChild<QPushButton>(page, "changeDatabaseButton"),
                          Qt::LeftButton);
        auto* dialog = page.findChild<DatabaseLocationDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QString path = m_folder.filePath(QStringLiteral("next.sqlite"));
        auto* edit = spinepath::test::requireChild<QLineEdit>(*dialog, "databaseLocationEdit");
        edit->selectAll();
        QTest::keyClicks(edit, path);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isChecking(), 20000);
        auto* shown = spinepath::test::requireChild<QLabel>(*dialog, "databaseLocationMessage");
        QVERIFY2(shown->text().contains(QStringLiteral("without --db")), qPrintable(shown->text()));
        QVERIFY2(note->text().contains(path) && note->text().contains(QStringLiteral("is not used")),
                 qPrintable(note->text()));
    }

    void theSettingsPageNamesEachSource()
    {
        m_dialog.reset();
        const std::pair<storage::LocationSource, QString> sources[] = {
            {storage::LocationSource::Environment, QStringLiteral("the environment (SPINEPATH_DB)")},
            {storage::LocationSource::ComputerSetting, QStringLiteral("this computer's setting")},
            {storage::LocationSource::Default, QStringLiteral("the default file")},
        };
        for (const auto& [source, text] : sources) {
            m_context->databaseLocation.source = source;
            SettingsPage page(*m_context, "staff:lee");
            QCOMPARE(spinepath::test::requireChild<QLabel>(page, "databaseSourceLabel")->text(), text);
        }
    }
};

QTEST_MAIN(TestDatabaseLocationDialog)
#include "test_DatabaseLocationDialog.moc"
