#include "staff/StaffConsole.h"

#include "common/StaffFileChooser.h"
#include "staff/AssessmentDetail.h"
#include "staff/AssessmentListModel.h"
#include "staff/AssessmentSearchBar.h"
#include "staff/DatabaseNoticeBanner.h"
#include "staff/EmergencyAlert.h"
#include "staff/ExportDialog.h"
#include "staff/ImportAnswersDialog.h"
#include "staff/QueueWatcher.h"
#include "staff/ReportActions.h"
#include "staff/SelectionKeeper.h"
#include "staff/StaffReport.h"
#include "staff/UnsentAnswersBanner.h"

#include "common/AppContext.h"

#include "core/storage/AssessmentExport.h"
#include "core/storage/AuditLog.h"
#include "core/storage/DatabaseEvents.h"
#include "core/util/Version.h"
#include "staff/StaffStorage.h"

#include <QAction>
#include <QBoxLayout>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace spinepath::ui {

namespace {

// Often enough that an emergency is seen within seconds. Each poll asks
// SQLite's data_version on the watcher's thread (microseconds); the queue is
// read only when something changed.
constexpr int kPollMs = 2000;

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

} // namespace

StaffConsole::StaffConsole(const AppContext& context, std::string actor, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("staffConsole"));
    worded([this] { setAccessibleName(tr("Staff console")); });
    if (m_context.database)
        m_storage = std::make_unique<StaffStorage>(*m_context.database, m_actor);

    m_queueModel = new AssessmentListModel(m_context, AssessmentListModel::Kind::TodayQueue, this);
    m_listModel = new AssessmentListModel(m_context, AssessmentListModel::Kind::Search, this);
    m_detail = new AssessmentDetail(m_context, m_storage.get(), m_actor, this);
    m_autoPrint = new ReportActions(m_context.database.get(), m_actor, this);
    m_alert = new EmergencyAlert(this);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("statusMessage"));
    m_status->setWordWrap(true);
    worded([this] { m_status->setAccessibleName(tr("Status")); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 6);
    layout->setSpacing(10);
    layout->addWidget(makeHeader());
    layout->addWidget(m_alert);
    // A damaged file set aside explains an empty queue: staff see it first.
    auto* notices = new DatabaseNoticeBanner(this);
    if (m_context.database)
        notices->showNotices(m_context.database->notices());
    layout->addWidget(notices);
    m_unsent = new UnsentAnswersBanner(this);
    layout->addWidget(m_unsent);
    if (!m_storage) {
        auto* problem = new QLabel(this);
        worded([this, problem] {
            problem->setText(
                tr("The staff console cannot show assessments: the database could not be opened. %1")
                    .arg(text(m_context.databaseProblem)));
        });
        problem->setTextFormat(Qt::PlainText); // the message names a file: show it as written
        problem->setObjectName(QStringLiteral("databaseProblem"));
        problem->setProperty("role", QStringLiteral("error"));
        problem->setWordWrap(true);
        layout->addWidget(problem);
    }

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("staffTabs"));
    m_tabs->addTab(makeQueuePage(), QString());
    m_tabs->addTab(makeSearchPage(), QString());
    worded([this] {
        m_tabs->setTabText(0, tr("Today"));
        m_tabs->setTabText(1, tr("All assessments"));
    });
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("staffSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    // The lists get the larger part: today's queue shows six columns, and the
    // patient's name and the category must read whole at 1280 pixels.
    m_splitter->setSizes({860, 420});
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(makeFooter());

    connect(m_tabs, &QTabWidget::currentChanged, this, &StaffConsole::currentTabChanged);
    connect(m_detail, &AssessmentDetail::message, this, &StaffConsole::showMessage);
    connect(m_detail, &AssessmentDetail::assessmentChanged, this, &StaffConsole::refresh);
    connect(m_autoPrint, &ReportActions::message, this, &StaffConsole::showMessage);
    connect(m_alert, &EmergencyAlert::acknowledged, this, &StaffConsole::acknowledgeAlerts);
    connect(m_alert, &EmergencyAlert::openRequested, this, [this](const QString& id) {
        m_tabs->setCurrentIndex(0);
        selectInQueue(id.toStdString());
        if (m_detail->assessmentId() != id.toStdString()) // not yet shown by the selection
            openAssessment(id);
    });
    for (AssessmentListModel* model : {m_queueModel, m_listModel}) {
        connect(model, &AssessmentListModel::problemChanged, this, &StaffConsole::showMessage);
        connect(model, &AssessmentListModel::loaded, this, &StaffConsole::updateCounts);
    }

    m_poll = new QTimer(this);
    m_poll->setObjectName(QStringLiteral("pollTimer"));
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &StaffConsole::poll);
    m_queueRows = AssessmentListModel::kPageSize;
    if (m_storage) {
        m_watcher = new QueueWatcher(*m_context.database, this);
        connect(m_watcher, &QueueWatcher::queueRead, this, &StaffConsole::showQueue);
        // The first read: what is already urgent then counts as announced.
        m_watcher->check(m_queueRows, true);
        m_poll->start();
        listenForEvents();
    }
}

