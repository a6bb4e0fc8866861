#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace spinepath::ui {

// The full-window stop when an answer raises an emergency flag: what it may
// mean and what to do now, worded by the clinic's content for the setting
// (front desk at the clinic, emergency services at home). Only after that may
// the patient go on with the questionnaire.
class EmergencyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmergencyPage)

public:
    explicit EmergencyPage(QWidget* parent = nullptr);
    ~EmergencyPage() override;

    void showEmergency(const QStringList& reasons, const QString& whatToDoNow);
    void clear();

signals:
    void continueRequested();

private:
    // Created in reading order: a screen reader walks the children in the
    // order they were made, and the heading must come first.
    QLabel* m_title;
    QLabel* m_action;
    QLabel* m_reasons;
    QPushButton* m_continue;
};

} // namespace spinepath::ui
