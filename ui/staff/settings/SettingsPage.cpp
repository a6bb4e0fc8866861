#include "staff/settings/SettingsPage.h"

#include "common/AppContext.h"
#include "staff/StaffPageHeading.h"

#include "core/storage/Database.h"
#include "core/util/Version.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPrinterInfo>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <vector>

namespace spinepath::ui {

namespace storage = spinepath::storage;
namespace report = spinepath::report;

namespace {

namespace limits = storage::clinicsetting;

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

QWidget* withUnit(QWidget* field, const QString& unit, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    if (!unit.isEmpty())
        layout->addWidget(makeLabel(unit, "unit", row));
    layout->addStretch(1);
    return row;
}

QSpinBox* makeSpin(const char* name, int min, int max, QWidget* parent)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(min, max);
    spin->setAccelerated(true);
    spin->setFixedWidth(124); // one width for every number, "36500" included
    return spin;
}

QLineEdit* makeEdit(const char* name, int maxLength, const std::string& fromContent, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setMaxLength(maxLength);
    edit->setClearButtonEnabled(true);
    // The clinic.json value shows through while the field is empty, so staff
    // see what an empty field means.
    edit->setPlaceholderText(fromStd(fromContent));
    return edit;
}

void setInvalid(QWidget* widget, bool invalid)
{
    widget->setProperty("invalid", invalid);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

SettingsPage::SettingsPage(const AppContext& context, std::string actor, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("settingsPage"));
    // Its form controls take the staff look of resources/styles/spinepath.qss.
    setProperty("staffForm", true);
    buildForm();
    reload();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::buildForm()
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("settingsContent"));
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    auto* page = new QVBoxLayout(content);
    page->setContentsMargins(32, 14, 32, 12);
    page->setSpacing(4);
    const StaffPageHeading top =
        makeStaffPageHeading(tr("Clinic settings"), QStringLiteral("settingsTitle"), content);
    // Like every label on this page (makeLabel above), the title may wrap.
    top.title->setWordWrap(true);
    // The note sits beside the title: the form needs the height.
    QHBoxLayout* heading = top.row;
    auto* note =
        makeLabel(tr("Changes apply once saved, and each is recorded in the audit log."), "hint", content);
    note->setWordWrap(false);
    heading->addWidget(note, 0, Qt::AlignBottom);
    page->addLayout(heading);
    page->addSpacing(2);

    auto* columns = new QHBoxLayout();
    columns->setSpacing(24);
    page->addLayout(columns, 1);
    auto* left = new QVBoxLayout();
    auto* right = new QVBoxLayout();
    left->setSpacing(2);
    right->setSpacing(2);
    columns->addLayout(left, 11);
    columns->addLayout(right, 9);

    m_form = content;
    std::vector<QFormLayout*> leftForms;
    const auto group = [&](const QString& title, const char* name, QVBoxLayout* column) {
        auto* box = new QGroupBox(title, content);
        box->setObjectName(QString::fromLatin1(name));
        auto* form = new QFormLayout(box);
        form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setHorizontalSpacing(16);
        form->setVerticalSpacing(3);
        column->addWidget(box);
        m_groups.push_back(box);
        if (column == left)
            leftForms.push_back(form);
        return form;
    };
    const auto help = [&](QFormLayout* form, const QString& text) {
        auto* label = makeLabel(text, "fieldHelp", content);
        form->addRow(QString(), label);
        return label;
    };

    // Kiosk
    auto* kiosk = group(tr("Kiosk"), "kioskSettingsBox", left);
    m_idleSeconds = makeSpin("idleSecondsSpin", limits::kIdleSecondsMin, limits::kIdleSecondsMax, content);
    m_idleSeconds->setSingleStep(10);
    kiosk->addRow(tr("Idle time"), withUnit(m_idleSeconds, tr("seconds"), content));
    help(kiosk, tr("No touch for this long, and the kiosk asks \"Are you still there?\""));
    m_countdownSeconds =
        makeSpin("countdownSecondsSpin", limits::kCountdownSecondsMin, limits::kCountdownSecondsMax, content);
    m_countdownSeconds->setSingleStep(5);
    kiosk->addRow(tr("Countdown"), withUnit(m_countdownSeconds, tr("seconds"), content));
    help(kiosk, tr("Then it counts down this long and clears the answers."));
    m_kioskAtStart = new QCheckBox(tr("Start in kiosk mode"), content);
    m_kioskAtStart->setObjectName(QStringLiteral("kioskAtStartCheck"));
    m_kioskAtStart->setToolTip(tr("Without this, kiosk mode needs --kiosk on the command line."));
    kiosk->addRow(QString(), m_kioskAtStart);

