#include "staff/AssessmentListModel.h"
#include "staff/DatabaseReader.h"

#include "common/PlainToolTip.h"
#include "staff/StaffReport.h"
#include "staff/StaffTime.h"

#include "common/AppContext.h"

#include "core/storage/AssessmentQueries.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QStyle>

#include <algorithm>

namespace spinepath::ui {

using spinepath::storage::AssessmentSummary;
using spinepath::storage::SortKey;

namespace {

// Today's queue shows the time, the list the date (the time is in the
// tooltip and the detail).
QString timeText(const QDateTime& time, bool asDate)
{
    return asDate ? staffDate(time) : staffTime(time);
}

QString fullTime(const QDateTime& time)
{
    return staffDateTime(time);
}

std::optional<SortKey> keyOf(int column)
{
    switch (column) {
    case AssessmentListModel::Urgency:
        return SortKey::Severity;
    case AssessmentListModel::Started:
        return SortKey::Started;
    case AssessmentListModel::Patient:
        return SortKey::PatientName;
    case AssessmentListModel::Category:
        return SortKey::Category;
    case AssessmentListModel::Completed:
        return SortKey::Completed;
    default:
        return std::nullopt;
    }
}

} // namespace

// One page as the reader found it.
struct AssessmentListModel::Page
{
    quint64 generation = 0;
    bool replace = false; // the rows from the first on, in place of those shown
    std::vector<AssessmentSummary> rows;
    bool hasMore = false;
    std::optional<spinepath::storage::PageCursor> next;
    std::optional<qint64> total;
    QString problem;
};

// On the reader's thread.
AssessmentListModel::Page AssessmentListModel::readPage(const ReadConnection& connection,
                                                        const spinepath::storage::AssessmentFilter& filter,
                                                        const spinepath::storage::PageRequest& request,
                                                        const spinepath::storage::AssessmentOrder& order,
                                                        bool count)
{
    Page page;
    if (!connection.queries) {
        page.problem = connection.problem;
        return page;
    }
    auto listed = connection.queries->list(filter, request, order);
    if (!listed) {
        page.problem = QString::fromStdString(listed.error().message);
        return page;
    }
    page.rows = std::move(listed->rows);
    page.hasMore = listed->hasMore;
    page.next = listed->next;
    if (count) {
        auto counted = connection.queries->count(filter);
        page.total = counted ? *counted : static_cast<qint64>(page.rows.size());
    }
    return page;
}

AssessmentListModel::AssessmentListModel(const AppContext& context, Kind kind, QObject* parent)
    : QAbstractTableModel(parent)
    , m_context(context)
    , m_kind(kind)
{
    if (kind == Kind::Search && context.database)
        m_reader = std::make_unique<DatabaseReader>(*context.database, QStringLiteral("assessmentSearch"));
}

// The reads queued before it finish first; their answers, still queued,
// are dropped with the model.
AssessmentListModel::~AssessmentListModel()
{
    m_reader.reset();
}

int AssessmentListModel::columnOf(SortKey key)
{
    switch (key) {
    case SortKey::Severity:
        return Urgency;
    case SortKey::PatientName:
        return Patient;
    case SortKey::Category:
        return Category;
    case SortKey::Completed:
        return Completed;
    case SortKey::Started:
        break;
    }
    return Started;
}

bool AssessmentListModel::isUrgent(const AssessmentSummary& row)
{
    return row.severity == "emergency" || row.severity == "urgent";
}

void AssessmentListModel::setFilter(const spinepath::storage::AssessmentFilter& filter)
{
    m_filter = filter;
    startOver();
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    m_next.reset();
    endResetModel();
    request(kPageSize, false);
}

void AssessmentListModel::startOver()
{
    ++m_generation;
    m_loading = false;
}

bool AssessmentListModel::sameRows(const std::vector<AssessmentSummary>& rows) const
{
    return std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
                      [](const auto& a, const auto& b) {
                          return a.id == b.id && a.status == b.status && a.severity == b.severity &&
                                 a.category == b.category && a.patientName == b.patientName &&
                                 a.completedAt == b.completedAt;
                      });
}

void AssessmentListModel::reload()
{
    if (m_kind != Kind::Search)
        return;
    const int rows = std::max(kPageSize, static_cast<int>(m_rows.size()));
    startOver();
    request(rows, true);
}

void AssessmentListModel::showQueue(std::vector<AssessmentSummary> rows, bool hasMore,
                                    const spinepath::storage::TodayCounts& counts)
{
    m_total = counts.total;
    m_urgent = counts.urgent;
    m_hasMore = hasMore;
    setProblem({});
    // The queue is re-read whenever the database changes: when its rows did
    // not, the view keeps them, its selection and scroll position untouched.
    if (!sameRows(rows)) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    emit loaded();
}

void AssessmentListModel::setProblem(const QString& problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit problemChanged(problem);
}

