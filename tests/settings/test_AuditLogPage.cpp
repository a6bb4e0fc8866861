// The audit log viewer as staff use it, on the offscreen platform. With
// SPINEPATH_SCREENSHOT_DIR set it saves docs/screenshots/staff-audit.png.
#include "common/Appearance.h"
#include "staff/audit/AuditLogModel.h"
#include "staff/audit/AuditLogPage.h"

#include "core/storage/AuditLog.h"
#include "core/storage/Database.h"

#include "support/Screenshot.h"
#include "support/WidgetLookup.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <memory>

#include <sys/stat.h>

using namespace spinepath::ui;

namespace storage = spinepath::storage;

namespace {

// Synthetic ids: no real assessment behind them.
const std::string kFirst = "3f2a9c1e-0000-4000-8000-000000000001";
const std::string kSecond = "7b41d0aa-0000-4000-8000-000000000002";

mode_t permissionBits(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

QStringList lines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList all = QString::fromUtf8(file.readAll()).split(u'\n');
    if (!all.isEmpty() && all.last().isEmpty())
        all.removeLast();
    return all;
}

} // namespace

class TestAuditLogPage final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<AuditLogPage> m_page;
    int m_databaseNumber = 0;

    template <typename T> T* child(const char* name) const
    {
        return spinepath::test::requireChild<T>(*m_page, name);
    }

    QTableView* table() const { return child<QTableView>("auditTable"); }

    QString cell(int row, int column) const { return table()->model()->index(row, column).data().toString(); }

    QStringList actionColumn() const
    {
        QStringList shown;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            shown << cell(row, AuditLogModel::ActionColumn);
        return shown;
    }

    qint64 count(std::string_view action) const
    {
        storage::AuditFilter filter;
        filter.action = action;
        return *storage::AuditLog(*m_database).count(filter);
    }

    // A morning at the front desk: each staff action once, and the kiosk.
    void seed()
    {
        storage::AuditLog audit(*m_database);
        const auto add = [&](std::string_view actor, std::string_view action, const std::string& id = {},
                             std::string_view detail = {}) {
            QVERIFY(audit.append(actor, action, id, detail).ok());
        };
        add("kiosk", storage::audit::kCreated, kFirst, "kiosk");
        add("kiosk", storage::audit::kCompleted, kFirst, "ruleset spinepath-core 1.0.0");
        add("staff", storage::audit::kSignInFailed, {}, "1 in a row");
        add("staff", storage::audit::kSignedIn);
        add("staff", storage::audit::kViewed, kFirst);
        add("staff", storage::audit::kPrinted, kFirst, "physician summary");
        add("staff", storage::audit::kPdfSaved, kFirst, "patient copy");
        add("staff", storage::audit::kSettingChanged, {}, "kiosk.idle_seconds");
        add("kiosk", storage::audit::kCreated, kSecond, "kiosk");
        add("staff", storage::audit::kViewed, kSecond);
        add("staff", storage::audit::kSelectionExported, {}, "csv, 2 assessments");
        add("staff", storage::audit::kDeleted, kSecond);
        add("staff", storage::audit::kSignedOut);
    }

    void screenshot(const QString& name) { saveScreenshot(*m_page, name); }

    void openPage()
    {
        m_page = std::make_unique<AuditLogPage>(*m_database, "staff");
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        settle();
    }

    // The entries are read off the GUI thread: waits until they are in.
    void settle() const { QTRY_VERIFY(!m_page->model()->isLoading()); }

