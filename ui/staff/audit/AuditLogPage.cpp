#include "staff/audit/AuditLogPage.h"
#include "ui_AuditLogPage.h"

#include "common/StaffFileChooser.h"
#include "staff/PageMessage.h"
#include "staff/audit/AuditActionLabels.h"
#include "staff/audit/AuditLogModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QShowEvent>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTimer>

namespace spinepath::ui {

namespace storage = spinepath::storage;

namespace {

// The first day a date filter can name; shown as "Any", meaning no bound.
const QDate kNoDate(2000, 1, 1);

// The last day a date filter can name.
const QDate kLastDate(2100, 12, 31);

// The start of a local day, as the UTC time the log is stored in.
QDateTime startOfLocalDay(const QDate& date)
{
    return date.startOfDay().toUTC();
}

} // namespace

AuditLogPage::AuditLogPage(const storage::Database& database, std::string actor, QWidget* parent)
    : QWidget(parent)
    , m_ui(new Ui::AuditLogPage)
    , m_database(database)
    , m_actor(std::move(actor))
{
    m_ui->setupUi(this);
    setAttribute(Qt::WA_StyledBackground);

    m_ui->auditActionFilter->addItem(tr("All actions"), QString());
    for (const std::string_view action : knownAuditActions())
        m_ui->auditActionFilter->addItem(
            auditActionLabel(action),
            QString::fromUtf8(action.data(), static_cast<qsizetype>(action.size())));
    // "Any" (no bound) is the first day a filter can name.
    for (QDateEdit* edit : {m_ui->auditFromDate, m_ui->auditToDate}) {
        edit->setDateRange(kNoDate, kLastDate);
        edit->setDate(kNoDate);
    }

    m_model = new AuditLogModel(m_database, this);
    m_ui->auditTable->setModel(m_model);
    m_ui->auditTable->verticalHeader()->setSectionResizeMode(
        QHeaderView::Fixed); // uniform rows: fast with many
    auto* header = m_ui->auditTable->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->resizeSection(AuditLogModel::TimeColumn, 200);
    header->resizeSection(AuditLogModel::ActorColumn, 130);
    header->resizeSection(AuditLogModel::ActionColumn, 260);
    header->resizeSection(AuditLogModel::AssessmentColumn, 130);

    // Typing an id waits for a pause instead of querying on every key.
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, &AuditLogPage::refresh);
    connect(m_ui->auditAssessmentFilter, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_ui->auditActionFilter, &QComboBox::currentIndexChanged, this, &AuditLogPage::refresh);
    connect(m_ui->auditFromDate, &QDateEdit::dateChanged, this, &AuditLogPage::refresh);
    connect(m_ui->auditToDate, &QDateEdit::dateChanged, this, &AuditLogPage::refresh);
    connect(m_ui->auditClearFiltersButton, &QPushButton::clicked, this, &AuditLogPage::clearFilters);
    connect(m_ui->auditExportButton, &QPushButton::clicked, this, &AuditLogPage::exportEntries);
    connect(m_model, &AuditLogModel::loaded, this, &AuditLogPage::showLoaded);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditLogPage::updateCount);
    connect(m_model, &AuditLogModel::readFailed, this, [this](const QString& message) {
        showMessage(tr("More entries could not be read: %1").arg(message), true);
    });
}

AuditLogPage::~AuditLogPage() = default;

storage::AuditFilter AuditLogPage::currentFilter() const
{
    storage::AuditFilter filter;
    filter.action = m_ui->auditActionFilter->currentData().toString().toStdString();
    if (m_ui->auditFromDate->date() != kNoDate)
        filter.from = startOfLocalDay(m_ui->auditFromDate->date());
    // "To" names the last day shown, so the bound is the start of the next.
    if (m_ui->auditToDate->date() != kNoDate)
        filter.until = startOfLocalDay(m_ui->auditToDate->date().addDays(1));
    filter.assessmentId = m_ui->auditAssessmentFilter->text().trimmed().toLower().toStdString();
    return filter;
}

void AuditLogPage::refresh()
{
    m_typing->stop();
    m_model->setFilter(currentFilter());
}

