#include "staff/settings/SettingsPage.h"
#include "ui_SettingsPage.h"

#include "common/AppContext.h"
#include "common/LabelledControls.h"
#include "staff/PageMessage.h"
#include "staff/settings/DatabaseLocationDialog.h"

#include "core/storage/Database.h"
#include "core/storage/DatabaseLocation.h"
#include "core/util/Languages.h"
#include "core/util/Version.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPrinterInfo>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QShortcut>
#include <QShowEvent>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

namespace spinepath::ui {

namespace storage = spinepath::storage;
namespace report = spinepath::report;

namespace {

namespace limits = storage::clinicsetting;

// What a spin box lets staff type: beyond every allowed range, so a number
// out of range stays as typed and is named, never silently changed.
constexpr int kSpinTypingMax = 99999;
// How long "Settings saved." stays.
constexpr int kSavedNoteMs = 4000;

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

QLabel* makeLabel(const QString& text, const char* role, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setProperty("role", QString::fromLatin1(role));
    label->setWordWrap(true);
    return label;
}

// The clinic.json value shows through while the field is empty, so staff see
// what an empty field means.
void setUpClinicEdit(QLineEdit* edit, int maxLength, const std::string& fromContent)
{
    edit->setMaxLength(maxLength);
    edit->setPlaceholderText(fromStd(fromContent));
}

// A wrapped note no taller than its lines at the width it is given: a
// wrapped label asks for the height of a narrower guess, and a form in a
// scrolled page gives it that, leaving blank lines under the text.
class FittedNote final : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QLabel::resizeEvent(event);
        setMaximumHeight(heightForWidth(width()));
    }
};

