#include "staff/audit/AuditLogModel.h"

#include "common/PlainToolTip.h"
#include "staff/DatabaseReader.h"
#include "staff/audit/AuditActionLabels.h"

#include "core/storage/StorageTime.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace spinepath::ui {

namespace storage = spinepath::storage;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

// The first block of a UUID tells entries apart on screen; the whole id is
// in the tooltip and the filter takes any beginning of it.
constexpr int kShortIdLength = 8;

} // namespace

// One page as the reader found it: the first of a filter (with its count)
// or one after `before`.
struct AuditLogModel::Page
{
    quint64 generation = 0;
    bool first = true;
    std::vector<storage::AuditEntry> entries;
    std::optional<qint64> total;
    QString problem;
};

AuditLogModel::AuditLogModel(const storage::Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_reader(std::make_unique<DatabaseReader>(database, QStringLiteral("auditLog")))
{}

AuditLogModel::~AuditLogModel() = default;

void AuditLogModel::setFilter(const storage::AuditFilter& filter)
{
    ++m_generation;
    m_filter = filter;
    request(std::nullopt);
}

// On the reader's thread.
AuditLogModel::Page AuditLogModel::readPage(const ReadConnection& connection,
                                            const storage::AuditFilter& filter, std::optional<qint64> before)
{
    Page page;
    page.first = !before.has_value();
    if (!connection.database) {
        page.problem = connection.problem;
        return page;
    }
    const storage::AuditLog audit(*connection.database);
    auto entries = audit.query(filter, kPageSize, before.value_or(0));
    if (!entries) {
        page.problem = fromStd(entries.error().message);
        return page;
    }
    page.entries = std::move(entries).value();
    if (page.first) {
        auto counted = audit.count(filter);
        if (!counted) {
            page.problem = fromStd(counted.error().message);
            return page;
        }
        page.total = *counted;
    }
    return page;
}

// Asks for the first page (no `before`) or the one after the entry `before`;
// receive() takes the answer on the GUI thread.
void AuditLogModel::request(std::optional<qint64> before)
{
    m_loading = true;
    m_reader->post(
        [this, generation = m_generation, filter = m_filter, before](const ReadConnection& connection) {
            Page answer = readPage(connection, filter, before);
            answer.generation = generation;
            QMetaObject::invokeMethod(
                this, [this, answer = std::move(answer)]() mutable { receive(std::move(answer)); },
                Qt::QueuedConnection);
        });
}

void AuditLogModel::receive(Page page)
{
    if (page.generation != m_generation)
        return; // asked for before a newer filter
    m_loading = false;
    if (page.first) {
        beginResetModel();
        m_entries = std::move(page.entries);
        m_total = page.total.value_or(0);
        m_error = page.problem;
        m_exhausted = !m_error.isEmpty() || static_cast<int>(m_entries.size()) < kPageSize;
        endResetModel();
        emit loaded();
        return;
    }
    if (!page.problem.isEmpty()) {
        m_exhausted = true;
        emit readFailed(page.problem);
        return;
    }
    if (static_cast<int>(page.entries.size()) < kPageSize)
        m_exhausted = true;
    if (page.entries.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(page.entries.size()) - 1);
    for (auto& item : page.entries)
        m_entries.push_back(std::move(item));
    endInsertRows();
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const storage::AuditEntry& item = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            // Local time, unambiguous and sortable by eye.
            return item.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd  HH:mm:ss"));
        case ActorColumn:
            return fromStd(item.actor);
        case ActionColumn:
            return auditActionLabel(item.action);
        case AssessmentColumn:
            return fromStd(item.assessmentId).left(kShortIdLength);
        case DetailColumn:
            if (item.action == storage::audit::kSettingChanged)
                return settingLabel(item.detail);
            return fromStd(item.detail);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return tr("%1 UTC").arg(storage::toStorageTime(item.at));
        case ActionColumn:
            return fromStd(item.action);
        case AssessmentColumn:
            return fromStd(item.assessmentId);
        case DetailColumn:
            return spinepath::ui::plainToolTip(fromStd(item.detail));
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == ActionColumn && isNotableAuditAction(item.action))
            return QBrush(QColor(0xa3, 0x26, 0x1b)); // the app's error red, 6.9:1 on white
        return {};
    case Qt::FontRole:
        if (index.column() == AssessmentColumn) {
            QFont font;
            font.setFamily(QStringLiteral("monospace"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case AssessmentColumn:
        return tr("Assessment");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_exhausted && !m_loading && !m_entries.empty();
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        request(m_entries.back().id);
}

} // namespace spinepath::ui