void StaffConsole::listenForEvents()
{
    if (m_context.database->engine() != spinepath::storage::Engine::Postgres)
        return;
    m_events = new spinepath::storage::DatabaseEvents(*m_context.database, this);
    if (auto started = m_events->start(); !started) {
        // The poll still finds everything, two seconds later at most.
        spdlog::warn("Live events are not heard: {}", started.error().message);
        return;
    }
    // Committed a moment ago elsewhere: the poll's change check sees it now.
    connect(m_events, &spinepath::storage::DatabaseEvents::received, this, &StaffConsole::poll);
}

StaffConsole::~StaffConsole() = default;

void StaffConsole::worded(std::function<void()> setTexts)
{
    setTexts();
    m_wording.push_back(std::move(setTexts));
}

void StaffConsole::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    for (const auto& setTexts : m_wording)
        setTexts();
    fitHeader();
    // The lists word their columns and rows when asked.
    for (AssessmentListModel* model : {m_queueModel, m_listModel}) {
        emit model->headerDataChanged(Qt::Horizontal, 0, AssessmentListModel::ColumnCount - 1);
        if (model->rowCount() > 0)
            emit model->dataChanged(model->index(0, 0), model->index(model->rowCount() - 1,
                                                                     AssessmentListModel::ColumnCount - 1));
    }
    updateCounts();
}

QWidget* StaffConsole::makeHeader()
{
    auto* header = new QWidget(this);
    // The title beside the buttons, or above them when a longer language
    // makes the row wider than the window (fitHeader()).
    m_header = new QBoxLayout(QBoxLayout::LeftToRight, header);
    m_header->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(header);
    worded([title] { title->setText(tr("Staff console")); });
    title->setObjectName(QStringLiteral("staffTitle"));
    title->setProperty("role", QStringLiteral("pageHeading"));
    m_header->addWidget(title);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addStretch(1);
    m_header->addLayout(row, 1);
    // Each button worded now and again on a change of language.
    const auto button = [this, header, row](const std::function<QString()>& label, const QString& name) {
        auto* b = new QPushButton(header);
        b->setObjectName(name);
        worded([b, label] {
            b->setText(label());
            b->setAccessibleName(label().remove(QStringLiteral("…")));
            // Room for the thicker border of the focused button too.
            b->setMinimumWidth(0);
            b->setMinimumWidth(b->sizeHint().width() + 4);
        });
        b->setMinimumHeight(44);
        row->addWidget(b);
        return b;
    };
    QPushButton* importButton =
        button([] { return tr("Import answers…"); }, QStringLiteral("importAnswersButton"));
    QPushButton* exportButton =
        button([] { return tr("Export selection…"); }, QStringLiteral("exportButton"));
    QPushButton* refreshButton = button([] { return tr("Refresh"); }, QStringLiteral("refreshButton"));
    m_exitKiosk = button([] { return tr("Leave kiosk mode"); }, QStringLiteral("exitKioskButton"));
    m_exitKiosk->hide();
    QPushButton* lock = button([] { return tr("Lock"); }, QStringLiteral("lockButton"));
    lock->setProperty("role", QStringLiteral("primary"));
    connect(importButton, &QPushButton::clicked, this, &StaffConsole::importAnswers);
    connect(exportButton, &QPushButton::clicked, this, &StaffConsole::exportSelection);
    connect(refreshButton, &QPushButton::clicked, this, &StaffConsole::refresh);
    connect(m_exitKiosk, &QPushButton::clicked, this, &StaffConsole::exitKioskRequested);
    connect(lock, &QPushButton::clicked, this, &StaffConsole::lockRequested);
    return header;
}

