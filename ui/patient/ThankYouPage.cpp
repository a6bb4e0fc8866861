#include "ThankYouPage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace spinepath::ui {

ThankYouPage::ThankYouPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("thankYouPage"));
    // Made in reading order: a screen reader walks the children in the order
    // they were created, and the heading must come first.
    auto* title = new QLabel(tr("Thank you. You are all done."), this);
    m_message = new QLabel(this);
    title->setObjectName(QStringLiteral("thankYouTitle"));
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("thankYouMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    auto* done = new QPushButton(tr("Done"), this);
    done->setObjectName(QStringLiteral("thankYouDoneButton"));
    done->setProperty("role", QStringLiteral("start"));

    auto* layout = new QVBoxLayout(this);
    // Wide side margins keep the lines short enough to read at a glance.
    layout->setContentsMargins(160, 48, 160, 48);
    layout->setSpacing(28);
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(done, 0, Qt::AlignHCenter);
    layout->addStretch();

    m_stay.setSingleShot(true);
    connect(&m_stay, &QTimer::timeout, this, &ThankYouPage::finished);
    connect(done, &QPushButton::clicked, this, [this] {
        m_stay.stop();
        emit finished();
    });
}

ThankYouPage::~ThankYouPage() = default;

void ThankYouPage::present(const QString& message, std::chrono::milliseconds stay)
{
    m_message->setText(message);
    m_stay.start(stay);
}

} // namespace spinepath::ui
