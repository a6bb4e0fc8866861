#pragma once

#include <QTimer>
#include <QWidget>

#include <chrono>

class QLabel;

namespace spinepath::ui {

// The last kiosk screen: the patient is done and the front desk has the
// summary. It shows no result and no answer, and goes back to the welcome
// screen by itself, so the next patient never finds the last one's session.
class ThankYouPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThankYouPage)

public:
    explicit ThankYouPage(QWidget* parent = nullptr);
    ~ThankYouPage() override;

    // `message` is the clinic's own wording; the page closes after `stay`.
    void present(const QString& message, std::chrono::milliseconds stay = std::chrono::seconds(20));
    void stop() { m_stay.stop(); }

signals:
    void finished();

private:
    QLabel* m_message = nullptr;
    QTimer m_stay;
};

} // namespace spinepath::ui
