#pragma once

class QWidget;

namespace spinepath::ui {

// What one patient at the kiosk can leave behind for the next outside the
// pages themselves: open dialogs and menus, the undo history of text
// fields, and the clipboard. The idle reset and the end of a visit clear them.
namespace patienttraces {

// Closes every dialog (modal or not), message box, menu and pop-up, except
// `keep` (may be null).
void closeStrayWindows(const QWidget* keep = nullptr);

// Empties the undo and redo history of every text field under `root`,
// keeping the text: Ctrl+Z must not bring back what the last patient typed.
void forgetEditHistory(QWidget& root);

// Empties the clipboard and the X selection when this program put what they
// hold there (copied text may be a name); what another program owns is left alone.
void clearOwnClipboard();

} // namespace patienttraces

} // namespace spinepath::ui