void setInvalid(QWidget* widget, bool invalid)
{
    widget->setProperty("invalid", invalid);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

SettingsPage::SettingsPage(const AppContext& context, std::string actor, QWidget* parent)
    : QWidget(parent)
    , m_ui(new Ui::SettingsPage)
    , m_context(context)
    , m_actor(std::move(actor))
{
    m_ui->setupUi(this);
    nameControlsByTheirLabels(*this);
    m_ui->settingsActions->setAttribute(Qt::WA_StyledBackground);
    m_groups = {m_ui->kioskSettingsBox, m_ui->printingSettingsBox, m_ui->recordsSettingsBox,
                m_ui->clinicSettingsBox};
    // The form gives the fields their look and steps; the limits are the
    // core's. A spin box clamps whatever is typed into its range without a
    // word, so each takes any number and the form says what is allowed,
    // next to the field and in a message when a number is outside it
    // (retranslate()).
    for (QSpinBox* spin : {m_ui->idleSecondsSpin, m_ui->countdownSecondsSpin, m_ui->retentionDaysSpin,
                           m_ui->staffLockMinutesSpin})
        spin->setRange(0, kSpinTypingMax);
    // "Settings saved." is news for a moment, not a state of the form.
    m_savedNote = new QTimer(this);
    m_savedNote->setObjectName(QStringLiteral("savedMessageTimer"));
    m_savedNote->setSingleShot(true);
    m_savedNote->setInterval(kSavedNoteMs);
    connect(m_savedNote, &QTimer::timeout, this, [this] {
        if (m_ui->settingsMessage->property("state").toString() == QStringLiteral("ok"))
            showMessage(QString(), false);
    });
    m_ui->paperCombo->addItem(QString(), static_cast<int>(spinepath::Paper::A4));
    m_ui->paperCombo->addItem(QString(), static_cast<int>(spinepath::Paper::Letter));
    m_ui->printerCombo->addItem(QString(), QString());
    for (const QString& name : QPrinterInfo::availablePrinterNames())
        m_ui->printerCombo->addItem(name, name);
    const auto& clinic = m_context.content->clinic();
    setUpClinicEdit(m_ui->clinicNameEdit, limits::kClinicNameMaxLength, clinic.name);
    setUpClinicEdit(m_ui->clinicAddressEdit, limits::kClinicAddressMaxLength, clinic.address);
    setUpClinicEdit(m_ui->clinicPhoneEdit, limits::kClinicPhoneMaxLength, clinic.phone);
    // The clinic's language: each named in its own language, as on the
    // welcome page's buttons.
    m_languageCombo = new QComboBox(m_ui->clinicSettingsBox);
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    // As wide as the fields above it, whatever a translation makes of the first item.
    m_languageCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_languageCombo->setMinimumContentsLength(12);
    m_languageCombo->addItem(QString(), QString());
    for (const QString& code : spinepath::languages::available())
        m_languageCombo->addItem(spinepath::languages::nativeName(code), code);
    m_languageLabel = new QLabel(m_ui->clinicSettingsBox);
    m_languageLabel->setObjectName(QStringLiteral("languageLabel"));
    m_languageLabel->setBuddy(m_languageCombo);
    m_ui->clinicForm->addRow(m_languageLabel, m_languageCombo);
    retranslate();
    alignLeftColumn();
    buildVersions();
    connectEdits();
    reload();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::retranslate()
{
    // It takes the focus so the keys can scroll it; a screen reader says what it holds.
    m_ui->settingsScroll->setAccessibleName(tr("Clinic settings"));
    const QLocale locale;
    const auto range = [&locale](int min, int max) {
        return tr("%1 to %2").arg(locale.toString(min), locale.toString(max));
    };
    m_ui->idleSecondsUnit->setText(
        tr("seconds (%1)").arg(range(limits::kIdleSecondsMin, limits::kIdleSecondsMax)));
    m_ui->countdownSecondsUnit->setText(
        tr("seconds (%1)").arg(range(limits::kCountdownSecondsMin, limits::kCountdownSecondsMax)));
    m_ui->staffLockMinutesUnit->setText(
        tr("minutes (%1)").arg(range(limits::kStaffLockMinutesMin, limits::kStaffLockMinutesMax)));
    m_ui->retentionDaysUnit->setText(
        tr("days (%1, or 0 to keep all)").arg(range(limits::kRetentionDaysMin, limits::kRetentionDaysMax)));
    m_ui->retentionDaysSpin->setToolTip(
        tr("0 keeps every assessment; otherwise from %1 days.")
            .arg(range(limits::kRetentionDaysMin, limits::kRetentionDaysMax)));
    m_ui->paperCombo->setItemText(0, tr("A4 (210 x 297 mm)"));
    m_ui->paperCombo->setItemText(1, tr("US Letter (8.5 x 11 in)"));
    m_ui->printerCombo->setItemText(0, tr("The computer's default printer"));
    for (int index = 1; index < m_ui->printerCombo->count(); ++index)
        if (!QPrinterInfo::availablePrinterNames().contains(m_ui->printerCombo->itemData(index).toString()))
            m_ui->printerCombo->setItemText(
                index, tr("%1 (not installed)").arg(m_ui->printerCombo->itemData(index).toString()));
    m_languageCombo->setItemText(0, tr("The computer's language"));
    m_languageLabel->setText(tr("Language"));
    m_languageCombo->setToolTip(
        tr("The welcome page starts in this language; at the kiosk it returns to it after each patient."));
}

void SettingsPage::fitColumns()
{
    QBoxLayout* const columns = m_ui->columns;
    int sideBySide = columns->spacing();
    for (int index = 0; index < columns->count(); ++index)
        sideBySide += columns->itemAt(index)->minimumSize().width();
    const QMargins margins = m_ui->pageLayout->contentsMargins();
    const int room = m_ui->settingsScroll->viewport()->width() - margins.left() - margins.right();
    const auto direction = sideBySide <= room ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (columns->direction() != direction)
        columns->setDirection(direction);
}

void SettingsPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

void SettingsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitColumns();
}

void SettingsPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange || !m_languageLabel)
        return;
    m_ui->retranslateUi(this);
    retranslate();
    // "In use" is made of rows of texts: made again.
    while (m_ui->versionsForm->rowCount() > 0)
        m_ui->versionsForm->removeRow(0);
    buildVersions();
    // The controls' accessible names are their labels' texts.
    nameControlsByTheirLabels(*this);
    alignLeftColumn();
    fitColumns();
}

void SettingsPage::alignLeftColumn()
{
    // One label width for the left column, so its fields line up across groups.
    const std::array leftForms{m_ui->kioskForm, m_ui->printingForm, m_ui->recordsForm};
    int labelWidth = 0;
    for (QFormLayout* form : leftForms)
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                labelWidth = std::max(labelWidth, item->widget()->sizeHint().width());
    for (QFormLayout* form : leftForms)
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                item->widget()->setMinimumWidth(labelWidth);
}

