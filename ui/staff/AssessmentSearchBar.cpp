#include "staff/AssessmentSearchBar.h"

#include "staff/StaffReport.h"

#include "common/AppContext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace spinepath::ui {

using spinepath::storage::Status;

namespace {

// Long enough to type a few letters, short enough to feel immediate.
constexpr int kTypingPauseMs = 250;

} // namespace

AssessmentSearchBar::AssessmentSearchBar(const AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_useDates(new QCheckBox(this))
    , m_from(new QDateEdit(QDate::currentDate().addMonths(-1), this))
    , m_to(new QDateEdit(QDate::currentDate(), this))
    , m_category(new QComboBox(this))
    , m_flag(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_typing(new QTimer(this))
    , m_context(context)
{
    setObjectName(QStringLiteral("searchBar"));
    m_name->setObjectName(QStringLiteral("searchName"));
    m_name->setClearButtonEnabled(true);
    m_useDates->setObjectName(QStringLiteral("searchDates"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
    }
    m_from->setObjectName(QStringLiteral("searchFrom"));
    m_to->setObjectName(QStringLiteral("searchTo"));

    m_category->setObjectName(QStringLiteral("searchCategory"));
    m_category->addItem(QString(), QString());
    m_flag->setObjectName(QStringLiteral("searchFlag"));
    m_flag->addItem(QString(), QString());
    if (context.content->hasClinical()) {
        for (const auto& category : context.content->screening().ruleset().categories())
            m_category->addItem(QString(), QString::fromStdString(category.id));
        for (const auto& flag : context.content->screening().ruleset().flags())
            m_flag->addItem(QString::fromStdString(flag.title), QString::fromStdString(flag.id));
    }
    // Flag titles are whole sentences: the closed box shows the start, the
    // open list shows them whole, and the bar fits a 1024-pixel screen.
    for (QComboBox* combo : {m_category, m_flag}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
        combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->addItem(QString(), -1);
    for (const Status status : {Status::Completed, Status::Reviewed, Status::InProgress, Status::Abandoned})
        m_status->addItem(QString(), static_cast<int>(status));

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(8);
    layout->addWidget(m_name, 0, 0, 1, 3);
    layout->addWidget(m_category, 1, 0);
    layout->addWidget(m_flag, 1, 1);
    layout->addWidget(m_status, 1, 2);
    // The dates under their check box: on one line with it, a longer
    // language made the list's side too wide for the assessment beside it.
    layout->addWidget(m_useDates, 2, 0, 1, 3, Qt::AlignLeft);
    auto* dates = new QHBoxLayout;
    dates->setSpacing(8);
    dates->addWidget(m_from);
    m_toLabel = new QLabel(this);
    dates->addWidget(m_toLabel);
    dates->addWidget(m_to);
    dates->addStretch(1);
    layout->addLayout(dates, 3, 0, 1, 3);
    for (int column = 0; column < 3; ++column)
        layout->setColumnStretch(column, 1);

    retranslate();

    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingPauseMs);
    connect(m_typing, &QTimer::timeout, this, &AssessmentSearchBar::filterChanged);
    connect(m_name, &QLineEdit::textChanged, this, &AssessmentSearchBar::changedSoon);
    connect(m_name, &QLineEdit::returnPressed, this, [this] {
        m_typing->stop();
        emit filterChanged();
    });
    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        emit filterChanged();
    });
    for (QDateEdit* edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &AssessmentSearchBar::changedSoon);
    for (QComboBox* combo : {m_category, m_flag, m_status})
        connect(combo, &QComboBox::currentIndexChanged, this, &AssessmentSearchBar::filterChanged);
}

void AssessmentSearchBar::retranslate()
{
    m_useDates->setText(tr("Started from"));
    m_name->setPlaceholderText(tr("Patient name"));
    m_name->setAccessibleName(tr("Search by patient name"));
    m_from->setAccessibleName(tr("Started on or after"));
    m_to->setAccessibleName(tr("Started on or before"));
    m_toLabel->setText(tr("to"));
    m_category->setAccessibleName(tr("Category"));
    m_category->setItemText(0, tr("Any category"));
    for (int index = 1; index < m_category->count(); ++index)
        m_category->setItemText(
            index, staffCategoryName(m_context, m_category->itemData(index).toString().toStdString()));
    m_flag->setAccessibleName(tr("Flag"));
    m_flag->setItemText(0, tr("Any flag"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setItemText(0, tr("Any status"));
    for (int index = 1; index < m_status->count(); ++index)
        m_status->setItemText(index, staffStatusName(static_cast<Status>(m_status->itemData(index).toInt())));
}

void AssessmentSearchBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && m_toLabel)
        retranslate();
}

AssessmentSearchBar::~AssessmentSearchBar() = default;

void AssessmentSearchBar::changedSoon()
{
    m_typing->start();
}

spinepath::storage::AssessmentFilter AssessmentSearchBar::filter() const
{
    spinepath::storage::AssessmentFilter filter;
    filter.name = m_name->text().trimmed().toStdString();
    if (m_useDates->isChecked()) {
        // Whole local days, the last one included.
        filter.from = m_from->date().startOfDay();
        filter.to = m_to->date().addDays(1).startOfDay();
    }
    filter.category = m_category->currentData().toString().toStdString();
    filter.flag = m_flag->currentData().toString().toStdString();
    if (const int status = m_status->currentData().toInt(); status >= 0)
        filter.status = static_cast<Status>(status);
    return filter;
}

} // namespace spinepath::ui
