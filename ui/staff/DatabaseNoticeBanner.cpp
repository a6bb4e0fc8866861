#include "staff/DatabaseNoticeBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStringList>

namespace spinepath::ui {

DatabaseNoticeBanner::DatabaseNoticeBanner(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("databaseNotices"));
    setAccessibleName(tr("Database notices"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(12, 8, 12, 8);
    m_text->setObjectName(QStringLiteral("databaseNoticeText"));
    m_text->setWordWrap(true);
    // File names are shown as they are, never read as markup.
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_text, 1);
    auto* noted = new QPushButton(tr("Noted"), this);
    noted->setObjectName(QStringLiteral("databaseNoticesNotedButton"));
    noted->setAccessibleName(tr("Hide the database notices"));
    row->addWidget(noted, 0, Qt::AlignTop);
    connect(noted, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

DatabaseNoticeBanner::~DatabaseNoticeBanner() = default;

void DatabaseNoticeBanner::showNotices(const std::vector<spinepath::storage::Notice>& notices)
{
    QStringList lines;
    for (const spinepath::storage::Notice& notice : notices)
        if (notice.kind != spinepath::storage::Notice::Kind::Created) // a first start: nothing to explain
            lines << QString::fromStdString(notice.message);
    m_text->setText(tr("When the database was opened:") + u'\n' + lines.join(u'\n'));
    m_text->setAccessibleName(m_text->text());
    setVisible(!lines.isEmpty());
}

} // namespace spinepath::ui
