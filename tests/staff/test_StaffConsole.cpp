// Drives the staff console as staff would, on the offscreen platform: today's
// queue, an emergency raised at the kiosk, search, sorting, one assessment's
// results, answers and documents, PDF, print, export, review and delete, and
// the audit row each action leaves. With SPINEPATH_SCREENSHOT_DIR set it saves
// the console at 1280 x 800 (docs/screenshots/staff-*.png).
// Synthetic data only: every name and answer here is invented.
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "common/ClinicPrinter.h"
#include "common/StaffFileChooser.h"
#include "staff/AlertSoundLoader.h"
#include "staff/AssessmentListModel.h"
#include "staff/ReportActions.h"
#include "staff/StaffConsole.h"

#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentExport.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/AuditLog.h"
#include "core/util/Translator.h"

#include "support/AccessibleCheck.h"
#include "support/ExampleAnswers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

using namespace spinepath::ui;

namespace storage = spinepath::storage;
using nlohmann::json;

namespace {

// Clinical spec example 3 with an invented name: regenerative evaluation.
json answersFor(const std::string& name, bool emergency = false)
{
    json answers = spinepath::test::example3Answers();
    answers["redflag.bladder_bowel"] = emergency;
    if (!name.empty()) {
        answers["about.name"] = name;
        answers["about.phone"] = "555-0199";
    }
    return answers;
}

QDateTime todayAt(int hour, int minute = 0)
{
    return QDateTime(QDate::currentDate(), QTime(hour, minute));
}

QString pdfText(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    if (!process.waitForFinished(20000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

mode_t permissionBits(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestStaffConsole final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<StaffConsole> m_console;
    int m_databases = 0;

    // The ids of the seeded assessments, by role.
    std::string m_routineToday;  // completed today 09:00, Ada Fairbanks
    std::string m_urgentToday;   // completed today 08:00 with an emergency flag, Bram Eastwick
    std::string m_reviewedToday; // completed today 07:00 and reviewed, no name
    std::string m_tenDaysAgo;    // Cleo Quillfeather
    std::string m_fortyDaysAgo;  // Ada Quillfeather, emergency
    std::string m_unfinished;    // in progress today, no alert

    storage::AssessmentLifecycle lifecycle() const { return {*m_context->database, "kiosk"}; }
    storage::AssessmentQueries queries() const { return storage::AssessmentQueries(*m_context->database); }

    storage::CompletedAssessment completed(const std::string& name, const QDateTime& startedAt,
                                           bool emergency = false) const
    {
        const json flat = answersFor(name, emergency);
        storage::CompletedAssessment assessment;
        assessment.content = storage::ContentVersions::of(m_context->content->screening().questionnaire(),
                                                          m_context->content->screening().ruleset());
        assessment.answers = spinepath::AssessmentSession::toStore(m_context->content->screening(), flat, {});
        assessment.result = m_context->content->screening().scorer().score(flat);
        assessment.startedAt = startedAt;
        assessment.completedAt = startedAt.addSecs(540);
        return assessment;
    }

    // A patient at the kiosk now: started, answering, not finished.
    std::string startAnswering(const std::string& name, const QDateTime& startedAt) const
    {
        auto writer = lifecycle();
        auto created =
            writer.create({spinepath::AssessmentMode::Kiosk,
                           storage::ContentVersions::of(m_context->content->screening().questionnaire(),
                                                        m_context->content->screening().ruleset()),
                           startedAt});
        if (!created)
            return {};
        json partial = {{"redflag.bladder_bowel", true}, {"about.name", name}};
        spinepath::questionnaire::ResponseOptions options;
        options.status = "in-progress";
        (void)writer.saveAnswers(*created, spinepath::AssessmentSession::toStore(
                                               m_context->content->screening(), partial, options));
        return *created;
    }

    std::vector<storage::AuditEntry> audit(const std::string& assessmentId = {}) const
    {
        auto entries = storage::AuditLog(*m_context->database).list(1000, 0, assessmentId);
        return entries ? *entries : std::vector<storage::AuditEntry>();
    }

    bool audited(std::string_view action, const std::string& assessmentId,
                 const std::string& detail = {}) const
    {
        for (const auto& entry : audit(assessmentId))
            if (entry.action == action && (detail.empty() || entry.detail == detail))
                return true;
        return false;
    }

    template <typename T> T* find(const char* name) const
    {
        return m_console->findChild<T*>(QString::fromLatin1(name));
    }

    AssessmentListModel* model(const char* table) const
    {
        return static_cast<AssessmentListModel*>(find<QTableView>(table)->model());
    }

    std::vector<std::string> rowIds(const char* table) const
    {
        std::vector<std::string> ids;
        const auto* m = model(table);
        for (int row = 0; row < m->rowCount(); ++row)
            ids.push_back(m->rowAt(row)->id);
        return ids;
    }

    void showTab(int index)
    {
        auto* tabs = find<QTabWidget>("staffTabs");
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
        QCOMPARE(tabs->currentIndex(), index);
        if (index == 1)
            waitForList();
    }

    // The list is read off the GUI thread: its rows arrive a moment later.
    void waitForList() { QTRY_VERIFY(!model("assessmentTable")->isLoading()); }

    void clickRow(const char* table, int row)
    {
        auto* view = find<QTableView>(table);
        const QRect cell = view->visualRect(view->model()->index(row, AssessmentListModel::Patient));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    }

    // The queue is read off the GUI thread: waits until every read asked
    // for has arrived.
    void settle() { QTRY_VERIFY(m_console->isQueueSettled()); }

    void openRow(const char* table, const std::string& id)
    {
        settle();
        const int row = model(table)->rowOf(id);
        QVERIFY(row >= 0);
        clickRow(table, row);
        auto* heading = find<QLabel>("detailHeading");
        QTRY_VERIFY(heading->isVisible());
    }

    void screenshot(const QString& name)
    {
        const QString folder = qEnvironmentVariable("SPINEPATH_SCREENSHOT_DIR");
        if (folder.isEmpty())
            return;
        QDir().mkpath(folder);
        QTest::qWait(100);
        QVERIFY(m_console->grab().save(folder + u'/' + name + QStringLiteral(".png")));
    }

    QString tempPath(const QString& name) const { return m_folder.filePath(name); }

private slots:
    void initTestCase()
    {
        spinepath::ui::applyAppearance(*qApp);
        spinepath::Translator::install(*qApp, QLocale(QLocale::English)); // as the program does
        QVERIFY(m_folder.isValid());
    }

    // Each test has a database of its own with the same synthetic day.
    void init()
    {
        m_context->database.reset();
        m_context->databaseProblem.clear();
        m_context->openDatabase(m_folder.filePath(QStringLiteral("staff-%1.sqlite").arg(++m_databases)));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
        auto writer = lifecycle();
        auto stored = writer.storeCompleted(
            std::vector{completed("Ada Fairbanks", todayAt(9)), completed("Bram Eastwick", todayAt(8), true),
                        completed("", todayAt(7)), completed("Cleo Quillfeather", todayAt(10).addDays(-10)),
                        completed("Ada Quillfeather", todayAt(10).addDays(-40), true)});
        QVERIFY(stored);
        m_routineToday = (*stored)[0];
        m_urgentToday = (*stored)[1];
        m_reviewedToday = (*stored)[2];
        m_tenDaysAgo = (*stored)[3];
        m_fortyDaysAgo = (*stored)[4];
        QVERIFY(writer.markReviewed(m_reviewedToday));
        m_unfinished = startAnswering("Dorian Hartley", todayAt(9, 30));
        QVERIFY(!m_unfinished.empty());

        StaffFileChooser::setProviderForTesting({});
        ClinicPrinter::setPrintToFileForTesting({});
        m_console = std::make_unique<StaffConsole>(*m_context, "staff:test");
        const QStringList size =
            qEnvironmentVariable("SPINEPATH_SCREENSHOT_SIZE", QStringLiteral("1280x800")).split(u'x');
        m_console->resize(size.value(0).toInt(), size.value(1).toInt());
        m_console->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_console.get()));
        QTRY_VERIFY(m_console->queueReads() > 0);
        settle();
    }

    void cleanup()
    {
        m_console.reset();
        StaffFileChooser::setProviderForTesting({});
        ClinicPrinter::setPrintToFileForTesting({});
    }

    // Issue 18, point 7: staff who use a screen reader find every control of
    // every tab named (the settings page is checked in test_SettingsPage).
    void everyTabReadsWellWithAScreenReader()
    {
        auto* tabs = find<QTabWidget>("staffTabs");
        QStringList problems;
        for (int tab = 0; tab < tabs->count(); ++tab) {
            showTab(tab);
            settle();
            problems << spinepath::test::accessibilityProblems(m_console.get());
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void aDatabaseSetAsideIsShownToStaffAndAudited()
    {
        // This test's own database was new: nothing to tell staff.
        QVERIFY(!find<QWidget>("databaseNotices")->isVisible());

        const QString path = m_folder.filePath(QStringLiteral("damaged.sqlite"));
        {
            QFile damaged(path);
            QVERIFY(damaged.open(QIODevice::WriteOnly));
            damaged.write("this is not a database");
        }
        auto context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
        context->openDatabase(path);
        QVERIFY2(context->databaseProblem.empty(), context->databaseProblem.c_str());
        StaffConsole console(*context, "staff:test");
        console.resize(1280, 800);
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console));
        auto* banner = console.findChild<QWidget*>(QStringLiteral("databaseNotices"));
        QVERIFY(banner && banner->isVisible());
        const auto* noticeText = console.findChild<QLabel*>(QStringLiteral("databaseNoticeText"));
        QVERIFY(noticeText);
        const QString text = noticeText->text();
        QVERIFY2(text.contains(QStringLiteral("damaged.sqlite.")), qPrintable(text));
        bool audited = false;
        QStringList trail;
        const auto entries = storage::AuditLog(*context->database).list(100);
        QVERIFY(entries.ok());
        for (const auto& entry : entries.value()) {
            trail << QString::fromStdString(entry.action + ' ' + entry.detail);
            if (entry.action == storage::audit::kDatabaseNotice && entry.detail.rfind("set_aside ", 0) == 0)
                audited = true;
        }
        QVERIFY2(audited, qPrintable(trail.join(u'\n')));
        auto* noted = console.findChild<QPushButton*>(QStringLiteral("databaseNoticesNotedButton"));
        QVERIFY(noted);
        QTest::mouseClick(noted, Qt::LeftButton);
        QVERIFY(!banner->isVisible());
    }

    void queuePutsUrgentFirstAndShowsVersions()
    {
        // Urgent first, then the newest; no quiet unfinished one, nothing from other days.
        QCOMPARE(rowIds("queueView"),
                 (std::vector<std::string>{m_urgentToday, m_routineToday, m_reviewedToday}));
        const auto* queue = model("queueView");
        const QModelIndex urgency = queue->index(0, AssessmentListModel::Urgency);
        // Words and an icon as well as colour.
        QCOMPARE(urgency.data().toString(), QStringLiteral("Emergency"));
        QVERIFY(!urgency.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(urgency.data(Qt::BackgroundRole).isValid());
        QVERIFY(queue->index(1, AssessmentListModel::Urgency).data().toString().isEmpty());
        QVERIFY(find<QLabel>("queueCount")->text().contains(QStringLiteral("1 urgent")));

        const QString footer = find<QLabel>("versionFooter")->text();
        QVERIFY(footer.contains(QString::fromStdString(m_context->content->screening().ruleset().version())));
        QVERIFY(
            footer.contains(QString::fromStdString(m_context->content->screening().questionnaire().id())));
        QVERIFY(!find<QWidget>("emergencyBanner")->isVisible());
        // Fits the smallest screen supported, with an assessment open.
        openRow("queueView", m_urgentToday);
        QVERIFY2(m_console->minimumSizeHint().width() <= 1024,
                 qPrintable(QString::number(m_console->minimumSizeHint().width())));
    }

    void reviewRowsComeAfterUrgentOnesWithACalmLabel()
    {
        // Clinical spec v2's "review": a physician should look, with no hurry.
        storage::CompletedAssessment review = completed("Gwen Review", todayAt(11));
        review.result.severity = "review";
        auto stored = lifecycle().storeCompleted(std::vector{review});
        QVERIFY(stored);
        m_console->refresh();
        settle();
        QCOMPARE(rowIds("queueView"),
                 (std::vector<std::string>{m_urgentToday, (*stored)[0], m_routineToday, m_reviewedToday}));
        const auto* queue = model("queueView");
        const QModelIndex label = queue->index(1, AssessmentListModel::Urgency);
        QCOMPARE(label.data().toString(), QStringLiteral("Review"));
        // Not dressed as urgent: no warning icon, no colour, not counted.
        QVERIFY(label.data(Qt::DecorationRole).isNull());
        QVERIFY(!label.data(Qt::BackgroundRole).isValid());
        QVERIFY(!AssessmentListModel::isUrgent(*queue->rowAt(1)));
        QVERIFY(find<QLabel>("queueCount")->text().contains(QStringLiteral("1 urgent")));
    }

    void emergencyAnswerReachesQueueWithBannerAndSound()
    {
        // The kiosk: a patient's answer raises an emergency while they go on answering.
        const std::string kiosk = startAnswering("Elsa Northcott", todayAt(9, 40));
        const std::vector<std::string> flags{"cauda_equina_bladder_bowel"};
        QVERIFY(lifecycle().raiseAlert(kiosk, flags));
        m_console->alertEmergency(QString::fromStdString(kiosk));
        settle();

        auto* banner = find<QWidget>("emergencyBanner");
        QVERIFY(banner->isVisible());
        QCOMPARE(m_console->alertCount(), 1);
        QCOMPARE(m_console->alertSoundsPlayed(), 1);
        const QString bannerText = find<QLabel>("emergencyText")->text();
        QVERIFY(bannerText.contains(QStringLiteral("09:40")));
        QVERIFY(!bannerText.contains(QStringLiteral("Northcott"))); // the time only, never the patient
        // At the top (the newest emergency), although still in progress.
        QCOMPARE(rowIds("queueView").front(), kiosk);
        QCOMPARE(rowIds("queueView")[1], m_urgentToday);
        QCOMPARE(model("queueView")->index(0, AssessmentListModel::Status).data().toString(),
                 QStringLiteral("In progress"));
        QVERIFY(audited(storage::audit::kAlertRaised, kiosk, "1 flag"));
        openRow("queueView", m_urgentToday);
        screenshot(QStringLiteral("staff-queue"));

        // The poll finds the next one by itself, and rings once for it.
        const std::string second = startAnswering("Felix Oakhurst", todayAt(9, 50));
        QVERIFY(lifecycle().raiseAlert(second, flags));
        m_console->setPollInterval(50);
        QTRY_COMPARE(m_console->alertCount(), 2);
        QTest::qWait(200);
        QCOMPARE(m_console->alertCount(), 2);
        QCOMPARE(m_console->alertSoundsPlayed(), 2);
        QVERIFY(find<QLabel>("emergencyText")->text().contains(QStringLiteral("2 assessments")));
        QCOMPARE(rowIds("queueView")[0], second);
        QCOMPARE(rowIds("queueView")[1], kiosk);

        QTest::mouseClick(find<QPushButton>("emergencyAcknowledge"), Qt::LeftButton);
        QVERIFY(!banner->isVisible());
    }

    void queueIsReadAgainOnlyWhenTheDatabaseChanged()
    {
        const int reads = m_console->queueReads();
        m_console->setPollInterval(20);
        // Many checks, nothing committed: nothing read, nothing redrawn.
        const quint64 checks = m_console->queueChecks();
        QTRY_VERIFY(m_console->queueChecks() >= checks + 5);
        settle();
        QCOMPARE(m_console->queueReads(), reads);

        // A patient finishes at the kiosk (another connection would do the
        // same): the next check sees it, without any refresh asked for.
        auto stored = lifecycle().storeCompleted(std::vector{completed("Gwen Latecomer", todayAt(9, 45))});
        QVERIFY(stored);
        QTRY_VERIFY(model("queueView")->rowOf((*stored)[0]) >= 0);
        QCOMPARE(m_console->queueReads(), reads + 1);
        // Newest first after the urgent one.
        QCOMPARE(rowIds("queueView")[1], (*stored)[0]);
    }

    void lockedConsoleReadsOnlyNewEmergencies()
    {
        m_console->setPollInterval(20);
        m_console->hide();
        auto routine = lifecycle().storeCompleted(std::vector{completed("Hal Quiet", todayAt(9, 45))});
        QVERIFY(routine);
        const quint64 checks = m_console->queueChecks();
        QTRY_VERIFY(m_console->queueChecks() >= checks + 3);
        settle();
        // Locked: the queue was not read again.
        QCOMPARE(model("queueView")->rowOf((*routine)[0]), -1);
        // An emergency still rings while locked.
        const std::string kiosk = startAnswering("Ivo Urgent", todayAt(9, 50));
        QVERIFY(lifecycle().raiseAlert(kiosk, std::vector<std::string>{"cauda_equina_bladder_bowel"}));
        QTRY_COMPARE(m_console->alertCount(), 1);
        // Signed in again: the queue is current at once.
        m_console->show();
        QTRY_VERIFY(model("queueView")->rowOf((*routine)[0]) >= 0);
        QCOMPARE(rowIds("queueView").front(), kiosk);
    }

    void aBusyDayIsCountedWholeAndPagedWithoutLosingTheNewest()
    {
        const QLocale locale;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // 1,000 more patients today: more than one page, and more than the
        // old queue's fixed limit of 1,000 rows.
        std::vector<storage::CompletedAssessment> busy;
        for (int i = 0; i < 1000; ++i)
            busy.push_back(completed("", todayAt(6).addSecs(i)));
        auto busyIds = lifecycle().storeCompleted(busy);
        QVERIFY(busyIds);
        m_console->refresh();
        settle();
        auto* count = find<QLabel>("queueCount");
        QVERIFY2(count->text().contains(QStringLiteral("1,003 ")), qPrintable(count->text()));
        QVERIFY2(count->text().contains(QStringLiteral("1 urgent")), qPrintable(count->text()));
        QCOMPARE(model("queueView")->rowCount(), AssessmentListModel::kPageSize);
        auto* more = find<QPushButton>("queueMoreButton");
        QVERIFY(more->isVisible());

        // The patient who has just finished heads the routine rows at once.
        auto latest = lifecycle().storeCompleted(std::vector{completed("Jo Justdone", todayAt(9, 55))});
        QVERIFY(latest);
        m_console->refresh();
        settle();
        QCOMPARE(rowIds("queueView")[1], (*latest)[0]);
        QVERIFY(count->text().contains(QStringLiteral("1,004 ")));

        // Every row can be reached, page by page.
        while (more->isVisible()) {
            QTest::mouseClick(more, Qt::LeftButton);
            settle();
        }
        QCOMPARE(model("queueView")->rowCount(), 1004);
        QCOMPARE(rowIds("queueView").back(), busyIds->front()); // the day's first, last
        QVERIFY(model("queueView")->rowOf(m_reviewedToday) >= 0);
        QVERIFY(!more->isVisible());
        QLocale::setDefault(locale);
    }

    // An emergency raised at the kiosk while the console is locked.
    std::string raiseEmergency(const std::string& name, const QDateTime& at)
    {
        const std::string kiosk = startAnswering(name, at);
        if (!lifecycle().raiseAlert(kiosk, std::vector<std::string>{"cauda_equina_bladder_bowel"}))
            return {};
        m_console->alertEmergency(QString::fromStdString(kiosk));
        return kiosk;
    }

    void withAnAlertUpTheConsoleOpensOnTodayAndOpensTheAssessment()
    {
        showTab(1);
        m_console->hide(); // locked on the list of every assessment
        const std::string kiosk = raiseEmergency("Lena Urgent", todayAt(9, 40));
        QVERIFY(!kiosk.empty());
        m_console->show(); // signed in again
        QCOMPARE(find<QTabWidget>("staffTabs")->currentIndex(), 0);
        settle();
        auto* open = find<QPushButton>("emergencyOpen");
        QVERIFY(open->isVisible());
        QTest::mouseClick(open, Qt::LeftButton);
        QTRY_VERIFY(find<QLabel>("detailHeading")->isVisible());
        // The detail and the queue's current row are the alert's assessment.
        const auto* current =
            model("queueView")->rowAt(find<QTableView>("queueView")->selectionModel()->currentIndex().row());
        QVERIFY(current);
        QCOMPARE(current->id, kiosk);
        QVERIFY(audited(storage::audit::kViewed, kiosk));
    }

    void acknowledgingAnAlertIsAuditedWithoutAnswers()
    {
        const std::string kiosk = raiseEmergency("Mia Urgent", todayAt(9, 41));
        QVERIFY(!kiosk.empty());
        QTest::mouseClick(find<QPushButton>("emergencyAcknowledge"), Qt::LeftButton);
        QVERIFY(!find<QWidget>("emergencyBanner")->isVisible());
        bool found = false;
        for (const auto& entry : audit(kiosk))
            if (entry.action == storage::audit::kAlertAcknowledged) {
                found = true;
                QCOMPARE(entry.actor, std::string("staff:test"));
                QVERIFY(entry.detail.empty()); // no answer, no flag, nothing of the patient
            }
        QVERIFY(found);
    }

    void withoutSoundTheBannerSaysSo()
    {
        AlertSoundLoader::setSharedSearchPathsForTesting({m_folder.filePath(QStringLiteral("no-plugins"))});
        m_console = std::make_unique<StaffConsole>(*m_context, "staff:test");
        m_console->resize(1280, 800);
        m_console->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_console.get()));
        QVERIFY(!raiseEmergency("Nell Urgent", todayAt(9, 42)).empty());
        auto* problem = find<QLabel>("emergencySoundProblem");
        AlertSoundLoader::setSharedSearchPathsForTesting(AlertSoundLoader::defaultSearchPaths());
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("sound")));
        QCOMPARE(m_console->alertSoundsPlayed(), 1); // the beep, at least
        screenshot(QStringLiteral("staff-alert-no-sound"));
    }

    void todayShowsCompletionTimesAndWholeCategories()
    {
        const QLocale locale;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto* view = find<QTableView>("queueView");
        QVERIFY(!view->isColumnHidden(AssessmentListModel::Completed));
        const auto* queue = model("queueView");
        const int row = queue->rowOf(m_routineToday);
        // Local time in the locale's short form: no seconds, no UTC.
        QCOMPARE(queue->index(row, AssessmentListModel::Started).data().toString(),
                 QStringLiteral("9:00 AM"));
        QCOMPARE(queue->index(row, AssessmentListModel::Completed).data().toString(),
                 QStringLiteral("9:09 AM"));
        QLocale::setDefault(locale);
        // Without a seconds field even where the locale has one (C: HH:mm:ss).
        QLocale::setDefault(QLocale::c());
        QCOMPARE(queue->index(row, AssessmentListModel::Started).data().toString(), QStringLiteral("09:00"));
        QLocale::setDefault(locale);
        // Every category is wide enough to read whole.
        QCOMPARE(view->horizontalHeader()->sectionResizeMode(AssessmentListModel::Category),
                 QHeaderView::ResizeToContents);
        for (int r = 0; r < queue->rowCount(); ++r) {
            const QModelIndex cell = queue->index(r, AssessmentListModel::Category);
            QFont font = view->font();
            if (const QVariant bold = cell.data(Qt::FontRole); bold.isValid())
                font = bold.value<QFont>();
            const int needed = QFontMetrics(font).horizontalAdvance(cell.data().toString());
            QVERIFY2(view->columnWidth(AssessmentListModel::Category) >= needed,
                     qPrintable(cell.data().toString()));
        }
        screenshot(QStringLiteral("staff-today"));
    }

    void searchFindsExactlyTheRightRows()
    {
        showTab(1);
        auto* table = "assessmentTable";
        QCOMPARE(model(table)->rowCount(), 6);

        // Name: every word a prefix, any case.
        QTest::keyClicks(find<QLineEdit>("searchName"), QStringLiteral("quill"));
        QTRY_COMPARE(model(table)->rowCount(), 2);
        QVERIFY(model(table)->rowOf(m_tenDaysAgo) >= 0);
        QVERIFY(model(table)->rowOf(m_fortyDaysAgo) >= 0);
        openRow(table, m_tenDaysAgo);
        find<QTabWidget>("detailTabs")->setCurrentIndex(1);
        screenshot(QStringLiteral("staff-search"));
        QTest::keyClicks(find<QLineEdit>("searchName"), QStringLiteral(" ad"));
        QTRY_COMPARE(rowIds(table), std::vector<std::string>{m_fortyDaysAgo});
        QVERIFY(find<QLabel>("resultCount")->text().startsWith(QStringLiteral("1 ")));
        find<QLineEdit>("searchName")->clear();
        QTRY_COMPARE(model(table)->rowCount(), 6);

        // Flag: the two emergencies; the quiet unfinished one has no flag.
        auto* flag = find<QComboBox>("searchFlag");
        flag->setCurrentIndex(flag->findData(QStringLiteral("cauda_equina_bladder_bowel")));
        QTRY_COMPARE(model(table)->rowCount(), 2);
        QCOMPARE(rowIds(table), (std::vector<std::string>{m_urgentToday, m_fortyDaysAgo}));
        flag->setCurrentIndex(0);

        // Category: the category of the routine answers, which the emergencies do not have.
        const QString routineCategory =
            QString::fromStdString(m_context->content->screening().scorer().score(answersFor("x")).category);
        auto* category = find<QComboBox>("searchCategory");
        category->setCurrentIndex(category->findData(routineCategory));
        QTRY_COMPARE(model(table)->rowCount(), 3);
        for (const auto& id : {m_routineToday, m_reviewedToday, m_tenDaysAgo})
            QVERIFY(model(table)->rowOf(id) >= 0);
        category->setCurrentIndex(0);

        // Dates: 15 to 5 days ago finds only the one of ten days ago.
        QTest::mouseClick(find<QCheckBox>("searchDates"), Qt::LeftButton);
        find<QDateEdit>("searchFrom")->setDate(QDate::currentDate().addDays(-15));
        find<QDateEdit>("searchTo")->setDate(QDate::currentDate().addDays(-5));
        QTRY_COMPARE(rowIds(table), std::vector<std::string>{m_tenDaysAgo});

        // Status, with the dates off again.
        QTest::mouseClick(find<QCheckBox>("searchDates"), Qt::LeftButton);
        auto* status = find<QComboBox>("searchStatus");
        status->setCurrentIndex(status->findData(static_cast<int>(storage::Status::InProgress)));
        QTRY_COMPARE(rowIds(table), std::vector<std::string>{m_unfinished});
    }

    // A search of every assessment is read off the GUI thread: the console
    // answers at once and the rows follow. A re-read after a change keeps
    // the rows staff had selected, wherever they moved.
    void listIsReadOffTheGuiThreadAndKeepsTheSelection()
    {
        showTab(1);
        auto* list = model("assessmentTable");
        list->sort(AssessmentListModel::Started, Qt::AscendingOrder);
        QCOMPARE(list->rowCount(), 0);
        QVERIFY(list->isLoading());
        waitForList();
        QCOMPARE(list->rowCount(), 6);

        auto* view = find<QTableView>("assessmentTable");
        clickRow("assessmentTable", list->rowOf(m_tenDaysAgo));
        const QRect cell =
            view->visualRect(list->index(list->rowOf(m_urgentToday), AssessmentListModel::Patient));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, cell.center());
        QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
        // One more, older than all: every row moves down one.
        QVERIFY(lifecycle().storeCompleted(std::vector{completed("Olive Oldest", todayAt(8).addDays(-90))}));
        m_console->refresh();
        QTRY_COMPARE(list->rowCount(), 7);
        QCOMPARE(list->rowAt(0)->patientName, std::string("Olive Oldest"));
        std::set<std::string> selected;
        for (const QModelIndex& index : view->selectionModel()->selectedRows())
            selected.insert(list->rowAt(index.row())->id);
        QCOMPARE(selected, (std::set<std::string>{m_tenDaysAgo, m_urgentToday}));
        QCOMPARE(list->rowAt(view->selectionModel()->currentIndex().row())->id, m_urgentToday);
    }

    void headersSortInTheDatabase()
    {
        showTab(1);
        auto* view = find<QTableView>("assessmentTable");
        // Newest first to begin with.
        QCOMPARE(rowIds("assessmentTable").front(), m_unfinished);
        auto* header = view->horizontalHeader();
        const auto clickHeader = [&](int column) {
            QTest::mouseClick(
                header->viewport(), Qt::LeftButton, {},
                QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                       header->height() / 2));
            waitForList();
        };
        clickHeader(AssessmentListModel::Patient);
        QTRY_VERIFY(model("assessmentTable")->order().key == storage::SortKey::PatientName);
        std::vector<std::string> names;
        for (int row = 0; row < 5; ++row)
            names.push_back(model("assessmentTable")->rowAt(row)->patientName);
        const bool ascending = !model("assessmentTable")->order().descending;
        const std::vector<std::string> expected{"Ada Fairbanks", "Ada Quillfeather", "Bram Eastwick",
                                                "Cleo Quillfeather", "Dorian Hartley"};
        QCOMPARE(names, ascending ? expected : std::vector<std::string>(expected.rbegin(), expected.rend()));
        QVERIFY(model("assessmentTable")->rowAt(5)->patientName.empty()); // no name: last

        clickHeader(AssessmentListModel::Patient);
        QTRY_COMPARE(model("assessmentTable")->order().descending, ascending);

        // Status has no order in the database: the list and the header stay as they were.
        clickHeader(AssessmentListModel::Status);
        QCOMPARE(header->sortIndicatorSection(), int(AssessmentListModel::Patient));
        QVERIFY(model("assessmentTable")->order().key == storage::SortKey::PatientName);

        clickHeader(AssessmentListModel::Urgency);
        QTRY_VERIFY(model("assessmentTable")->order().key == storage::SortKey::Severity);
        if (!model("assessmentTable")->order().descending)
            clickHeader(AssessmentListModel::Urgency);
        QTRY_VERIFY(model("assessmentTable")->order().descending);
        QCOMPARE(rowIds("assessmentTable")[0], m_urgentToday);
        QCOMPARE(rowIds("assessmentTable")[1], m_fortyDaysAgo);
    }

    void listFetchesPagesAsItScrolls()
    {
        // More than two pages: only the first is read until the view scrolls.
        std::vector<storage::CompletedAssessment> many;
        for (int i = 0; i < 2 * AssessmentListModel::kPageSize + 50; ++i)
            many.push_back(
                completed("Paging Person " + std::to_string(i), todayAt(5).addDays(-1).addSecs(-60 * i)));
        QVERIFY(lifecycle().storeCompleted(many));
        m_console->refresh();
        showTab(1);
        auto* list = model("assessmentTable");
        const int total = static_cast<int>(many.size()) + 6;
        for (const bool byName : {false, true}) {
            if (byName)
                list->sort(AssessmentListModel::Patient, Qt::AscendingOrder);
            waitForList();
            QCOMPARE(list->rowCount(), int(AssessmentListModel::kPageSize));
            QCOMPARE(list->totalCount(), qint64(total));
            auto* view = find<QTableView>("assessmentTable");
            // Each scroll to the bottom asks for the next page, read off the GUI thread.
            const auto scrolledToTheEnd = [&] {
                view->scrollToBottom();
                return !list->canFetchMore({}) && !list->isLoading();
            };
            QTRY_VERIFY_WITH_TIMEOUT(scrolledToTheEnd(), 20000);
            QCOMPARE(list->rowCount(), total);
            std::set<std::string> ids;
            for (int row = 0; row < list->rowCount(); ++row)
                ids.insert(list->rowAt(row)->id);
            QCOMPARE(int(ids.size()), total); // no row twice, none missing
        }
    }

    void openingShowsResultsAnswersAndSummary()
    {
        openRow("queueView", m_routineToday);
        QVERIFY(find<QLabel>("detailHeading")->text().contains(QStringLiteral("Ada Fairbanks")));
        const QString results = find<QTextBrowser>("resultsView")->toPlainText();
        QVERIFY(results.contains(QStringLiteral("Regenerative suitability")));
        QVERIFY(results.contains(QStringLiteral("Factors")));
        QVERIFY(results.contains(QStringLiteral("Weight")));
        const QString answers = find<QTextBrowser>("answersView")->toPlainText();
        QVERIFY(answers.contains(QStringLiteral("6 to 12 months"), Qt::CaseInsensitive) ||
                answers.contains(QStringLiteral("6-12"), Qt::CaseInsensitive) ||
                answers.contains(QStringLiteral("12 months"), Qt::CaseInsensitive));
        auto* tabs = find<QTabWidget>("detailTabs");
        tabs->setCurrentIndex(2);
        QVERIFY(find<QWidget>("summaryPreview")->isVisible());
        QVERIFY(find<QPushButton>("savePdfButton")->isEnabled());
        QVERIFY(audited(storage::audit::kViewed, m_routineToday));
        tabs->setCurrentIndex(0);
        screenshot(QStringLiteral("staff-detail"));
        tabs->setCurrentIndex(2);
        screenshot(QStringLiteral("staff-summary"));

        // An unfinished one with an alert: its flags, no summary.
        const std::vector<std::string> flags{"cauda_equina_bladder_bowel"};
        QVERIFY(lifecycle().raiseAlert(m_unfinished, flags));
        m_console->refresh();
        openRow("queueView", m_unfinished);
        QVERIFY(find<QTextBrowser>("resultsView")->toPlainText().contains(QStringLiteral("EMERGENCY")));
        QVERIFY(!find<QPushButton>("savePdfButton")->isEnabled());
        QVERIFY(find<QLabel>("noSummary")->text().contains(QStringLiteral("still answering")));
    }

    // A name typed as HTML rendered as a huge red "URGENT CALL
    // 911" with a local image in the detail heading. Typed text is plain text.
    void nameTypedAsHtmlIsShownAsText()
    {
        const std::string name =
            "<h1 style=\"color:red\">URGENT CALL 911</h1><img src=\"file:///etc/hostname\">";
        auto stored = lifecycle().storeCompleted(std::vector{completed(name, todayAt(11))});
        QVERIFY(stored);
        m_console->refresh();
        openRow("queueView", (*stored)[0]);
        auto* heading = find<QLabel>("detailHeading");
        QCOMPARE(heading->textFormat(), Qt::PlainText);
        QVERIFY(heading->text().contains(QString::fromStdString(name)));
        // The queue's tooltip, which reads rich text, shows it as text too.
        const int row = model("queueView")->rowOf((*stored)[0]);
        const QString tip =
            model("queueView")->index(row, AssessmentListModel::Patient).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(QStringLiteral("&lt;h1 style=")));
        QVERIFY(!tip.contains(QStringLiteral("<h1")));
    }

    void saveAsPdfWritesBothDocuments()
    {
        openRow("queueView", m_routineToday);
        const QString physician = tempPath(QStringLiteral("physician.pdf"));
        const QString patient = tempPath(QStringLiteral("patient.pdf"));
        QString next = physician;
        StaffFileChooser::setProviderForTesting([&next](const QString& suggested) {
            // The suggested name never carries the patient's name.
            return suggested.contains(QStringLiteral("Fairbanks")) ? QString() : next;
        });
        QTest::mouseClick(find<QPushButton>("savePdfButton"), Qt::LeftButton);
        QVERIFY(QFile::exists(physician));
        QCOMPARE(permissionBits(physician), mode_t(0600));
        const QString physicianText = pdfText(physician);
        QVERIFY2(physicianText.contains(QStringLiteral("Physician summary")),
                 qPrintable(physicianText.left(300)));

        auto* document = find<QComboBox>("documentChoice");
        document->setCurrentIndex(
            document->findData(static_cast<int>(spinepath::report::DocumentKind::PatientCopy)));
        next = patient;
        QTest::mouseClick(find<QPushButton>("savePdfButton"), Qt::LeftButton);
        QVERIFY(QFile::exists(patient));
        QVERIFY(pdfText(patient).contains(QStringLiteral("Your results")));

        QVERIFY(audited(storage::audit::kPdfSaved, m_routineToday, "physician"));
        QVERIFY(audited(storage::audit::kPdfSaved, m_routineToday, "patient"));
    }

    void printAndPreviewAreAudited()
    {
        openRow("queueView", m_urgentToday);
        const QString printed = tempPath(QStringLiteral("printed.pdf"));
        ClinicPrinter::setPrintToFileForTesting(printed);
        QTest::mouseClick(find<QPushButton>("printButton"), Qt::LeftButton);
        QVERIFY(QFile::exists(printed));
        QVERIFY(pdfText(printed).contains(QStringLiteral("Physician summary")));
        QVERIFY(audited(storage::audit::kPrinted, m_urgentToday, "physician"));

        // The auto-print setting: the physician summary, no dialog.
        QFile::remove(printed);
        m_console->printAutomatically(QString::fromStdString(m_routineToday));
        QVERIFY(QFile::exists(printed));
        QVERIFY(audited(storage::audit::kPrinted, m_routineToday, "physician"));

        // Letter paper from the settings reaches the documents.
        m_console->setPaper(spinepath::Paper::Letter);
        QFile::remove(printed);
        QTest::mouseClick(find<QPushButton>("printButton"), Qt::LeftButton);
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {printed});
        QVERIFY(info.waitForFinished(20000));
        QVERIFY(QString::fromUtf8(info.readAllStandardOutput()).contains(QStringLiteral("612 x 792")));

        // The preview opens without blocking and closes.
        QTest::mouseClick(find<QPushButton>("previewButton"), Qt::LeftButton);
        QPrintPreviewDialog* preview = nullptr;
        QTRY_VERIFY(
            (preview = m_console->findChild<QPrintPreviewDialog*>(QStringLiteral("staffPrintPreview"))));
        QVERIFY(preview->isVisible());
        preview->reject();
    }

    void exportWritesTheSelectionPrivately()
    {
        showTab(1);
        auto* view = find<QTableView>("assessmentTable");
        const auto exportAs = [&](spinepath::storage::ExportFormat format, const QString& path) {
            StaffFileChooser::setProviderForTesting([path](const QString&) { return path; });
            QTest::mouseClick(find<QPushButton>("exportButton"), Qt::LeftButton);
            QDialog* dialog = nullptr;
            QTRY_VERIFY((dialog = m_console->findChild<QDialog*>(QStringLiteral("exportDialog"))));
            auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("exportFormat"));
            combo->setCurrentIndex(combo->findData(static_cast<int>(format)));
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("exportAccept")),
                              Qt::LeftButton);
            QTRY_VERIFY(QFile::exists(path));
            QTRY_VERIFY(!m_console->findChild<QDialog*>(QStringLiteral("exportDialog")));
        };
        // Nothing selected: nothing written, and staff are told.
        QTest::mouseClick(find<QPushButton>("exportButton"), Qt::LeftButton);
        QVERIFY(!m_console->findChild<QDialog*>(QStringLiteral("exportDialog")));
        QVERIFY(find<QLabel>("statusMessage")->text().contains(QStringLiteral("Select")));

        // Two rows, the second with Ctrl.
        clickRow("assessmentTable", model("assessmentTable")->rowOf(m_tenDaysAgo));
        const QRect cell = view->visualRect(view->model()->index(
            model("assessmentTable")->rowOf(m_urgentToday), AssessmentListModel::Patient));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, cell.center());
        QCOMPARE(view->selectionModel()->selectedRows().size(), 2);

        const QString fhir = tempPath(QStringLiteral("selection.json"));
        exportAs(spinepath::storage::ExportFormat::Fhir, fhir);
        QCOMPARE(permissionBits(fhir), mode_t(0600));
        const json bundle = json::parse(readFile(fhir).toStdString());
        QCOMPARE(bundle["resourceType"], json("Bundle"));
        QCOMPARE(bundle["entry"].size(), std::size_t(2));
        std::set<std::string> exported;
        for (const auto& entry : bundle["entry"]) {
            QCOMPARE(entry["resource"]["resourceType"], json("QuestionnaireResponse"));
            exported.insert(entry["resource"]["id"].get<std::string>());
        }
        QCOMPARE(exported, (std::set<std::string>{m_tenDaysAgo, m_urgentToday}));

        const QString csv = tempPath(QStringLiteral("selection.csv"));
        exportAs(spinepath::storage::ExportFormat::Csv, csv);
        QCOMPARE(permissionBits(csv), mode_t(0600));
        QCOMPARE(readFile(csv).count("\r\n"), 3); // header + 2 rows

        const QString jsonl = tempPath(QStringLiteral("selection.jsonl"));
        exportAs(spinepath::storage::ExportFormat::Jsonl, jsonl);
        QCOMPARE(permissionBits(jsonl), mode_t(0600));
        QCOMPARE(readFile(jsonl).trimmed().split('\n').size(), 2);

        int exports = 0;
        for (const auto& entry : audit())
            if (entry.action == storage::audit::kSelectionExported) {
                ++exports;
                QVERIFY(entry.detail.ends_with(", 2 assessments"));
            }
        QCOMPARE(exports, 3);
    }

    void markReviewedAndDelete()
    {
        openRow("queueView", m_routineToday);
        QTest::mouseClick(find<QPushButton>("markReviewedButton"), Qt::LeftButton);
        QVERIFY(queries().get(m_routineToday)->status == storage::Status::Reviewed);
        QVERIFY(!find<QPushButton>("markReviewedButton")->isEnabled());
        QVERIFY(audited(storage::audit::kReviewed, m_routineToday));
        settle();
        QCOMPARE(model("queueView")
                     ->index(model("queueView")->rowOf(m_routineToday), AssessmentListModel::Status)
                     .data()
                     .toString(),
                 QStringLiteral("Reviewed"));

        // Delete asks first, naming the date and not the patient; Cancel keeps it.
        QTest::mouseClick(find<QPushButton>("deleteButton"), Qt::LeftButton);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = m_console->findChild<QMessageBox*>(QStringLiteral("deleteConfirmation"))));
        QVERIFY(box->text().contains(todayAt(9).toString(QStringLiteral("yyyy-MM-dd"))));
        QVERIFY(!box->text().contains(QStringLiteral("Fairbanks")));
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!m_console->findChild<QMessageBox*>(QStringLiteral("deleteConfirmation")));
        QVERIFY(queries().get(m_routineToday));

        QTest::mouseClick(find<QPushButton>("deleteButton"), Qt::LeftButton);
        QTRY_VERIFY((box = m_console->findChild<QMessageBox*>(QStringLiteral("deleteConfirmation"))));
        QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!queries().get(m_routineToday));
        QVERIFY(queries().get(m_routineToday).error().kind == storage::ErrorKind::NotFound);
        QVERIFY(audited(storage::audit::kDeleted, m_routineToday));
        settle();
        QCOMPARE(model("queueView")->rowOf(m_routineToday), -1);
        QVERIFY(find<QLabel>("detailPlaceholder")->isVisible());
    }

    void auditRowsHoldNoAnswers()
    {
        // Every kind of staff action once.
        openRow("queueView", m_urgentToday);
        const QString path = tempPath(QStringLiteral("audit.pdf"));
        StaffFileChooser::setProviderForTesting([path](const QString&) { return path; });
        ClinicPrinter::setPrintToFileForTesting(tempPath(QStringLiteral("audit-print.pdf")));
        QTest::mouseClick(find<QPushButton>("savePdfButton"), Qt::LeftButton);
        QTest::mouseClick(find<QPushButton>("printButton"), Qt::LeftButton);
        QTest::mouseClick(find<QPushButton>("markReviewedButton"), Qt::LeftButton);
        for (const auto action : {storage::audit::kViewed, storage::audit::kPdfSaved,
                                  storage::audit::kPrinted, storage::audit::kReviewed})
            QVERIFY2(audited(action, m_urgentToday), action.data());
        for (const auto& entry : audit()) {
            const std::string row = entry.toJson().dump();
            for (const char* secret : {"Eastwick", "Bram", "annular", "555-0199", "6m_12m", "back_mostly"})
                QVERIFY2(row.find(secret) == std::string::npos, row.c_str());
            QCOMPARE(QString::fromStdString(entry.actor).isEmpty(), false);
        }
    }

    void withoutDatabaseSaysWhy()
    {
        m_console.reset();
        auto database = std::move(m_context->database);
        m_context->databaseProblem = "The folder is read-only.";
        StaffConsole console(*m_context);
        auto* problem = console.findChild<QLabel*>(QStringLiteral("databaseProblem"));
        QVERIFY(problem);
        QVERIFY(problem->text().contains(QStringLiteral("read-only")));
        console.refresh();
        console.alertEmergency(QStringLiteral("00000000-0000-4000-8000-000000000001"));
        QCOMPARE(console.alertCount(), 1); // the banner still works
        m_context->database = std::move(database);
    }
};

QTEST_MAIN(TestStaffConsole)
#include "test_StaffConsole.moc"
