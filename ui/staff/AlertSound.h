#pragma once

#include <QtPlugin>

#include <memory>

class QUrl;

namespace spinepath::ui {

// The emergency chime sits behind this interface, in a plugin loaded at run
// time (ui/staff/alertsound), because QtMultimedia brings some twenty shared
// libraries (PulseAudio, codecs, Kerberos, QtNetwork) that every process
// linking it pays for before main(), for a sound most days never play.
class AlertSound
{
public:
    AlertSound() = default;
    virtual ~AlertSound() = default;
    Q_DISABLE_COPY_MOVE(AlertSound)

    // Plays from the start, `loops` times. False when nothing will be heard
    // (no audio output, or the sound did not load), so the caller can beep.
    virtual bool play(int loops) = 0;
    virtual void stop() = 0;
};

class AlertSoundFactory
{
public:
    AlertSoundFactory() = default;
    virtual ~AlertSoundFactory() = default;
    Q_DISABLE_COPY_MOVE(AlertSoundFactory)

    // Call on the GUI thread; the sound belongs to the caller.
    [[nodiscard]] virtual std::unique_ptr<AlertSound> create(const QUrl& source) = 0;
};

} // namespace spinepath::ui

// The number is the interface's version: change it with any change above, so
// that an old plugin is refused instead of called through the wrong layout.
#define SpinePathAlertSoundFactory_iid "org.spinepath.AlertSoundFactory/1"
Q_DECLARE_INTERFACE(spinepath::ui::AlertSoundFactory, SpinePathAlertSoundFactory_iid)
