#pragma once

#include "core/storage/KioskReports.h"

#include <QDateTime>
#include <QFrame>

#include <vector>

class QLabel;

namespace spinepath::ui {

// Kiosks whose answers are not on the server yet, from their reports
// (storage::KioskReports): one holding answers it could not send, and one
// that has not reached the server for a while (its answers, if any, wait
// on it). Staff then know to check that kiosk's network before a patient's
// answers are looked for. Hidden while every kiosk is up to date.
class UnsentAnswersBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnsentAnswersBanner)

public:
    // A kiosk reports at least this often while it reaches the server
    // (OutboxSender reports every 30 seconds when it has nothing to send).
    static constexpr int kSilentAfterSeconds = 120;
    // A kiosk silent for longer, with nothing unsent when last heard from,
    // is taken to be switched off or gone, and no longer listed.
    static constexpr int kForgottenAfterSeconds = 24 * 3600;

    explicit UnsentAnswersBanner(QWidget* parent = nullptr);
    ~UnsentAnswersBanner() override;

    void showReports(std::vector<spinepath::storage::KioskReport> reports,
                     const QDateTime& now = QDateTime::currentDateTimeUtc());
    // The same reports judged at `now`: a kiosk falls silent without any
    // change on the server.
    void showReportsAt(const QDateTime& now);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateText();

    QLabel* m_text;
    std::vector<spinepath::storage::KioskReport> m_reports;
    QDateTime m_now;
};

} // namespace spinepath::ui