void SettingsPage::connectEdits()
{
    connect(m_ui->saveSettingsButton, &QPushButton::clicked, this, &SettingsPage::save);
    // Ctrl+S, as in any editor; only while the button could be clicked.
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_ui->saveSettingsButton->isEnabled())
            save();
    });
    connect(m_ui->revertSettingsButton, &QPushButton::clicked, this, &SettingsPage::revert);
    const auto edited = [this] {
        // A "Saved" note would be stale once the form changes again.
        if (m_ui->settingsMessage->property("state").toString() == QStringLiteral("ok"))
            showMessage(QString(), false);
        showRangeProblems();
        updateButtons();
    };
    for (QSpinBox* spin : {m_ui->idleSecondsSpin, m_ui->countdownSecondsSpin, m_ui->retentionDaysSpin,
                           m_ui->staffLockMinutesSpin})
        connect(spin, &QSpinBox::valueChanged, this, edited);
    for (QCheckBox* check : {m_ui->autoPrintCheck, m_ui->kioskAtStartCheck})
        connect(check, &QCheckBox::toggled, this, edited);
    connect(m_ui->paperCombo, &QComboBox::currentIndexChanged, this, edited);
    connect(m_ui->printerCombo, &QComboBox::currentIndexChanged, this, edited);
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this, edited);
    for (QLineEdit* edit : {m_ui->clinicNameEdit, m_ui->clinicAddressEdit, m_ui->clinicPhoneEdit})
        connect(edit, &QLineEdit::textChanged, this, edited);
}

void SettingsPage::buildVersions()
{
    QGroupBox* const box = m_ui->versionsBox;
    QFormLayout* const form = m_ui->versionsForm;
    const auto row = [&](const QString& label, const QString& value, const char* name) {
        auto* shown = new QLabel(value, box);
        shown->setTextFormat(Qt::PlainText);
        shown->setObjectName(QString::fromLatin1(name));
        shown->setProperty("role", QStringLiteral("value"));
        shown->setWordWrap(true);
        // Selectable, so staff can copy versions into a support request.
        shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label, shown);
        return shown;
    };
    row(tr("SpinePath"),
        tr("version %1")
            .arg(QString::fromUtf8(spinepath::version().data(),
                                   static_cast<qsizetype>(spinepath::version().size()))),
        "appVersionLabel");
    if (m_context.content->hasClinical()) {
        const auto& questionnaire = m_context.content->screening().questionnaire();
        const auto& ruleset = m_context.content->screening().ruleset();
        row(tr("Questionnaire"),
            tr("%1 %2").arg(fromStd(questionnaire.id()), fromStd(questionnaire.version())),
            "questionnaireVersionLabel");
        row(tr("Rules"), tr("%1 %2").arg(fromStd(ruleset.id()), fromStd(ruleset.version())),
            "rulesetVersionLabel");
    }
    const auto& articles = m_context.content->articles().articles();
    QStringList versions;
    for (const auto& [id, article] : articles)
        versions << tr("%1 %2").arg(fromStd(id), fromStd(article.version));
    // How many articles are at each version: one line however many there
    // are; the list of each, on request.
    std::map<std::string, int> perVersion;
    for (const auto& [id, article] : articles)
        ++perVersion[article.version];
    QStringList groups;
    for (const auto& [version, number] : perVersion)
        groups << (perVersion.size() == 1 ? tr("version %1").arg(fromStd(version))
                                          : tr("%1 at %2").arg(number).arg(fromStd(version)));
    auto* count = row(tr("Articles"),
                      tr("%1, %2").arg(tr("%n articles", nullptr, static_cast<int>(articles.size())),
                                       groups.join(QStringLiteral(", "))),
                      "articleCountLabel");
    count->setToolTip(versions.join(u'\n'));
    // Ids wrap between entries, never inside one ("disc-" / "pain").
    QStringList unbroken = versions;
    for (QString& entry : unbroken)
        entry.replace(u'-', QChar(0x2011)).replace(u' ', QChar(0x00a0));
    auto* list = makeLabel(unbroken.join(QStringLiteral(" \u00b7 ")), "fieldHelp", box);
    list->setObjectName(QStringLiteral("articleVersionsLabel"));
    list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    list->setVisible(false);
    auto* showList = new QPushButton(tr("Show each article"), box);
    showList->setObjectName(QStringLiteral("articleListButton"));
    showList->setProperty("role", QStringLiteral("link"));
    showList->setCheckable(true);
    connect(showList, &QPushButton::toggled, this, [list, showList](bool shown) {
        list->setVisible(shown);
        showList->setText(shown ? tr("Hide the list") : tr("Show each article"));
    });
    form->addRow(QString(), showList);
    // Made after the form: in the tab order it still follows the clinic's details.
    QWidget::setTabOrder(m_ui->clinicPhoneEdit, m_languageCombo);
    QWidget::setTabOrder(m_languageCombo, showList);
    form->addRow(QString(), list);
    buildDatabaseRows();
    // Made after the list: in the tab order it follows "Show each article".
    QWidget::setTabOrder(showList, m_changeDatabaseButton);
    row(tr("Content folder"), QDir::toNativeSeparators(fromStd(m_context.content->directory())),
        "contentFolderLabel");
}

