#include "PatientTraces.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace spinepath::ui {

namespace {

// Platforms whose clipboard other programs share, and which say who owns it.
// Elsewhere (eglfs, linuxfb, offscreen) the clipboard lives in this process:
// whatever it holds, this program put there.
bool clipboardIsShared()
{
    const QString platform = QGuiApplication::platformName();
    return platform == QStringLiteral("xcb") || platform.startsWith(QStringLiteral("wayland")) ||
           platform == QStringLiteral("windows") || platform == QStringLiteral("cocoa");
}

} // namespace

void patienttraces::closeStrayWindows(const QWidget* keep)
{
    // Pop-ups first (a context menu, a combo box list): they grab the input.
    for (int guard = 0; guard < 16; ++guard) {
        QWidget* popup = QApplication::activePopupWidget();
        if (!popup)
            break;
        popup->close();
    }
    for (QWidget* window : QApplication::topLevelWidgets()) {
        auto* dialog = qobject_cast<QDialog*>(window);
        if (dialog && dialog != keep && dialog->isVisible())
            dialog->reject();
    }
}

void patienttraces::forgetEditHistory(QWidget& root)
{
    for (QLineEdit* edit : root.findChildren<QLineEdit*>())
        if (edit->isUndoAvailable() || edit->isRedoAvailable()) {
            // setText starts a new history; the same text is kept.
            const QSignalBlocker quiet(edit);
            edit->setText(edit->text());
        }
    for (QTextEdit* edit : root.findChildren<QTextEdit*>())
        edit->document()->clearUndoRedoStacks();
    for (QPlainTextEdit* edit : root.findChildren<QPlainTextEdit*>())
        edit->document()->clearUndoRedoStacks();
}

void patienttraces::clearOwnClipboard()
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return;
    const bool shared = clipboardIsShared();
    if (!shared || clipboard->ownsClipboard())
        clipboard->clear(QClipboard::Clipboard);
    if (clipboard->supportsSelection() && (!shared || clipboard->ownsSelection()))
        clipboard->clear(QClipboard::Selection);
}

} // namespace spinepath::ui