void AuditLogPage::showLoaded()
{
    if (!m_model->lastError().isEmpty())
        showMessage(tr("The audit log could not be read: %1").arg(m_model->lastError()), true);
    else if (m_ui->auditMessage->property("state").toString() == QStringLiteral("error"))
        showMessage(QString(), false);
    m_ui->auditTable->scrollToTop();
    updateCount();
}

void AuditLogPage::clearFilters()
{
    // One refresh for the lot, not one per control.
    const QSignalBlocker blockAction(m_ui->auditActionFilter), blockFrom(m_ui->auditFromDate),
        blockTo(m_ui->auditToDate), blockId(m_ui->auditAssessmentFilter);
    m_ui->auditActionFilter->setCurrentIndex(0);
    m_ui->auditFromDate->setDate(kNoDate);
    m_ui->auditToDate->setDate(kNoDate);
    m_ui->auditAssessmentFilter->clear();
    refresh();
}

void AuditLogPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange || !m_model)
        return;
    m_ui->retranslateUi(this);
    m_ui->auditActionFilter->setItemText(0, tr("All actions"));
    for (int index = 1; index < m_ui->auditActionFilter->count(); ++index)
        m_ui->auditActionFilter->setItemText(
            index, auditActionLabel(m_ui->auditActionFilter->itemData(index).toString().toStdString()));
    // The model words its column names and rows when asked.
    emit m_model->headerDataChanged(Qt::Horizontal, 0, m_model->columnCount() - 1);
    if (m_model->rowCount() > 0)
        emit m_model->dataChanged(m_model->index(0, 0),
                                  m_model->index(m_model->rowCount() - 1, m_model->columnCount() - 1));
    updateCount();
}

void AuditLogPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Recorded when staff open the page, not when the window system re-shows
    // it (a restore from minimised) and not on refreshes.
    if (event->spontaneous())
        return;
    if (auto logged = storage::AuditLog(m_database).append(m_actor, storage::audit::kAuditViewed); !logged)
        showMessage(tr("Opening the audit log could not be recorded: %1")
                        .arg(QString::fromStdString(logged.error().message)),
                    true);
    refresh();
}

bool AuditLogPage::exportEntries()
{
    QString path = m_exportPathForTesting;
    QString selected;
    const QString jsonFilter = tr("JSON Lines (*.jsonl)");
    const QString csvFilter = tr("CSV for spreadsheets (*.csv)");
    if (path.isEmpty()) {
        const QString name = QStringLiteral("spinepath-audit-%1.jsonl")
                                 .arg(QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd")));
        path = StaffFileChooser::saveFileName(this, tr("Export the audit log"), name,
                                              jsonFilter + QStringLiteral(";;") + csvFilter, &selected);
        if (path.isEmpty())
            return false; // cancelled
        if (QFileInfo(path).suffix().isEmpty())
            path += selected == csvFilter ? QStringLiteral(".csv") : QStringLiteral(".jsonl");
    }
    const bool csv = QFileInfo(path).suffix().compare(QStringLiteral("csv"), Qt::CaseInsensitive) == 0;
    auto written =
        storage::AuditLog(m_database)
            .exportToFile(currentFilter(),
                          csv ? storage::AuditExportFormat::Csv : storage::AuditExportFormat::JsonLines, path,
                          m_actor);
    if (!written) {
        showMessage(
            tr("The audit log was not exported: %1").arg(QString::fromStdString(written.error().message)),
            true);
        return false;
    }
    refresh(); // the export's own entry is now at the top
    showMessage(tr("%n entries exported to %1.", nullptr, static_cast<int>(*written))
                    .arg(QDir::toNativeSeparators(path)),
                false);
    return true;
}

void AuditLogPage::updateCount()
{
    const QLocale locale;
    if (m_model->total() == 0)
        m_ui->auditCountLabel->setText(tr("No entries match."));
    else
        m_ui->auditCountLabel->setText(
            tr("Showing %1 of %n entries, newest first", nullptr, static_cast<int>(m_model->total()))
                .arg(locale.toString(m_model->rowCount())));
}

void AuditLogPage::showMessage(const QString& text, bool error)
{
    showPageMessage(*m_ui->auditMessage, text, error);
}

} // namespace spinepath::ui