void SettingsPage::buildDatabaseRows()
{
    QGroupBox* const box = m_ui->versionsBox;
    QFormLayout* const form = m_ui->versionsForm;
    const auto value = [box](const QString& text, const char* name) {
        auto* shown = new QLabel(text, box);
        shown->setTextFormat(Qt::PlainText);
        shown->setObjectName(QString::fromLatin1(name));
        shown->setProperty("role", QStringLiteral("value"));
        shown->setWordWrap(true);
        shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return shown;
    };
    const storage::DatabaseLocation& where = m_context.databaseLocation;
    if (m_context.database)
        form->addRow(tr("Database"),
                     value(QDir::toNativeSeparators(m_context.database->path()), "databasePathLabel"));
    else if (!where.location.isEmpty())
        form->addRow(tr("Database"), value(tr("%1 (not open)").arg(QDir::toNativeSeparators(where.location)),
                                           "databasePathLabel"));
    else
        form->addRow(tr("Database"), value(tr("not open"), "databasePathLabel"));
    QString source;
    switch (where.source) {
    case storage::LocationSource::CommandLine:
        source = tr("the command line (--db)");
        break;
    case storage::LocationSource::Environment:
        source = tr("the environment (SPINEPATH_DB)");
        break;
    case storage::LocationSource::ComputerSetting:
        source = tr("this computer's setting");
        break;
    case storage::LocationSource::Default:
        source = tr("the default file");
        break;
    }
    form->addRow(tr("Chosen by"), value(source, "databaseSourceLabel"));
    m_databaseNote = new FittedNote(box);
    m_databaseNote->setTextFormat(Qt::PlainText);
    m_databaseNote->setProperty("role", QStringLiteral("fieldHelp"));
    m_databaseNote->setWordWrap(true);
    m_databaseNote->setObjectName(QStringLiteral("databaseLocationNote"));
    m_databaseNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_databaseNote);
    m_changeDatabaseButton = new QPushButton(tr("Change…"), box);
    m_changeDatabaseButton->setObjectName(QStringLiteral("changeDatabaseButton"));
    m_changeDatabaseButton->setAccessibleName(tr("Change the database"));
    // As wide as its text, not the column: it is one action beside the values.
    m_changeDatabaseButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_changeDatabaseButton->setToolTip(
        tr("This computer's database: a file, or the clinic's PostgreSQL server. Used from the next start."));
    connect(m_changeDatabaseButton, &QPushButton::clicked, this, &SettingsPage::changeDatabaseLocation);
    form->addRow(QString(), m_changeDatabaseButton);
    if (m_context.database)
        form->addRow(tr("Schema"),
                     value(tr("version %1").arg(m_context.database->schemaVersion()), "schemaVersionLabel"));
    updateDatabaseNote();
}

void SettingsPage::updateDatabaseNote()
{
    const storage::DatabaseLocation& started = m_context.databaseLocation;
    const QString saved = storage::savedDatabaseLocation();
    QString note;
    switch (started.source) {
    case storage::LocationSource::CommandLine:
        note = saved.isEmpty() || saved == started.location
                   ? tr("SpinePath was started with --db, which comes before this computer's setting.")
                   : tr("This computer's setting, %1, is not used: SpinePath was started with --db, which "
                        "comes first.")
                         .arg(QDir::toNativeSeparators(saved));
        break;
    case storage::LocationSource::Environment:
        note = saved.isEmpty() || saved == started.location
                   ? tr("SPINEPATH_DB names the database, and comes before this computer's setting.")
                   : tr("This computer's setting, %1, is not used: SPINEPATH_DB names the database, and "
                        "comes first.")
                         .arg(QDir::toNativeSeparators(saved));
        break;
    case storage::LocationSource::ComputerSetting:
    case storage::LocationSource::Default:
        if (const QString next = storage::resolveDatabaseLocation().location;
            !started.location.isEmpty() && next != started.location)
            note = tr("From the next start: %1. Restart SpinePath to use it.")
                       .arg(QDir::toNativeSeparators(next));
        break;
    }
    m_databaseNote->setText(note);
    m_databaseNote->setVisible(!note.isEmpty());
}