QLabel* StaffConsole::makeFooter()
{
    auto* footer = new QLabel(this);
    footer->setTextFormat(Qt::PlainText);
    footer->setObjectName(QStringLiteral("versionFooter"));
    footer->setProperty("role", QStringLiteral("hint"));
    footer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    worded([this, footer] {
        const QString versions = versionsText();
        footer->setText(versions);
        footer->setAccessibleName(versions);
    });
    return footer;
}

QString StaffConsole::versionsText() const
{
    QString versions;
    if (m_context.content->hasClinical()) {
        const auto& questionnaire = m_context.content->screening().questionnaire();
        const auto& ruleset = m_context.content->screening().ruleset();
        versions = tr("Questionnaire %1 version %2 · Rules %3 version %4 · ")
                       .arg(text(questionnaire.id()), text(questionnaire.version()), text(ruleset.id()),
                            text(ruleset.version()));
    }
    const std::string_view app = spinepath::version();
    versions += tr("SpinePath %1").arg(QString::fromUtf8(app.data(), static_cast<qsizetype>(app.size())));
    return versions;
}

QTableView* StaffConsole::makeTable(AssessmentListModel* model, const QString& name,
                                    const std::function<QString()>& accessibleName)
{
    auto* table = new QTableView(this);
    table->setObjectName(name);
    worded([table, accessibleName] { table->setAccessibleName(accessibleName()); });
    table->setModel(model);
    new SelectionKeeper(*table, AssessmentListModel::IdRole);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(false);
    table->setWordWrap(false);
    table->setShowGrid(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(38);
    table->horizontalHeader()->setHighlightSections(false);
    // The category is read whole (it says what to do); the name takes what
    // is left, a long one ends in "…" and shows whole in its tooltip and the
    // detail. Times and status keep their width.
    QHeaderView* header = table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(60);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AssessmentListModel::Urgency, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AssessmentListModel::Started, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AssessmentListModel::Patient, QHeaderView::Stretch);
    header->setSectionResizeMode(AssessmentListModel::Category, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AssessmentListModel::Status, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AssessmentListModel::Completed, QHeaderView::ResizeToContents);
    table->setTextElideMode(Qt::ElideRight);
    // Today's queue shows when each patient finished (who is ready to be
    // seen); the list of every assessment starts without it, so names have
    // room for its dates. A right click on the header shows or hides any
    // column (the actions below are made after this, so they start right).
    table->setColumnHidden(AssessmentListModel::Completed, model != m_queueModel);
    // In the queue the category already says who is still answering, and the
    // status column would leave the names too little room beside the detail.
    table->setColumnHidden(AssessmentListModel::Status, model == m_queueModel);
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = 0; column < AssessmentListModel::ColumnCount; ++column) {
        auto* action = new QAction(header);
        worded([action, model, column] {
            action->setText(model->headerData(column, Qt::Horizontal).toString());
        });
        action->setCheckable(true);
        action->setChecked(!table->isColumnHidden(column));
        connect(action, &QAction::toggled, table,
                [table, column](bool shown) { table->setColumnHidden(column, !shown); });
        header->addAction(action);
    }
    table->setIconSize(QSize(22, 22));
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, table, model] { showSelected(table, model); });
    return table;
}

QWidget* StaffConsole::makeQueuePage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("queuePage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 10, 8, 8);
    m_queueCount = new QLabel(page);
    m_queueCount->setTextFormat(Qt::PlainText);
    m_queueCount->setObjectName(QStringLiteral("queueCount"));
    m_queueCount->setWordWrap(true); // a longer language must not widen the list's side
    layout->addWidget(m_queueCount);
    m_queueTable = makeTable(m_queueModel, QStringLiteral("queueView"), [] { return tr("Today's queue"); });
    layout->addWidget(m_queueTable, 1);
    // A busy day is read a page at a time; the rest is a click away.
    m_queueMore = new QPushButton(page);
    m_queueMore->setObjectName(QStringLiteral("queueMoreButton"));
    m_queueMore->setMinimumHeight(44);
    m_queueMore->hide();
    connect(m_queueMore, &QPushButton::clicked, this, &StaffConsole::showMoreOfQueue);
    layout->addWidget(m_queueMore, 0, Qt::AlignLeft);
    return page;
}

