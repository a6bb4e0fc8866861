#include "EmergencyPage.h"

#include <QAccessible>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace spinepath::ui {

EmergencyPage::EmergencyPage(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Please get help now"), this))
    , m_action(new QLabel(this))
    , m_reasons(new QLabel(this))
    , m_continue(new QPushButton(tr("I understand. Continue the questionnaire"), this))
{
    setObjectName(QStringLiteral("emergencyPage"));
    setProperty("role", QStringLiteral("emergency"));
    setAttribute(Qt::WA_StyledBackground); // so the style sheet paints the whole page
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(64, 48, 64, 48);
    layout->setSpacing(20);
    layout->addStretch();

    m_title->setObjectName(QStringLiteral("emergencyTitle"));
    m_title->setProperty("role", QStringLiteral("emergencyTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    m_action->setTextFormat(Qt::PlainText);
    m_action->setObjectName(QStringLiteral("emergencyAction"));
    m_action->setProperty("role", QStringLiteral("emergencyAction"));
    m_action->setWordWrap(true);
    m_action->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_action);

    m_reasons->setTextFormat(Qt::PlainText);
    m_reasons->setObjectName(QStringLiteral("emergencyReasons"));
    m_reasons->setProperty("role", QStringLiteral("body"));
    m_reasons->setWordWrap(true);
    m_reasons->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_reasons);

    m_continue->setObjectName(QStringLiteral("emergencyContinueButton"));
    m_continue->setProperty("role", QStringLiteral("secondary"));
    m_continue->setMinimumHeight(56);
    // Room for the thicker focus border, which the size hint does not count.
    m_continue->setMinimumWidth(m_continue->fontMetrics().horizontalAdvance(m_continue->text()) + 96);
    layout->addWidget(m_continue, 0, Qt::AlignCenter);
    layout->addStretch();
    connect(m_continue, &QPushButton::clicked, this, &EmergencyPage::continueRequested);
}

EmergencyPage::~EmergencyPage() = default;

void EmergencyPage::clear()
{
    for (QLabel* label : {m_reasons, m_action}) {
        label->clear();
        label->setAccessibleName({});
    }
    m_continue->setAccessibleDescription({});
}

void EmergencyPage::showEmergency(const QStringList& reasons, const QString& whatToDoNow)
{
    m_action->setText(whatToDoNow);
    m_action->setAccessibleName(whatToDoNow);
    m_reasons->setText(reasons.join(QStringLiteral("\n\n")));
    m_reasons->setAccessibleName(m_reasons->text());
    // Focus lands on the button, so a screen reader starts there: its
    // description carries the heading and what to do, read before anything
    // else, and the heading is announced as an alert.
    m_continue->setAccessibleDescription(m_title->text() + QStringLiteral(". ") + whatToDoNow);
    m_continue->setFocus(Qt::OtherFocusReason);
    QAccessibleEvent alert(m_title, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

} // namespace spinepath::ui