// Asks for up to `rows` rows after those loaded, or from the first when
// `replace`; receive() takes the answer on the GUI thread.
void AssessmentListModel::request(int rows, bool replace)
{
    if (!m_reader || m_kind != Kind::Search)
        return;
    m_loading = true;
    spinepath::storage::PageRequest page;
    page.limit = rows;
    page.offset = replace ? 0 : static_cast<int>(m_rows.size());
    // Newest first continues after the last row by key, as fast on page
    // 500 as on page 1; the other orders skip rows in their index.
    if (!replace && m_order.isDefault() && !m_rows.empty())
        page.after = m_next;
    const bool count = replace || m_rows.empty();
    m_reader->post([this, generation = m_generation, replace, count, filter = m_filter, order = m_order,
                    page](const ReadConnection& connection) {
        Page answer = readPage(connection, filter, page, order, count);
        answer.generation = generation;
        answer.replace = replace;
        QMetaObject::invokeMethod(
            this, [this, answer = std::move(answer)]() mutable { receive(std::move(answer)); },
            Qt::QueuedConnection);
    });
}

void AssessmentListModel::receive(Page page)
{
    if (page.generation != m_generation)
        return; // asked for before a newer search or order
    m_loading = false;
    if (!page.problem.isEmpty()) {
        setProblem(page.problem);
        emit loaded();
        return;
    }
    m_hasMore = page.hasMore;
    m_next = page.next;
    if (page.total)
        m_total = *page.total;
    setProblem({});
    if (page.replace || m_rows.empty()) {
        // Rows equal to those shown leave the view (selection, scroll)
        // untouched. Others come as a reset, not an insert: the header
        // sizes its columns to their contents again only then.
        if (m_rows.empty() || !sameRows(page.rows)) {
            beginResetModel();
            m_rows = std::move(page.rows);
            endResetModel();
        }
    } else if (!page.rows.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(page.rows.size()) - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(page.rows.begin()),
                      std::make_move_iterator(page.rows.end()));
        endInsertRows();
    }
    emit loaded();
}

const AssessmentSummary* AssessmentListModel::rowAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<std::size_t>(row)]
                                                             : nullptr;
}

int AssessmentListModel::rowOf(const std::string& id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int AssessmentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AssessmentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AssessmentListModel::data(const QModelIndex& index, int role) const
{
    const AssessmentSummary* row = rowAt(index.row());
    if (!row)
        return {};
    const bool urgent = isUrgent(*row);
    const bool emergency = row->severity == "emergency";
    // Clinical spec v2: a physician should look at it, with no hurry. Named,
    // but without the urgent rows' colour, icon and weight.
    const bool review = row->severity == "review";
    switch (role) {
    case IdRole:
        return QString::fromStdString(row->id);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Urgency:
            // Words as well as colour and icon: never colour alone.
            return emergency ? tr("Emergency") : urgent ? tr("Urgent") : review ? tr("Review") : QString();
        case Started:
            return timeText(row->startedAt, m_kind == Kind::Search);
        case Patient:
            return row->patientName.empty() ? tr("(no name given)")
                                            : QString::fromStdString(row->patientName);
        case Category:
            return row->status == spinepath::storage::Status::InProgress
                       ? (urgent ? tr("Still answering: alert raised") : tr("Still answering"))
                       : staffCategoryName(m_context, row->category);
        case Status:
            // Answers from home say so in words, in the queue and the list.
            return row->imported ? tr("%1, from home").arg(staffStatusName(row->status))
                                 : staffStatusName(row->status);
        case Completed:
            return timeText(row->completedAt, m_kind == Kind::Search);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Started)
            return fullTime(row->startedAt);
        if (index.column() == Completed)
            return fullTime(row->completedAt);
        if (index.column() == Patient || index.column() == Category)
            return spinepath::ui::plainToolTip(data(index, Qt::DisplayRole).toString());
        return {};
    case Qt::DecorationRole:
        if (index.column() == Urgency && urgent)
            return QApplication::style()->standardIcon(emergency ? QStyle::SP_MessageBoxCritical
                                                                 : QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::BackgroundRole:
        if (emergency)
            return QColor(0xfd, 0xe2, 0xe1); // text #1b2b34 on this: 12.9:1
        if (urgent)
            return QColor(0xff, 0xf1, 0xd6);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Urgency && urgent)
            return QColor(0x8a, 0x12, 0x15); // 8.0:1 on the pink above
        return {};
    case Qt::FontRole:
        if (urgent || row->status == spinepath::storage::Status::Completed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant AssessmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Urgency:
        return tr("Urgency");
    case Started:
        return tr("Started");
    case Patient:
        return tr("Patient");
    case Category:
        return tr("Category");
    case Status:
        return tr("Status");
    case Completed:
        return tr("Completed");
    default:
        return {};
    }
}

bool AssessmentListModel::canFetchMore(const QModelIndex& parent) const
{
    // The queue's next rows come from the watcher, asked by the console.
    return !parent.isValid() && m_kind == Kind::Search && m_hasMore && !m_loading;
}

void AssessmentListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        request(kPageSize, false);
}

void AssessmentListModel::sort(int column, Qt::SortOrder order)
{
    if (m_kind != Kind::Search)
        return;
    const auto key = keyOf(column);
    if (!key)
        return;
    const spinepath::storage::AssessmentOrder wanted{*key, order == Qt::DescendingOrder};
    if (wanted == m_order && !m_rows.empty())
        return;
    m_order = wanted;
    setFilter(m_filter);
}

} // namespace spinepath::ui