QWidget* StaffConsole::makeSearchPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("searchPage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 10, 8, 8);
    m_search = new AssessmentSearchBar(m_context, page);
    layout->addWidget(m_search);
    m_listCount = new QLabel(page);
    m_listCount->setTextFormat(Qt::PlainText);
    m_listCount->setObjectName(QStringLiteral("resultCount"));
    m_listCount->setWordWrap(true);
    layout->addWidget(m_listCount);
    m_listTable =
        makeTable(m_listModel, QStringLiteral("assessmentTable"), [] { return tr("All assessments"); });
    layout->addWidget(m_listTable, 1);
    // A new search or order starts empty, and shows its first rows from the
    // top. Left at the old bottom, the view would take the new first page's
    // end for the bottom and read the next page unasked.
    connect(m_listModel, &QAbstractItemModel::modelReset, m_listTable, [this] {
        if (m_listModel->rowCount() == 0)
            m_listTable->scrollToTop();
    });
    connect(m_search, &AssessmentSearchBar::filterChanged, this, &StaffConsole::searchChanged);
    // The header sorts in the database; this also loads the first page.
    m_listTable->setSortingEnabled(true);
    m_listTable->sortByColumn(AssessmentListModel::Started, Qt::DescendingOrder);
    // A column the database cannot sort by (status) keeps the current order,
    // and the header says so.
    QHeaderView* header = m_listTable->horizontalHeader();
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column) {
        const auto order = m_listModel->order();
        const int sorted = AssessmentListModel::columnOf(order.key);
        if (column != sorted)
            header->setSortIndicator(sorted, order.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    return page;
}

void StaffConsole::addPage(QWidget* page, const QString& title)
{
    // A tab widget is as wide as its widest page even while another page
    // shows, and the lists share the width with the detail: a wide page
    // scrolls instead of making the console wider than the screen.
    auto* scroll = new QScrollArea(m_tabs);
    scroll->setObjectName(page->objectName() + QStringLiteral("Scroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    m_tabs->addTab(scroll, title);
}

void StaffConsole::setKioskControlsVisible(bool visible)
{
    m_exitKiosk->setVisible(visible);
}

void StaffConsole::setPollInterval(int milliseconds)
{
    m_poll->setInterval(milliseconds);
}

int StaffConsole::alertCount() const
{
    return m_alert->alertCount();
}

int StaffConsole::alertSoundsPlayed() const
{
    return m_alert->soundsPlayed();
}

void StaffConsole::setPaper(spinepath::Paper paper)
{
    m_paper = paper;
    m_detail->setPaper(paper);
    m_autoPrint->setPaper(paper);
}

void StaffConsole::setPrinterName(const QString& name)
{
    m_autoPrint->setPrinterName(name);
}

void StaffConsole::currentTabChanged(int index)
{
    // The detail belongs to the two lists; other pages get the whole width.
    m_detail->setVisible(index <= 1);
}

QTableView* StaffConsole::currentTable() const
{
    return m_tabs->currentIndex() == 1 ? m_listTable : m_queueTable;
}

void StaffConsole::showSelected(QTableView* table, AssessmentListModel* model)
{
    const QModelIndex current = table->selectionModel()->currentIndex();
    const auto* row = model->rowAt(current.row());
    if (row && row->id != m_detail->assessmentId())
        m_detail->showAssessment(row->id);
}

bool StaffConsole::openAssessment(const QString& assessmentId)
{
    return m_detail->showAssessment(assessmentId.toStdString());
}

void StaffConsole::refresh()
{
    if (!m_storage)
        return;
    // Asked for at once: the console's own writes do not wait for a poll.
    m_watcher->check(m_queueRows, true);
    m_listModel->reload();
    // The shown assessment may have been reviewed or deleted meanwhile.
    if (!m_detail->assessmentId().empty()) {
        const std::string id = m_detail->assessmentId();
        if (auto still = m_storage->queries.get(id); still)
            m_detail->showAssessment(id);
        else
            m_detail->clear();
    }
    updateCounts();
}

void StaffConsole::acknowledgeAlerts(const QStringList& assessmentIds)
{
    m_tabs->setCurrentIndex(0);
    // Who saw the alert and when: the assessment's id, nothing of its answers.
    QString problem;
    if (m_context.database) {
        spinepath::storage::AuditLog log(*m_context.database);
        for (const QString& id : assessmentIds)
            if (auto done =
                    log.append(m_actor, spinepath::storage::audit::kAlertAcknowledged, id.toStdString());
                !done)
                problem = text(done.error().message);
    }
    showMessage(problem.isEmpty()
                    ? tr("Alert acknowledged.")
                    : tr("Alert acknowledged, but the audit log could not record it: %1").arg(problem));
}

void StaffConsole::selectInQueue(const std::string& assessmentId)
{
    if (const int row = m_queueModel->rowOf(assessmentId); row >= 0)
        m_queueTable->selectionModel()->setCurrentIndex(
            m_queueModel->index(row, AssessmentListModel::Patient),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void StaffConsole::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitHeader();
}

void StaffConsole::fitHeader()
{
    if (!m_header)
        return;
    int sideBySide = 0;
    for (int index = 0; index < m_header->count(); ++index)
        sideBySide += m_header->itemAt(index)->sizeHint().width() + m_header->spacing();
    const int room =
        contentsRect().width() - layout()->contentsMargins().left() - layout()->contentsMargins().right();
    const auto direction = sideBySide <= room ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_header->direction() != direction)
        m_header->setDirection(direction);
}

void StaffConsole::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitHeader();
    // Signing in while an alert waits: the urgent work comes first, not the
    // page left open last time.
    if (m_alert->isPending())
        m_tabs->setCurrentIndex(0);
    // While locked only emergencies were read: the queue is read again now.
    if (m_watcher && m_firstLoadDone)
        m_watcher->check(m_queueRows, true);
}

bool StaffConsole::isQueueSettled() const
{
    return !m_watcher || m_watcher->isSettled();
}

int StaffConsole::queueReads() const
{
    return m_watcher ? m_watcher->readsDone() : 0;
}

quint64 StaffConsole::queueChecks() const
{
    return m_watcher ? m_watcher->checksDone() : 0;
}

void StaffConsole::showMoreOfQueue()
{
    m_queueRows += AssessmentListModel::kPageSize;
    m_queueMore->setEnabled(false); // until the longer page arrives
    m_watcher->check(m_queueRows, true);
}

void StaffConsole::showQueue(const QueueSnapshot& snapshot)
{
    if (!snapshot.problem.isEmpty()) {
        showMessage(snapshot.problem);
        return;
    }
    if (!snapshot.emergenciesOnly) {
        m_queueModel->showQueue(snapshot.rows, snapshot.hasMore, snapshot.counts);
        m_unsent->showReports(snapshot.kiosks);
    }
    announceEmergencies(snapshot);
    m_firstLoadDone = true;
}

void StaffConsole::announceEmergencies(const QueueSnapshot& snapshot)
{
    std::vector<std::string> fresh;
    for (const auto& row : snapshot.rows)
        if (row.severity == "emergency" && m_announced.insert(row.id).second && m_firstLoadDone)
            fresh.push_back(row.id);
    for (const std::string& id : fresh)
        alertEmergency(QString::fromStdString(id));
}

void StaffConsole::searchChanged()
{
    m_listModel->setFilter(m_search->filter());
    updateCounts();
}

void StaffConsole::updateCounts()
{
    if (!m_queueCount || !m_listCount)
        return;
    // The whole day's counts, not the rows read so far; %Ln writes the
    // number as the locale does (100,001).
    const int total = static_cast<int>(m_queueModel->totalCount());
    const qint64 urgent = m_queueModel->urgentCount();
    QString queue = urgent > 0 ? tr("%Ln assessment(s) today, %1 urgent (at the top).", nullptr, total)
                                     .arg(QLocale().toString(urgent))
                               : tr("%Ln assessment(s) today.", nullptr, total);
    const int shown = m_queueModel->rowCount();
    if (m_queueModel->hasMore())
        queue += u' ' + tr("The first %Ln are shown.", nullptr, shown);
    m_queueCount->setText(queue);
    m_queueMore->setVisible(m_queueModel->hasMore());
    m_queueMore->setEnabled(true);
    const int next = static_cast<int>(std::min<qint64>(
        AssessmentListModel::kPageSize, std::max<qint64>(0, m_queueModel->totalCount() - shown)));
    m_queueMore->setText(tr("Show %Ln more", nullptr, next));
    m_queueMore->setAccessibleName(m_queueMore->text());
    // A new search is read off the GUI thread; its count follows.
    m_listCount->setText(
        m_listModel->isLoading() && m_listModel->rowCount() == 0
            ? tr("Searching…")
            : tr("%Ln assessment(s) found.", nullptr, static_cast<int>(m_listModel->totalCount())));
}

void StaffConsole::poll()
{
    if (!m_watcher)
        return;
    // A kiosk that went quiet changes nothing on the server: time tells.
    m_unsent->showReportsAt(QDateTime::currentDateTimeUtc());
    // Locked (hidden): nothing is shown, so only a new emergency is worth a
    // read, for the banner and chime that must still reach staff.
    if (isVisible())
        m_watcher->check(m_queueRows, false);
    else
        m_watcher->checkEmergencies();
}

void StaffConsole::alertEmergency(const QString& assessmentId)
{
    const std::string id = assessmentId.toStdString();
    m_announced.insert(id);
    QTime startedAt;
    if (m_storage)
        if (auto found = m_storage->queries.get(id))
            startedAt = found->startedAt.toLocalTime().time();
    m_alert->showAlert(startedAt, assessmentId);
    refresh();
}

void StaffConsole::printAutomatically(const QString& assessmentId)
{
    if (!m_storage)
        return;
    auto found = m_storage->queries.get(assessmentId.toStdString());
    if (!found || !found->result) {
        showMessage(tr("The summary could not be printed automatically: %1")
                        .arg(found ? tr("the assessment has no result yet.") : text(found.error().message)));
        return;
    }
    m_autoPrint->setReport(staffReportFor(m_context, *found));
    m_autoPrint->printWithoutDialog(spinepath::report::DocumentKind::PhysicianSummary);
    m_autoPrint->setReport(nullptr);
}

void StaffConsole::importAnswers()
{
    if (!m_storage || !m_context.content->hasClinical()) {
        showMessage(tr("Answers cannot be imported while the database or the content is not ready."));
        return;
    }
    auto* dialog = new ImportAnswersDialog(m_context.content->screening(), m_storage->lifecycle, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Each import shows in today's queue at once, while the dialog stays
    // open for the next page.
    connect(dialog, &ImportAnswersDialog::imported, this, [this] { refresh(); });
    dialog->open();
}

void StaffConsole::exportSelection()
{
    if (!m_storage || !m_context.content->hasClinical())
        return;
    QTableView* table = currentTable();
    auto* model = static_cast<AssessmentListModel*>(table->model());
    std::vector<std::string> ids;
    for (const QModelIndex& index : table->selectionModel()->selectedRows())
        if (const auto* row = model->rowAt(index.row()))
            ids.push_back(row->id);
    if (ids.empty()) {
        showMessage(tr("Select the assessments to export first (Ctrl or Shift selects several)."));
        return;
    }
    auto* dialog = new ExportDialog(static_cast<int>(ids.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        const auto format = dialog->format();
        const QString suggested = QStringLiteral("spinepath-export-") +
                                  QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd")) + u'.' +
                                  ExportDialog::suffix(format);
        QString path = StaffFileChooser::saveFileName(this, tr("Export assessments"), suggested,
                                                      ExportDialog::fileFilter(format));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += u'.' + ExportDialog::suffix(format);
        const spinepath::storage::AssessmentExport exporter(
            *m_context.database, m_context.content->screening().questionnaire(), m_actor);
        auto written = exporter.writeFile(format, spinepath::storage::ExportSelection::of(ids), path,
                                          spinepath::storage::audit::kSelectionExported);
        if (!written) {
            showMessage(text(written.error().message));
            return;
        }
        showMessage(tr("Exported %n assessment(s) to %1.", nullptr, static_cast<int>(written->count))
                        .arg(QDir::toNativeSeparators(path)));
    });
    dialog->open();
}

void StaffConsole::showMessage(const QString& message)
{
    m_status->setText(message);
}

} // namespace spinepath::ui
