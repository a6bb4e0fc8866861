#include "InWindowDialogs.h"

#include "OnScreenKeyboard.h"

#include <QApplication>
#include <QBoxLayout>
#include <QDialog>
#include <QGridLayout>
#include <QInputMethod>
#include <QMainWindow>
#include <QScrollArea>
#include <QTimer>

namespace spinepath::ui {

InWindowDialogs::InWindowDialogs(QWidget& central)
    : QWidget(&central)
    , m_scroll(new QScrollArea(this))
    , m_holder(new QWidget)
    , m_holderLayout(new QGridLayout(m_holder))
{
    setObjectName(QStringLiteral("inWindowDialogs"));
    setAttribute(Qt::WA_StyledBackground);
    m_holder->setObjectName(QStringLiteral("inWindowDialogHolder"));
    m_holderLayout->setContentsMargins(24, 24, 24, 24);
    m_scroll->setWidget(m_holder);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    hide();
}

InWindowDialogs::~InWindowDialogs() = default;

InWindowDialogs* InWindowDialogs::attach(QMainWindow& window)
{
    QWidget* central = window.centralWidget();
    auto* layout = central ? qobject_cast<QBoxLayout*>(central->layout()) : nullptr;
    if (!layout)
        return nullptr;
    auto* dialogs = new InWindowDialogs(*central);
    // Above the keyboard when it is docked already: the keyboard stays at the bottom.
    int at = layout->count();
    for (int i = 0; i < layout->count(); ++i)
        if (qobject_cast<OnScreenKeyboard*>(layout->itemAt(i)->widget()))
            at = i;
    layout->insertWidget(at, dialogs);
    return dialogs;
}

void InWindowDialogs::present(QDialog& dialog)
{
    // No longer a window: the compositor cannot give it a focus of its own.
    dialog.setParent(m_holder, Qt::Widget);
    dialog.setAttribute(Qt::WA_StyledBackground);
    m_holderLayout->addWidget(&dialog, 0, 0, Qt::AlignCenter);
    connect(&dialog, &QDialog::finished, this, &InWindowDialogs::uncoverPage, Qt::QueuedConnection);
    connect(&dialog, &QObject::destroyed, this, &InWindowDialogs::uncoverPage, Qt::QueuedConnection);
    coverPage();
    show();
    dialog.open();
    // The dialog focuses the field to type in; a tap on it would bring the
    // keyboard up, but staff should not have to tap twice.
    QTimer::singleShot(0, &dialog, [] {
        if (QWidget* focus = QApplication::focusWidget();
            focus && focus->testAttribute(Qt::WA_InputMethodEnabled))
            QGuiApplication::inputMethod()->show();
    });
}

void InWindowDialogs::coverPage()
{
    if (!m_covered.isEmpty())
        return;
    auto* layout = qobject_cast<QBoxLayout*>(parentWidget()->layout());
    for (int i = 0; layout && i < layout->count(); ++i) {
        QWidget* widget = layout->itemAt(i)->widget();
        if (!widget || widget == this || qobject_cast<OnScreenKeyboard*>(widget) || widget->isHidden())
            continue;
        m_covered << widget;
        widget->hide();
    }
}

void InWindowDialogs::uncoverPage()
{
    for (QDialog* dialog : m_holder->findChildren<QDialog*>(Qt::FindDirectChildrenOnly))
        if (dialog->isVisible())
            return;
    hide();
    for (const QPointer<QWidget>& widget : std::as_const(m_covered))
        if (widget)
            widget->show();
    m_covered.clear();
}

} // namespace spinepath::ui