    // Printing
    auto* printing = group(tr("Printing"), "printingSettingsBox", left);
    m_autoPrint = new QCheckBox(tr("Print the summary automatically"), content);
    m_autoPrint->setObjectName(QStringLiteral("autoPrintCheck"));
    printing->addRow(QString(), m_autoPrint);
    help(printing, tr("The physician summary, when a kiosk assessment is finished."));
    m_paper = new QComboBox(content);
    m_paper->setObjectName(QStringLiteral("paperCombo"));
    m_paper->addItem(tr("A4 (210 x 297 mm)"), static_cast<int>(spinepath::Paper::A4));
    m_paper->addItem(tr("US Letter (8.5 x 11 in)"), static_cast<int>(spinepath::Paper::Letter));
    printing->addRow(tr("Paper size"), withUnit(m_paper, QString(), content));
    help(printing, tr("For printed summaries, patient copies and PDFs."));
    m_printer = new QComboBox(content);
    m_printer->setObjectName(QStringLiteral("printerCombo"));
    m_printer->setAccessibleName(tr("Printer"));
    m_printer->addItem(tr("The computer's default printer"), QString());
    for (const QString& name : QPrinterInfo::availablePrinterNames())
        m_printer->addItem(name, name);
    printing->addRow(tr("Printer"), m_printer);
    help(printing, tr("The kiosk prints here with no dialog, and so does automatic printing."));

    // Records and the staff console
    auto* records = group(tr("Records and security"), "recordsSettingsBox", left);
    m_retentionDays = makeSpin("retentionDaysSpin", 0, limits::kRetentionDaysMax, content);
    m_retentionDays->setSpecialValueText(tr("Keep"));
    m_retentionDays->setSingleStep(30);
    records->addRow(tr("Retention"), withUnit(m_retentionDays, tr("days"), content));
    m_retentionDays->setToolTip(tr("0 keeps every assessment; otherwise from %1 to %2 days.")
                                    .arg(limits::kRetentionDaysMin)
                                    .arg(limits::kRetentionDaysMax));
    help(records, tr("Older completed assessments are deleted; 0 keeps them all."));
    m_staffLockMinutes =
        makeSpin("staffLockMinutesSpin", limits::kStaffLockMinutesMin, limits::kStaffLockMinutesMax, content);
    records->addRow(tr("Console lock"), withUnit(m_staffLockMinutes, tr("minutes"), content));
    help(records, tr("The staff console locks itself after this long without use."));
    left->addStretch(1);

    // Clinic details
    auto* clinic = group(tr("Clinic details"), "clinicSettingsBox", right);
    m_clinicName =
        makeEdit("clinicNameEdit", limits::kClinicNameMaxLength, m_context.content->clinic().name, content);
    clinic->addRow(tr("Name"), m_clinicName);
    m_clinicAddress = makeEdit("clinicAddressEdit", limits::kClinicAddressMaxLength,
                               m_context.content->clinic().address, content);
    clinic->addRow(tr("Address"), m_clinicAddress);
    m_clinicPhone = makeEdit("clinicPhoneEdit", limits::kClinicPhoneMaxLength,
                             m_context.content->clinic().phone, content);
    clinic->addRow(tr("Phone"), m_clinicPhone);
    help(clinic, tr("Shown on the welcome screen and on reports. An empty field uses the content "
                    "files' details, shown in grey."));

    // One label width for the left column, so its fields line up across groups.
    int labelWidth = 0;
    for (QFormLayout* form : leftForms)
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                labelWidth = std::max(labelWidth, item->widget()->sizeHint().width());
    for (QFormLayout* form : leftForms)
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                item->widget()->setMinimumWidth(labelWidth);

    buildVersions();
    right->addWidget(m_versions);
    right->addStretch(1);

    // The action bar stays in view below the scrolling form.
    auto* actions = new QWidget(this);
    actions->setObjectName(QStringLiteral("settingsActions"));
    actions->setAttribute(Qt::WA_StyledBackground);
    auto* bar = new QHBoxLayout(actions);
    bar->setContentsMargins(32, 8, 32, 8);
    m_message = new QLabel(actions);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_message, 1);
    m_revert = new QPushButton(tr("Revert"), actions);
    m_revert->setObjectName(QStringLiteral("revertSettingsButton"));
    m_revert->setToolTip(tr("Show the saved settings again, dropping unsaved changes"));
    bar->addWidget(m_revert);
    m_save = new QPushButton(tr("Save settings"), actions);
    m_save->setObjectName(QStringLiteral("saveSettingsButton"));
    m_save->setProperty("role", QStringLiteral("primary"));
    bar->addWidget(m_save);
    outer->addWidget(actions);

    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    // Ctrl+S, as in any editor; only while the button could be clicked.
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_save->isEnabled())
            save();
    });
    connect(m_revert, &QPushButton::clicked, this, &SettingsPage::revert);
    const auto edited = [this] {
        // A "Saved" note would be stale once the form changes again.
        if (m_message->property("state").toString() == QStringLiteral("ok"))
            showMessage(QString(), false);
        setInvalid(m_retentionDays, false);
        updateButtons();
    };
    for (QSpinBox* spin : {m_idleSeconds, m_countdownSeconds, m_retentionDays, m_staffLockMinutes})
        connect(spin, &QSpinBox::valueChanged, this, edited);
    for (QCheckBox* check : {m_autoPrint, m_kioskAtStart})
        connect(check, &QCheckBox::toggled, this, edited);
    connect(m_paper, &QComboBox::currentIndexChanged, this, edited);
    connect(m_printer, &QComboBox::currentIndexChanged, this, edited);
    for (QLineEdit* edit : {m_clinicName, m_clinicAddress, m_clinicPhone})
        connect(edit, &QLineEdit::textChanged, this, edited);
}

