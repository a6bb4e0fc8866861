#pragma once

#include "core/storage/AssessmentQueries.h"
#include "core/storage/AssessmentRecord.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace spinepath::ui {

struct AppContext;
class DatabaseReader;
struct ReadConnection;

// The rows of the staff console's tables. As a queue it holds the part of
// today's assessments read so far, urgent first, as the console's
// QueueWatcher read them off the GUI thread (showQueue). As a list it holds a
// search in any order and fetches pages as the view scrolls (canFetchMore /
// fetchMore). Pages and counts are read by a DatabaseReader off the GUI
// thread, so a search of 100,000 assessments never freezes the console, and
// only the rows seen are ever read. Sorting by a header asks the database,
// never sorts here.
class AssessmentListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssessmentListModel)

public:
    enum class Kind
    {
        TodayQueue,
        Search
    };
    enum Column
    {
        Urgency,
        Started,
        Patient,
        Category,
        Status,
        Completed,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int kPageSize = 200;

    // A search reads `context.database` (none: the list stays empty).
    AssessmentListModel(const AppContext& context, Kind kind, QObject* parent = nullptr);
    ~AssessmentListModel() override;

    // Search only: the filter; reloads from the first page (the rows arrive
    // later, with loaded()).
    void setFilter(const spinepath::storage::AssessmentFilter& filter);
    [[nodiscard]] const spinepath::storage::AssessmentFilter& filter() const { return m_filter; }
    [[nodiscard]] spinepath::storage::AssessmentOrder order() const { return m_order; }
    // Search only: re-reads the rows loaded so far (and at least the first
    // page); rows that did not change stay as they are.
    void reload();
    // Search only: a page is being read.
    [[nodiscard]] bool isLoading() const { return m_loading; }
    // Queue only: the rows read so far and the whole queue's counts. Rows
    // equal to those shown leave the view (selection, scroll) untouched.
    void showQueue(std::vector<spinepath::storage::AssessmentSummary> rows, bool hasMore,
                   const spinepath::storage::TodayCounts& counts);
    // Queue only: more rows follow those shown.
    [[nodiscard]] bool hasMore() const { return m_hasMore; }
    // How many rows match in all, whether loaded or not (counted in the database).
    [[nodiscard]] qint64 totalCount() const { return m_total; }
    // Queue only: how many of all are urgent.
    [[nodiscard]] qint64 urgentCount() const { return m_urgent; }
    [[nodiscard]] const spinepath::storage::AssessmentSummary* rowAt(int row) const;
    [[nodiscard]] int rowOf(const std::string& id) const;
    // The last error reading the database, empty when fine.
    [[nodiscard]] const QString& problem() const { return m_problem; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

    [[nodiscard]] static bool isUrgent(const spinepath::storage::AssessmentSummary& row);
    // The column a sort order belongs to (the header shows it).
    [[nodiscard]] static int columnOf(spinepath::storage::SortKey key);

signals:
    void problemChanged(const QString& problem);
    void loaded();

private:
    struct Page;
    static Page readPage(const ReadConnection& connection, const spinepath::storage::AssessmentFilter& filter,
                         const spinepath::storage::PageRequest& request,
                         const spinepath::storage::AssessmentOrder& order, bool count);
    void request(int rows, bool replace);
    void receive(Page page);
    void startOver();
    [[nodiscard]] bool sameRows(const std::vector<spinepath::storage::AssessmentSummary>& rows) const;
    void setProblem(const QString& problem);

    const AppContext& m_context;
    Kind m_kind;
    spinepath::storage::AssessmentFilter m_filter;
    spinepath::storage::AssessmentOrder m_order;
    std::vector<spinepath::storage::AssessmentSummary> m_rows;
    bool m_hasMore = false;
    std::optional<spinepath::storage::PageCursor> m_next; // the default order continues by key

    qint64 m_total = 0;
    qint64 m_urgent = 0;
    QString m_problem;
    quint64 m_generation = 0; // a new search or order: answers to older requests are dropped
    bool m_loading = false;
    std::unique_ptr<DatabaseReader> m_reader; // last: its jobs answer to this model
};

} // namespace spinepath::ui