void SettingsPage::changeDatabaseLocation()
{
    auto* dialog = new DatabaseLocationDialog(m_context, m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DatabaseLocationDialog::locationSaved, this, &SettingsPage::updateDatabaseNote);
    dialog->open();
}

storage::ClinicSettingsValues SettingsPage::formValues() const
{
    storage::ClinicSettingsValues values;
    values.idleSeconds = m_ui->idleSecondsSpin->value();
    values.countdownSeconds = m_ui->countdownSecondsSpin->value();
    values.autoPrint = m_ui->autoPrintCheck->isChecked();
    values.paper = static_cast<spinepath::Paper>(m_ui->paperCombo->currentData().toInt());
    values.printer = m_ui->printerCombo->currentData().toString().toStdString();
    values.retentionDays = m_ui->retentionDaysSpin->value();
    values.staffLockMinutes = m_ui->staffLockMinutesSpin->value();
    values.kioskAtStart = m_ui->kioskAtStartCheck->isChecked();
    values.clinicName = m_ui->clinicNameEdit->text().trimmed().toStdString();
    values.clinicAddress = m_ui->clinicAddressEdit->text().trimmed().toStdString();
    values.clinicPhone = m_ui->clinicPhoneEdit->text().trimmed().toStdString();
    values.language = m_languageCombo->currentData().toString().toStdString();
    return values;
}

void SettingsPage::reload()
{
    m_loadFailed = false;
    if (!m_context.database) {
        m_saved = {};
        showValues(m_saved);
        for (QGroupBox* box : m_groups)
            box->setEnabled(false);
        showMessage(tr("The settings cannot be changed because the database is not open. %1")
                        .arg(fromStd(m_context.databaseProblem)),
                    true);
        updateButtons();
        return;
    }
    auto loaded = storage::loadClinicSettings(*m_context.database);
    if (loaded) {
        m_saved = *loaded;
        showMessage(QString(), false);
    } else {
        // Staff can still put things right: the form shows the defaults, and
        // saving replaces the stored value that could not be read.
        m_saved = {};
        m_loadFailed = true;
        showMessage(
            tr("A stored setting could not be read: %1 The form shows the default; save to replace it.")
                .arg(fromStd(loaded.error().message)),
            true);
    }
    showValues(m_saved);
    updateButtons();
}

void SettingsPage::showValues(const storage::ClinicSettingsValues& values)
{
    m_ui->idleSecondsSpin->setValue(values.idleSeconds);
    m_ui->countdownSecondsSpin->setValue(values.countdownSeconds);
    m_ui->autoPrintCheck->setChecked(values.autoPrint);
    m_ui->paperCombo->setCurrentIndex(m_ui->paperCombo->findData(static_cast<int>(values.paper)));
    const QString printer = fromStd(values.printer);
    if (m_ui->printerCombo->findData(printer) < 0) // stored, but not installed on this computer now
        m_ui->printerCombo->addItem(tr("%1 (not installed)").arg(printer), printer);
    m_ui->printerCombo->setCurrentIndex(m_ui->printerCombo->findData(printer));
    m_ui->retentionDaysSpin->setValue(values.retentionDays);
    m_ui->staffLockMinutesSpin->setValue(values.staffLockMinutes);
    m_ui->kioskAtStartCheck->setChecked(values.kioskAtStart);
    m_ui->clinicNameEdit->setText(fromStd(values.clinicName));
    m_ui->clinicAddressEdit->setText(fromStd(values.clinicAddress));
    m_ui->clinicPhoneEdit->setText(fromStd(values.clinicPhone));
    m_languageCombo->setCurrentIndex(std::max(0, m_languageCombo->findData(fromStd(values.language))));
    for (QSpinBox* spin : {m_ui->idleSecondsSpin, m_ui->countdownSecondsSpin, m_ui->retentionDaysSpin,
                           m_ui->staffLockMinutesSpin})
        setInvalid(spin, false);
}

