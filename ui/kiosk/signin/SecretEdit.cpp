#include "SecretEdit.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace spinepath::ui {

namespace signin {

QLineEdit* makeSecretEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                              Qt::ImhNoAutoUppercase);
    edit->setContextMenuPolicy(Qt::NoContextMenu);
    edit->setMaxLength(128);
    edit->setMinimumHeight(kTouchHeight);
    // The application's style sheet sets every widget's font size, which
    // setFont() cannot override: the sheet makes secret fields large.
    edit->setProperty("secret", true);
    return edit;
}

void clearSecretEdit(QLineEdit& edit)
{
    edit.setText(QString());
}

void showMessage(QLabel& label, const QString& text)
{
    label.setText(text);
    fitHeight(*label.window());
}

void fitHeight(QWidget& window)
{
    QLayout* layout = window.layout();
    if (!window.isVisible() || !layout)
        return;
    layout->activate();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(window.width())
                                                   : layout->totalSizeHint().height();
    if (needed > window.height())
        window.resize(window.width(), needed);
}

void styleMainButton(QPushButton& button)
{
    // The style sheet greys out a disabled main button.
    button.setProperty("role", QStringLiteral("start"));
}

QVBoxLayout* makeDialogLayout(QWidget& dialog, int spacing)
{
    auto* layout = new QVBoxLayout(&dialog);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(spacing);
    return layout;
}

QLabel* makeHeading(const QString& text, QWidget* parent)
{
    auto* heading = new QLabel(text, parent);
    heading->setTextFormat(Qt::PlainText);
    heading->setProperty("role", QStringLiteral("pageHeading"));
    return heading;
}

void setUpMessageLabel(QLabel& label, const QString& objectName)
{
    label.setObjectName(objectName);
    label.setTextFormat(Qt::PlainText);
    label.setProperty("role", QStringLiteral("error"));
    label.setWordWrap(true);
    label.setMinimumHeight(2 * label.fontMetrics().lineSpacing());
}

QHBoxLayout* makeButtonRow(QPushButton& cancel, QPushButton& main)
{
    styleMainButton(main);
    main.setDefault(true);
    cancel.setObjectName(QStringLiteral("cancelButton"));
    cancel.setProperty("role", QStringLiteral("secondary"));
    cancel.setAutoDefault(false);
    cancel.setMinimumSize(160, kTouchHeight);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(&cancel);
    buttons->addStretch();
    buttons->addWidget(&main);
    return buttons;
}

QString countdownText(std::chrono::seconds wait)
{
    const auto total = std::max<long long>(wait.count(), 0);
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

} // namespace signin

} // namespace spinepath::ui
