#pragma once

#include "core/storage/ClinicSettings.h"

#include <QList>
#include <QScopedPointer>
#include <QWidget>

#include <string>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTimer;

namespace Ui {
class SettingsPage;
}

namespace spinepath::ui {

struct AppContext;

// The clinic settings of the staff console: kiosk timing, printing,
// retention, the console's own lock and the clinic's details, plus an
// account of the content and database in use, with what chose the database
// and "Change…" of this computer's database (DatabaseLocationDialog).
// Saving writes only what changed (each change audited as `actor`); a failed
// save keeps the form as it is so nothing typed is lost.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    // `context.database` may be null: the page then says why and the form is
    // read-only.
    explicit SettingsPage(const AppContext& context, std::string actor = "staff", QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(SettingsPage)
    ~SettingsPage() override;

    // What the form shows now (texts trimmed).
    [[nodiscard]] spinepath::storage::ClinicSettingsValues formValues() const;
    // Whether the form differs from what is stored: the console can ask
    // before it locks or leaves the page.
    [[nodiscard]] bool hasUnsavedChanges() const;
    // What is stored (as last loaded or saved).
    [[nodiscard]] const spinepath::storage::ClinicSettingsValues& savedValues() const noexcept
    {
        return m_saved;
    }

public slots:
    // Reads the settings from the database again and shows them.
    void reload();
    bool save();
    void revert();

signals:
    void settingsSaved(const spinepath::storage::ClinicSettingsValues& values);

protected:
    // QEvent::LanguageChange: every text again in the new language.
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // The texts the code sets (units, combo items, the language row); the
    // .ui's own come from retranslateUi.
    void retranslate();
    // The two columns of groups side by side when both fit, else one under
    // the other: a longer language must not push the right one off the side.
    void fitColumns();
    void alignLeftColumn();
    // The rows of "In use": what is loaded decides which there are.
    void buildVersions();
    // The database rows of "In use": where it is, where that comes from,
    // and this computer's setting when it differs (DatabaseLocationDialog).
    void buildDatabaseRows();
    void updateDatabaseNote();
    void changeDatabaseLocation();
    void connectEdits();
    void showValues(const spinepath::storage::ClinicSettingsValues& values);
    void updateButtons();
    void showMessage(const QString& text, bool error);
    // Marks the numbers outside their range and says so; true when none is.
    bool showRangeProblems();
    [[nodiscard]] QString checkForm(const spinepath::storage::ClinicSettingsValues& values) const;

    QScopedPointer<Ui::SettingsPage> m_ui;
    const AppContext& m_context;
    std::string m_actor;
    spinepath::storage::ClinicSettingsValues m_saved;
    // True when the stored settings could not be read: the form shows the
    // defaults, and saving it replaces what was stored.
    bool m_loadFailed = false;

    QList<QGroupBox*> m_groups;           // the editable parts
    QTimer* m_savedNote = nullptr;        // clears "Settings saved."
    QComboBox* m_languageCombo = nullptr; // the clinic's language
    QLabel* m_languageLabel = nullptr;
    QLabel* m_databaseNote = nullptr; // the setting for the next start, or what overrides it
    QPushButton* m_changeDatabaseButton = nullptr;
};

} // namespace spinepath::ui

Q_DECLARE_METATYPE(spinepath::storage::ClinicSettingsValues)
