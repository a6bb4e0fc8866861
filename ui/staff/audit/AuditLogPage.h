#pragma once

#include "core/storage/AuditLog.h"

#include <QScopedPointer>
#include <QString>
#include <QWidget>

#include <string>

class QTimer;

namespace Ui {
class AuditLogPage;
}

namespace spinepath::ui {

class AuditLogModel;

// The audit trail for staff: who did what and when, newest first, filtered by
// action, date range and assessment, exported as JSON Lines or CSV. Opening
// the page and exporting are themselves recorded as `actor`.
class AuditLogPage final : public QWidget
{
    Q_OBJECT

public:
    explicit AuditLogPage(const spinepath::storage::Database& database, std::string actor = "staff",
                          QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(AuditLogPage)
    ~AuditLogPage() override;

    // The filter the controls describe now.
    [[nodiscard]] spinepath::storage::AuditFilter currentFilter() const;
    [[nodiscard]] AuditLogModel* model() const noexcept { return m_model; }

    // Tests: export to this file instead of asking with a file dialog (the
    // suffix, .csv or anything else, picks the format).
    void setExportPathForTesting(const QString& path) { m_exportPathForTesting = path; }

public slots:
    // Reads the entries again with the current filter, from the newest (off
    // the GUI thread: the table changes when they arrive).
    void refresh();
    // Asks where to save, writes the entries that match the filter, records the export.
    bool exportEntries();
    void clearFilters();

protected:
    void showEvent(QShowEvent* event) override;
    // QEvent::LanguageChange: the .ui's texts, the filter's actions, the
    // columns' names and the count again in the new language.
    void changeEvent(QEvent* event) override;

private:
    void showLoaded();
    void updateCount();
    void showMessage(const QString& text, bool error);

    QScopedPointer<Ui::AuditLogPage> m_ui;
    const spinepath::storage::Database& m_database;
    std::string m_actor;
    QString m_exportPathForTesting;

    AuditLogModel* m_model = nullptr;
    QTimer* m_typing = nullptr;
};

} // namespace spinepath::ui