private slots:
    void initTestCase()
    {
        spinepath::ui::applyAppearance(*qApp);
        QVERIFY(m_folder.isValid());
    }

    void init()
    {
        storage::OpenOptions options;
        options.path = m_folder.filePath(QStringLiteral("audit-%1.sqlite").arg(++m_databaseNumber));
        auto opened = storage::Database::open(options);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        m_database = std::move(opened).value();
        seed();
        openPage();
    }

    void cleanup()
    {
        m_page.reset();
        m_database.reset();
    }

    void listsTheEntriesNewestFirstInPlainWords()
    {
        QCOMPARE(m_page->objectName(), QStringLiteral("auditLogPage"));
        // Opening the page is itself recorded, once, and shown at the top.
        QCOMPARE(count(storage::audit::kAuditViewed), 1);
        QCOMPARE(table()->model()->rowCount(), 14);
        QCOMPARE(actionColumn().first(), QStringLiteral("Audit log viewed"));
        const QStringList shown = actionColumn();
        for (const char* label :
             {"Signed in", "Wrong PIN", "Printed", "Saved as PDF", "Viewed", "Setting changed",
              "Assessments exported", "Deleted", "Signed out", "Assessment started"})
            QVERIFY2(shown.contains(QString::fromLatin1(label)), label);
        QVERIFY(!shown.contains(QStringLiteral("staff.signed_in"))); // never the raw name
        QCOMPARE(cell(1, AuditLogModel::ActionColumn), QStringLiteral("Signed out"));
        QCOMPARE(cell(1, AuditLogModel::ActorColumn), QStringLiteral("staff"));
        // The short id, and a setting named in plain words.
        QCOMPARE(cell(2, AuditLogModel::AssessmentColumn), QStringLiteral("7b41d0aa"));
        const int setting = static_cast<int>(actionColumn().indexOf(QStringLiteral("Setting changed")));
        QCOMPARE(cell(setting, AuditLogModel::DetailColumn), QStringLiteral("Idle time"));
        QVERIFY(child<QLabel>("auditCountLabel")->text().contains(QStringLiteral("14")));

        // A refresh reads again but is not a new viewing.
        m_page->refresh();
        settle();
        QCOMPARE(count(storage::audit::kAuditViewed), 1);
        // Showing the page again is.
        m_page->hide();
        m_page->show();
        settle();
        QCOMPARE(count(storage::audit::kAuditViewed), 2);
        QCOMPARE(actionColumn().count(QStringLiteral("Audit log viewed")), 2);
    }

    void theActionFilterNarrowsTheRows()
    {
        auto* action = child<QComboBox>("auditActionFilter");
        const int viewed = action->findText(QStringLiteral("Viewed"));
        QVERIFY(viewed > 0);
        action->setCurrentIndex(viewed);
        // Read off the GUI thread: until the answer comes, the rows shown stay.
        QVERIFY(m_page->model()->isLoading());
        QCOMPARE(table()->model()->rowCount(), 14);
        settle();
        QCOMPARE(actionColumn(), (QStringList{QStringLiteral("Viewed"), QStringLiteral("Viewed")}));
        QVERIFY(child<QLabel>("auditCountLabel")->text().contains(QStringLiteral("2")));

        action->setCurrentIndex(action->findText(QStringLiteral("Wrong PIN")));
        settle();
        QCOMPARE(actionColumn(), QStringList{QStringLiteral("Wrong PIN")});
        QCOMPARE(cell(0, AuditLogModel::DetailColumn), QStringLiteral("1 in a row"));

        QTest::mouseClick(child<QPushButton>("auditClearFiltersButton"), Qt::LeftButton);
        settle();
        QCOMPARE(table()->model()->rowCount(), 14);
    }

    void theAssessmentAndDateFiltersNarrowTheRows()
    {
        auto* id = child<QLineEdit>("auditAssessmentFilter");
        QTest::keyClicks(id, QStringLiteral("3F2A")); // the short id, as typed
        QTRY_COMPARE(table()->model()->rowCount(), 5);
        for (int row = 0; row < 5; ++row)
            QCOMPARE(cell(row, AuditLogModel::AssessmentColumn), QStringLiteral("3f2a9c1e"));
        id->clear();
        QTRY_COMPARE(table()->model()->rowCount(), 14);

        // Everything was written today (local time): a range ending yesterday is empty.
        child<QDateEdit>("auditToDate")->setDate(QDate::currentDate().addDays(-1));
        settle();
        QCOMPARE(table()->model()->rowCount(), 0);
        QCOMPARE(child<QLabel>("auditCountLabel")->text(), QStringLiteral("No entries match."));
        child<QDateEdit>("auditToDate")->setDate(QDate::currentDate());
        child<QDateEdit>("auditFromDate")->setDate(QDate::currentDate());
        settle();
        QCOMPARE(table()->model()->rowCount(), 14);
    }

    void exportWritesAPrivateFileAndIsAudited()
    {
        const QString path = m_folder.filePath(QStringLiteral("audit-export.jsonl"));
        m_page->setExportPathForTesting(path);
        QTest::mouseClick(child<QPushButton>("auditExportButton"), Qt::LeftButton);
        settle();

        QCOMPARE(permissionBits(path), mode_t(0600));
        const QStringList exported = lines(path);
        QCOMPARE(exported.size(), 14); // the seeded entries and the viewing
        for (const QString& line : exported)
            QVERIFY(nlohmann::json::parse(line.toStdString()).contains("action"));
        QCOMPARE(count(storage::audit::kAuditExported), 1);
        // The export's own entry is shown at the top, and the message says where the file is.
        QCOMPARE(actionColumn().first(), QStringLiteral("Audit log exported"));
        QVERIFY(child<QLabel>("auditMessage")->text().contains(QStringLiteral("14")));

        // A filtered CSV: a header and one line per shown row.
        auto* action = child<QComboBox>("auditActionFilter");
        action->setCurrentIndex(action->findText(QStringLiteral("Printed")));
        settle();
        const QString csv = m_folder.filePath(QStringLiteral("audit-export.csv"));
        m_page->setExportPathForTesting(csv);
        QVERIFY(m_page->exportEntries());
        QCOMPARE(permissionBits(csv), mode_t(0600));
        const QStringList rows = lines(csv);
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows.at(1).contains(QStringLiteral("assessment.printed")));
        QCOMPARE(count(storage::audit::kAuditExported), 2);
    }

    void anExportThatFailsSaysSoAndRecordsNothing()
    {
        m_page->setExportPathForTesting(m_folder.filePath(QStringLiteral("no-such-folder/audit.jsonl")));
        QVERIFY(!m_page->exportEntries());
        QVERIFY(child<QLabel>("auditMessage")->text().contains(QStringLiteral("not exported")));
        QCOMPARE(count(storage::audit::kAuditExported), 0);
    }

    void manyEntriesArriveAPageAtATime()
    {
        m_page.reset();
        {
            QSqlQuery sql(m_database->connection());
            QVERIFY(sql.exec(QStringLiteral("BEGIN")));
            storage::AuditLog audit(*m_database);
            for (int i = 0; i < 3 * AuditLogModel::kPageSize; ++i)
                QVERIFY(audit.append("staff", storage::audit::kViewed, kFirst).ok());
            QVERIFY(sql.exec(QStringLiteral("COMMIT")));
        }
        openPage();
        auto* model = table()->model();
        // The seeded entries, these, and two viewings (init's page and this one).
        const int total = 13 + 3 * AuditLogModel::kPageSize + 2;
        QCOMPARE(model->rowCount(), AuditLogModel::kPageSize);
        QVERIFY(child<QLabel>("auditCountLabel")->text().contains(QLocale().toString(total)));
        // Scrolling to the end fetches the next page, and so on to the last.
        for (int round = 0; round < 10 && model->rowCount() < total; ++round) {
            const int before = model->rowCount();
            table()->scrollToBottom();
            QTRY_VERIFY(model->rowCount() > before);
            settle();
        }
        QCOMPARE(model->rowCount(), total);
        QCOMPARE(cell(total - 1, AuditLogModel::ActionColumn), QStringLiteral("Assessment started"));
    }

    // Last, for the documentation.
    void screenshotOfTheAuditLog()
    {
        if (qEnvironmentVariableIsEmpty("SPINEPATH_SCREENSHOT_DIR"))
            return;
        // A morning at the desk rather than one instant: entries spread from 08:10.
        QSqlQuery sql(m_database->connection());
        const QDateTime start(QDate::currentDate(), QTime(8, 10));
        QVERIFY(sql.exec(QStringLiteral("SELECT id FROM audit_log ORDER BY id")));
        QList<qint64> ids;
        while (sql.next())
            ids << sql.value(0).toLongLong();
        for (int i = 0; i < ids.size(); ++i) {
            QSqlQuery update(m_database->connection());
            update.prepare(QStringLiteral("UPDATE audit_log SET at = :at WHERE id = :id"));
            update.bindValue(QStringLiteral(":at"),
                             start.addSecs(i * 437).toUTC().toString(Qt::ISODateWithMs));
            update.bindValue(QStringLiteral(":id"), ids.at(i));
            QVERIFY(update.exec());
        }
        m_page->refresh();
        settle();
        screenshot(QStringLiteral("staff-audit"));
    }
};

QTEST_MAIN(TestAuditLogPage)
#include "test_AuditLogPage.moc"
