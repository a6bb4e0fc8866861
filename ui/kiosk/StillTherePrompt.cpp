#include "StillTherePrompt.h"

#include <QAccessible>
#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace spinepath::ui {

StillTherePrompt::StillTherePrompt(QWidget* parent)
    : QWidget(parent)
    , m_countdown(new QLabel(this))
    , m_stillHere(new QPushButton(tr("I'm still here"), this))
{
    setObjectName(QStringLiteral("stillTherePrompt"));
    setAttribute(Qt::WA_StyledBackground);
    setAccessibleName(tr("Are you still there?"));

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("stillThereCard"));
    card->setMaximumWidth(640);
    auto* title = new QLabel(tr("Are you still there?"), card);
    title->setObjectName(QStringLiteral("stillThereTitle"));
    title->setWordWrap(true);
    title->setAlignment(Qt::AlignCenter);
    m_countdown->setObjectName(QStringLiteral("stillThereCountdown"));
    m_countdown->setWordWrap(true);
    m_countdown->setAlignment(Qt::AlignCenter);
    m_stillHere->setObjectName(QStringLiteral("stillHereButton"));
    m_stillHere->setProperty("role", QStringLiteral("start"));
    m_stillHere->setMinimumHeight(72);
    m_stillHere->setDefault(true);

    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(40, 32, 40, 32);
    cardLayout->setSpacing(20);
    cardLayout->addWidget(title);
    cardLayout->addWidget(m_countdown);
    cardLayout->addWidget(m_stillHere);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(card, 0, Qt::AlignHCenter);
    layout->addStretch();

    m_ticks.setInterval(std::chrono::seconds(1));
    connect(&m_ticks, &QTimer::timeout, this, &StillTherePrompt::countDown);
    connect(m_stillHere, &QPushButton::clicked, this, [this] {
        dismiss();
        emit continued();
    });
    parent->installEventFilter(this);
    hide();
}

StillTherePrompt::~StillTherePrompt() = default;

void StillTherePrompt::start(int seconds, std::chrono::milliseconds tick)
{
    m_secondsLeft = seconds;
    showSecondsLeft();
    setGeometry(parentWidget()->rect());
    hideWhatIsCovered();
    show();
    raise();
    m_stillHere->setFocus();
    // The button is what a screen reader is on: it says, once, what pressing
    // it stops (not every second, which would drown everything else).
    m_stillHere->setAccessibleDescription(m_countdown->text());
    // A patient who cannot see the screen must hear it too.
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    m_ticks.setInterval(tick);
    m_ticks.start();
}

void StillTherePrompt::dismiss()
{
    m_ticks.stop();
    hide();
    showWhatWasCovered();
}

void StillTherePrompt::hideWhatIsCovered()
{
    if (!m_covered.isEmpty())
        return; // already covering
    m_focusBefore = QApplication::focusWidget();
    for (QWidget* sibling : parentWidget()->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (sibling == this || sibling->isWindow() || sibling->isHidden())
            continue;
        m_covered << sibling;
        sibling->hide();
    }
}

void StillTherePrompt::showWhatWasCovered()
{
    for (const QPointer<QWidget>& sibling : std::as_const(m_covered))
        if (sibling)
            sibling->show();
    m_covered.clear();
    if (m_focusBefore && m_focusBefore->isVisible())
        m_focusBefore->setFocus(Qt::OtherFocusReason);
    m_focusBefore = nullptr;
}

void StillTherePrompt::countDown()
{
    --m_secondsLeft;
    if (m_secondsLeft > 0) {
        showSecondsLeft();
        return;
    }
    dismiss();
    emit expired();
}

void StillTherePrompt::showSecondsLeft()
{
    m_countdown->setText(
        tr("To keep your answers private, this screen will clear in %n second(s).", nullptr, m_secondsLeft));
}

bool StillTherePrompt::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void StillTherePrompt::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(20, 33, 48));
}

} // namespace spinepath::ui
