#pragma once

#include "core/storage/AuditLog.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

namespace spinepath::ui {

class DatabaseReader;
struct ReadConnection;

// The audit entries matching a filter, newest first, fetched a page at a
// time as the view scrolls (canFetchMore/fetchMore), so a trail of 100,000+
// entries opens as fast as a short one. Pages continue from the last id
// shown (keyset paging), never by offset. Pages and the count are read by a
// DatabaseReader off the GUI thread: counting a long trail never freezes the
// console.
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

    // Reads the first page of entries matching `filter`; the rows shown stay
    // until it arrives, with loaded(). Answers to an older filter are dropped.
    void setFilter(const spinepath::storage::AuditFilter& filter);
    [[nodiscard]] const spinepath::storage::AuditFilter& filter() const noexcept { return m_filter; }
    // A page is being read.
    [[nodiscard]] bool isLoading() const noexcept { return m_loading; }
    // The number of matching entries, as counted with the first page.
    [[nodiscard]] qint64 total() const noexcept { return m_total; }
    // Why the last first page could not be read; empty when it was.
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
    // The first page of a filter arrived (or could not be read: lastError()).
    void loaded();
    // A further page could not be read; the message is for staff.
    void readFailed(const QString& message);

private:
    struct Page;
    static Page readPage(const ReadConnection& connection, const spinepath::storage::AuditFilter& filter,
                         std::optional<qint64> before);
    void request(std::optional<qint64> before);
    void receive(Page page);

    spinepath::storage::AuditFilter m_filter;
    std::vector<spinepath::storage::AuditEntry> m_entries;
    qint64 m_total = 0;
    bool m_exhausted = true;
    bool m_loading = false;
    quint64 m_generation = 0; // a new filter: answers to older requests are dropped
    QString m_error;
    std::unique_ptr<DatabaseReader> m_reader; // last: its jobs answer to this model
};

} // namespace spinepath::ui
