#pragma once

#include "core/report/ReportPdf.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

class QBoxLayout;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace spinepath::storage {
class DatabaseEvents;
}

namespace spinepath::ui {

class AssessmentDetail;
class AssessmentListModel;
class AssessmentSearchBar;
class EmergencyAlert;
class UnsentAnswersBanner;
class QueueWatcher;
class ReportActions;
struct QueueSnapshot;
struct StaffStorage;
struct AppContext;

// The staff side: today's queue (urgent first), every assessment with search,
// sorting and paging, one assessment's results, answers and documents, print
// and PDF, export, review and delete; the content versions in use. Every
// staff action is recorded in the audit log (never with answers). An
// emergency raises a banner and a chime. The queue keeps itself current
// through a QueueWatcher: the database is asked, off the GUI thread, whether
// anything changed, and the queue is read again only then; while the console
// is hidden (locked) only new emergencies are looked for.
class StaffConsole final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffConsole)

public:
    StaffConsole(const AppContext& context, std::string actor = "staff", QWidget* parent = nullptr);
    ~StaffConsole() override;

    // Adds a tab (ClinicMode adds the settings and audit-log pages).
    void addPage(QWidget* page, const QString& title);
    void setKioskControlsVisible(bool visible);
    // How often the database is asked whether anything changed.
    void setPollInterval(int milliseconds);
    // Every queue read asked for has arrived (tests, benchmarks).
    [[nodiscard]] bool isQueueSettled() const;
    // Queue reads that arrived so far, and checks for a change made (tests, benchmarks).
    [[nodiscard]] int queueReads() const;
    [[nodiscard]] quint64 queueChecks() const;

    [[nodiscard]] int alertCount() const;
    [[nodiscard]] int alertSoundsPlayed() const;
    [[nodiscard]] spinepath::Paper paper() const { return m_paper; }
    // Opens an assessment in the detail pane (as selecting its row does).
    bool openAssessment(const QString& assessmentId);

public slots:
    void refresh();
    void alertEmergency(const QString& assessmentId);
    void printAutomatically(const QString& assessmentId);
    void setPaper(spinepath::Paper paper);
    // Where automatic printing goes (the clinic's printer); empty: the default printer.
    void setPrinterName(const QString& name);

signals:
    void lockRequested();
    void exitKioskRequested();

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    // QEvent::LanguageChange: every text of the console and its parts again.
    void changeEvent(QEvent* event) override;

private:
    // Runs `setTexts` now and again whenever the language changes.
    void worded(std::function<void()> setTexts);
    [[nodiscard]] QString versionsText() const;
    // The header's title beside its buttons when they fit, else above them.
    void fitHeader();
    QWidget* makeQueuePage();
    QWidget* makeSearchPage();
    QWidget* makeHeader();
    QLabel* makeFooter();
    QTableView* makeTable(AssessmentListModel* model, const QString& name,
                          const std::function<QString()>& accessibleName);
    // Runs `change` on the model and selects again the rows selected before.
    void showSelected(QTableView* table, AssessmentListModel* model);
    void poll();
    void listenForEvents();
    void showQueue(const QueueSnapshot& snapshot);
    void announceEmergencies(const QueueSnapshot& snapshot);
    void showMoreOfQueue();
    void acknowledgeAlerts(const QStringList& assessmentIds);
    void selectInQueue(const std::string& assessmentId);
    void searchChanged();
    void updateCounts();
    void exportSelection();
    // "Import answers…": answers from home, by scanner, image, PDF or file.
    void importAnswers();
    void showMessage(const QString& text);
    void currentTabChanged(int index);
    [[nodiscard]] QTableView* currentTable() const;

    const AppContext& m_context;
    std::string m_actor;
    std::unique_ptr<StaffStorage> m_storage;
    spinepath::Paper m_paper = spinepath::Paper::A4;

    EmergencyAlert* m_alert = nullptr;
    UnsentAnswersBanner* m_unsent = nullptr;
    QTabWidget* m_tabs = nullptr;
    QSplitter* m_splitter = nullptr;
    AssessmentListModel* m_queueModel = nullptr;
    AssessmentListModel* m_listModel = nullptr;
    QTableView* m_queueTable = nullptr;
    QTableView* m_listTable = nullptr;
    AssessmentSearchBar* m_search = nullptr;
    AssessmentDetail* m_detail = nullptr;
    ReportActions* m_autoPrint = nullptr;
    QLabel* m_queueCount = nullptr;
    QLabel* m_listCount = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_exitKiosk = nullptr;
    QPushButton* m_queueMore = nullptr;
    QTimer* m_poll = nullptr;
    QueueWatcher* m_watcher = nullptr;
    // A clinic's server announces emergencies as they are committed; null
    // on a SQLite file, which only the poll watches.
    spinepath::storage::DatabaseEvents* m_events = nullptr;
    // How many rows of the queue are read: a page, more at "Show more".
    int m_queueRows = 0;
    // Urgent assessments already announced, so a poll does not ring twice.
    std::set<std::string> m_announced;
    bool m_firstLoadDone = false;
    std::vector<std::function<void()>> m_wording; // see worded()
    QBoxLayout* m_header = nullptr;
};

} // namespace spinepath::ui
