#pragma once

#include "core/storage/AssessmentRecord.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTimer;

namespace spinepath::ui {

struct AppContext;

// The search of "All assessments": words of the patient's name, a date range
// (when the patient started), category, flag and status. Typing waits a
// moment before searching, so each keystroke does not query the database.
class AssessmentSearchBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssessmentSearchBar)

public:
    explicit AssessmentSearchBar(const AppContext& context, QWidget* parent = nullptr);
    ~AssessmentSearchBar() override;

    [[nodiscard]] spinepath::storage::AssessmentFilter filter() const;

signals:
    void filterChanged();

protected:
    // QEvent::LanguageChange: every text of the bar again.
    void changeEvent(QEvent* event) override;

private:
    void changedSoon();
    void retranslate();

    QLineEdit* m_name;
    QCheckBox* m_useDates;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_category;
    QComboBox* m_flag;
    QComboBox* m_status;
    QTimer* m_typing;
    const AppContext& m_context;
    QLabel* m_toLabel = nullptr;
};

} // namespace spinepath::ui
