#pragma once

#include <QString>

#include <chrono>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;
class QWidget;

namespace spinepath::ui {

namespace signin {

// A large, touch-friendly field for a PIN or passphrase: dots instead of the
// characters, and no predictive text, so that neither the screen nor an
// on-screen keyboard's word list keeps it.
[[nodiscard]] QLineEdit* makeSecretEdit(const QString& objectName, QWidget* parent);

// Empties the field and its undo history (QLineEdit::clear() keeps the
// history; setText() drops it).
void clearSecretEdit(QLineEdit& edit);

// Shows `text` in a dialog's message label and makes the dialog tall enough
// for it: a window keeps its size once shown, so a long message (a storage
// error) would otherwise be cut off.
void showMessage(QLabel& label, const QString& text);

// Makes a shown window tall enough for its word-wrapped labels at its
// current width (the size hint alone leaves them cut off).
void fitHeight(QWidget& window);

// A sign-in dialog's main button, which must look off while a wait runs.
void styleMainButton(QPushButton& button);

// A sign-in dialog's outer layout: the margins both dialogs share, and the
// dialog's own spacing between rows.
[[nodiscard]] QVBoxLayout* makeDialogLayout(QWidget& dialog, int spacing);

// A sign-in dialog's heading, in the style of a page heading.
[[nodiscard]] QLabel* makeHeading(const QString& text, QWidget* parent);

// Readies the label under the fields that shows refusals and errors. It has
// room for two lines from the start, so the buttons do not jump when a
// message appears.
void setUpMessageLabel(QLabel& label, const QString& objectName);

// Readies the dialog's two buttons and returns them as a row: Cancel at the
// left, the main button at the right. The main button is the one Return
// presses (its object name stays the caller's); Cancel never is, even when
// it has the focus (after the main button was switched off under the finger).
[[nodiscard]] QHBoxLayout* makeButtonRow(QPushButton& cancel, QPushButton& main);

// A wait as staff read it on a countdown: 0:12, 14:59.
[[nodiscard]] QString countdownText(std::chrono::seconds wait);

// Height of the fields and buttons: a fingertip, not a mouse pointer.
inline constexpr int kTouchHeight = 64;

} // namespace signin

} // namespace spinepath::ui
