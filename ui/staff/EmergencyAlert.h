#pragma once

#include <QFrame>
#include <QStringList>
#include <QTime>

#include <memory>

class QLabel;
class QPushButton;

namespace spinepath::ui {

class AlertSound;

// The banner that tells staff an urgent assessment needs attention now, with
// a chime. It names the time only, never the patient (the waiting room may
// see the screen), and stays until someone acknowledges it. "Open" opens the
// latest urgent assessment. When the chime cannot play (no sound plugin, no
// audio device) the computer beeps and the banner says so in words.
class EmergencyAlert final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmergencyAlert)

public:
    explicit EmergencyAlert(QWidget* parent = nullptr);
    ~EmergencyAlert() override;

    // Shows the banner (or adds to it) and plays the chime. `assessmentId`
    // is what "Open" opens (the latest alert's).
    void showAlert(const QTime& startedAt, const QString& assessmentId = {});
    [[nodiscard]] int alertCount() const { return m_alerts; }
    [[nodiscard]] int soundsPlayed() const { return m_sounds; }
    // Alerts shown and not yet acknowledged.
    [[nodiscard]] bool isPending() const { return m_pending > 0; }

signals:
    // The assessments of the alerts acknowledged (for the audit log).
    void acknowledged(const QStringList& assessmentIds);
    void openRequested(const QString& assessmentId);

private:
    void acknowledge();
    // False when no chime could play.
    bool playChime();

    QLabel* m_text;
    QLabel* m_soundProblem;
    QPushButton* m_open;
    QPushButton* m_acknowledge;
    QStringList m_pendingIds; // oldest first
    // Made at the first alert, not with the console: most days have none, and
    // the plugin brings the whole audio stack. Null without it: then a beep.
    std::unique_ptr<AlertSound> m_chime;
    int m_alerts = 0;
    int m_sounds = 0;
    int m_pending = 0; // alerts shown since the last acknowledgement
};

} // namespace spinepath::ui
