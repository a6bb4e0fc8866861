#pragma once

#include <QFrame>
#include <QTime>

#include <memory>

class QLabel;
class QPushButton;

namespace spinepath::ui {

class AlertSound;

// The banner that tells staff an urgent assessment needs attention now, with
// a chime. It names the time only, never the patient (the waiting room may
// see the screen), and stays until someone acknowledges it.
class EmergencyAlert final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmergencyAlert)

public:
    explicit EmergencyAlert(QWidget* parent = nullptr);
    ~EmergencyAlert() override;

    // Shows the banner (or adds to it) and plays the chime.
    void showAlert(const QTime& startedAt);
    [[nodiscard]] int alertCount() const { return m_alerts; }
    [[nodiscard]] int soundsPlayed() const { return m_sounds; }

signals:
    void acknowledged();

private:
    void acknowledge();
    void playChime();

    QLabel* m_text;
    QPushButton* m_acknowledge;
    // Made at the first alert, not with the console: most days have none, and
    // the plugin brings the whole audio stack. Null without it: then a beep.
    std::unique_ptr<AlertSound> m_chime;
    int m_alerts = 0;
    int m_sounds = 0;
    int m_pending = 0; // alerts shown since the last acknowledgement
};

} // namespace spinepath::ui
