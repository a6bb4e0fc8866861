#include "staff/audit/AuditLogModel.h"

#include "common/PlainToolTip.h"
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

AuditLogModel::AuditLogModel(const storage::Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{}

AuditLogModel::~AuditLogModel() = default;

bool AuditLogModel::setFilter(const storage::AuditFilter& filter)
{
    beginResetModel();
    m_filter = filter;
    m_entries.clear();
    m_total = 0;
    m_error.clear();
    m_exhausted = false;
    storage::AuditLog audit(m_database);
    auto page = audit.query(m_filter, kPageSize);
    auto counted = page ? audit.count(m_filter) : storage::Result<qint64>(qint64{0});
    if (page && counted) {
        m_entries = std::move(page).value();
        m_total = *counted;
        m_exhausted = static_cast<int>(m_entries.size()) < kPageSize;
    } else {
        m_error = fromStd(page ? counted.error().message : page.error().message);
        m_exhausted = true;
    }
    endResetModel();
    return m_error.isEmpty();
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
    return !parent.isValid() && !m_exhausted;
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_exhausted)
        return;
    const qint64 before = m_entries.empty() ? 0 : m_entries.back().id;
    auto page = storage::AuditLog(m_database).query(m_filter, kPageSize, before);
    if (!page) {
        m_exhausted = true;
        m_error = fromStd(page.error().message);
        emit readFailed(m_error);
        return;
    }
    if (static_cast<int>(page->size()) < kPageSize)
        m_exhausted = true;
    if (page->empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    for (auto& item : *page)
        m_entries.push_back(std::move(item));
    endInsertRows();
}

} // namespace spinepath::ui
