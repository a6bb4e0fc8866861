#include "staff/audit/AuditLogPage.h"

#include "common/StaffFileChooser.h"
#include "staff/StaffPageHeading.h"
#include "staff/audit/AuditActionLabels.h"
#include "staff/audit/AuditLogModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
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
#include <QVBoxLayout>

namespace spinepath::ui {

namespace storage = spinepath::storage;

namespace {

// The first day a date filter can name; shown as "Any", meaning no bound.
const QDate kNoDate(2000, 1, 1);

QLabel* makeLabel(const QString& text, const char* role, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setProperty("role", QString::fromLatin1(role));
    return label;
}

QDateEdit* makeDate(const char* name, QWidget* parent)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(kNoDate);
    edit->setMaximumDate(QDate(2100, 12, 31));
    edit->setSpecialValueText(QObject::tr("Any"));
    edit->setDate(kNoDate);
    edit->setMinimumWidth(150);
    return edit;
}

// The start of a local day, as the UTC time the log is stored in.
QDateTime startOfLocalDay(const QDate& date)
{
    return date.startOfDay().toUTC();
}

} // namespace

AuditLogPage::AuditLogPage(const storage::Database& database, std::string actor, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("auditLogPage"));
    setAttribute(Qt::WA_StyledBackground);
    // Its form controls take the staff look of resources/styles/spinepath.qss.
    setProperty("staffForm", true);

    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(32, 20, 32, 16);
    page->setSpacing(8);
    // Export sits with the title: it acts on the whole filtered list.
    QHBoxLayout* heading = makeStaffPageHeading(tr("Audit log"), QStringLiteral("auditTitle"), this).row;
    page->addLayout(heading);
    auto* intro = makeLabel(tr("Who did what, and when. Answers, names and results are never recorded here."),
                            "hint", this);
    intro->setWordWrap(true);
    page->addWidget(intro);

    // Two rows, so the page fits beside the console's detail pane at 1280 pixels.
    auto* filters = new QHBoxLayout();
    filters->setSpacing(8);
    auto* dates = new QHBoxLayout();
    dates->setSpacing(8);
    page->addSpacing(6);
    page->addLayout(filters);
    page->addLayout(dates);

    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_action->addItem(tr("All actions"), QString());
    for (const std::string_view action : knownAuditActions())
        m_action->addItem(auditActionLabel(action),
                          QString::fromUtf8(action.data(), static_cast<qsizetype>(action.size())));
    m_action->setMaxVisibleItems(24);
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_action->setMinimumContentsLength(16);
    filters->addWidget(makeLabel(tr("Action"), "filterLabel", this));
    filters->addWidget(m_action);
    filters->addSpacing(8);

    m_from = makeDate("auditFromDate", this);
    m_to = makeDate("auditToDate", this);
    dates->addWidget(makeLabel(tr("From"), "filterLabel", this));
    dates->addWidget(m_from);
    dates->addWidget(makeLabel(tr("to"), "filterLabel", this));
    dates->addWidget(m_to);
    dates->addStretch(1);

    m_assessment = new QLineEdit(this);
    m_assessment->setObjectName(QStringLiteral("auditAssessmentFilter"));
    m_assessment->setPlaceholderText(tr("Assessment id"));
    m_assessment->setClearButtonEnabled(true);
    m_assessment->setMaxLength(36);
    m_assessment->setMinimumWidth(180);
    m_assessment->setToolTip(tr("The whole id or its beginning, as shown in the table"));
    filters->addWidget(m_assessment, 1);

    m_clear = new QPushButton(tr("Clear filters"), this);
    m_clear->setObjectName(QStringLiteral("auditClearFiltersButton"));
    filters->addWidget(m_clear);
    m_export = new QPushButton(tr("Export\u2026"), this);
    heading->addWidget(m_export, 0, Qt::AlignVCenter);
    m_export->setObjectName(QStringLiteral("auditExportButton"));
    m_export->setToolTip(tr("Save the entries that match the filter as JSON Lines or CSV"));
    m_export->setProperty("role", QStringLiteral("primary"));

    m_model = new AuditLogModel(m_database, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(34);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: fast with many
    auto* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->resizeSection(AuditLogModel::TimeColumn, 200);
    header->resizeSection(AuditLogModel::ActorColumn, 130);
    header->resizeSection(AuditLogModel::ActionColumn, 260);
    header->resizeSection(AuditLogModel::AssessmentColumn, 130);
    page->addWidget(m_table, 1);

    auto* footer = new QHBoxLayout();
    m_count = new QLabel(this);
    m_count->setTextFormat(Qt::PlainText);
    m_count->setObjectName(QStringLiteral("auditCountLabel"));
    footer->addWidget(m_count);
    footer->addStretch(1);
    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    footer->addWidget(m_message, 3);
    page->addLayout(footer);

    // Typing an id waits for a pause instead of querying on every key.
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, &AuditLogPage::refresh);
    connect(m_assessment, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditLogPage::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditLogPage::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditLogPage::refresh);
    connect(m_clear, &QPushButton::clicked, this, &AuditLogPage::clearFilters);
    connect(m_export, &QPushButton::clicked, this, &AuditLogPage::exportEntries);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditLogPage::updateCount);
    connect(m_model, &AuditLogModel::readFailed, this, [this](const QString& message) {
        showMessage(tr("More entries could not be read: %1").arg(message), true);
    });
}

AuditLogPage::~AuditLogPage() = default;

storage::AuditFilter AuditLogPage::currentFilter() const
{
    storage::AuditFilter filter;
    filter.action = m_action->currentData().toString().toStdString();
    if (m_from->date() != kNoDate)
        filter.from = startOfLocalDay(m_from->date());
    // "To" names the last day shown, so the bound is the start of the next.
    if (m_to->date() != kNoDate)
        filter.until = startOfLocalDay(m_to->date().addDays(1));
    filter.assessmentId = m_assessment->text().trimmed().toLower().toStdString();
    return filter;
}

void AuditLogPage::refresh()
{
    m_typing->stop();
    if (!m_model->setFilter(currentFilter()))
        showMessage(tr("The audit log could not be read: %1").arg(m_model->lastError()), true);
    else if (m_message->property("state").toString() == QStringLiteral("error"))
        showMessage(QString(), false);
    m_table->scrollToTop();
    updateCount();
}

void AuditLogPage::clearFilters()
{
    // One refresh for the lot, not one per control.
    const QSignalBlocker blockAction(m_action), blockFrom(m_from), blockTo(m_to), blockId(m_assessment);
    m_action->setCurrentIndex(0);
    m_from->setDate(kNoDate);
    m_to->setDate(kNoDate);
    m_assessment->clear();
    refresh();
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
        m_count->setText(tr("No entries match."));
    else
        m_count->setText(
            tr("Showing %1 of %n entries, newest first", nullptr, static_cast<int>(m_model->total()))
                .arg(locale.toString(m_model->rowCount())));
}

void AuditLogPage::showMessage(const QString& text, bool error)
{
    showPageMessage(*m_message, text, error);
}

} // namespace spinepath::ui
