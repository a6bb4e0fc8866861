#pragma once

#include "core/storage/AuditLog.h"

#include <QAbstractTableModel>

#include <vector>

namespace spinepath::ui {

// The audit entries matching a filter, newest first, fetched a page at a
// time as the view scrolls (canFetchMore/fetchMore), so a trail of 100,000+
// entries opens as fast as a short one. Pages continue from the last id
// shown (keyset paging), never by offset.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        ActorColumn,
        ActionColumn,
        AssessmentColumn,
        DetailColumn,
        ColumnCount
    };
    static constexpr int kPageSize = 200;

    explicit AuditLogModel(const spinepath::storage::Database& database, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(AuditLogModel)
    ~AuditLogModel() override;

    // Shows the first page of entries matching `filter`. Returns false (with
    // lastError()) when the database could not be read.
    bool setFilter(const spinepath::storage::AuditFilter& filter);
    [[nodiscard]] const spinepath::storage::AuditFilter& filter() const noexcept { return m_filter; }
    // The number of matching entries, as counted by the last setFilter().
    [[nodiscard]] qint64 total() const noexcept { return m_total; }
    [[nodiscard]] const QString& lastError() const noexcept { return m_error; }
    [[nodiscard]] const spinepath::storage::AuditEntry& entry(int row) const
    {
        return m_entries.at(static_cast<std::size_t>(row));
    }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    // A page could not be read; the message is for staff.
    void readFailed(const QString& message);

private:
    const spinepath::storage::Database& m_database;
    spinepath::storage::AuditFilter m_filter;
    std::vector<spinepath::storage::AuditEntry> m_entries;
    qint64 m_total = 0;
    bool m_exhausted = true;
    QString m_error;
};

} // namespace spinepath::ui