bool SettingsPage::showRangeProblems()
{
    // Each number against its range as soon as it is typed: the field is
    // marked and the message names the range.
    const storage::ClinicSettingsValues values = formValues();
    QStringList problems;
    const auto check = [&problems](QSpinBox* spin, bool outside, const QString& problem) {
        setInvalid(spin, outside);
        if (outside)
            problems << problem;
    };
    const QLocale locale;
    const auto outside = [](int value, int min, int max) { return value < min || value > max; };
    check(m_ui->idleSecondsSpin,
          outside(values.idleSeconds, limits::kIdleSecondsMin, limits::kIdleSecondsMax),
          tr("Idle time must be from %1 to %2 seconds.")
              .arg(locale.toString(limits::kIdleSecondsMin), locale.toString(limits::kIdleSecondsMax)));
    check(m_ui->countdownSecondsSpin,
          outside(values.countdownSeconds, limits::kCountdownSecondsMin, limits::kCountdownSecondsMax),
          tr("The countdown must be from %1 to %2 seconds.")
              .arg(locale.toString(limits::kCountdownSecondsMin),
                   locale.toString(limits::kCountdownSecondsMax)));
    check(m_ui->staffLockMinutesSpin,
          outside(values.staffLockMinutes, limits::kStaffLockMinutesMin, limits::kStaffLockMinutesMax),
          tr("The console lock must be from %1 to %2 minutes.")
              .arg(locale.toString(limits::kStaffLockMinutesMin),
                   locale.toString(limits::kStaffLockMinutesMax)));
    check(m_ui->retentionDaysSpin,
          values.retentionDays != 0 &&
              outside(values.retentionDays, limits::kRetentionDaysMin, limits::kRetentionDaysMax),
          tr("Retention must be 0 (keep everything) or from %1 to %2 days. A shorter time would delete "
             "assessments that may still be needed.")
              .arg(locale.toString(limits::kRetentionDaysMin), locale.toString(limits::kRetentionDaysMax)));
    if (!problems.isEmpty())
        showMessage(problems.join(u' '), true);
    else if (m_ui->settingsMessage->property("state").toString() == QStringLiteral("error") &&
             !m_loadFailed && m_context.database)
        showMessage(QString(), false); // the number was put right
    return problems.isEmpty();
}

QString SettingsPage::checkForm(const storage::ClinicSettingsValues& values) const
{
    // What the form cannot catch (a pasted control character, say), in the
    // core's words.
    QStringList problems;
    for (const std::string& problem : storage::validateClinicSettings(values))
        problems << fromStd(problem);
    return problems.join(u' ');
}

bool SettingsPage::save()
{
    if (!m_context.database)
        return false;
    const storage::ClinicSettingsValues values = formValues();
    if (!showRangeProblems()) {
        // The first field out of range takes the focus, the message stays.
        for (QSpinBox* spin : {m_ui->idleSecondsSpin, m_ui->countdownSecondsSpin, m_ui->retentionDaysSpin,
                               m_ui->staffLockMinutesSpin})
            if (spin->property("invalid").toBool()) {
                spin->setFocus();
                break;
            }
        showMessage(tr("Not saved. %1").arg(m_ui->settingsMessage->text()), true);
        return false;
    }
    if (const QString problem = checkForm(values); !problem.isEmpty()) {
        showMessage(tr("Not saved. %1").arg(problem), true);
        return false;
    }
    if (auto saved = storage::saveClinicSettings(*m_context.database, m_actor, values); !saved) {
        // The form keeps what was typed: staff can fix the cause and save again.
        showMessage(tr("The settings were not saved: %1").arg(fromStd(saved.error().message)), true);
        return false;
    }
    m_saved = values;
    m_loadFailed = false;
    showValues(m_saved); // the trimmed texts
    showMessage(tr("Settings saved."), false);
    m_savedNote->start();
    updateButtons();
    emit settingsSaved(m_saved);
    return true;
}

void SettingsPage::revert()
{
    showValues(m_saved);
    showMessage(QString(), false);
    updateButtons();
}

bool SettingsPage::hasUnsavedChanges() const
{
    return m_context.database != nullptr && formValues() != m_saved;
}

void SettingsPage::updateButtons()
{
    const bool open = m_context.database != nullptr;
    const bool changed = formValues() != m_saved;
    m_ui->saveSettingsButton->setEnabled(open && (changed || m_loadFailed));
    m_ui->revertSettingsButton->setEnabled(open && changed);
}

void SettingsPage::showMessage(const QString& text, bool error)
{
    showPageMessage(*m_ui->settingsMessage, text, error);
}

} // namespace spinepath::ui