void SettingsPage::buildVersions()
{
    m_versions = new QGroupBox(tr("In use"), m_form);
    m_versions->setObjectName(QStringLiteral("versionsBox"));
    auto* form = new QFormLayout(m_versions);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(4);
    const auto row = [&](const QString& label, const QString& value, const char* name) {
        auto* shown = new QLabel(value, m_versions);
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
    auto* list = makeLabel(unbroken.join(QStringLiteral(" \u00b7 ")), "fieldHelp", m_versions);
    list->setObjectName(QStringLiteral("articleVersionsLabel"));
    list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    list->setVisible(false);
    auto* showList = new QPushButton(tr("Show each article"), m_versions);
    showList->setObjectName(QStringLiteral("articleListButton"));
    showList->setProperty("role", QStringLiteral("link"));
    showList->setCheckable(true);
    connect(showList, &QPushButton::toggled, this, [list, showList](bool shown) {
        list->setVisible(shown);
        showList->setText(shown ? tr("Hide the list") : tr("Show each article"));
    });
    form->addRow(QString(), showList);
    form->addRow(QString(), list);
    if (m_context.database) {
        row(tr("Database"), QDir::toNativeSeparators(m_context.database->path()), "databasePathLabel");
        row(tr("Schema"), tr("version %1").arg(m_context.database->schemaVersion()), "schemaVersionLabel");
    } else {
        row(tr("Database"), tr("not open"), "databasePathLabel");
    }
    row(tr("Content folder"), QDir::toNativeSeparators(fromStd(m_context.content->directory())),
        "contentFolderLabel");
}

storage::ClinicSettingsValues SettingsPage::formValues() const
{
    storage::ClinicSettingsValues values;
    values.idleSeconds = m_idleSeconds->value();
    values.countdownSeconds = m_countdownSeconds->value();
    values.autoPrint = m_autoPrint->isChecked();
    values.paper = static_cast<spinepath::Paper>(m_paper->currentData().toInt());
    values.printer = m_printer->currentData().toString().toStdString();
    values.retentionDays = m_retentionDays->value();
    values.staffLockMinutes = m_staffLockMinutes->value();
    values.kioskAtStart = m_kioskAtStart->isChecked();
    values.clinicName = m_clinicName->text().trimmed().toStdString();
    values.clinicAddress = m_clinicAddress->text().trimmed().toStdString();
    values.clinicPhone = m_clinicPhone->text().trimmed().toStdString();
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
    m_idleSeconds->setValue(values.idleSeconds);
    m_countdownSeconds->setValue(values.countdownSeconds);
    m_autoPrint->setChecked(values.autoPrint);
    m_paper->setCurrentIndex(m_paper->findData(static_cast<int>(values.paper)));
    const QString printer = fromStd(values.printer);
    if (m_printer->findData(printer) < 0) // stored, but not installed on this computer now
        m_printer->addItem(tr("%1 (not installed)").arg(printer), printer);
    m_printer->setCurrentIndex(m_printer->findData(printer));
    m_retentionDays->setValue(values.retentionDays);
    m_staffLockMinutes->setValue(values.staffLockMinutes);
    m_kioskAtStart->setChecked(values.kioskAtStart);
    m_clinicName->setText(fromStd(values.clinicName));
    m_clinicAddress->setText(fromStd(values.clinicAddress));
    m_clinicPhone->setText(fromStd(values.clinicPhone));
    setInvalid(m_retentionDays, false);
}

QString SettingsPage::checkForm(const storage::ClinicSettingsValues& values) const
{
    // The spin boxes keep every other number in range; retention has a gap.
    if (values.retentionDays != 0 && values.retentionDays < limits::kRetentionDaysMin)
        return tr("Retention must be 0 (keep everything) or from %1 to %2 days. A shorter time would delete "
                  "assessments that may still be needed.")
            .arg(limits::kRetentionDaysMin)
            .arg(limits::kRetentionDaysMax);
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
    if (const QString problem = checkForm(values); !problem.isEmpty()) {
        if (values.retentionDays != 0 && values.retentionDays < limits::kRetentionDaysMin) {
            setInvalid(m_retentionDays, true);
            m_retentionDays->setFocus();
        }
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
    m_save->setEnabled(open && (changed || m_loadFailed));
    m_revert->setEnabled(open && changed);
}

void SettingsPage::showMessage(const QString& text, bool error)
{
    showPageMessage(*m_message, text, error);
}

} // namespace spinepath::ui
