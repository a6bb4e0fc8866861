#include "staff/EmergencyAlert.h"

#include "staff/AlertSound.h"
#include "staff/AlertSoundLoader.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QUrl>

namespace spinepath::ui {

namespace {

// Three rings: noticeable across a reception desk, not an alarm that runs on.
constexpr int kChimeLoops = 3;

} // namespace

EmergencyAlert::EmergencyAlert(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_acknowledge(new QPushButton(tr("Acknowledge"), this))
{
    setObjectName(QStringLiteral("emergencyBanner"));
    setAccessibleName(tr("Emergency alert"));
    // Red (the style sheet, by this name), an icon and words: never colour alone.
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(40, 40));
    icon->setAccessibleName(tr("Warning"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setObjectName(QStringLiteral("emergencyText"));
    m_text->setWordWrap(true);
    m_acknowledge->setObjectName(QStringLiteral("emergencyAcknowledge"));
    m_acknowledge->setAccessibleName(tr("Acknowledge the emergency alert"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(14);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_acknowledge);
    connect(m_acknowledge, &QPushButton::clicked, this, &EmergencyAlert::acknowledge);

    hide();
}

EmergencyAlert::~EmergencyAlert() = default;

void EmergencyAlert::showAlert(const QTime& startedAt)
{
    ++m_alerts;
    ++m_pending;
    const QString time = startedAt.isValid() ? startedAt.toString(QStringLiteral("HH:mm")) : tr("today");
    m_text->setText(
        m_pending == 1
            ? tr("Urgent: an assessment started at %1 needs attention now. Open it from the top of "
                 "Today's queue.")
                  .arg(time)
            : tr("Urgent: %1 assessments need attention now (the latest started at %2). Open them "
                 "from the top of Today's queue.")
                  .arg(m_pending)
                  .arg(time));
    m_text->setAccessibleName(m_text->text());
    show();
    raise();
    playChime();
    ++m_sounds;
}

void EmergencyAlert::acknowledge()
{
    m_pending = 0;
    if (m_chime)
        m_chime->stop();
    hide();
    emit acknowledged();
}

void EmergencyAlert::playChime()
{
    // The loader keeps its answer, so asking again without the plugin is cheap.
    if (!m_chime)
        if (AlertSoundFactory* factory = AlertSoundLoader::shared().factory())
            m_chime = factory->create(QUrl(QStringLiteral("qrc:/sounds/alert-chime.wav")));
    // Without the plugin or an audio device staff still hear something.
    if (!m_chime || !m_chime->play(kChimeLoops))
        QApplication::beep();
}

} // namespace spinepath::ui
