#include "staff/AlertSound.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QObject>
#include <QSoundEffect>
#include <QUrl>

namespace spinepath::ui {

namespace {

class SoundEffectAlert final : public AlertSound
{
public:
    explicit SoundEffectAlert(const QUrl& source)
    {
        // Loads in the background, so the first play() may still be queued.
        m_effect.setSource(source);
        m_effect.setVolume(0.9f);
    }

    bool play(int loops) override
    {
        m_effect.stop();
        m_effect.setLoopCount(loops);
        m_effect.play();
        // Without an output QSoundEffect stays silent and says nothing.
        return !QMediaDevices::defaultAudioOutput().isNull() && m_effect.status() != QSoundEffect::Error;
    }

    void stop() override { m_effect.stop(); }

private:
    QSoundEffect m_effect;
};

} // namespace

class AlertSoundPlugin final : public QObject, public AlertSoundFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID SpinePathAlertSoundFactory_iid)
    Q_INTERFACES(spinepath::ui::AlertSoundFactory)

public:
    AlertSoundPlugin() = default;
    Q_DISABLE_COPY_MOVE(AlertSoundPlugin)

    std::unique_ptr<AlertSound> create(const QUrl& source) override
    {
        return std::make_unique<SoundEffectAlert>(source);
    }
};

} // namespace spinepath::ui

#include "AlertSoundPlugin.moc"
