#include "staff/UnsentAnswersBanner.h"

#include "staff/StaffTime.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStringList>

namespace spinepath::ui {

UnsentAnswersBanner::UnsentAnswersBanner(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("unsentAnswers"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(12, 8, 12, 8);
    m_text->setObjectName(QStringLiteral("unsentAnswersText"));
    m_text->setWordWrap(true);
    // Kiosk names are the clinic's words: shown as written, never as markup.
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_text, 1);
    hide();
}

UnsentAnswersBanner::~UnsentAnswersBanner() = default;

void UnsentAnswersBanner::showReports(std::vector<spinepath::storage::KioskReport> reports,
                                      const QDateTime& now)
{
    m_reports = std::move(reports);
    m_now = now;
    updateText();
}

void UnsentAnswersBanner::showReportsAt(const QDateTime& now)
{
    m_now = now;
    updateText();
}

void UnsentAnswersBanner::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateText();
    QFrame::changeEvent(event);
}

void UnsentAnswersBanner::updateText()
{
    QStringList lines;
    for (const auto& report : m_reports) {
        const QString kiosk = QString::fromStdString(report.kiosk);
        const qint64 silentFor = report.reportedAt.secsTo(m_now);
        const bool silent = silentFor > kSilentAfterSeconds;
        if (report.unsent > 0)
            lines << tr("The kiosk %1 holds %Ln answer set(s) it could not send to the server yet (the "
                        "oldest from %2).",
                        nullptr, report.unsent)
                         .arg(kiosk, staffDateTime(report.oldestUnsent));
        if (silent && (report.unsent > 0 || silentFor <= kForgottenAfterSeconds))
            lines << tr("The kiosk %1 has not reached the server since %2. Answers given there wait on it "
                        "until it does: check its network.")
                         .arg(kiosk, staffDateTime(report.reportedAt));
    }
    const QString text = lines.join(u'\n');
    setAccessibleName(tr("Kiosks with answers not on the server"));
    // Judged again every poll: a screen reader hears only real changes.
    if (text != m_text->text()) {
        m_text->setText(text);
        m_text->setAccessibleName(text);
    }
    setVisible(!lines.isEmpty());
}

} // namespace spinepath::ui
