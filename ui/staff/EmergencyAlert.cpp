#include "staff/EmergencyAlert.h"

#include "staff/AlertSound.h"
#include "staff/AlertSoundLoader.h"
#include "staff/StaffTime.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace spinepath::ui {

namespace {

// Three rings: noticeable across a reception desk, not an alarm that runs on.
constexpr int kChimeLoops = 3;

} // namespace

EmergencyAlert::EmergencyAlert(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_soundProblem(new QLabel(this))
    , m_open(new QPushButton(tr("Open"), this))
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
    m_soundProblem->setTextFormat(Qt::PlainText);
    m_soundProblem->setObjectName(QStringLiteral("emergencySoundProblem"));
    m_soundProblem->setWordWrap(true);
    m_soundProblem->setText(tr("The alert sound could not play on this computer (no sound device or "
                               "speakers). Watch this screen."));
    m_soundProblem->hide();
    m_open->setObjectName(QStringLiteral("emergencyOpen"));
    m_open->setAccessibleName(tr("Open the urgent assessment"));
    m_open->setMinimumHeight(44);
    m_acknowledge->setObjectName(QStringLiteral("emergencyAcknowledge"));
    m_acknowledge->setAccessibleName(tr("Acknowledge the emergency alert"));
    m_acknowledge->setMinimumHeight(44);
    auto* texts = new QVBoxLayout;
    texts->setSpacing(4);
    texts->addWidget(m_text);
    texts->addWidget(m_soundProblem);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(14);
    layout->addWidget(icon);
    layout->addLayout(texts, 1);
    layout->addWidget(m_open);
    layout->addWidget(m_acknowledge);
    connect(m_acknowledge, &QPushButton::clicked, this, &EmergencyAlert::acknowledge);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!m_pendingIds.isEmpty())
            emit openRequested(m_pendingIds.back());
    });

    hide();
}

EmergencyAlert::~EmergencyAlert() = default;

void EmergencyAlert::showAlert(const QTime& startedAt, const QString& assessmentId)
{
    ++m_alerts;
    ++m_pending;
    if (!assessmentId.isEmpty()) {
        m_pendingIds.removeAll(assessmentId);
        m_pendingIds.append(assessmentId);
    }
    m_open->setVisible(!m_pendingIds.isEmpty());
    const QString time = startedAt.isValid() ? staffClock(startedAt) : tr("today");
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
    // Staff who cannot hear the chime must at least read that it is missing.
    m_soundProblem->setVisible(!playChime());
    ++m_sounds;
}

void EmergencyAlert::acknowledge()
{
    m_pending = 0;
    const QStringList ids = std::exchange(m_pendingIds, {});
    if (m_chime)
        m_chime->stop();
    hide();
    emit acknowledged(ids);
}

bool EmergencyAlert::playChime()
{
    // The loader keeps its answer, so asking again without the plugin is cheap.
    if (!m_chime)
        if (AlertSoundFactory* factory = AlertSoundLoader::shared().factory())
            m_chime = factory->create(QUrl(QStringLiteral("qrc:/sounds/alert-chime.wav")));
    if (m_chime && m_chime->play(kChimeLoops))
        return true;
    // Without the plugin or an audio device staff still hear something.
    QApplication::beep();
    return false;
}

} // namespace spinepath::ui
